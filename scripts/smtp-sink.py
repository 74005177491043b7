#!/usr/bin/env python3
"""A real SMTP server on loopback for the tests (aiosmtpd), started and stopped by the test.

Listens on 127.0.0.1 on a free port, writes the port to DIR/.port when ready (and prints
"PORT n"), and stores every accepted message as DIR/NNNN.eml (the bytes received) beside
DIR/NNNN.json (envelope sender, recipients, whether the session was TLS, the login used).
It stops on SIGTERM/SIGINT or when its standard input closes (the test that started it died).

  --reject ADDR   answer RCPT TO:<ADDR> with 550 (permanent)      (repeatable)
  --defer ADDR    answer RCPT TO:<ADDR> with 451 (temporary)      (repeatable)
  --starttls      offer STARTTLS with a self-signed certificate (DIR/tls-cert.pem)
  --smtps         TLS from the first byte (implicit TLS), same certificate
  --auth U:P      require AUTH (LOGIN/PLAIN, only over TLS) with this user and password
  --silent        accept TCP connections but never say a word (for timeouts)
"""
import argparse
import asyncio
import itertools
import json
import os
import signal
import socket
import ssl
import subprocess
import sys


def make_certificate(folder):
    cert, key = os.path.join(folder, "tls-cert.pem"), os.path.join(folder, "tls-key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert,
         "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def write_atomically(path, data):
    temporary = path + ".tmp"
    with open(temporary, "wb") as f:
        f.write(data)
    os.replace(temporary, path)


class Handler:
    def __init__(self, folder, reject, defer):
        self.folder, self.reject, self.defer = folder, reject, defer
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return f"550 5.1.1 <{address}>: Recipient address rejected: mailbox unavailable"
        if address.lower() in self.defer:
            return f"451 4.3.0 <{address}>: mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        n = next(self.counter)
        base = os.path.join(self.folder, f"{n:04d}")
        login = session.auth_data.login.decode() if session.authenticated and hasattr(session.auth_data, "login") else None
        tls = session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None
        write_atomically(base + ".eml", envelope.original_content)
        write_atomically(base + ".json", json.dumps({
            "mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "tls": tls, "login": login,
            "helo": session.host_name,
        }).encode())
        return f"250 2.0.0 Ok: queued as {n:04d}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--defer", action="append", default=[])
    parser.add_argument("--starttls", action="store_true")
    parser.add_argument("--smtps", action="store_true")
    parser.add_argument("--auth")
    parser.add_argument("--silent", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    port = sock.getsockname()[1]

    loop = asyncio.new_event_loop()
    stop = loop.create_future()
    for s in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(s, lambda: stop.done() or stop.set_result(None))

    def stdin_readable():
        if not os.read(sys.stdin.fileno(), 4096):
            loop.remove_reader(sys.stdin.fileno())
            stop.done() or stop.set_result(None)
    try:
        loop.add_reader(sys.stdin.fileno(), stdin_readable)
    except (OSError, ValueError):
        pass  # stdin is a file or /dev/null: only a signal stops the sink

    if not args.silent:
        from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
        context = make_certificate(args.dir) if (args.starttls or args.smtps) else None
        handler = Handler(args.dir, {a.lower() for a in args.reject}, {a.lower() for a in args.defer})
        authenticator = None
        if args.auth:
            user, password = args.auth.split(":", 1)

            def authenticator(server, session, envelope, mechanism, auth_data):
                ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() \
                    and auth_data.password == password.encode()
                return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

        def factory():
            return SMTP(handler, hostname="sink.test", decode_data=False, enable_SMTPUTF8=False,
                        tls_context=context if args.starttls else None, require_starttls=False,
                        authenticator=authenticator, auth_required=bool(args.auth), auth_require_tls=True)
        loop.run_until_complete(loop.create_server(factory, sock=sock, ssl=context if args.smtps else None))

    write_atomically(os.path.join(args.dir, ".port"), str(port).encode())
    print(f"PORT {port}", flush=True)
    loop.run_until_complete(stop)
    sock.close()


if __name__ == "__main__":
    main()
