"""Mutation fuzz of the XLSX reader and validator: mutates XML parts of real fixtures, re-zips,
runs `convert --to json --all-sheets` and `validate`, and reports any exit other than 0, 1 or 2
(a Swift trap exits 132-134, a crash 139). Usage: python3 scripts/fuzz-xlsx.py SEED CASES
"""
import random, subprocess, zipfile, io, sys, os, tempfile
WORK = tempfile.mkdtemp(prefix="fuzz-")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
B = os.environ.get("INVITESHEET_BIN", os.path.join(ROOT, ".build/debug/invitesheet"))
seeds = [os.path.join(ROOT, f"Tests/Fixtures/{n}") for n in ["real-openpyxl.xlsx","real-xlsxwriter.xlsx","real-libreoffice.xlsx","edge-no-refs.xlsx","edge-styles.xlsx","edge-strict.xlsx","edge-absolute-targets.xlsx","real-1904.xlsx"]] + [os.path.join(ROOT, "SampleSheets/every-mistake.xlsx")]
tokens = [b'<', b'>', b'"', b'r="', b'XFD1048576', b'A0', b'-1', b'99999999999999999999', b'</c>', b'<c r="A1" t="s"><v>', b'&amp;', b'&#0;', b'&#xD800;', b'_x', b'_xD800_', b'_x0000_', b't="d"', b't="e"', b't="b"', b's="999"', b'<row r="0">', b'<row>', b'1e308', b'NaN', b'-0', b'\xff\xfe', b'\x00', b'<![CDATA[x]]>', b'<?pi x?>', b'<!-- c -->', b'numFmtId="14"', b'date1904="1"', b'state="veryHidden"', b'Target="/"', b'Target=".."', b'Target="%2e%2e/x"']
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
bad = 0
N = int(sys.argv[2]) if len(sys.argv) > 2 else 300
for it in range(N):
    src = random.choice(seeds)
    zin = zipfile.ZipFile(src)
    names = zin.namelist()
    target = random.choice([n for n in names if n.endswith('.xml') or n.endswith('.rels')])
    out = io.BytesIO()
    zout = zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED)
    for n in names:
        data = zin.read(n)
        if n == target and data:
            data = bytearray(data)
            for _ in range(random.randint(1, 6)):
                op = random.random(); pos = random.randrange(len(data))
                if op < 0.3: data[pos] = random.randrange(256)
                elif op < 0.6: data[pos:pos] = random.choice(tokens)
                elif op < 0.8: del data[pos:pos + random.randint(1, 20)]
                else:
                    a = random.randrange(len(data)); data[pos:pos] = data[a:a + random.randint(1, 200)]
            data = bytes(data)
        zout.writestr(n, data)
    zout.close()
    path = os.path.join(WORK, f"case.xlsx")
    open(path, 'wb').write(out.getvalue())
    for cmd in (["convert", path, "--to", "json", "--all-sheets", "-o", os.path.join(WORK, "out.json")], ["validate", path]):
        r = subprocess.run([B] + cmd, capture_output=True, timeout=60)
        if r.returncode not in (0, 1, 2):
            bad += 1
            keep = os.path.join(WORK, f"crash-{it}-{cmd[0]}.xlsx")
            os.rename(path, keep)
            print("CRASH", r.returncode, keep, target, r.stderr[-400:].decode(errors='replace'))
            break
print("done", N, "cases,", bad, "crashes")
sys.exit(1 if bad else 0)
