#!/usr/bin/env python3
"""Re-create the fuzzers' seed corpora (Fuzz/<target>/corpus/) from Tests/Fixtures.

    python3 Fuzz/make_corpus.py

xlsx:   every fixture workbook under 16 KiB as saved, again re-zipped with stored (not deflated)
        entries, and as a text package (`@@ part-name` lines before each part's content, which the
        target zips itself), so that mutations reach the XML instead of breaking a deflate stream.
csv:    every CSV/TSV fixture, prefixed with the byte that picks the fuzzer's path
        (0: through format sniffing, 1: the CSV reader, 2: the CSV reader as .tsv).
numfmt: each built-in number format and each custom one in the fixtures, with a few serials:
        8 bytes of a little-endian double, a flag byte (1 = 1904 system), then the format code.
Output is deterministic; file names are the content's SHA-1, as libFuzzer names what it adds.
"""
import hashlib
import warnings
import io
import re
import shutil
import struct
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "Fixtures"
SMALL = 16 * 1024
warnings.simplefilter("ignore")  # hostile fixtures hold duplicate names on purpose


def reset(target):
    d = ROOT / "Fuzz" / target / "corpus"
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    return d


def put(d, data):
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def stored_copy(data):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            copy = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            dst.writestr(copy, src.read(info.filename))
    return out.getvalue()


def text_package(data):
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return b"\n".join(b"@@ " + i.filename.encode() + b"\n" + src.read(i.filename) for i in src.infolist())


xlsx = reset("xlsx")
codes = set()
for f in sorted(FIXTURES.glob("*.xlsx")):
    data = f.read_bytes()
    if not data or len(data) > SMALL:
        continue
    put(xlsx, data)
    try:
        put(xlsx, stored_copy(data))
        put(xlsx, text_package(data))
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for name in z.namelist():
                if name.endswith("styles.xml"):
                    text = z.read(name).decode("utf-8", "replace")
                    codes.update(re.findall(r'formatCode="([^"]*)"', text))
    except Exception:
        pass  # a hostile fixture that is not a readable zip is still a good seed as it is

csv = reset("csv")
for f in sorted(list(FIXTURES.glob("*.csv")) + list(FIXTURES.glob("*.tsv"))):
    data = f.read_bytes()
    if len(data) <= SMALL:
        put(csv, bytes([2 if f.suffix == ".tsv" else 1]) + data)
        put(csv, b"\x00" + data)

numfmt = reset("numfmt")
builtin = ["General", "0", "0.00", "#,##0", "#,##0.00", "0%", "0.00%", "0.00E+00", "# ?/?", "mm-dd-yy",
           "d-mmm-yy", "d-mmm", "mmm-yy", "h:mm AM/PM", "h:mm:ss AM/PM", "h:mm", "h:mm:ss", "m/d/yy h:mm",
           "#,##0 ;(#,##0)", "mm:ss", "[h]:mm:ss", "mmss.0", "##0.0E+0", "@", "yyyy-mm-dd",
           "[$-409]dddd, mmmm dd, yyyy", '"Due "yyyy-mm-dd;@', "[Red][<0]0.00;0.00", "[mm]:ss", "[ss].000",
           "yyyy-mm-dd hh:mm:ss.000", "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)"]
for code in sorted(set(builtin) | codes):
    for serial, flag in ((45000.5, 0), (0.25, 0), (60.0, 0), (1.0, 1), (2958465.999994, 0)):
        put(numfmt, struct.pack("<d", serial) + bytes([flag]) + code.encode("utf-8"))
for text in ("2024-01-31", "2024-01-31T13:45:00", "13:45:00", "1900-02-29"):
    put(numfmt, struct.pack("<d", 1.0) + b"\x00" + text.encode())
