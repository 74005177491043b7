#!/usr/bin/env bash
# Installs what invitesheet needs on a Debian machine that has the Swift toolchain:
# the C libraries it links (libzip, libxml2, libxlsxwriter, libcurl for SMTP, SQLite for the
# invitations ledger, OpenSSL's libcrypto for SHA-256, libphonenumber for
# contact numbers) and, for the tests and the benchmark, the
# second readers it checks its output with (LibreOffice headless, openpyxl, python-calamine,
# XlsxWriter; xmlschema checks JUnit output against the Ant schema), plus a real SMTP server for
# the mail tests (aiosmtpd, and openssl for its self-signed certificate).
# Safe to run again: it installs only what is missing.
set -euo pipefail

apt_packages=(pkg-config libzip-dev libxml2-dev libxlsxwriter-dev zlib1g-dev libcurl4-openssl-dev libphonenumber-dev openssl libsqlite3-dev libssl-dev python3 python3-pip time hyperfine)
if [ "${INVITESHEET_SKIP_LIBREOFFICE:-0}" != 1 ]; then
  apt_packages+=(libreoffice-calc-nogui)
fi

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python_modules=(openpyxl python_calamine xlsxwriter xmlschema aiosmtpd)
pip_names=(openpyxl python-calamine XlsxWriter xmlschema aiosmtpd)
need=()
for i in "${!python_modules[@]}"; do
  python3 -c "import ${python_modules[$i]}" 2>/dev/null || need+=("${pip_names[$i]}")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: pip installing ${need[*]}" >&2
  python3 -m pip install -q --disable-pip-version-check "${need[@]}" 2>/dev/null \
    || python3 -m pip install -q --disable-pip-version-check --break-system-packages "${need[@]}"
fi
