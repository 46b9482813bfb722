#!/usr/bin/env python3
"""peer_python.py — the bench's checks in plain Python (json, re, datetime).

  peer_python.py ndjson FILE     the record checks of rules-ndjson.json
  peer_python.py national FILE   the report checks of rules-national.json

Prints {"RULE-ID": violations, ...} as JSON. Same semantics as the rule
sets: as_of 2025-09-30; the due day itself is on time; a stated figure
written with d decimals tolerates half a unit of its last digit."""
import datetime
import json
import re
import sys

AS_OF = datetime.date(2025, 9, 30)
CODE = re.compile(r"[1-3]\.[0-9]{6}\.000\.00\.00\.H[0-9]{2}\Z")
DECREE = re.compile(r"[0-9]{1,4}/[0-9]{4}/NĐ-CP\Z")
day = datetime.date.fromisoformat


def check_ndjson(path):
    late = code = decree = fee = received = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            due = day(r["due"])
            done = r["completed"]
            if (day(done) > due) if done is not None else AS_OF > due:
                late += 1
            if not CODE.match(r["procedure"]):
                code += 1
            if not DECREE.match(r["decree"]):
                decree += 1
            if r["fee"] < 0:
                fee += 1
            if day(r["received"]) > due:
                received += 1
    return {"PROC-DEADLINE": late, "PROC-CODE": code, "DECREE-NUMBER": decree, "FEE-NONNEG": fee,
            "RECEIVED-BEFORE-DUE": received}


def tolerance(stated):
    """Half a unit of the last digit the number is written with."""
    text = repr(stated)
    return 0.5 * 10 ** -(len(text.split(".")[1]) if "." in text else 0)


def off(stated, expected):
    return abs(stated - expected) > tolerance(stated)


def check_national(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    c = dict.fromkeys(["COMMUNE-ONTIME-RATIO", "PROVINCE-STAFF-SUM", "PROVINCE-AVG-STAFF",
                       "PROVINCE-ONTIME-RATIO", "NATIONAL-STAFF-SUM"], 0)
    for p in doc["provinces"]:
        staff = on_time = resolved = 0
        for m in p["communes"]:
            staff += m["staff"]
            on_time += m["on_time"]
            resolved += m["resolved"]
            c["COMMUNE-ONTIME-RATIO"] += off(m["on_time_pct"], m["on_time"] * 100 / m["resolved"])
        c["PROVINCE-STAFF-SUM"] += p["staff_total"] != staff
        c["PROVINCE-AVG-STAFF"] += off(p["avg_staff"], staff / len(p["communes"]))
        c["PROVINCE-ONTIME-RATIO"] += off(p["on_time_rate_pct"], on_time * 100 / resolved)
    c["NATIONAL-STAFF-SUM"] += doc["staff_total"] != sum(p["staff_total"] for p in doc["provinces"])
    return c


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("ndjson", "national"):
        sys.exit(__doc__)
    counts = (check_ndjson if sys.argv[1] == "ndjson" else check_national)(sys.argv[2])
    print(json.dumps(counts, sort_keys=True))
