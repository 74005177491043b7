#!/usr/bin/env python3
"""Re-create the spreadsheet test fixtures that live beside this script.

Usage:
    python3 Tests/Fixtures/make_fixtures.py            # (re)write every fixture
    python3 Tests/Fixtures/make_fixtures.py --report   # print what calamine/openpyxl read back

Needs: python3 with openpyxl, XlsxWriter, python-calamine (for --report) and
msoffcrypto-tool (for hostile-encrypted.xlsx); LibreOffice (`soffice`) for the
real-libreoffice.* and real-legacy.xls files. Runs from any working directory.

Output is byte-for-byte deterministic except for files written by LibreOffice
(real-libreoffice.xlsx, real-libreoffice.ods, real-legacy.xls), whose zip/OLE
timestamps and document dates LibreOffice sets itself; those are left exactly as
LibreOffice wrote them so tests see a genuine LibreOffice package.
README.md beside this script documents every fixture and its expected values.
"""

import argparse
import datetime as dt
import io
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import warnings
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
FIXED_DOC_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)
LO_PROFILE = "file:///tmp/lo-profile-fixtures"

# --- namespaces and relationship types -------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RT_OFFICE = RELNS + "/officeDocument"
RT_SHEET = RELNS + "/worksheet"
RT_SST = RELNS + "/sharedStrings"
RT_STYLES = RELNS + "/styles"

STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_RELNS = "http://purl.oclc.org/ooxml/officeDocument/relationships"

CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"
CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
CT_XLSB = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def out(name):
    return HERE / name


# --- zip writing helpers ------------------------------------------------------------------

def zinfo(name, compress=zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
    info.compress_type = compress
    info.create_system = 3
    info.external_attr = 0o644 << 16
    for attr in ("compress_level", "_compresslevel"):  # the name changed in Python 3.13
        if attr in zipfile.ZipInfo.__slots__:
            setattr(info, attr, 9)
    return info


def to_bytes(data):
    return data.encode("utf-8") if isinstance(data, str) else data


def write_zip(path, entries, compress=zipfile.ZIP_DEFLATED):
    """entries: dict or list of (name, data); data is str (UTF-8) or bytes."""
    items = entries.items() if isinstance(entries, dict) else entries
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are deliberate in some fixtures
        with zipfile.ZipFile(path, "w") as zf:
            for name, data in items:
                zf.writestr(zinfo(name, compress), to_bytes(data))


def normalise_zip(path):
    """Rewrite a zip written by Python's zipfile (openpyxl) with fixed timestamps and
    fixed document dates, keeping entry order and compression."""
    with zipfile.ZipFile(path) as zf:
        entries = [(i.filename, i.compress_type, zf.read(i.filename)) for i in zf.infolist()]
    fixed = FIXED_DOC_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, ctype, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                              rb"\g<1>" + fixed + rb"\g<3>", data)
            zf.writestr(zinfo(name, ctype), data)


DOS_TIME = 0
DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1


def raw_deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def write_raw_zip(path, entries):
    """Write a zip by hand. Each entry is a dict with name, payload (bytes exactly as
    stored after the local header), method, flag, crc, csize, usize. Sizes are written
    as given, so they can lie."""
    body = bytearray()
    central = bytearray()
    for e in entries:
        name = e["name"].encode("utf-8")
        offset = len(body)
        csize, usize, version, extra = e["csize"], e["usize"], 20, b""
        if e.get("zip64"):
            # Both sizes live in the zip64 extra field (0x0001); the 32-bit fields say 0xFFFFFFFF.
            extra = struct.pack("<HHQQ", 1, 16, usize, csize)
            csize, usize, version = 0xFFFFFFFF, 0xFFFFFFFF, 45
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, version, e["flag"], e["method"],
                            DOS_TIME, DOS_DATE, e["crc"], csize, usize, len(name), len(extra))
        body += name + extra + e["payload"]
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | version, version, e["flag"],
                               e["method"], DOS_TIME, DOS_DATE, e["crc"], csize, usize,
                               len(name), len(extra), 0, 0, 0, 0o644 << 16, offset)
        central += name + extra
    cd_offset = len(body)
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries),
                       len(central), cd_offset, 0)
    Path(path).write_bytes(bytes(body + central + eocd))


# Traditional PKWARE ("ZipCrypto") encryption, done here so the output is deterministic
# (the `zip -e` command salts each entry with random bytes).
_CRC_TABLE = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    _CRC_TABLE.append(_c)


class ZipCrypto:
    def __init__(self, password):
        self.k = [0x12345678, 0x23456789, 0x34567890]
        for ch in password:
            self._update(ch)

    @staticmethod
    def _crc(crc, b):
        return _CRC_TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)

    def _update(self, b):
        k0, k1, k2 = self.k
        k0 = self._crc(k0, b)
        k1 = (k1 + (k0 & 0xFF)) & 0xFFFFFFFF
        k1 = (k1 * 134775813 + 1) & 0xFFFFFFFF
        k2 = self._crc(k2, (k1 >> 24) & 0xFF)
        self.k = [k0, k1, k2]

    def encrypt(self, data):
        result = bytearray()
        for p in data:
            t = (self.k[2] | 2) & 0xFFFF
            result.append(p ^ (((t * (t ^ 1)) >> 8) & 0xFF))
            self._update(p)
        return bytes(result)


def zipcrypto_entry(name, data, password, seed):
    comp = raw_deflate(data)
    crc = zlib.crc32(data) & 0xFFFFFFFF
    rng = random.Random(seed)
    header = bytes(rng.randrange(256) for _ in range(11)) + bytes([crc >> 24])
    payload = ZipCrypto(password).encrypt(header + comp)
    return dict(name=name, payload=payload, method=8, flag=0x1, crc=crc,
                csize=len(payload), usize=len(data))


# --- minimal SpreadsheetML parts --------------------------------------------------------

def sheet_xml(rows, ns=MAIN, decl=XML_DECL, extra_root_attrs=""):
    return (f'{decl}<worksheet xmlns="{ns}"{extra_root_attrs}>'
            f"<sheetData>{rows}</sheetData></worksheet>")


