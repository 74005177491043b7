#!/usr/bin/env python3
"""Measure issue 11's targets in one run, side by side with the libxml2 floor, and write
Benchmarks/RESULTS.md.

    python3 Benchmarks/run.py            # the big list has 1,048,575 rows (Excel's maximum)
    python3 Benchmarks/run.py --quick    # 100,000 rows instead, for a fast look (not the targets' figures)

Sections, each one function below:
  1. the floor: ../shared/bench/floor.c (beside the checkout, never copied into it), built with cc;
  2. the big list: floor, convert, validate, validate --out, python-calamine bare read and
     calamine + rules script on the same file (best of --runs runs, interleaved);
  3. the 1,000-row list, start-up included (hyperfine, mean of 20 runs);
  4. linear growth of validate --out: 1k, 10k, 100k and (without --quick) 1M rows;
  5. the inbox: 1,000 distinct 100-row lists through `watch --once`, and 200 for flat memory;
  6. submit beside validate --out (Benchmarks/invitations_bench.py, 100,000 rows).
Wall time is measured around each process, CPU (user + system) and peak RSS come from GNU time.
The sample lists are made once with `invitesheet sample` into Benchmarks/data/ and reused.
"""
import argparse, datetime, json, os, platform, re, shlex, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "Benchmarks")
DATA = os.path.join(BENCH, "data")
OUT = os.path.join(BENCH, "out")
BIN = os.path.join(ROOT, ".build", "release", "invitesheet")
FLOOR_SRC = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "floor.c"))
FLOOR_BIN = os.path.join(OUT, "floor")
POLICY = os.path.join(BENCH, "sample-policy.json")
BIG, QUICK_BIG, SMALL = 1_048_575, 100_000, 1000

# Issue 11's targets.
VALIDATE_OUT_MAX_FLOOR = 1.5      # validate --out wall ÷ floor wall
VALIDATE_OUT_MAX_MB = 200         # validate --out peak RSS
CONVERT_MAX_FLOOR = 1.2           # convert wall ÷ floor wall
SMALL_MAX_CALAMINE = 0.5          # 1,000 rows: validate --out ÷ python-calamine bare read
INBOX_MIN_FILES_PER_S = 300
SUBMIT_MAX_VALIDATE = 2.0         # submit ÷ validate --out
LINEAR_SLACK = 1.25               # last step's µs CPU per added row at most this × the step before
FLAT_SLACK = 1.2                  # inbox peak RSS, 1,000 files at most this × 200 files


# ---------------------------------------------------------------- measuring and citing commands

class Commands:
    """Every figure cites the command that produced it: C1, C2, … listed at the end of RESULTS.md."""

    def __init__(self):
        self.shown = []

    def cite(self, cmd, env=None):
        text = show(cmd, env)
        if text not in self.shown:
            self.shown.append(text)
        return f"C{self.shown.index(text) + 1}"


def show(cmd, env=None):
    """cmd as a reader would type it from the repository root."""
    def relative(word):
        return "python3" if word == sys.executable else word.replace(ROOT + os.sep, "")
    words = [relative(word) for word in cmd]
    prefix = "".join(f"{k}={shlex.quote(relative(v))} " for k, v in (env or {}).items())
    return prefix + shlex.join(words)


class Measure:
    """Wall and CPU seconds (best of the runs, or hyperfine's mean), peak RSS in MB (the largest)."""

    def __init__(self, wall, cpu, rss_mb, walls, how, stdout=""):
        self.wall, self.cpu, self.rss_mb, self.walls, self.how, self.stdout = wall, cpu, rss_mb, walls, how, stdout


def gnu_time(cmd, ok=(0, 1), env=None):
    """One run under GNU time: (wall s, user+sys CPU s, peak RSS MB, stdout)."""
    start = time.perf_counter()
    t = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + cmd, capture_output=True, text=True,
                       env=dict(os.environ, **(env or {})))
    wall = time.perf_counter() - start
    if t.returncode not in ok:
        sys.exit(f"benchmark: {show(cmd)} failed ({t.returncode}):\n{t.stderr[-2000:]}")
    user, system, kb = t.stderr.strip().splitlines()[-1].split()
    return wall, float(user) + float(system), int(kb) / 1024, t.stdout


