#!/usr/bin/env python3
"""bench/compliance: prints the reference SQL (the counts behind `sightline compliance`, as plain aggregate queries)
for the knowledge folder given: devices, security-flagged, missing, made by a company the UK sensitive-site rule covers
(incorporated in China, through its group), and with ANPR or face recognition, per system; then devices per system,
platform maker, model and firmware for the makers with known-exploited vulnerabilities."""
import csv
import sys

folder = sys.argv[1]
makers = {row["id"]: row for row in csv.DictReader(open(f"{folder}/makers.csv", encoding="utf-8"))}


def chain(m):
    while m:
        yield makers[m]
        m = makers[m]["parent"] or None


def root(m):
    return list(chain(m))[-1]["id"]


covered = sorted(m for m in makers if any(x["country"] == "CN" for x in chain(m)))
kev_roots = {root(r["maker"]) for r in csv.DictReader(open(f"{folder}/vulnerabilities.csv", encoding="utf-8")) if r["kev"] == "yes"}
kev = sorted(m for m in makers if root(m) in kev_roots)
quoted = lambda ids: ", ".join(f"'{i}'" for i in ids) or "NULL"
print(f"""SELECT d.system_id, count(*),
  count(CASE WHEN (i.flags & 2) <> 0 THEN 1 END),
  count(CASE WHEN d.status = 'missing' THEN 1 END),
  count(CASE WHEN i.platform IN ({quoted(covered)}) THEN 1 END),
  count(CASE WHEN d.capabilities LIKE '%anpr%' OR d.capabilities LIKE '%face-recognition%' THEN 1 END)
FROM devices d LEFT JOIN identities i ON i.device_id = d.id WHERE d.system_id IS NOT NULL GROUP BY d.system_id ORDER BY d.system_id;
SELECT d.system_id, i.platform, d.model, d.firmware, count(*) FROM devices d JOIN identities i ON i.device_id = d.id
WHERE d.system_id IS NOT NULL AND d.model IS NOT NULL AND d.firmware IS NOT NULL AND i.platform IN ({quoted(kev)})
GROUP BY d.system_id, i.platform, d.model, d.firmware;""")