def sst_xml(items, ns=MAIN):
    """items: inner XML of each <si>."""
    sis = "".join(f"<si>{i}</si>" for i in items)
    return f'{XML_DECL}<sst xmlns="{ns}" count="{len(items)}" uniqueCount="{len(items)}">{sis}</sst>'


def styles_xml(numfmts, xf_numfmt_ids, ns=MAIN):
    fmts = ""
    if numfmts:
        inner = "".join(f'<numFmt numFmtId="{i}" formatCode="{code}"/>' for i, code in numfmts)
        fmts = f'<numFmts count="{len(numfmts)}">{inner}</numFmts>'
    apply = ' applyNumberFormat="1"'
    xfs = "".join(
        f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0"'
        f'{"" if n == 0 else apply}/>' for n in xf_numfmt_ids)
    return (f'{XML_DECL}<styleSheet xmlns="{ns}">{fmts}'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xf_numfmt_ids)}">{xfs}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            '</styleSheet>')


def rels_xml(rels):
    """rels: list of (id, type, target)."""
    inner = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{tg}"/>' for i, t, tg in rels)
    return f'{XML_DECL}<Relationships xmlns="{PKG_RELS}">{inner}</Relationships>'


def content_types_xml(overrides, defaults=(("rels", CT_RELS), ("xml", "application/xml"))):
    d = "".join(f'<Default Extension="{e}" ContentType="{c}"/>' for e, c in defaults)
    o = "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in overrides)
    return f'{XML_DECL}<Types xmlns="{CT_NS}">{d}{o}</Types>'


def workbook_xml(sheets, ns=MAIN, relns=RELNS, decl=XML_DECL, extra="", root_attrs=""):
    """sheets: list of (name, rId, state or None)."""
    s = "".join(
        f'<sheet name="{n}" sheetId="{k + 1}"' + (f' state="{st}"' if st else "")
        + f' r:id="{rid}"/>' for k, (n, rid, st) in enumerate(sheets))
    return (f'{decl}<workbook xmlns="{ns}" xmlns:r="{relns}"{root_attrs}>'
            f"<sheets>{s}</sheets>{extra}</workbook>")


def package(sheet_rows, sst=None, styles=None, sheet_names=None, states=None):
    """A minimal valid package at the usual places. sheet_rows: list of <sheetData>
    inner XML (one per sheet), or full sheet XML when it starts with '<?xml'.
    Returns an ordered dict part name -> data."""
    n = len(sheet_rows)
    names = sheet_names or [f"Sheet{k + 1}" for k in range(n)]
    states = states or [None] * n
    overrides = [("/xl/workbook.xml", CT_WORKBOOK)]
    overrides += [(f"/xl/worksheets/sheet{k + 1}.xml", CT_SHEET) for k in range(n)]
    wb_rels = [(f"rId{k + 1}", RT_SHEET, f"worksheets/sheet{k + 1}.xml") for k in range(n)]
    if sst is not None:
        overrides.append(("/xl/sharedStrings.xml", CT_SST))
        wb_rels.append((f"rId{n + 1}", RT_SST, "sharedStrings.xml"))
    if styles is not None:
        overrides.append(("/xl/styles.xml", CT_STYLES))
        wb_rels.append((f"rId{n + 2}", RT_STYLES, "styles.xml"))
    parts = {
        "[Content_Types].xml": content_types_xml(overrides),
        "_rels/.rels": rels_xml([("rId1", RT_OFFICE, "xl/workbook.xml")]),
        "xl/workbook.xml": workbook_xml([(names[k], f"rId{k + 1}", states[k]) for k in range(n)]),
        "xl/_rels/workbook.xml.rels": rels_xml(wb_rels),
    }
    for k, rows in enumerate(sheet_rows):
        parts[f"xl/worksheets/sheet{k + 1}.xml"] = rows if rows.startswith("<?xml") else sheet_xml(rows)
    if sst is not None:
        parts["xl/sharedStrings.xml"] = sst
    if styles is not None:
        parts["xl/styles.xml"] = styles
    return parts


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


SIMPLE_ROWS = ('<row r="1">' + inline("A1", "Email address*") + "</row>"
               '<row r="2">' + inline("A2", "jane.tan@tech.gov.sg") + "</row>")


# --- real-client fixtures -----------------------------------------------------------------

HEADERS = ["Email address*", "Contact number*", "Count", "Joined", "Time", "Stamp",
           "Flag", "Err", "Rich", "Note"]
LIST_VALUES = ["Public officer", "Vendor"]
META = [("template", "invitesheet-fixture"), ("version", 1)]


def fill_openpyxl(wb, formulas):
    """The shared real-* content. formulas=True writes =1/0 and =NA() (openpyxl cannot
    cache their results); False writes the error values directly (t="e")."""
    ws = wb.active
    ws.title = "Users"
    for col, h in enumerate(HEADERS, start=1):
        ws.cell(row=1, column=col, value=h)

    def put(ref, value, fmt=None):
        ws[ref] = value
        if fmt:
            ws[ref].number_format = fmt

    put("A2", "jane.tan@tech.gov.sg")
    put("B2", 91234567)
    put("C2", 0.1)
    put("D2", dt.date(2024, 1, 31), "yyyy-mm-dd")
    put("E2", dt.time(13, 45, 0), "hh:mm:ss")
    put("F2", dt.datetime(2024, 1, 31, 13, 45, 0), "yyyy-mm-dd hh:mm:ss")
    put("G2", True)
    put("H2", "=1/0" if formulas else "#DIV/0!")
    put("I2", "Tan Ah Kow")
    put("J2", "00123", "@")
    put("A3", "bob@vendor.com")
    put("B3", "+65 9123 4567", "@")
    put("C3", 6591234567)
    put("D3", dt.date(2023, 12, 25), "d mmm yyyy")
    put("G3", False)
    put("H3", "=NA()" if formulas else "#N/A")
    put("I3", "line1\nline2")
    put("J3", "_x0041_")
    put("A5", "last@tech.gov.sg")
    put("C5", 1e-05)
    put("D5", 123456789012345)

    lists = wb.create_sheet("Lists")
    for r, v in enumerate(LIST_VALUES, start=1):
        lists.cell(row=r, column=1, value=v)
    lists.sheet_state = "hidden"
    meta = wb.create_sheet("_meta")
    for r, (k, v) in enumerate(META, start=1):
        meta.cell(row=r, column=1, value=k)
        meta.cell(row=r, column=2, value=v)
    meta.sheet_state = "veryHidden"


