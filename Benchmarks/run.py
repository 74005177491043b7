#!/usr/bin/env python3
"""Benchmark invitesheet against python-calamine and openpyxl, side by side, on this machine.

Makes the sample user lists with `invitesheet sample`, then times each tool on the same file
in the same run (wall time and peak RSS from GNU time), and writes Benchmarks/RESULTS.md.

    python3 Benchmarks/run.py            # 1,000 and 1,048,575 rows (Excel's maximum)
    python3 Benchmarks/run.py --quick    # 1,000 and 100,000 rows, for a fast look
"""
import argparse, datetime, json, os, platform, shlex, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "Benchmarks")
DATA = os.path.join(BENCH, "data")
OUT = os.path.join(BENCH, "out")
BIN = os.path.join(ROOT, ".build", "release", "invitesheet")


def timed(cmd, repeat=1):
    """Times cmd: wall time from hyperfine (mean of `repeat` runs after 3 warm-ups) when
    repeat > 1 and hyperfine is installed, else the median of GNU time runs (10 ms resolution,
    too coarse for small files); peak RSS always from GNU time. Returns (s, MB, stdout)."""
    if repeat > 1 and shutil.which("hyperfine"):
        export = os.path.join(OUT, "hyperfine.json")
        subprocess.run(["hyperfine", "-N", "-w", "3", "-r", str(repeat), "-i", "--export-json", export,
                        " ".join(shlex.quote(c) for c in cmd)], check=True, capture_output=True)
        mean = json.load(open(export))["results"][0]["mean"]
        _, peak, out = timed(cmd, 1)
        return mean, peak, out
    walls, rss, out = [], [], ""
    for _ in range(repeat):
        t = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, capture_output=True, text=True)
        if t.returncode not in (0, 1):
            sys.exit(f"benchmark: {' '.join(cmd)} failed ({t.returncode}):\n{t.stderr[-2000:]}")
        wall, kb = t.stderr.strip().splitlines()[-1].split()
        walls.append(float(wall)); rss.append(int(kb) / 1024); out = t.stdout
    return statistics.median(walls), max(rss), out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="use 100,000 rows instead of 1,048,575")
    ap.add_argument("--skip-openpyxl-large", action="store_true", help="openpyxl takes minutes on the large file")
    args = ap.parse_args()
    os.makedirs(DATA, exist_ok=True); os.makedirs(OUT, exist_ok=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "invitesheet"], cwd=ROOT, check=True)

    sizes = [1000, 100_000 if args.quick else 1_048_575]
    rows_md = []
    extra_sections = []
    for n in sizes:
        path = os.path.join(DATA, f"users-{n}.xlsx")
        if not os.path.exists(path):
            t0 = time.time()
            subprocess.run([BIN, "sample", "--rows", str(n), "--error-rate", "0.05", "--seed", "1", "-o", path,
                            "--existing", os.path.join(DATA, f"existing-{n}.csv")], check=True)
            print(f"made {path} in {time.time() - t0:.1f}s", file=sys.stderr)
        repeat = 20 if n <= 1000 else 1
        csv_out = os.path.join(OUT, f"users-{n}.csv")
        conv_t, conv_m, _ = timed([BIN, "convert", path, "-o", csv_out], repeat)
        cal_t, cal_m, _ = timed([sys.executable, os.path.join(BENCH, "peers", "calamine_read.py"), path], repeat)
        if n > 100_000 and args.skip_openpyxl_large:
            opx_t = opx_m = None
        else:
            opx_t, opx_m, _ = timed([sys.executable, os.path.join(BENCH, "peers", "openpyxl_read.py"), path], repeat)
        val_t = val_m = None
        if "validate" in subprocess.run([BIN, "--help"], capture_output=True, text=True).stdout:
            vdir = os.path.join(OUT, f"validate-{n}")
            val_t, val_m, _ = timed([BIN, "validate", path, "--out", vdir, "--existing",
                                     os.path.join(DATA, f"existing-{n}.csv"), "--policy",
                                     os.path.join(BENCH, "sample-policy.json")], repeat)
            vpy_t, vpy_m, _ = timed([sys.executable, os.path.join(BENCH, "peers", "calamine_validate.py"), path,
                                     os.path.join(DATA, f"existing-{n}.csv")], repeat)
            extra_sections.append((n, val_t, val_m, conv_t, vpy_t, vpy_m))
        rows_md.append((n, os.path.getsize(path), conv_t, conv_m, cal_t, cal_m, opx_t, opx_m))

    def fmt(v, unit=""):
        return "—" if v is None else f"{v:.2f}{unit}"

    lines = [
        "# Benchmark results",
        "",
        f"Made by `python3 Benchmarks/run.py{' --quick' if args.quick else ''}` on {datetime.date.today()}, "
        f"{platform.machine()}, {os.cpu_count()} cores. Wall time: for 1,000 rows the mean of 20 hyperfine "
        "runs (start-up included), for the large file one run timed by GNU time; peak RSS from GNU time. "
        "Every tool reads every row of the same file in the same run. invitesheet is the release build.",
        "",
        "## Read: `invitesheet convert FILE -o out.csv` beside python-calamine and openpyxl (read_only)",
        "",
        "| rows | file | invitesheet convert | peak RSS | python-calamine | peak RSS | openpyxl | peak RSS | time ÷ calamine | RSS ÷ calamine |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, size, ct, cm, kt, km, ot, om in rows_md:
        lines.append(f"| {n:,} | {size / 1e6:.1f} MB | {ct:.2f} s | {cm:.0f} MB | {kt:.2f} s | {km:.0f} MB | "
                     f"{fmt(ot, ' s')} | {fmt(om, ' MB')} | **{ct / kt:.2f}×** | {cm / km:.2f}× |")
    if extra_sections:
        lines += ["", "## Validate: `invitesheet validate FILE --out DIR` (all outputs) beside a python-calamine script with the same rules",
                  "", "| rows | validate | peak RSS | ÷ convert | calamine script | peak RSS | ÷ calamine script |",
                  "|---:|---:|---:|---:|---:|---:|---:|"]
        for n, vt, vm, ct, pt, pm in extra_sections:
            lines.append(f"| {n:,} | {vt:.2f} s | {vm:.0f} MB | **{vt / ct:.2f}×** | {pt:.2f} s | {pm:.0f} MB | **{vt / pt:.2f}×** |")
    if "watch" in subprocess.run([BIN, "--help"], capture_output=True, text=True).stdout:
        env = dict(os.environ, INVITESHEET_BIN=BIN)
        r = subprocess.run(["bash", os.path.join(BENCH, "inbox_bench.sh")], capture_output=True, text=True, env=env)
        line = next((l for l in r.stdout.splitlines() if l.startswith("inbox_bench ")), None)
        if line:
            f = dict(kv.split("=", 1) for kv in line.split()[1:])
            lines += ["", "## Inbox: `invitesheet watch INBOX --once --settle 0` on 1,000 files of 100 rows",
                      "", "| files | rows each | wall | files per second | peak RSS |", "|---:|---:|---:|---:|---:|",
                      f"| {f['files']} | {f['rows']} | {float(f['seconds']):.2f} s | **{float(f['files_per_second']):.0f}** | {float(f['peak_rss_mb']):.0f} MB |"]
        else:
            lines += ["", f"Inbox benchmark did not report: {r.stderr[-500:]}"]
    if "submit" in subprocess.run([BIN, "--help"], capture_output=True, text=True).stdout:
        r = subprocess.run([sys.executable, os.path.join(BENCH, "invitations_bench.py"), "--bin", BIN], capture_output=True, text=True)
        lines += [""] + (r.stdout.strip().splitlines() if r.returncode == 0 else [f"Invitations benchmark did not report: {r.stderr[-500:]}"])
    notes = os.path.join(BENCH, "NOTES.md")
    if os.path.exists(notes):
        lines += ["", open(notes).read().strip()]
    open(os.path.join(BENCH, "RESULTS.md"), "w").write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