def best_of(cmd, runs, ok=(0, 1)):
    walls, cpus, rss, out = [], [], [], ""
    for _ in range(runs):
        wall, cpu, mb, out = gnu_time(cmd, ok)
        walls.append(wall); cpus.append(cpu); rss.append(mb)
    return Measure(min(walls), min(cpus), max(rss), walls, f"best of {runs}", out)


def hyperfine(cmd, runs=20):
    """Mean wall and CPU of `runs` runs after 3 warm-ups (hyperfine); peak RSS from one GNU time run."""
    if not shutil.which("hyperfine"):
        m = best_of(cmd, 5)
        m.how = "best of 5 (hyperfine not installed)"
        return m
    export = os.path.join(OUT, "hyperfine.json")
    subprocess.run(["hyperfine", "-N", "-w", "3", "-r", str(runs), "-i", "--export-json", export, shlex.join(cmd)],
                   check=True, capture_output=True)
    r = json.load(open(export))["results"][0]
    _, _, mb, out = gnu_time(cmd)
    return Measure(r["mean"], r["user"] + r["system"], mb, r["times"], f"hyperfine mean of {runs}", out)


# ---------------------------------------------------------------- inputs

def build_release():
    subprocess.run(["swift", "build", "-c", "release", "--product", "invitesheet"], cwd=ROOT, check=True)


def build_floor():
    """Builds the floor from the shared folder beside the checkout; returns (path, None) or (None, why)."""
    if not os.path.exists(FLOOR_SRC):
        return None, f"{FLOOR_SRC} not found (it lives beside the checkout, in ../shared/bench/)"
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libzip", "libxml-2.0"], capture_output=True, text=True)
    if flags.returncode != 0:
        return None, f"pkg-config libzip libxml-2.0 failed: {flags.stderr.strip()}"
    cc = subprocess.run(["cc", "-O2", "-o", FLOOR_BIN, FLOOR_SRC] + flags.stdout.split(), capture_output=True, text=True)
    if cc.returncode != 0:
        return None, f"cc could not build {FLOOR_SRC}: {cc.stderr.strip()[-500:]}"
    return FLOOR_BIN, None


def sample_list(n):
    """The benchmark's list of n rows (5% deliberate mistakes, seed 1) and its existing accounts, made once."""
    path = os.path.join(DATA, f"users-{n}.xlsx")
    existing = os.path.join(DATA, f"existing-{n}.csv")
    if not (os.path.exists(path) and os.path.exists(existing)):
        t0 = time.time()
        subprocess.run([BIN, "sample", "--rows", str(n), "--error-rate", "0.05", "--seed", "1", "-o", path,
                        "--existing", existing], check=True)
        print(f"made {path} in {time.time() - t0:.1f} s", file=sys.stderr)
    return path, existing


def tools(n):
    """The six measured commands on the n-row list, in table order: (key, what, command, exit codes)."""
    path, existing = sample_list(n)
    rules = ["--existing", existing, "--policy", POLICY]
    peers = os.path.join(BENCH, "peers")
    return [
        ("floor", "libxml2 SAX floor: inflate + parse + resolve shared strings (`floor.c`)", [FLOOR_BIN, path], (0,)),
        ("convert", "`invitesheet convert -o x.csv`", [BIN, "convert", path, "-o", os.path.join(OUT, f"convert-{n}.csv")], (0,)),
        ("validate", "`invitesheet validate` (no `--out`)", [BIN, "validate", path] + rules, (0, 1)),
        ("validate-out", "`invitesheet validate --out DIR` (every output)",
         [BIN, "validate", path, "--out", os.path.join(OUT, f"validate-{n}")] + rules, (0, 1)),
        ("calamine", "python-calamine, bare read of every row", [sys.executable, os.path.join(peers, "calamine_read.py"), path], (0,)),
        ("calamine-rules", "python-calamine + the rules in Python (`peers/calamine_validate.py`)",
         [sys.executable, os.path.join(peers, "calamine_validate.py"), path, existing], (0,)),
    ]


