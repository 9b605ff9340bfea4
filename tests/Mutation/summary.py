#!/usr/bin/env python3
"""Counts and survivors of a Stryker.NET JSON report (mutation-testing-report-schema).

    python3 tests/Mutation/summary.py /tmp/stryker-edge-ads/reports/mutation-report.json [--list]

Score as Stryker computes it: detected / (detected + undetected), where detected is Killed +
Timeout and undetected is Survived + NoCoverage; compile errors and ignored mutants do not count.
"""
import json
import sys
from collections import Counter


def main(path: str, listing: bool) -> None:
    report = json.load(open(path))
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
    main(sys.argv[1], "--list" in sys.argv[2:])
