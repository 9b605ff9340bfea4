#!/usr/bin/env python3
"""Writes a configuration that mutates only the surviving and uncovered mutants of a finished run.

    python3 tests/Mutation/survivor_spans.py <report.json> <configuration.json> <new-configuration.json>

Each such mutant's location (line/column in the report) becomes a character span of its file,
`**/Name.cs{start..end}` in the `mutate` list (Stryker.NET's text-span filter: a mutant is tested
when its span lies inside one of these). The rest of the configuration is kept, so the second
run uses the same tests, with whatever tests were added since. Mutants nested inside a span are
tested too; count only the listed ones when combining (summary.py --combine).
"""
import json
import os
import sys


def offsets(text: str):
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def main(report_path: str, config_path: str, out_path: str) -> None:
    report = json.load(open(report_path))
    config = json.load(open(config_path))
    patterns = []
    for file, entry in sorted(report["files"].items()):
        starts = offsets(entry["source"])
        for m in entry["mutants"]:
            if m["status"] not in ("Survived", "NoCoverage"):
                continue
            loc = m["location"]
            begin = starts[loc["start"]["line"] - 1] + loc["start"]["column"] - 1
            end = starts[loc["end"]["line"] - 1] + loc["end"]["column"] - 1
            patterns.append(f"**/{os.path.basename(file)}{{{begin}..{end}}}")
    config["stryker-config"]["mutate"] = sorted(set(patterns))
    json.dump(config, open(out_path, "w"), indent=2)
    print(f"{len(patterns)} mutants, {len(set(patterns))} spans -> {out_path}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