# ---------------------------------------------------------------- sections

def measure_big(n, runs, floor):
    """Section 2: every tool on the big list, runs interleaved (round 1 all tools, round 2 all tools…),
    so a burst of load on the shared machine hits every tool alike; best wall and best CPU kept."""
    chosen = [t for t in tools(n) if t[0] != "floor" or floor]
    samples = {key: [] for key, *_ in chosen}
    for r in range(runs):
        for key, what, cmd, ok in chosen:
            print(f"[{n:,} rows, run {r + 1}/{runs}] {key}", file=sys.stderr)
            samples[key].append(gnu_time(cmd, ok))
    result = {}
    for key, what, cmd, ok in chosen:
        s = samples[key]
        result[key] = (what, cmd, Measure(min(x[0] for x in s), min(x[1] for x in s), max(x[2] for x in s),
                                          [x[0] for x in s], f"best of {runs}", s[-1][3]))
    return result


def measure_small(floor):
    """Section 3: the 1,000-row list, start-up included."""
    result = {}
    for key, what, cmd, ok in tools(SMALL):
        if key in ("floor", "convert", "validate-out", "calamine") and (key != "floor" or floor):
            print(f"[{SMALL:,} rows] {key} (hyperfine)", file=sys.stderr)
            result[key] = (what, cmd, hyperfine(cmd))
    return result


def measure_growth(sizes, known, runs):
    """Section 4: validate --out at each size; sizes already measured (the big list, the 1,000-row
    list) are reused, not run again."""
    rows = []
    for n in sizes:
        if n in known:
            cmd, m = known[n]
        else:
            cmd = dict((k, c) for k, _, c, _ in tools(n))["validate-out"]
            print(f"[{n:,} rows] validate --out (growth)", file=sys.stderr)
            m = best_of(cmd, runs)
        rows.append((n, os.path.getsize(sample_list(n)[0]), cmd, m))
    return rows


def measure_inbox():
    """Section 5: Benchmarks/inbox_bench.sh with 1,000 and with 200 distinct files; returns
    [(files, fields from its `inbox_bench …` line, command, env)] or an error text."""
    runs = []
    for files in (1000, 200):
        env = {"INVITESHEET_BIN": BIN, "FILES": str(files), "ROWS": "100"}
        cmd = ["bash", os.path.join(BENCH, "inbox_bench.sh")]
        print(f"[inbox] {files} files", file=sys.stderr)
        r = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, **env))
        line = next((l for l in r.stdout.splitlines() if l.startswith("inbox_bench ")), None)
        if r.returncode != 0 or not line:
            return f"`{show(cmd, env)}` failed (exit {r.returncode}): {r.stderr.strip()[-500:]}"
        runs.append((files, dict(kv.split("=", 1) for kv in line.split()[1:]), cmd, env))
    return runs


def measure_submit():
    """Section 6: Benchmarks/invitations_bench.py; returns (its Markdown, its figures) or an error text."""
    figures = os.path.join(OUT, "invitations.json")
    cmd = [sys.executable, os.path.join(BENCH, "invitations_bench.py"), "--bin", BIN, "--json", figures]
    print("[invitations] submit beside validate --out", file=sys.stderr)
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        return f"`{show(cmd)}` failed (exit {r.returncode}): {r.stderr.strip()[-500:]}"
    return r.stdout.strip(), json.load(open(figures)), cmd


# ---------------------------------------------------------------- writing RESULTS.md

def verdict(ok, text):
    return f"met ({text})" if ok else f"**NOT met** ({text})"


