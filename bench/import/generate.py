#!/usr/bin/env python3
"""Writes a deterministic device CSV (an installer's asset list) for the import benchmark.

    bench/import/generate.py ROWS [SEED] [--from FIRST] [--revise A-B] > devices.csv

The same arguments always give the same bytes. Row i has the same values whatever the arguments, except that
--from leaves out rows before FIRST and --revise gives rows A to B a later survey's values (another cost centre
and a note), so that a file of rows FIRST..ROWS, imported into a register loaded from rows 1..FIRST-1 and more,
both updates devices and creates them (issue 12). Every row is valid for `sightline import devices`:
unique asset ids, serials and MACs; values already in Sightline's canonical form (upper-case MACs,
YYYY-MM-DD dates), so the benchmark can compare what Sightline stored with what the references loaded.
"""
import argparse
import csv
import random
import sys

SYSTEMS = [
    "Town Centre CCTV", "Civic Centre Access", "Car Parks ANPR", "Leisure Centres", "Housing Estates",
    "Schools", "Depots and Fleet", "Libraries", "Parks and Open Spaces", "Traffic Monitoring",
    "Museums and Galleries", "Waste and Recycling",
]
INSTALLERS = [
    "Northmoor Security Ltd", "Vantage Fire & Security", "CityWatch Installations", "Redline Systems",
    "Apex CCTV Services", "Pennine Electrical", "Clearview Integration", "Sentinel Technical",
    "Harbour Networks", "Council Facilities Team", "Beacon Security Group", "Eastgate Comms",
]
STREETS = [
    "High Street", "Market Place", "Church Lane", "Station Road", "Victoria Road", "Mill Lane", "Park Road",
    "Riverside Walk", "Kings Road", "Queen Street", "Bridge Street", "London Road", "North Street", "Castle Hill",
    "Canal Side", "Chapel Street", "West Street", "Albert Road", "Forge Lane", "Orchard Way",
]
PLACES = ["Car Park", "Depot", "Library", "School", "Leisure Centre", "Community Hub", "Bus Station", "Park",
          "Housing Block", "Shopping Parade"]

