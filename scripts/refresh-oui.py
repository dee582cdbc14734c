#!/usr/bin/env python3
"""Builds knowledge/oui.csv from the IEEE MA-L, MA-M and MA-S registries and knowledge/oui-makers.csv.

Called by scripts/refresh-oui; standard library only. The output depends only on the input files,
so running it twice on the same data gives the same bytes.
"""
import argparse
import csv
import datetime
import os
import re
import sys
import tempfile

# (registry, file in the ieee-data directory, official address of the same registry)
REGISTRIES = [
    ("MA-L", "oui.csv", "https://standards-oui.ieee.org/oui/oui.csv"),
    ("MA-M", "mam.csv", "https://standards-oui.ieee.org/oui28/mam.csv"),
    ("MA-S", "oui36.csv", "https://standards-oui.ieee.org/oui36/oui36.csv"),
]
PREFIX_LENGTH = {"MA-L": 6, "MA-M": 7, "MA-S": 9}
REGISTRY_HEADER = ["Registry", "Assignment", "Organization Name", "Organization Address"]
MAKERS_HEADER = ["organisation", "maker", "source", "checked"]
OUTPUT_HEADER = ["prefix", "registry", "organisation", "maker", "source", "checked"]
MAKER_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HEX = re.compile(r"^[0-9A-F]+$")


def fail(message):
    print(f"refresh-oui: {message}", file=sys.stderr)
    sys.exit(1)


def data_date(ieee_dir, files):
    """The date of the data: update-ieee-data's .lastupdate stamp (Unix time), else the newest file's mtime (UTC)."""
    stamp = os.path.join(ieee_dir, ".lastupdate")
    seconds = None
    if os.path.exists(stamp):
        text = open(stamp, encoding="ascii").read().strip()
        if text.isdigit():
            seconds = int(text)
    if seconds is None:
        seconds = max(os.path.getmtime(f) for f in files)
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).date().isoformat()


def read_rules(path):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header != MAKERS_HEADER:
            fail(f"{path}: header must be {','.join(MAKERS_HEADER)}, found {header}")
        rules = []
        for line, row in enumerate(reader, start=2):
            if len(row) != len(MAKERS_HEADER):
                fail(f"{path}:{line}: expected {len(MAKERS_HEADER)} cells, found {len(row)}")
            pattern, maker = row[0], row[1]
            if not MAKER_ID.match(maker):
                fail(f"{path}:{line}: maker '{maker}' is not a lower-case id")
            try:
                rules.append((re.compile(pattern, re.IGNORECASE), maker))
            except re.error as e:
                fail(f"{path}:{line}: bad regular expression {pattern!r}: {e}")
        return rules


def read_registry(path, registry):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header != REGISTRY_HEADER:
            fail(f"{path}: unexpected header {header}")
        for line, row in enumerate(reader, start=2):
            if len(row) < 3:
                fail(f"{path}:{line}: too few cells")
            if row[0] != registry:
                fail(f"{path}:{line}: registry '{row[0]}', expected {registry}")
            prefix = row[1].strip().upper()
            if len(prefix) != PREFIX_LENGTH[registry] or not HEX.match(prefix):
                fail(f"{path}:{line}: bad assignment '{row[1]}'")
            yield prefix, " ".join(row[2].split())


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ieee-dir", default="/usr/share/ieee-data")
    parser.add_argument("--makers", required=True, help="path of oui-makers.csv")
    parser.add_argument("--out", required=True, help="path of oui.csv to write")
    args = parser.parse_args()

    files = [os.path.join(args.ieee_dir, name) for _, name, _ in REGISTRIES]
    missing = [f for f in files if not os.path.exists(f)]
    if missing:
        fail(f"missing {', '.join(missing)}")
    rules = read_rules(args.makers)
    checked = data_date(args.ieee_dir, files)

    rows = []
    counts = {}
    mapped = 0
    for (registry, _, source), path in zip(REGISTRIES, files):
        counts[registry] = 0
        for prefix, organisation in read_registry(path, registry):
            maker = ""
            # IEEE lists hidden registrants as "Private"; nothing to attribute.
            if organisation != "Private":
                maker = next((m for rx, m in rules if rx.search(organisation)), "")
            rows.append((prefix, registry, organisation, maker, source, checked))
            counts[registry] += 1
            mapped += bool(maker)
    # A few MA-L prefixes appear more than once (historic re-listings); the organisation breaks the tie.
    rows.sort(key=lambda r: (r[0], r[1], r[2], r[3]))

    out_dir = os.path.dirname(os.path.abspath(args.out))
    fd, temp = tempfile.mkstemp(prefix=".oui.", suffix=".csv", dir=out_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(OUTPUT_HEADER)
            writer.writerows(rows)
        os.chmod(temp, 0o644)
        os.replace(temp, args.out)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise

    per_registry = ", ".join(f"{r} {counts[r]}" for r, _, _ in REGISTRIES)
    print(f"oui.csv: {len(rows)} rows ({per_registry}); {mapped} mapped to a maker; data of {checked}")


if __name__ == "__main__":
    main()
