#!/usr/bin/env python3
"""Merged line and branch coverage per assembly from coverlet's cobertura files.

usage: coverage-summary.py <directory with coverage.cobertura.xml files> [assembly ...]

Every test project reports the assemblies it loaded; a line counts as covered when any test project covered it,
and a branch point by the most branches any run took there. Generated EF Core migrations are left out.
"""
import re
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

EXCLUDED = re.compile(r"[\\/]Migrations[\\/]")


def merge(files):
    # (assembly, file, line) -> [hits, covered branches, branches]
    lines = {}
    for file in files:
        for package in ElementTree.parse(file).getroot().iter("package"):
            assembly = package.get("name")
            for cls in package.iter("class"):
                filename = cls.get("filename", "")
                if EXCLUDED.search(filename):
                    continue
                for line in cls.iter("line"):
                    key = (assembly, filename, int(line.get("number")))
                    merged = lines.setdefault(key, [0, 0, 0])
                    merged[0] = max(merged[0], int(line.get("hits", "0")))
                    match = re.search(r"\((\d+)/(\d+)\)", line.get("condition-coverage", ""))
                    if line.get("branch") == "True" and match:
                        merged[1] = max(merged[1], int(match.group(1)))
                        merged[2] = max(merged[2], int(match.group(2)))
    return lines


def percent(part, whole):
    return f"{100.0 * part / whole:.1f}%" if whole else "n/a"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    files = sorted(Path(sys.argv[1]).rglob("coverage.cobertura.xml"))
    if not files:
        sys.exit(f"coverage: no coverage.cobertura.xml under {sys.argv[1]}")
    lines = merge(files)
    assemblies = sys.argv[2:] or sorted({assembly for assembly, _, _ in lines})
    for assembly in assemblies:
        mine = [value for (owner, _, _), value in lines.items() if owner == assembly]
        covered = sum(1 for hits, _, _ in mine if hits > 0)
        branches_covered = sum(value[1] for value in mine)
        branches = sum(value[2] for value in mine)
        print(f"coverage {assembly}: lines {percent(covered, len(mine))} ({covered}/{len(mine)}), "
              f"branches {percent(branches_covered, branches)} ({branches_covered}/{branches})")


if __name__ == "__main__":
    main()