def ratio(a, b):
    return a / b if b else float("nan")


def header(args, n, runs, load_before, floor_why):
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "Sources", "Package.swift"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load_after = os.getloadavg()[0]
    lines = ["# Benchmark results", ""]
    if args.quick:
        lines += [f"> **Quick run** (`python3 Benchmarks/run.py --quick`, {now}): the big list has {n:,} rows, not "
                  f"{BIG:,}, and the 1M step of the growth table is left out. It shows the format; the figures "
                  "for issue 11's targets come from a full run (`python3 Benchmarks/run.py`).", ""]
    lines += [
        f"Made by `python3 Benchmarks/run.py{' --quick' if args.quick else ''}` on {now}, commit {commit}"
        f"{' with uncommitted changes to Sources/' if dirty else ''}, {cpu}, {os.cpu_count()} cores, "
        f"load average {load_before:.1f} at the start and {load_after:.1f} at the end (the machine is shared "
        "with builds: wall time is noisy, CPU time less so). invitesheet is the release build.",
        "",
        "Method: wall time measured around each process; CPU (user + system) and peak RSS from GNU time. "
        + (f"On the big list every tool runs {runs} times, interleaved (every tool once, then every tool again), "
           "and the table keeps the **best (smallest) wall and the best CPU** of the runs, and the largest "
           "peak RSS; every run's wall time is in the last column. " if runs > 1 else
           "On the big list every tool runs once (`--runs 1`). ")
        + "On the 1,000-row list: hyperfine, mean of "
        "20 runs after 3 warm-ups, start-up included. Every figure names the command that made it "
        "(C1, C2, … listed under *Commands*).",
    ]
    if floor_why:
        lines += ["", f"**The floor was not measured**: {floor_why}. Its columns and the targets set against it are left empty."]
    return lines


