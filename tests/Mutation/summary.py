#!/usr/bin/env python3
"""Counts and survivors of a Stryker.NET JSON report (mutation-testing-report-schema).

    python3 tests/Mutation/summary.py /tmp/stryker-edge-ads/reports/mutation-report.json [--list]
    python3 tests/Mutation/summary.py <first-run.json> --combine <survivor-run.json> [--list]

With --combine, each surviving or uncovered mutant of the first run takes its status from the
survivor run (survivor_spans.py), matched by file, location and replacement; the other mutants
of the survivor run (nested in the same spans) are not counted twice. A first-run survivor the
second run ignored (its span left out of a narrowed re-run) keeps its first status.

Score as Stryker computes it: detected / (detected + undetected), where detected is Killed +
Timeout and undetected is Survived + NoCoverage; compile errors and ignored mutants do not count.
"""
import json
import sys
from collections import Counter


def key(file, m):
    loc = m["location"]
    return (file, loc["start"]["line"], loc["start"]["column"], loc["end"]["line"], loc["end"]["column"],
            m["mutatorName"], m.get("replacement", ""))


def combine(report, second_path: str) -> None:
    second = json.load(open(second_path))
    later = {key(f, m): m["status"] for f, e in second["files"].items() for m in e["mutants"]}
    matched = missing = 0
    for file, entry in report["files"].items():
        for m in entry["mutants"]:
            if m["status"] in ("Survived", "NoCoverage"):
                status = later.get(key(file, m))
                # Ignored: outside the second run's spans (a narrowed re-run), so not tested again.
                if status is None or status == "Ignored":
                    missing += 1
                else:
                    matched += 1
                    m["status"] = status
    print(f"combined: {matched} survivors re-run, {missing} not found in the second report")


def main(path: str, listing: bool, second: str | None = None) -> None:
    report = json.load(open(path))
    if second:
        combine(report, second)
    total = Counter()
    rows = []
    for file, entry in sorted(report["files"].items()):
        counts = Counter(m["status"] for m in entry["mutants"])
        total.update(counts)
        for m in entry["mutants"]:
            if m["status"] in ("Survived", "NoCoverage"):
                loc = m["location"]["start"]
                rows.append((file, loc["line"], m["status"], m["mutatorName"], m.get("replacement", "")))
        detected = counts["Killed"] + counts["Timeout"]
        undetected = counts["Survived"] + counts["NoCoverage"]
        if detected + undetected:
            print(f"{100 * detected / (detected + undetected):6.1f} %  {detected:4}/{detected + undetected:<4} {file}")
    detected = total["Killed"] + total["Timeout"]
    undetected = total["Survived"] + total["NoCoverage"]
    score = 100 * detected / (detected + undetected) if detected + undetected else float("nan")
    print(f"score {score:.2f} %: killed {total['Killed']}, timeout {total['Timeout']}, survived {total['Survived']}, "
          f"no coverage {total['NoCoverage']}, compile error {total['CompileError']}, ignored {total['Ignored']}")
    if listing:
        for file, line, status, mutator, replacement in rows:
            print(f"{status:10} {file}:{line} {mutator}: {replacement}")


if __name__ == "__main__":
    args = sys.argv[2:]
    main(sys.argv[1], "--list" in args, args[args.index("--combine") + 1] if "--combine" in args else None)
