"""Mutation fuzz of the CSV reader: inserts quotes, delimiters, NULs, BOMs and stray bytes into a
valid sample and runs `convert` and `validate`; reports any exit other than 0, 1 or 2.
Usage: python3 scripts/fuzz-csv.py SEED
"""
import random, subprocess, sys, os, tempfile
WORK = tempfile.mkdtemp(prefix="fuzz-")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
B = os.environ.get("INVITESHEET_BIN", os.path.join(ROOT, ".build/debug/invitesheet"))
random.seed(int(sys.argv[1]))
base = open(os.path.join(ROOT, "SampleSheets/valid.csv"), "rb").read()
alphabet = [b'"', b',', b';', b'\t', b'\r', b'\n', b'\r\n', b'\x00', b'\xff', b'\xfe', b'\xef\xbb\xbf', b'\xe2\x80\x8b', b'=cmd', b'+', b'-', b'@', b'\xc3', b'\x80']
bad = 0
for it in range(300):
    d = bytearray(base)
    for _ in range(random.randint(1, 10)):
        pos = random.randrange(len(d) + 1)
        r = random.random()
        if r < 0.5: d[pos:pos] = random.choice(alphabet)
        elif r < 0.8 and d: del d[pos:pos + random.randint(1, 30)]
        else: d[pos:pos] = bytes(random.randrange(256) for _ in range(random.randint(1, 8)))
    if random.random() < 0.1: d = b'\xff\xfe' + d  # claim UTF-16
    open(os.path.join(WORK, "case.csv"), "wb").write(d)
    for cmd in (["convert", os.path.join(WORK, "case.csv"), "--to", "jsonl", "-o", os.path.join(WORK, "o.jsonl")], ["validate", os.path.join(WORK, "case.csv"), "--out", os.path.join(WORK, "vo")]):
        r = subprocess.run([B] + cmd, capture_output=True, timeout=60)
        if r.returncode not in (0, 1, 2):
            bad += 1; open(os.path.join(WORK, f"crash-csv-{it}.csv"), "wb").write(d)
            print("CRASH", r.returncode, cmd[0], r.stderr[-300:].decode(errors="replace")); break
print("done 300 csv cases,", bad, "crashes")
sys.exit(1 if bad else 0)