def targets_table(n, big, small, growth, inbox, submit):
    """The summary: each of issue 11's targets, met or NOT met, with the factor."""
    lines = ["", f"## Issue 11's targets", "", "| target | measured | verdict |", "|---|---|---|"]
    floor = big.get("floor")
    vo, cv = big["validate-out"][2], big["convert"][2]
    if floor:
        f = floor[2]
        k = ratio(vo.wall, f.wall)
        lines.append(f"| `validate --out` on {n:,} rows ≤ {VALIDATE_OUT_MAX_FLOOR}× the floor | {vo.wall:.2f} s against "
                     f"{f.wall:.2f} s = {k:.2f}× (CPU {ratio(vo.cpu, f.cpu):.2f}×) | "
                     f"{verdict(k <= VALIDATE_OUT_MAX_FLOOR, f'{k / VALIDATE_OUT_MAX_FLOOR:.2f}× the target')} |")
        k = ratio(cv.wall, f.wall)
        lines.append(f"| `convert` on {n:,} rows ≤ {CONVERT_MAX_FLOOR}× the floor | {cv.wall:.2f} s against {f.wall:.2f} s = "
                     f"{k:.2f}× (CPU {ratio(cv.cpu, f.cpu):.2f}×) | "
                     f"{verdict(k <= CONVERT_MAX_FLOOR, f'{k / CONVERT_MAX_FLOOR:.2f}× the target')} |")
    else:
        lines.append("| `validate --out` ≤ 1.5× the floor; `convert` ≤ 1.2× the floor | floor not measured | — |")
    lines.append(f"| `validate --out` on {n:,} rows: peak RSS < {VALIDATE_OUT_MAX_MB} MB | {vo.rss_mb:.0f} MB | "
                 f"{verdict(vo.rss_mb < VALIDATE_OUT_MAX_MB, f'{vo.rss_mb / VALIDATE_OUT_MAX_MB:.2f}× the limit')} |")
    sv, sc = small["validate-out"][2], small["calamine"][2]
    k = ratio(sv.wall, sc.wall)
    lines.append(f"| 1,000 rows, start-up included: `validate --out` ≤ {SMALL_MAX_CALAMINE}× python-calamine's bare read | "
                 f"{sv.wall * 1000:.1f} ms against {sc.wall * 1000:.1f} ms = {k:.2f}× | "
                 f"{verdict(k <= SMALL_MAX_CALAMINE, f'{k / SMALL_MAX_CALAMINE:.2f}× the target')} |")
    lines.append(growth_verdict(growth))
    if isinstance(inbox, str):
        lines.append(f"| inbox ≥ {INBOX_MIN_FILES_PER_S} files/s, memory flat | not measured | — |")
    else:
        (_, a, *_), (_, b, *_) = inbox
        rate, rss_a, rss_b = float(a["files_per_second"]), float(a["peak_rss_mb"]), float(b["peak_rss_mb"])
        lines.append(f"| inbox: 1,000 distinct 100-row lists ≥ {INBOX_MIN_FILES_PER_S} files/s | {rate:.0f} files/s | "
                     f"{verdict(rate >= INBOX_MIN_FILES_PER_S, f'{rate / INBOX_MIN_FILES_PER_S:.2f}× the target')} |")
        lines.append(f"| inbox memory flat: peak RSS with 1,000 files ≤ {FLAT_SLACK}× with 200 | {rss_a:.0f} MB against "
                     f"{rss_b:.0f} MB = {ratio(rss_a, rss_b):.2f}× | {verdict(rss_a <= FLAT_SLACK * rss_b, 'flat' if rss_a <= FLAT_SLACK * rss_b else 'grows')} |")
    if isinstance(submit, str):
        lines.append(f"| `submit` ≤ {SUBMIT_MAX_VALIDATE}× `validate --out` | not measured | — |")
    else:
        j = submit[1]
        k = ratio(j["submit_s"], j["validate_s"])
        lines.append(f"| `submit` ≤ {SUBMIT_MAX_VALIDATE}× `validate --out`, same {j['rows']:,}-row file | {j['submit_s']:.2f} s "
                     f"against {j['validate_s']:.2f} s = {k:.2f}× (CPU {ratio(j['submit_cpu_s'], j['validate_cpu_s']):.2f}×) | "
                     f"{verdict(k <= SUBMIT_MAX_VALIDATE, f'{k / SUBMIT_MAX_VALIDATE:.2f}× the target')} |")
    return lines


def growth_steps(growth):
    """µs of CPU and KB of peak RSS per row added since the size before."""
    steps = [None]
    for (n0, _, _, m0), (n1, _, _, m1) in zip(growth, growth[1:]):
        steps.append(((m1.cpu - m0.cpu) / (n1 - n0) * 1e6, (m1.rss_mb - m0.rss_mb) * 1024 / (n1 - n0)))
    return steps


def growth_verdict(growth):
    steps = growth_steps(growth)
    sizes = " → ".join(f"{n:,}" for n, *_ in growth)
    if len(steps) < 3:
        return f"| cost grows linearly ({sizes} rows) | too few sizes | — |"
    (prev, _), (last, _) = steps[-2], steps[-1]
    k = ratio(last, prev)
    return (f"| cost grows linearly ({sizes} rows): CPU per added row in the last step ≤ {LINEAR_SLACK}× the step before | "
            f"{last:.2f} µs against {prev:.2f} µs = {k:.2f}× | {verdict(k <= LINEAR_SLACK, 'linear' if k <= LINEAR_SLACK else 'grows faster than the rows')} |")