def save_openpyxl(path, build):
    import openpyxl
    wb = openpyxl.Workbook()
    build(wb)
    wb.properties.creator = "make_fixtures.py"
    wb.properties.created = FIXED_DOC_TIME
    wb.save(path)
    normalise_zip(path)


def make_real_openpyxl():
    save_openpyxl(out("real-openpyxl.xlsx"), lambda wb: fill_openpyxl(wb, formulas=False))


def make_real_1904():
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    def build(wb):
        wb.epoch = CALENDAR_MAC_1904
        ws = wb.active
        ws.title = "Users"
        ws["A1"] = dt.date(2024, 1, 31)
        ws["A1"].number_format = "yyyy-mm-dd"
        ws["B1"] = dt.datetime(2024, 1, 31, 13, 45, 0)
        ws["B1"].number_format = "yyyy-mm-dd hh:mm:ss"
        ws["C1"] = 1  # a plain number stays a number
    path = out("real-1904.xlsx")
    save_openpyxl(path, build)
    with zipfile.ZipFile(path) as zf:
        wbxml = zf.read("xl/workbook.xml").decode()
    if 'date1904="1"' not in wbxml:
        sys.exit("real-1904.xlsx: openpyxl did not write workbookPr date1904=\"1\"")


def make_real_xlsxwriter(path, constant_memory):
    import xlsxwriter
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": constant_memory,
                                         "strings_to_numbers": False,
                                         "strings_to_formulas": False,
                                         "strings_to_urls": False})
    wb.set_properties({"author": "make_fixtures.py", "created": FIXED_DOC_TIME})
    ws = wb.add_worksheet("Users")
    f_date = wb.add_format({"num_format": "yyyy-mm-dd"})
    f_time = wb.add_format({"num_format": "hh:mm:ss"})
    f_stamp = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    f_text = wb.add_format({"num_format": "@"})
    f_dmy = wb.add_format({"num_format": "d mmm yyyy"})
    f_wrap = wb.add_format({"text_wrap": True})
    bold = wb.add_format({"bold": True})
    italic = wb.add_format({"italic": True})

    for col, h in enumerate(HEADERS):
        ws.write_string(0, col, h)
    ws.write_string("A2", "jane.tan@tech.gov.sg")
    ws.write_number("B2", 91234567)
    ws.write_number("C2", 0.1)
    ws.write_datetime("D2", dt.datetime(2024, 1, 31), f_date)
    ws.write_datetime("E2", dt.time(13, 45, 0), f_time)
    ws.write_datetime("F2", dt.datetime(2024, 1, 31, 13, 45, 0), f_stamp)
    ws.write_boolean("G2", True)
    ws.write_formula("H2", "=1/0", None, "#DIV/0!")
    ws.write_rich_string("I2", bold, "Tan ", italic, "Ah Kow")
    ws.write_string("J2", "00123", f_text)
    ws.write_string("A3", "bob@vendor.com")
    ws.write_string("B3", "+65 9123 4567", f_text)
    ws.write_number("C3", 6591234567)
    ws.write_datetime("D3", dt.datetime(2023, 12, 25), f_dmy)
    ws.write_boolean("G3", False)
    ws.write_formula("H3", "=NA()", None, "#N/A")
    ws.write_string("I3", "line1\nline2", f_wrap)
    ws.write_string("J3", "_x0041_")
    ws.write_string("A5", "last@tech.gov.sg")
    ws.write_number("C5", 1e-05)
    ws.write_number("D5", 123456789012345)
    if not constant_memory:
        ws.freeze_panes(1, 0)
        ws.data_validation("K2:K100", {"validate": "list", "source": "=Lists!$A$1:$A$2"})

    lists = wb.add_worksheet("Lists")
    for r, v in enumerate(LIST_VALUES):
        lists.write_string(r, 0, v)
    lists.hide()
    meta = wb.add_worksheet("_meta")
    for r, (k, v) in enumerate(META):
        meta.write_string(r, 0, k)
        meta.write(r, 1, v)
    meta.very_hidden()
    wb.close()


def soffice_convert(src, target_ext, dest):
    outdir = Path(tempfile.mkdtemp(prefix="fixtures-lo-out-"))
    try:
        cmd = ["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless",
               "--convert-to", target_ext, "--outdir", str(outdir), str(src)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=300)
        produced = outdir / (Path(src).stem + "." + target_ext.split(":")[0])
        if not produced.exists():
            sys.exit(f"LibreOffice did not produce {produced.name}")
        shutil.move(str(produced), str(dest))
    finally:
        shutil.rmtree(outdir, ignore_errors=True)


def make_real_libreoffice():
    """LibreOffice re-saves an openpyxl workbook that has real formulas (=1/0, =NA())
    without cached values, so the cached results in its output are LibreOffice's own."""
    if shutil.which("soffice") is None:
        print("skip: soffice not found; real-libreoffice.* and real-legacy.xls not made")
        return
    src_dir = Path(tempfile.mkdtemp(prefix="fixtures-lo-src-"))
    try:
        src = src_dir / "source.xlsx"
        save_openpyxl(src, lambda wb: fill_openpyxl(wb, formulas=True))
        soffice_convert(src, "xlsx", out("real-libreoffice.xlsx"))
        soffice_convert(src, "ods", out("real-libreoffice.ods"))
        soffice_convert(src, "xls", out("real-legacy.xls"))
    finally:
        shutil.rmtree(src_dir, ignore_errors=True)


# --- hand-built edge fixtures -------------------------------------------------------------

