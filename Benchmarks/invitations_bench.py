#!/usr/bin/env python3
"""Times the invitations commands on 100,000 rows and prints a Markdown section for RESULTS.md.

    python3 Benchmarks/invitations_bench.py [--bin .build/release/invitesheet] [--rows 100000] [--json FILE]

1. `submit` of the sample (`sample --rows N --seed 3`, outbox mail) beside `validate --out` of the
   same file (targets: at most 2x its time, under 300 MB peak), each the fastest of `--runs` runs;
2. `status --format csv` over N invitations (target under 2 s);
3. `resend --all-pending` over N invitations, a day later (target under 10 s).
Wall time, CPU (user + system) and peak RSS from GNU time; the clock is fixed with
INVITESHEET_NOW. `--json FILE` also writes the figures there (Benchmarks/run.py reads them).
"""
import argparse, json, os, shlex, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd, env=None, ok=(0, 1)):
    """One run under GNU time: (wall s, peak RSS MB, stdout, user+sys CPU s)."""
    t = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M"] + cmd, capture_output=True, text=True, env=env)
    if t.returncode not in ok:
        sys.exit(f"invitations bench: {' '.join(cmd)} failed ({t.returncode}):\n{t.stderr[-2000:]}")
    wall, user, system, kb = t.stderr.strip().splitlines()[-1].split()
    return float(wall), int(kb) / 1024, t.stdout, float(user) + float(system)


def shown(cmd, work, bin):
    """cmd as listed in the results: the scratch folder as WORK, the binary as invitesheet."""
    return shlex.join("invitesheet" if c == bin else c.replace(work, "WORK") for c in cmd)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "invitesheet"))
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=2, help="runs of validate and of submit, interleaved; the fastest is kept")
    ap.add_argument("--work", default=None, help="scratch folder (default: a temporary one, removed after)")
    ap.add_argument("--json", default=None, help="also write the figures to this file as JSON")
    args = ap.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="invitations-bench-")
    os.makedirs(work, exist_ok=True)
    n = args.rows
    sample = os.path.join(work, f"s-{n}.xlsx")
    clean = os.path.join(work, f"clean-{n}.xlsx")
    subprocess.run([args.bin, "sample", "--rows", str(n), "--seed", "3", "-o", sample], check=True, capture_output=True)
    subprocess.run([args.bin, "sample", "--rows", str(n), "--seed", "4", "--error-rate", "0", "-o", clean], check=True, capture_output=True)
    env = dict(os.environ, INVITESHEET_NOW="2026-12-01T09:00:00Z")
    env.pop("INVITESHEET_LEDGER", None)
    inviter = "lim_kh@tech.gov.sg"

    # validate and submit alternate, args.runs times each; the fastest run of each is kept (the
    # disk's state moves submit's time by seconds between runs: 96,000 new files a run).
    val_runs, sub_runs = [], []
    for i in range(args.runs):
        val_cmd = [args.bin, "validate", sample, "--out", os.path.join(work, f"validate-{i}")]
        val_runs.append(timed(val_cmd, env))
        sub_cmd = [args.bin, "submit", sample, "--inviter", inviter, "--out", os.path.join(work, f"submit-{i}"),
                   "--ledger", os.path.join(work, f"submit-{i}.sqlite"), "--mail", "outbox:" + os.path.join(work, f"outbox-submit-{i}")]
        sub_runs.append(timed(sub_cmd, env))
        shutil.rmtree(os.path.join(work, f"outbox-submit-{i}"), ignore_errors=True)
    val_t, val_m, _, val_c = min(val_runs)
    sub_t, sub_m, out, sub_c = min(sub_runs)
    counts = next((l for l in out.splitlines() if l.startswith("Invitations:")), "Invitations: ?").split(":", 1)[1].strip()

    # A ledger of N invitations (every row valid), then status and resend over it.
    big = os.path.join(work, "big.sqlite")
    outbox = os.path.join(work, "outbox-big")
    timed([args.bin, "submit", clean, "--inviter", inviter, "--ledger", big, "--mail", "outbox:" + outbox], env)
    status_csv = os.path.join(work, "status.csv")
    st_cmd = [args.bin, "status", "--format", "csv", "-o", status_csv, "--ledger", big]
    st_t, st_m, _, st_c = timed(st_cmd, env)
    listed = sum(1 for _ in open(status_csv, encoding="utf-8")) - 1
    env_next = dict(env, INVITESHEET_NOW="2026-12-02T09:00:00Z")
    rs_cmd = [args.bin, "resend", "--all-pending", "--ledger", big, "--mail", "outbox:" + outbox]
    rs_t, rs_m, rs_out, rs_c = timed(rs_cmd, env_next)
    resent = next((l for l in rs_out.splitlines() if l.startswith("Re-sent:")), "")

    invited = counts.split(" invited")[0]
    lines = [
        f"## Invitations: {n:,} rows (`sample --rows {n} --seed 3`), outbox mail; validate and submit the best of "
        f"{args.runs} interleaved runs, status and resend one run",
        "",
        "| command | wall | CPU (user+sys) | peak RSS | target |",
        "|---|---:|---:|---:|---|",
        f"| `validate FILE --out DIR` | {val_t:.2f} s | {val_c:.2f} s | {val_m:.0f} MB | — |",
        f"| `submit FILE --out DIR` (validate, then {invited} invited, emails delivered to the outbox) | {sub_t:.2f} s | {sub_c:.2f} s | {sub_m:.0f} MB | ≤ 2× validate ({sub_t / val_t:.2f}× wall, {sub_c / val_c:.2f}× CPU), < 300 MB |",
        f"| `status --format csv` over {listed:,} invitations | {st_t:.2f} s | {st_c:.2f} s | {st_m:.0f} MB | < 2 s |",
        f"| `resend --all-pending` a day later ({resent.strip()}), emails delivered | {rs_t:.2f} s | {rs_c:.2f} s | {rs_m:.0f} MB | < 10 s |",
        "",
        f"Commands (`WORK` a scratch folder; the clock fixed with `INVITESHEET_NOW={env['INVITESHEET_NOW']}`, "
        f"and `{env_next['INVITESHEET_NOW']}` for resend):",
        "",
        f"- `{shown(val_cmd, work, args.bin)}`",
        f"- `{shown(sub_cmd, work, args.bin)}`",
        f"- `{shown(st_cmd, work, args.bin)}` (the ledger made by submitting `sample --rows {n} --seed 4 --error-rate 0`)",
        f"- `{shown(rs_cmd, work, args.bin)}`",
    ]
    print("\n".join(lines))
    if args.json:
        figures = {"rows": n, "validate_s": val_t, "validate_cpu_s": val_c, "validate_mb": val_m,
                   "submit_s": sub_t, "submit_cpu_s": sub_c, "submit_mb": sub_m, "invited": invited,
                   "status_s": st_t, "status_cpu_s": st_c, "status_mb": st_m, "listed": listed,
                   "resend_s": rs_t, "resend_cpu_s": rs_c, "resend_mb": rs_m}
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=1)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