def big_table(n, size, big, commands):
    floor = big.get("floor")
    lines = ["", f"## The big list: {n:,} rows ({size / 1e6:.1f} MB, `invitesheet sample --rows {n} --error-rate 0.05 --seed 1`)", "",
             "| what | cmd | wall | CPU (user+sys) | peak RSS | wall ÷ floor | CPU ÷ floor | rows/s | µs CPU/row | target | every run's wall |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    target = {"convert": f"≤ {CONVERT_MAX_FLOOR}× floor",
              "validate-out": f"≤ {VALIDATE_OUT_MAX_FLOOR}× floor, < {VALIDATE_OUT_MAX_MB} MB"}
    for key, (what, cmd, m) in big.items():
        wf = f"{ratio(m.wall, floor[2].wall):.2f}×" if floor else "—"
        cf = f"{ratio(m.cpu, floor[2].cpu):.2f}×" if floor else "—"
        bold = "**" if key in target and floor else ""
        lines.append(f"| {what} | {commands.cite(cmd)} | {m.wall:.2f} s | {m.cpu:.2f} s | {m.rss_mb:.0f} MB | {bold}{wf}{bold} | {cf} | "
                     f"{n / m.wall:,.0f} | {m.cpu / n * 1e6:.2f} | {target.get(key, '—')} | {', '.join(f'{w:.2f}' for w in m.walls)} s |")
    if floor:
        said = floor[2].stdout.strip()
        rows = re.search(r"\brows=(\d+)", said)
        lines += ["", f"The floor read {int(rows.group(1)) - 1:,} data rows and the header" if rows else "The floor said:",
                  f"(`{said}`)." if rows else f"`{said}`"]
    return lines


def small_table(small, commands):
    cal = small["calamine"][2]
    lines = ["", "## The 1,000-row list, start-up included", "",
             "| what | cmd | wall (mean) | CPU (mean) | peak RSS | ÷ python-calamine bare read | target |",
             "|---|---|---:|---:|---:|---:|---|"]
    for key, (what, cmd, m) in small.items():
        target = f"≤ {SMALL_MAX_CALAMINE}×" if key == "validate-out" else "—"
        lines.append(f"| {what} | {commands.cite(cmd)} | {m.wall * 1000:.1f} ms | {m.cpu * 1000:.1f} ms | {m.rss_mb:.0f} MB | "
                     f"{ratio(m.wall, cal.wall):.2f}× | {target} |")
    lines += ["", f"Wall and CPU: {small['validate-out'][2].how} (hyperfine `-N -w 3 -r 20 -i`); peak RSS from one GNU time run."]
    return lines