# (brand as sold, OUI, kind, model, firmware versions, capability sets)
MODELS = [
    ("Hikvision", "44:19:B6", "camera", "DS-2CD2143G2-I", ["V5.7.3 build 220112", "V5.7.15 build 230921"],
     ["infrared", "infrared;analytics"]),
    ("Hikvision", "44:19:B6", "camera", "DS-2DE4425IW-DE", ["V5.6.2 build 190702", "V5.7.0 build 220811"],
     ["ptz;infrared", "ptz;infrared;audio"]),
    ("Hikvision", "44:19:B6", "nvr", "DS-7616NI-K2", ["V4.30.085 build 210817", "V4.62.210 build 230310"], ["none"]),
    ("Dahua", "3C:EF:8C", "camera", "IPC-HFW2431S-S-S2", ["V2.800.0000000.16.R", "V2.820.0000000.5.R"],
     ["infrared", ""]),
    ("Dahua", "3C:EF:8C", "camera", "ITC431-RW1F-IRL8", ["V3.000.0000001.2.R"], ["anpr;infrared"]),
    ("Dahua", "3C:EF:8C", "nvr", "NVR5216-16P-4KS2E", ["V4.001.0000000.1.R", "V4.003.0000000.3.R"], ["analytics"]),
    ("Axis", "00:40:8C", "camera", "P3245-LVE", ["10.12.153", "11.2.68"], ["infrared;analytics", "infrared"]),
    ("Axis", "00:40:8C", "camera", "Q6135-LE", ["10.12.153", "11.8.64"], ["ptz;infrared;audio"]),
    ("Axis", "00:40:8C", "encoder", "M7104", ["10.12.114"], [""]),
    ("Hanwha Vision", "00:09:18", "camera", "XNV-6080R", ["2.21.02_20230405", "2.10.03_20210909"],
     ["infrared", "infrared;audio"]),
    ("Hanwha Vision", "00:09:18", "camera", "TNO-4041T", ["1.00.04"], ["thermal;analytics"]),
    ("Uniview", "48:EA:63", "camera", "IPC2124LB-SF28KM-G", ["IPC_G6103-B0008P62D1907", "IPC_G6103-B0012P60"],
     ["infrared"]),
    ("Bosch", "00:07:5F", "camera", "FLEXIDOME IP 5000i", ["7.80.0128", "8.40.0029"], ["analytics", ""]),
    ("Avigilon", "00:18:85", "camera", "H5A-DO-IR", ["4.22.0.24", "4.28.0.30"],
     ["face-recognition;analytics;infrared", "analytics;infrared"]),
    ("Vivotek", "00:02:D1", "camera", "IB9389-EHT-v2", ["0100c", "0110b"], ["infrared"]),
    ("Cisco", "00:1B:54", "other", "Catalyst 9200-24P", ["17.9.4a"], [""]),
]
NOTES = [
    "", "", "", "", "", "", "", "",
    "Faces main entrance",
    "Replaced after storm damage, March",
    'Covers the "north" gate, car park and cycle racks',
    "Privacy mask applied to neighbouring windows",
    "Awaiting lens cleaning",
    "Pole mounted, 6m",
    "Signage checked, compliant",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int, nargs="?", default=1_000_000)
    parser.add_argument("seed", type=int, nargs="?", default=20261129)
    parser.add_argument("--from", dest="first", type=int, default=1)
    parser.add_argument("--revise", default="0-0", help="A-B: rows A to B get a later survey's values")
    args = parser.parse_args()
    rows, first = args.rows, args.first
    revise_from, revise_to = (int(n) for n in args.revise.split("-"))
    rng = random.Random(args.seed)
    # 20 streets x 10 kinds of place: 200 distinct sites, each with its own position.
    sites = [(f"{street} {place}", 53.2 + rng.random() * 0.4, -1.8 + rng.random() * 0.6)
             for place in PLACES for street in STREETS]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["asset_id", "system", "site", "latitude", "longitude", "direction", "kind", "brand", "model",
                  "firmware", "serial", "ip", "mac", "installed_on", "installer", "capabilities", "status", "notes",
                  "cost_centre", "maintenance_contract"])
    for i in range(1, rows + 1):
        system = rng.randrange(len(SYSTEMS))
        site, lat, lon = sites[rng.randrange(len(sites))]
        brand, oui, kind, model, firmwares, capabilities = MODELS[rng.randrange(len(MODELS))]
        located = rng.random() < 0.9
        year = 2008 + rng.randrange(19)
        month = 1 + rng.randrange(12 if year < 2026 else 6)
        status = rng.random()
        # Multiplying by an odd constant mod 2^24 is a bijection, so MACs are unique yet not sequential.
        nic = (i * 0x9E3779) & 0xFFFFFF
        row = [
            f"SL-{i:07d}",
            SYSTEMS[system],
            site,
            f"{lat + rng.uniform(-0.002, 0.002):.6f}" if located else "",
            f"{lon + rng.uniform(-0.002, 0.002):.6f}" if located else "",
            str(rng.randrange(360)) if located and kind == "camera" else "",
            kind,
            brand,
            model,
            rng.choice(firmwares),
            "" if rng.random() < 0.03 else f"{brand[:2].upper()}{year}{i:08d}",
            f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}",
            f"{oui}:{nic >> 16:02X}:{nic >> 8 & 255:02X}:{nic & 255:02X}",
            f"{year}-{month:02d}-{1 + rng.randrange(28):02d}",
            rng.choice(INSTALLERS),
            rng.choice(capabilities),
            "active" if status < 0.94 else "decommissioned" if status < 0.98 else "missing",
            rng.choice(NOTES),
            f"CC-{1000 + system * 10 + rng.randrange(10)}",
            "" if rng.random() < 0.4 else f"MC-{year + rng.randrange(3)}-{rng.randrange(1, 40):02d}",
        ]
        if i < first:
            continue  # every row's random values are drawn, so that row i is the same whichever rows are written
        if revise_from <= i <= revise_to:
            row[17] = "Re-surveyed December 2026"
            row[18] = f"CC-{9000 + i % 100}"
        out.writerow(row)


if __name__ == "__main__":
    main()