def make_edge_no_refs():
    sst = sst_xml([
        "<t>plain</t>",
        '<r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> text</t></r>'
        '<rPh sb="0" eb="4"><t>IGNORED</t></rPh><phoneticPr fontId="0"/>',
        '<t xml:space="preserve">CR_x000D_here _x005F_x0041_ end</t>',
        "<t>_x0041_</t>",
    ])
    rows = (
        # row 1: no r on the row or its cells
        '<row><c><v>1</v></c><c t="s"><v>0</v></c></row>'
        # row 2: formula cells; C2 has no r and follows B2
        '<row r="2"><c r="A2"><v>1.5</v></c><c r="B2"><f>A1+1</f><v>2</v></c>'
        '<c t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>'
        # row 5, then row 3: out of order
        '<row r="5"><c r="A5" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c>'
        '<c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row>'
        '<row r="3"><c r="A3" t="d"><v>2024-01-31T13:45:00</v></c>'
        '<c r="B3" t="e"><v>#N/A</v></c></row>'
    )
    write_zip(out("edge-no-refs.xlsx"), package([rows], sst=sst, sheet_names=["Users"]))


def make_edge_absolute_targets():
    parts = {
        "[Content_Types].xml": content_types_xml([
            ("/book/workbook.xml", CT_WORKBOOK),
            ("/book/sheets/sheet1.xml", CT_SHEET),
            ("/data/sheet2.xml", CT_SHEET),
            ("/book/strings.xml", CT_SST),
        ]),
        "_rels/.rels": rels_xml([("rId1", RT_OFFICE, "/book/workbook.xml")]),
        "book/workbook.xml": workbook_xml([("First", "rId1", None), ("Second", "rId2", None)]),
        "book/_rels/workbook.xml.rels": rels_xml([
            ("rId1", RT_SHEET, "/book/sheets/sheet1.xml"),
            ("rId2", RT_SHEET, "../data/sheet2.xml"),
            ("rId3", RT_SST, "strings.xml"),
        ]),
        "book/sheets/sheet1.xml": sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c>'
                                            '<c r="B1"><v>1</v></c></row>'),
        "data/sheet2.xml": sheet_xml('<row r="1"><c r="A1" t="s"><v>1</v></c>'
                                     '<c r="B1"><v>2</v></c></row>'),
        "book/strings.xml": sst_xml(["<t>absolute</t>", "<t>dotdot</t>"]),
    }
    write_zip(out("edge-absolute-targets.xlsx"), parts)


def make_edge_strict():
    srt = STRICT_RELNS
    parts = {
        "[Content_Types].xml": content_types_xml([
            ("/xl/workbook.xml", CT_WORKBOOK),
            ("/xl/worksheets/sheet1.xml", CT_SHEET),
            ("/xl/sharedStrings.xml", CT_SST),
        ]),
        "_rels/.rels": rels_xml([("rId1", srt + "/officeDocument", "xl/workbook.xml")]),
        "xl/workbook.xml": workbook_xml([("Users", "rId1", None)], ns=STRICT_MAIN, relns=srt,
                                        root_attrs=' conformance="strict"'),
        "xl/_rels/workbook.xml.rels": rels_xml([
            ("rId1", srt + "/worksheet", "worksheets/sheet1.xml"),
            ("rId2", srt + "/sharedStrings", "sharedStrings.xml"),
        ]),
        "xl/worksheets/sheet1.xml": sheet_xml(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c>'
            '<c r="B2" t="b"><v>1</v></c></row>', ns=STRICT_MAIN),
        "xl/sharedStrings.xml": sst_xml(["<t>strict</t>"], ns=STRICT_MAIN),
    }
    write_zip(out("edge-strict.xlsx"), parts)


def make_edge_sheet_states():
    parts = package(
        ['<row r="1">' + inline("A1", "hidden") + "</row>",
         '<row r="1">' + inline("A1", "visible") + "</row>",
         '<row r="1">' + inline("A1", "veryHidden") + "</row>"],
        sheet_names=["Hidden", "Visible", "VeryHidden"],
        states=["hidden", "visible", "veryHidden"])
    # Excel opens on the first visible tab.
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        "<sheets>", '<bookViews><workbookView firstSheet="1" activeTab="1"/></bookViews><sheets>')
    write_zip(out("edge-sheet-states.xlsx"), parts)


STYLE_CASES = [
    # (label, numFmtId, value)
    ("fmt164 yyyy-mm-dd", 164, "45322"),
    ("fmt165 [h]:mm:ss", 165, "1.5"),
    ("fmt166 0.00", 166, "3.14159"),
    ("fmt167 @", 167, "123"),
    ("fmt168 quoted literal", 168, "42"),
    ("fmt169 mmm-yy", 169, "45322"),
    ("builtin14", 14, "45322"),
    ("builtin49 @", 49, "123"),
]


def make_edge_control_chars():
    """Cells whose `_xHHHH_` escapes decode to control characters: NUL, ESC (an ANSI colour
    sequence), BEL, a C1 CSI (U+009B), DEL; beside a tab, which is text, and an escaped literal."""
    sst = sst_xml(["<t>nul_x0000_here</t>", "<t>_x001B_[31mred_x001B_[0m</t>"])
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            + inline("C1", "bell_x0007_") + "</row>"
            '<row r="2">' + inline("A2", "csi_x009B_2J") + inline("B2", "del_x007F_")
            + inline("C2", "tab_x0009_ok") + inline("D2", "_x005F_x001B_") + "</row>")
    write_zip(out("edge-control-chars.xlsx"), package([rows], sst=sst, sheet_names=["Users"]))