def growth_table(growth, commands):
    lines = ["", "## Growth: `validate --out` from 1,000 rows up", "",
             "| rows | file | cmd | wall | CPU | peak RSS | µs wall/row | µs CPU/row | KB RSS/row | µs CPU per added row | KB RSS per added row | how |",
             "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for (n, size, cmd, m), step in zip(growth, growth_steps(growth)):
        added = ("—", "—") if step is None else (f"{step[0]:.2f}", f"{step[1]:.2f}")
        lines.append(f"| {n:,} | {size / 1e6:.1f} MB | {commands.cite(cmd)} | {m.wall:.2f} s | {m.cpu:.2f} s | {m.rss_mb:.0f} MB | "
                     f"{m.wall / n * 1e6:.2f} | {m.cpu / n * 1e6:.2f} | {m.rss_mb * 1024 / n:.2f} | {added[0]} | {added[1]} | {m.how} |")
    lines += ["", "Per-row figures divide by the rows of that list (start-up included, so they fall as lists grow); "
              "the *per added row* columns divide the difference from the size before by the rows added, which "
              "takes start-up out: equal figures there mean linear cost, and KB RSS per added row is what each "
              "row adds to peak memory."]
    return lines


def inbox_table(inbox, commands):
    lines = ["", "## Inbox: `invitesheet watch INBOX --once --settle 0` on distinct 100-row lists", ""]
    if isinstance(inbox, str):
        return lines + [f"Not measured: {inbox}"]
    lines += ["| files | distinct contents | rows each | cmd | wall | CPU (user+sys) | files per second | ms CPU per file | peak RSS | processed | duplicates |",
              "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for files, f, cmd, env in inbox:
        cpu = float(f["cpu_seconds"])
        lines.append(f"| {f['files']} | {f['distinct']} | {f['rows']} | {commands.cite(cmd, env)} | {float(f['seconds']):.2f} s | {cpu:.2f} s | "
                     f"**{float(f['files_per_second']):.0f}** | {cpu / int(f['files']) * 1000:.1f} | {float(f['peak_rss_mb']):.0f} MB | "
                     f"{f['processed']} | {f['duplicates']} |")
    lines += ["", "Files made once by `invitesheet sample --rows 100 --seed i` (i = 1…1,000; odd i .xlsx, even i .csv) "
              "into `Benchmarks/data/inbox-distinct/`, copied into a fresh inbox for each run; the 200-file run uses "
              "the first 200. One run each; wall time, CPU and peak RSS of the whole `watch` process from GNU time."]
    return lines


def submit_section(submit, commands):
    if isinstance(submit, str):
        return ["", "## Invitations", "", f"Not measured: {submit}"]
    text, _, cmd = submit
    return [""] + text.splitlines() + ["", f"Made by {commands.cite(cmd)}, which runs the commands above in a scratch folder."]


def commands_section(commands):
    lines = ["", "## Commands", "", "Run from the repository root (`invitesheet` is `.build/release/invitesheet`; "
             "`Benchmarks/out/floor` is built by `cc -O2 -o Benchmarks/out/floor ../shared/bench/floor.c "
             "$(pkg-config --cflags --libs libzip libxml-2.0)`).", ""]
    return lines + [f"- C{i}: `{c}`" for i, c in enumerate(commands.shown, 1)]


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help=f"big list of {QUICK_BIG:,} rows instead of {BIG:,}; no 1M growth step")
    ap.add_argument("--runs", type=int, default=2, help="runs of each tool on the big list, best kept (default 2)")
    ap.add_argument("--no-build", action="store_true", help="use the release build as it is")
    ap.add_argument("--skip-inbox", action="store_true")
    ap.add_argument("--skip-submit", action="store_true")
    args = ap.parse_args()
    if not os.access("/usr/bin/time", os.X_OK):
        sys.exit("benchmark: needs GNU time at /usr/bin/time (bash scripts/setup.sh installs it)")
    os.makedirs(DATA, exist_ok=True); os.makedirs(OUT, exist_ok=True)
    load_before = os.getloadavg()[0]
    if not args.no_build:
        build_release()
    floor, floor_why = build_floor()
    if floor_why:
        print(f"benchmark: skipping the floor: {floor_why}", file=sys.stderr)

    n = QUICK_BIG if args.quick else BIG
    sizes = [SMALL, 10_000, 100_000] + ([] if args.quick else [BIG])
    for size in sizes:
        sample_list(size)
    big = measure_big(n, args.runs, floor)
    small = measure_small(floor)
    known = {n: (big["validate-out"][1], big["validate-out"][2]), SMALL: (small["validate-out"][1], small["validate-out"][2])}
    growth = measure_growth(sizes, known, args.runs)
    inbox = "left out (--skip-inbox)" if args.skip_inbox else measure_inbox()
    submit = "left out (--skip-submit)" if args.skip_submit else measure_submit()

    commands = Commands()
    body = (big_table(n, os.path.getsize(sample_list(n)[0]), big, commands) + small_table(small, commands)
            + growth_table(growth, commands) + inbox_table(inbox, commands) + submit_section(submit, commands))
    lines = header(args, n, args.runs, load_before, floor_why) + targets_table(n, big, small, growth, inbox, submit) + body
    lines += commands_section(commands)
    notes = os.path.join(BENCH, "NOTES.md")
    if os.path.exists(notes):
        lines += ["", "# Notes written by hand (`Benchmarks/NOTES.md`; not re-measured by this run)", "",
                  open(notes).read().strip()]
    open(os.path.join(BENCH, "RESULTS.md"), "w").write("\n".join(lines) + "\n")
    print("\n".join(lines[:lines.index("## Commands")] if "## Commands" in lines else lines))


if __name__ == "__main__":
    main()
