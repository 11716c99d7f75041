"""Measures and tabulates the engine benchmark; driven by tools/bench/engine.sh.

    engine_table.py RUNS CLOCK TIMEOUT NSETS SET... NAME=COMMAND...

Runs every program of each set (tools/bench/SET/*.js) RUNS times on every engine, the engines
interleaved run by run so that load from elsewhere falls on all of them alike, and measures each
run through GNU time: user + system CPU time (CLOCK "cpu") or wall-clock time (CLOCK "wall"),
and peak RSS. Prints markdown: per set a table of mean times and one of peak RSS, each cell with
its ratio to QuickJS's, and the geometric mean of the time ratios per set and over all sets.
"""

import math
import os
import shlex
import signal
import subprocess
import sys
import tempfile


def measure(command, timeout):
    """Runs command once under GNU time; returns (status, seconds_cpu, seconds_wall, peak_rss).

    GNU time rather than our own wait4: Linux carries a process's peak RSS from before its
    exec into the figure, and a forked Python's is 15 MB, GNU time's about 2 MB.
    """
    with tempfile.NamedTemporaryFile("r") as report:
        # A session of its own, so that a timeout stops the engine as well as GNU time.
        child = subprocess.Popen(
            ["/usr/bin/time", "-o", report.name, "-f", "%e %U %S %M"] + command,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            return "timeout", 0.0, timeout, 0
        lines = report.read().split("\n")
        if child.returncode != 0 or len(lines) < 2:
            return "fails", 0.0, 0.0, 0
        wall, user, system, kb = lines[-2].split()
    status = "ok" if child.returncode == 0 else "fails"
    return status, float(user) + float(system), float(wall), int(kb) * 1024


def geomean(ratios):
    return math.exp(sum(map(math.log, ratios)) / len(ratios))


def main():
    runs, clock, timeout = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    nsets = int(sys.argv[4])
    sets = sys.argv[5:5 + nsets]
    engines = [spec.split("=", 1) for spec in sys.argv[5 + nsets:]]
    names = [name for name, _ in engines]
    all_ratios = {name: [] for name in names}
    all_count = 0

    for set_name in sets:
        directory = os.path.join("tools", "bench", set_name)
        programs = sorted(f for f in os.listdir(directory) if f.endswith(".js"))
        times, peaks = {}, {}
        for program in programs:
            path = os.path.join(directory, program)
            results = {name: [] for name in names}
            for _ in range(runs):
                for name, prefix in engines:
                    if results[name] and results[name][-1][0] != "ok":
                        continue  # a failure or a timeout is not worth repeating
                    results[name].append(measure(shlex.split(prefix) + [path], timeout))
            key = program[:-3]
            times[key], peaks[key] = {}, {}
            for name in names:
                got = results[name]
                if got and all(r[0] == "ok" for r in got):
                    seconds = [r[1] if clock == "cpu" else r[2] for r in got]
                    times[key][name] = sum(seconds) / len(seconds)
                    peaks[key][name] = max(r[3] for r in got)
                else:
                    times[key][name] = peaks[key][name] = got[-1][0] if got else "fails"
            print(f"  measured {set_name}/{program}", file=sys.stderr)

        print(f"\n### {set_name}: time ({clock}, mean of {runs}) and ratio to QuickJS\n")
        ratios = table(times, names, lambda t: f"{t:.3f} s")
        print("| **geomean vs QuickJS** | " + " | ".join(
            f"{geomean(ratios[n]):.2f}× ({len(ratios[n])} of {len(times)})" if ratios[n] else "–"
            for n in names) + " |")
        print(f"\n### {set_name}: peak RSS and ratio to QuickJS\n")
        rss_ratios = table(peaks, names, lambda b: f"{b / 1e6:.0f} MB")
        print("| **geomean vs QuickJS** | " + " | ".join(
            f"{geomean(rss_ratios[n]):.2f}×" if rss_ratios[n] else "–" for n in names) + " |")
        for n in names:
            all_ratios[n] += ratios[n]
        all_count += len(times)

    if len(sets) > 1:
        print("\n### all sets: geomean of the time ratios to QuickJS\n")
        print("| " + " | ".join(names) + " |")
        print("|" + "---|" * len(names))
        print("| " + " | ".join(
            f"{geomean(all_ratios[n]):.2f}× ({len(all_ratios[n])} of {all_count})"
            if all_ratios[n] else "–" for n in names) + " |")


def table(rows, names, show):
    """Prints one markdown table of rows[program][engine]; returns the ratios per engine."""
    print("| program | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    ratios = {n: [] for n in names}
    for program, values in rows.items():
        base = values.get("quickjs")
        cells = []
        for n in names:
            value = values[n]
            if isinstance(value, str):
                cells.append(value)
            elif isinstance(base, (float, int)) and base > 0:
                ratios[n].append(value / base)
                cells.append(f"{show(value)} ({value / base:.2f}×)")
            else:
                cells.append(show(value))
        print(f"| {program} | " + " | ".join(cells) + " |")
    return ratios


if __name__ == "__main__":
    main()
