#!/usr/bin/env python3
"""bench/compliance: spreads a generated device CSV (stdin, bench/import/generate.py) over 20 systems and writes their
systems CSV. Usage: systems.py SYSTEMS_CSV < devices.csv > devices-20.csv. Row i goes to system i mod 20."""
import csv
import sys

# (name, type, purposes, sensitive site, retention days)
SYSTEMS = [
    (f"{area} {kind}", kind_type, purposes, sensitive, retention)
    for area in ["North", "South", "East", "West"]
    for kind, kind_type, purposes, sensitive, retention in [
        ("Town Centre CCTV", "cctv", "prevention and detection of crime;public safety", "no", "31"),
        ("Civic Buildings", "cctv", "security of council premises", "yes", "31"),
        ("Car Parks ANPR", "anpr", "parking enforcement", "no", "90"),
        ("Traffic Monitoring", "cctv", "traffic management", "no", "14"),
        ("Housing Estates", "cctv", "anti-social behaviour", "no", ""),
    ]
]

with open(sys.argv[1], "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["name", "type", "purposes", "lawful_basis", "public_space", "sensitive_site", "retention_days", "controller"])
    for name, kind, purposes, sensitive, retention in SYSTEMS:
        out.writerow([name, kind, purposes, "UK GDPR Art. 6(1)(e)", "yes", sensitive, retention, "Northmoor Council"])

rows = csv.reader(sys.stdin)
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(next(rows))
for i, row in enumerate(rows):
    row[1] = SYSTEMS[i % len(SYSTEMS)][0]
    out.writerow(row)