def make_edge_styles():
    numfmts = [(164, "yyyy-mm-dd"), (165, "[h]:mm:ss"), (166, "0.00"), (167, "@"),
               (168, "&quot;Date: &quot;0"), (169, "mmm-yy")]
    xf_ids = [0] + [n for _, n, _ in STYLE_CASES]
    rows = ""
    for k, (label, _, value) in enumerate(STYLE_CASES, start=1):
        rows += (f'<row r="{k}">' + inline(f"A{k}", label)
                 + f'<c r="B{k}" s="{k}"><v>{value}</v></c></row>')
    # B9: a text cell that uses the @ style, to contrast with B8 (a number under @).
    rows += ('<row r="9">' + inline("A9", "builtin49 @ text")
             + '<c r="B9" s="8" t="inlineStr"><is><t>00123</t></is></c></row>')
    write_zip(out("edge-styles.xlsx"),
              package([rows], styles=styles_xml(numfmts, xf_ids), sheet_names=["Users"]))


# --- hostile fixtures ---------------------------------------------------------------------

def make_hostile_xml_entities():
    doctype_sheet = (XML_DECL + '<!DOCTYPE x [<!ENTITY e "boom">]>'
                     f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">'
                     '<c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>')
    write_zip(out("hostile-doctype.xlsx"), package([doctype_sheet]))

    lol = ['<!ENTITY lol "lol">']
    for k in range(1, 10):
        prev = "lol" if k == 1 else f"lol{k - 1}"
        lol.append(f'<!ENTITY lol{k} "{("&" + prev + ";") * 10}">')
    laughs = (XML_DECL + "<!DOCTYPE sst [" + "".join(lol) + "]>"
              f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>')
    write_zip(out("hostile-billion-laughs.xlsx"),
              package(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'], sst=laughs))

    parts = package([SIMPLE_ROWS])
    parts["xl/workbook.xml"] = workbook_xml(
        [("Sheet1", "rId1", None)],
        decl=XML_DECL + '<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        extra='<definedNames><definedName name="leak">&xxe;</definedName></definedNames>')
    write_zip(out("hostile-xxe.xlsx"), parts)


def bomb_zip(path, total_bytes):
    """A valid package whose sheet1.xml inflates to total_bytes: one real cell, then
    whitespace between elements (well-formed, within Excel's row/column limits, so only
    the size/ratio caps can stop it). Streams through zlib; never holds it in memory."""
    head = sheet_xml('<row r="1">' + inline("A1", "bomb") + "</row>@@").split("@@")
    head, tail = head[0].encode(), head[1].encode()
    parts = package([SIMPLE_ROWS])
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            if name == "xl/worksheets/sheet1.xml":
                continue
            zf.writestr(zinfo(name), to_bytes(data))
        with zf.open(zinfo("xl/worksheets/sheet1.xml"), "w") as w:
            w.write(head)
            pad = total_bytes - len(head) - len(tail)
            chunk = b" " * (1024 * 1024)
            while pad > 0:
                piece = chunk if pad >= len(chunk) else chunk[:pad]
                w.write(piece)
                pad -= len(piece)
            w.write(tail)


def make_hostile_bombs():
    bomb_zip(out("hostile-zipbomb.xlsx"), 2_000_000_000)   # stays under zip64
    bomb_zip(out("hostile-ratio.xlsx"), 64 * 1024 * 1024)


def make_hostile_lying_sizes():
    rng = random.Random(1)
    rows = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{rng.randrange(10 ** 9)}</v></c>'
        f'<c r="B{r}"><v>{rng.random()}</v></c></row>' for r in range(1, 1601))
    sheet = sheet_xml(rows).encode()
    entries = []
    for name, data in package([rows]).items():
        data = sheet if name == "xl/worksheets/sheet1.xml" else to_bytes(data)
        comp = raw_deflate(data)
        usize = 100 if name == "xl/worksheets/sheet1.xml" else len(data)
        entries.append(dict(name=name, payload=comp, method=8, flag=0,
                            crc=zlib.crc32(data) & 0xFFFFFFFF, csize=len(comp), usize=usize))
    write_raw_zip(out("hostile-lying-sizes.xlsx"), entries)
    return len(sheet)


def make_hostile_zip64_size():
    """Zip64 sheet entry whose declared size (8 GiB, in the zip64 extra field) is far more than
    the 1 KiB or so it inflates to; CRC and compressed size are right."""
    entries = []
    for name, data in package([SIMPLE_ROWS]).items():
        data = to_bytes(data)
        comp = raw_deflate(data)
        big = name == "xl/worksheets/sheet1.xml"
        entries.append(dict(name=name, payload=comp, method=8, flag=0, zip64=big,
                            crc=zlib.crc32(data) & 0xFFFFFFFF, csize=len(comp),
                            usize=8 << 30 if big else len(data)))
    write_raw_zip(out("hostile-zip64-size.xlsx"), entries)


def make_hostile_package_parts():
    """The package-level parts that are missing, unsafe or pointing out of the file."""
    parts = package([SIMPLE_ROWS], sheet_names=["Users"])
    del parts["[Content_Types].xml"]
    write_zip(out("hostile-no-content-types.xlsx"), parts)

    parts = package([SIMPLE_ROWS], sheet_names=["Users"])
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        XML_DECL, XML_DECL + '<!DOCTYPE Types [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1)
    write_zip(out("hostile-content-types-dtd.xlsx"), parts)

    parts = package([SIMPLE_ROWS], sheet_names=["Users"])
    parts["xl/_rels/workbook.xml.rels"] = (
        f'{XML_DECL}<Relationships xmlns="{PKG_RELS}"><Relationship Id="rId1" Type="{RT_SHEET}" '
        'Target="file:///etc/passwd" TargetMode="External"/></Relationships>')
    del parts["xl/worksheets/sheet1.xml"]
    write_zip(out("hostile-external-sheet.xlsx"), parts)

    parts = package([SIMPLE_ROWS], sheet_names=["Users"])
    del parts["xl/_rels/workbook.xml.rels"]
    write_zip(out("hostile-no-workbook-rels.xlsx"), parts)


def make_hostile_duplicates():
    parts = list(package([SIMPLE_ROWS]).items())
    other = sheet_xml('<row r="1">' + inline("A1", "the other Sheet1.xml") + "</row>")
    write_zip(out("hostile-duplicate-names.xlsx"), parts + [("xl/worksheets/Sheet1.xml", other)])
    write_zip(out("hostile-duplicate-exact.xlsx"), parts + [("xl/worksheets/sheet1.xml", other)])


def make_hostile_encrypted_entry():
    entries = [zipcrypto_entry(name, to_bytes(data), b"secret", seed=k)
               for k, (name, data) in enumerate(package([SIMPLE_ROWS]).items())]
    write_raw_zip(out("hostile-encrypted-entry.xlsx"), entries)


def make_hostile_bzip2():
    write_zip(out("hostile-bzip2.xlsx"), package([SIMPLE_ROWS]), compress=zipfile.ZIP_BZIP2)


def make_hostile_deep():
    depth = 10_000
    rows = ('<row r="1">' + inline("A1", "deep") + "</row>"
            + "<x>" * depth + "</x>" * depth)
    write_zip(out("hostile-deep.xlsx"), package([rows]))


def make_hostile_refs():
    write_zip(out("hostile-big-ref.xlsx"),
              package(['<row r="1"><c r="XFE1"><v>1</v></c></row>']))
    write_zip(out("hostile-big-row.xlsx"),
              package(['<row r="1048577"><c r="A1048577"><v>1</v></c></row>']))
    huge = "99999999999999999999"
    write_zip(out("hostile-huge-ref.xlsx"),
              package([f'<row r="{huge}"><c r="A{huge}"><v>1</v></c></row>']))


def make_hostile_sst():
    sst = sst_xml(["<t>zero</t>", "<t>one</t>"])
    write_zip(out("hostile-sst-index.xlsx"),
              package(['<row r="1"><c r="A1" t="s"><v>99</v></c></row>'], sst=sst))
    write_zip(out("hostile-sst-negative.xlsx"),
              package(['<row r="1"><c r="A1" t="s"><v>-1</v></c></row>'], sst=sst))


def make_hostile_long_cell():
    write_zip(out("hostile-long-cell.xlsx"),
              package(['<row r="1">' + inline("A1", "x" * 40_000) + "</row>"]))


def make_hostile_escape():
    parts = package([SIMPLE_ROWS])
    parts["xl/_rels/workbook.xml.rels"] = rels_xml([("rId1", RT_SHEET, "../../../etc/passwd")])
    write_zip(out("hostile-escape.xlsx"), parts)


def make_hostile_latin1():
    decl = '<?xml version="1.0" encoding="ISO-8859-1" standalone="yes"?>\n'
    sheet = sheet_xml('<row r="1">' + inline("A1", "Zoë") + "</row>", decl=decl)
    parts = package([SIMPLE_ROWS])
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("latin-1")  # 'ë' is the byte 0xEB
    write_zip(out("hostile-latin1-xml.xlsx"), parts)


def make_hostile_encrypted():
    """A real ECMA-376 Agile-encrypted workbook (password "secret") made by
    msoffcrypto-tool from real-openpyxl.xlsx. Its random salts and OLE timestamps are
    pinned so the output is repeatable (fine for a test fixture, never for real use)."""
    try:
        import msoffcrypto.method.ecma376_agile as agile
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        print("skip: msoffcrypto-tool not installed (pip install msoffcrypto-tool); "
              "hostile-encrypted.xlsx not made")
        return
    import msoffcrypto.method.container.ecma376_encrypted as container

    class FixedNow(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return FIXED_DOC_TIME

    rng = random.Random(1234)
    agile._random_buffer = lambda n: bytes(rng.randrange(256) for _ in range(n))
    container.datetime = FixedNow  # the OLE directory timestamps
    buf = io.BytesIO()
    with open(out("real-openpyxl.xlsx"), "rb") as f:
        OOXMLFile(f).encrypt("secret", buf)
    out("hostile-encrypted.xlsx").write_bytes(buf.getvalue())


def make_hostile_xlsb():
    parts = {
        "[Content_Types].xml": content_types_xml(
            [("/xl/workbook.bin", CT_XLSB)],
            defaults=(("rels", CT_RELS), ("xml", "application/xml"),
                      ("bin", "application/vnd.ms-excel.sheet.binary.macroEnabled.main"))),
        "_rels/.rels": rels_xml([("rId1", RT_OFFICE, "xl/workbook.bin")]),
        # BrtBeginBook / BrtEndBook records (BIFF12), enough to look like an .xlsb part.
        "xl/workbook.bin": bytes([0x83, 0x01, 0x00, 0x84, 0x01, 0x00]),
    }
    write_zip(out("hostile-xlsb.xlsx"), parts)


def make_hostile_not_zip():
    out("hostile-csv-renamed.xlsx").write_bytes(
        b"Email address*,First name*,Last name*\r\njane.tan@tech.gov.sg,Jane,Tan\r\n")
    rng = random.Random(7)
    out("hostile-pdf.xlsx").write_bytes(
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(rng.randrange(256) for _ in range(512)))
    out("hostile-empty.xlsx").write_bytes(b"")
    real = out("real-openpyxl.xlsx").read_bytes()
    out("hostile-truncated.xlsx").write_bytes(real[: len(real) // 2])


def make_hostile_many_entries():
    entries = list(package([SIMPLE_ROWS]).items())
    with zipfile.ZipFile(out("hostile-many-entries.xlsx"), "w") as zf:
        for name, data in entries:
            zf.writestr(zinfo(name), to_bytes(data))
        for k in range(20_000):
            zf.writestr(zinfo(f"z/{k:05d}", zipfile.ZIP_STORED), b"x")


# --- CSV fixtures -------------------------------------------------------------------------

CSV_RECORDS = ['Email address*,First name*,Last name*,Contact number*,Note',
               'jane.tan@tech.gov.sg,Zoë,陈,91234567,"Hello, world"',
               'bob@vendor.com,Bob,"O""Brien",+65 9123 4567,"line1\nline2"',
               'last@tech.gov.sg,Ann,Lee,0091234567,']
CSV_TEXT = "".join(r + "\n" for r in CSV_RECORDS)


def make_csv():
    out("csv-utf8.csv").write_bytes(CSV_TEXT.encode("utf-8"))
    out("csv-utf8-bom.csv").write_bytes(b"\xef\xbb\xbf" + CSV_TEXT.encode("utf-8"))
    out("csv-utf16le.csv").write_bytes(b"\xff\xfe" + CSV_TEXT.encode("utf-16-le"))
    out("csv-utf16be.csv").write_bytes(b"\xfe\xff" + CSV_TEXT.encode("utf-16-be"))
    # CRLF between records; the newline inside the quoted Note stays a bare LF, as Excel
    # writes an Alt+Enter line break.
    crlf = "".join(r + "\r\n" for r in CSV_RECORDS)
    out("csv-crlf.csv").write_bytes(crlf.encode("utf-8"))
    out("csv-cp1252.csv").write_bytes(
        ('Email address*,First name*,Last name*,Note\r\n'
         'cafe@vendor.com,Zoë,Café,“quoted”\r\n').encode("cp1252"))
    out("csv-semicolon.csv").write_bytes(
        ('Email address*;First name*;Last name*;Note\n'
         'jane.tan@tech.gov.sg;Jane;Tan;Tan, Ah Kow\n'
         'bob@vendor.com;Bob;Lee;"a;b, c"\n').encode("utf-8"))
    out("csv-tab.tsv").write_bytes(
        ('Email address*\tFirst name*\tLast name*\tNote\n'
         'jane.tan@tech.gov.sg\tJane\tTan\tHello, world; hi\n'
         'bob@vendor.com\tBob\tLee\t\n').encode("utf-8"))
    out("csv-nul.csv").write_bytes(
        b"Email address*,First name*,Last name*\n"
        b"jane.tan@tech.gov.sg,Ja\x00ne,Tan\n")
    out("csv-unbalanced.csv").write_bytes(
        b"Email address*,First name*,Last name*\n"
        b'jane.tan@tech.gov.sg,"Jane,Tan\n'
        b"bob@vendor.com,Bob,Lee\n")


# --- values fixtures (issue 10: exact numbers, dates, durations, small reader cases) -------

def make_values_numbers():
    """Numbers as Excel stores them: up to 17 significant digits, so every digit counts.
    Hand-built because openpyxl and XlsxWriter round what they store to 16 digits."""
    values = ["1.0413926851582251", "0.3333333333333333", "1.234567890123457E+18", "91234567",
              "6591234567", "0.1", "1.0000000000000001E-5", "123456789012345", "1E+16", "-2.5",
              "1.5E-10", "1E+300", "0.30000000000000004", "9007199254740994", "-0"]
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{v}</v></c></row>' for r, v in enumerate(values, start=1))
    write_zip(out("values-numbers.xlsx"), package([rows], sheet_names=["Numbers"]))


def make_values_dates():
    """Date, time and elapsed-time formats over chosen serials (1900 date system)."""
    import xlsxwriter
    wb = xlsxwriter.Workbook(str(out("values-dates.xlsx")))
    wb.set_properties({"author": "make_fixtures.py", "created": FIXED_DOC_TIME})
    ws = wb.add_worksheet("Dates")
    fmt = {}

    def f(code):
        if code not in fmt:
            fmt[code] = wb.add_format({"num_format": code})
        return fmt[code]
    day = 45322  # 2024-01-31
    rows = [
        ("mm-dd-yy", day + (11 * 3600 + 60 + 2) / 86400),       # 2024-01-31T11:01:02
        ("yyyy-mm-dd hh:mm", day),                                 # 2024-01-31
        ("yyyy-mm-dd", 0),                                         # 00:00:00
        ("hh:mm:ss.000", (13 * 3600 + 45 * 60 + 0.25) / 86400),  # 13:45:00.250
        ("yyyy-mm-dd hh:mm:ss", day + (13 * 3600 + 45 * 60 + 0.5) / 86400),  # ...T13:45:00.500
        ("yyyy-mm-dd", 59),                                        # 1900-02-28
        ("yyyy-mm-dd", 60),                                        # 1900-02-28 (Excel: 1900-02-29)
        ("yyyy-mm-dd", 61),                                        # 1900-03-01
        ("yyyy-mm-dd", -1),                                        # -1 (Excel shows ####)
        ("hh:mm", -0.5),                                           # -0.5
        ("[h]:mm:ss", 918610 / 86400),                             # PT918610S
        ("[h]:mm:ss", -30 / 86400),                                # -PT30S
        ("[mm]:ss", 90.5 / 86400),                                 # PT90.5S
        ("[ss]", 1.25 / 86400),                                    # PT1.25S
        ("[hh]:mm", 1.5),                                          # PT129600S
        ("h:mm:ss", 1.5),                                          # 1900-01-01T12:00:00
    ]
    for r, (code, serial) in enumerate(rows):
        ws.write_string(r, 0, code)
        ws.write_number(r, 1, serial, f(code))
    wb.close()


def make_values_1904_extlst():
    """openpyxl writes date1904="1"; Excel adds <x15:workbookPr> in <extLst> after it."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    def build(wb):
        wb.epoch = CALENDAR_MAC_1904
        ws = wb.active
        ws.title = "Dates"
        ws["A1"] = dt.date(2024, 1, 31)
        ws["A1"].number_format = "yyyy-mm-dd"
    path = out("values-1904-extlst.xlsx")
    save_openpyxl(path, build)
    with zipfile.ZipFile(path) as zf:
        entries = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    ext = ('<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" '
           'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">'
           '<x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>')
    fixed = []
    for name, data in entries:
        if name == "xl/workbook.xml":
            text = data.decode()
            if 'date1904="1"' not in text:
                sys.exit("values-1904-extlst.xlsx: openpyxl did not write date1904=\"1\"")
            data = text.replace("</workbook>", ext).encode()
        fixed.append((name, data))
    write_zip(path, fixed)


def make_values_hand_built():
    """Cells no client library writes on request: overflowing numbers, a hex number, an inline
    string with a <v>, `_X0041_`, and a package whose entry names use backslashes."""
    write_zip(out("values-overflow.xlsx"), package([
        '<row r="1"><c r="A1"><v>1.797693134862316e+308</v></c></row>'
        '<row r="2"><c r="A2"><v>1E+309</v></c></row>'
        '<row r="3"><c r="A3"><v>-1E+309</v></c></row>'
        '<row r="4"><c r="A4"><v>1.7976931348623157E+308</v></c></row>'
        '<row r="5"><c r="A5"><v>2.5</v></c></row>']))
    write_zip(out("values-hex.xlsx"), package(['<row r="1"><c r="A1"><v>0x10</v></c></row>']))
    write_zip(out("values-inline-v.xlsx"), package([
        '<row r="1"><c r="A1" t="inlineStr"><is><t>1.0</t></is><v>1.</v></c>'
        '<c r="B1" t="inlineStr"><v>2.</v><is><t>2.0</t></is></c></row>'
        '<row r="2">' + inline("A2", "_X0041_ stays, _x0041_ is A") + '</row>']))
    parts = package(['<row r="1">' + inline("A1", "read through backslashes") + '</row>'])
    renamed = [(n.replace("/", "\\") if n.startswith("xl/") else n, d) for n, d in parts.items()]
    # An entry that would climb out of the package if a name were ever used as a path.
    renamed.append(("..\\..\\outside.xml", "<x/>"))
    write_zip(out("values-backslash.xlsx"), renamed)


def make_values_amp_sheet():
    """openpyxl writes the sheet name 5&4 as name="5&amp;4"."""
    def build(wb):
        ws = wb.active
        ws.title = "5&4"
        ws["A1"] = "a&b"
    save_openpyxl(out("values-amp-sheet.xlsx"), build)


def make_values_chartsheet():
    """XlsxWriter: a chart sheet first in tab order, then the worksheet holding its data."""
    import xlsxwriter
    wb = xlsxwriter.Workbook(str(out("values-chartsheet.xlsx")))
    wb.set_properties({"author": "make_fixtures.py", "created": FIXED_DOC_TIME})
    chartsheet = wb.add_chartsheet("Chart")
    ws = wb.add_worksheet("Data")
    ws.write_column("A1", [1, 2, 3])
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"values": "=Data!$A$1:$A$3"})
    chartsheet.set_chart(chart)
    chartsheet.activate()
    wb.close()


def make_values():
    make_values_numbers()
    make_values_dates()
    make_values_1904_extlst()
    make_values_hand_built()
    make_values_amp_sheet()
    make_values_chartsheet()


# --- report -------------------------------------------------------------------------------

def report():
    """Print, as Markdown, what python-calamine and openpyxl read from each real-* file."""
    import openpyxl
    import python_calamine as pc
    for name in ["real-openpyxl.xlsx", "real-xlsxwriter.xlsx", "real-xlsxwriter-inline.xlsx",
                 "real-libreoffice.xlsx", "real-1904.xlsx", "real-libreoffice.ods",
                 "real-legacy.xls"]:
        path = out(name)
        if not path.exists():
            continue
        print(f"\n#### {name}\n")
        try:
            cwb = pc.CalamineWorkbook.from_path(str(path))
            meta = [(m.name, str(m.visible).split(".")[-1]) for m in cwb.sheets_metadata]
            print(f"calamine sheets: {meta}\n")
            rows = cwb.get_sheet_by_name(cwb.sheet_names[0]).to_python(skip_empty_area=False)
            print("calamine `Users` rows (python values):\n")
            for r, row in enumerate(rows, start=1):
                print(f"- {r}: {row!r}")
        except Exception as e:  # noqa: BLE001 - report, don't stop
            print(f"calamine: {type(e).__name__}: {e}")
        if path.suffix != ".xlsx":
            continue
        wb = openpyxl.load_workbook(path)
        print(f"\nopenpyxl sheets: {[(ws.title, ws.sheet_state) for ws in wb.worksheets]}, "
              f"epoch {wb.epoch.year}\n")
        print("openpyxl `Users` cells (value, data_type, number_format):\n")
        for row in wb.worksheets[0].iter_rows():
            for c in row:
                if c.value is not None:
                    print(f"- {c.coordinate}: {c.value!r} ({c.data_type}, {c.number_format!r})")
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            wbx = zf.read("xl/workbook.xml").decode()
            sheet = zf.read("xl/worksheets/sheet1.xml").decode()
        sst = "present" if "xl/sharedStrings.xml" in names else "absent"
        n_inline = sheet.count('t="inlineStr"')
        d1904 = "yes" if re.search(r'date1904="(1|true)"', wbx) else "no"
        print(f"\nraw: sharedStrings.xml {sst}; inlineStr cells {n_inline}; date1904 {d1904}")


# --- main ---------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", action="store_true", help="print what readers see, then exit")
    ap.add_argument("--values", action="store_true", help="write only the values-* fixtures")
    args = ap.parse_args()
    if args.report:
        report()
        return
    if args.values:
        make_values()
        print("values-* fixtures written to", HERE)
        return
    make_real_openpyxl()
    make_real_1904()
    make_real_xlsxwriter(out("real-xlsxwriter.xlsx"), constant_memory=False)
    make_real_xlsxwriter(out("real-xlsxwriter-inline.xlsx"), constant_memory=True)
    make_real_libreoffice()
    make_edge_no_refs()
    make_edge_absolute_targets()
    make_edge_strict()
    make_edge_sheet_states()
    make_edge_styles()
    make_edge_control_chars()
    make_hostile_xml_entities()
    make_hostile_bombs()
    make_hostile_lying_sizes()
    make_hostile_duplicates()
    make_hostile_zip64_size()
    make_hostile_package_parts()
    make_hostile_encrypted_entry()
    make_hostile_bzip2()
    make_hostile_deep()
    make_hostile_refs()
    make_hostile_sst()
    make_hostile_long_cell()
    make_hostile_escape()
    make_hostile_latin1()
    make_hostile_encrypted()
    make_hostile_xlsb()
    make_hostile_not_zip()
    make_hostile_many_entries()
    make_csv()
    make_values()
    print("fixtures written to", HERE)


if __name__ == "__main__":
    main()
