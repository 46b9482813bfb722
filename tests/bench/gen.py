#!/usr/bin/env python3
"""gen.py — deterministic bench data with violations injected at known rates.

  gen.py ndjson N OUT       N administrative-procedure records, one per line
  gen.py national SCALE OUT a national report: 34 provinces, 3,321 x SCALE communes

Each writes OUT and OUT.expected.json: the number of violations of every
check (the ids of tests/bench/rules-*.json), counted while injecting them.
The same arguments always give the same bytes (a seeded random.Random).
Clean records are clean by construction: an injected violation never
creates another.

Records (as_of 2025-09-30, a constant of the checks):
  late      completed after due                  5%
  overdue   open (completed null), due < as_of   2%
  code      procedure code not 1.DDDDDD.000.00.00.HNN   1%
  decree    decree number not NNN/YYYY/NĐ-CP     1%
  fee       fee < 0                              0.5%
  received  received after due                  0.5%
"""
import datetime
import json
import random
import sys

AS_OF = datetime.date(2025, 9, 30).toordinal()
RATES = {"PROC-DEADLINE-LATE": 0.05, "PROC-DEADLINE-OVERDUE": 0.02, "PROC-CODE": 0.01,
         "DECREE-NUMBER": 0.01, "FEE-NONNEG": 0.005, "RECEIVED-BEFORE-DUE": 0.005}
# The rule ids reportlint reports (late and overdue are one deadline rule).
NDJSON_IDS = ["PROC-DEADLINE", "PROC-CODE", "DECREE-NUMBER", "FEE-NONNEG", "RECEIVED-BEFORE-DUE"]
STATUSES = ["tiep_nhan", "dang_xu_ly", "da_tra_ket_qua"]
COMMUNES = ["Xã Hòa Bình", "Phường Bến Thành", "Xã Tân Phú", "Phường Ba Đình", "Xã Vĩnh Hưng"]
BAD_DECREES = ["118/2025/ND CP", "118/2025/ÐĐ-CP", "1180/25/NĐ-CP", "118-2025-NĐ-CP", "NĐ-CP/118/2025"]
BAD_CODES = ["1.00123.000.00.00.H12", "4.001234.000.00.00.H12", "1.001234.000.00.00.h12",
             "1.001234.000.00.00", "1,001234.000.00.00.H12"]


def iso(ordinal, _cache={}):
    s = _cache.get(ordinal)
    if s is None:
        s = _cache[ordinal] = datetime.date.fromordinal(ordinal).isoformat()
    return s


def record(rnd, i, counts):
    flags = {k for k, p in RATES.items() if rnd.random() < p}
    if "PROC-DEADLINE-LATE" in flags and "PROC-DEADLINE-OVERDUE" in flags:
        flags.discard("PROC-DEADLINE-OVERDUE")
    if "PROC-DEADLINE-OVERDUE" in flags:
        due = AS_OF - rnd.randint(1, 200)
        completed = None
    elif "PROC-DEADLINE-LATE" in flags:
        due = AS_OF - rnd.randint(5, 250)
        completed = due + rnd.randint(1, 4)
    elif rnd.random() < 0.1:  # open, not yet due
        due = AS_OF + rnd.randint(1, 30)
        completed = None
    else:  # done on time (the due day itself is on time)
        due = AS_OF - rnd.randint(0, 250)
        completed = due - rnd.randint(0, 5)
    received = due + rnd.randint(1, 3) if "RECEIVED-BEFORE-DUE" in flags else due - rnd.randint(5, 30)
    code = (rnd.choice(BAD_CODES) if "PROC-CODE" in flags else
            "%d.%06d.000.00.00.H%02d" % (rnd.randint(1, 3), rnd.randint(0, 999999), rnd.randint(1, 99)))
    decree = (rnd.choice(BAD_DECREES) if "DECREE-NUMBER" in flags else
              "%d/%d/NĐ-CP" % (rnd.randint(1, 400), rnd.randint(2015, 2025)))
    fee = -1000 * rnd.randint(1, 50) if "FEE-NONNEG" in flags else 1000 * rnd.randint(0, 500)
    for k in flags:
        counts[k] += 1
    rec = {"id": "HS-%08d" % i, "procedure": code, "decree": decree, "commune": rnd.choice(COMMUNES),
           "received": iso(received), "due": iso(due), "completed": iso(completed) if completed else None,
           "status": rnd.choice(STATUSES), "fee": fee}
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":"))


def gen_ndjson(n, out):
    rnd = random.Random(20251001)
    counts = dict.fromkeys(RATES, 0)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        buf = []
        for i in range(n):
            buf.append(record(rnd, i, counts))
            if len(buf) == 10000:
                f.write("\n".join(buf) + "\n")
                buf = []
        if buf:
            f.write("\n".join(buf) + "\n")
    counts["PROC-DEADLINE"] = counts.pop("PROC-DEADLINE-LATE") + counts.pop("PROC-DEADLINE-OVERDUE")
    return {k: counts[k] for k in NDJSON_IDS}


# ---- the national report ------------------------------------------------
# Each commune: staff, resolved, on_time, on_time_pct (= on_time/resolved*100,
# written with one decimal). Each province: its communes, staff_total (sum),
# avg_staff (staff_total / communes, one decimal), on_time_rate_pct (one
# decimal, Σon_time / Σresolved). National: staff_total (sum of provinces).
NATIONAL_IDS = ["COMMUNE-ONTIME-RATIO", "PROVINCE-STAFF-SUM", "PROVINCE-AVG-STAFF",
                "PROVINCE-ONTIME-RATIO", "NATIONAL-STAFF-SUM"]


def split(total, parts):
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def round1(num, den):
    """num/den with one decimal, or None when it is (nearly) a tie, which
    a checker's floating point could read either way."""
    x = num * 10.0 / den
    if abs(x - int(x) - 0.5) < 1e-6:
        return None
    return round(x) / 10.0


def commune(rnd, code, name, counts):
    while True:
        staff = rnd.randint(5, 60)
        resolved = rnd.randint(50, 5000)
        on_time = resolved - rnd.randint(0, resolved // 10)
        pct = round1(on_time * 100, resolved)
        if pct is not None:
            break
    if rnd.random() < 0.02:
        pct = round(pct - rnd.randint(2, 9) - 0.5, 1)
        counts["COMMUNE-ONTIME-RATIO"] += 1
    return {"code": code, "name": name, "staff": staff, "resolved": resolved, "on_time": on_time,
            "on_time_pct": pct}


def province(rnd, p, n_communes, counts):
    while True:  # drawn again in the rare case of a tie
        c_counts = dict.fromkeys(counts, 0)
        communes = [commune(rnd, "%05d" % (p * 100000 + c), "Xã %d-%d" % (p + 1, c + 1), c_counts)
                    for c in range(n_communes)]
        staff_total = sum(x["staff"] for x in communes)
        avg = round1(staff_total, n_communes)
        rate = round1(sum(x["on_time"] for x in communes) * 100, sum(x["resolved"] for x in communes))
        if avg is not None and rate is not None:
            break
    for k, v in c_counts.items():
        counts[k] += v
    if p % 7 == 3:
        staff_total += rnd.randint(1, 40)
        counts["PROVINCE-STAFF-SUM"] += 1
    elif p % 5 == 1:  # the average is checked against a correct total only
        avg = round(avg + 1.5, 1)
        counts["PROVINCE-AVG-STAFF"] += 1
    if p % 9 == 4:
        rate = round(rate - 3.3, 1)
        counts["PROVINCE-ONTIME-RATIO"] += 1
    return {"code": "%02d" % (p + 1), "name": "Tỉnh %d" % (p + 1), "communes_count": n_communes,
            "staff_total": staff_total, "avg_staff": avg, "on_time_rate_pct": rate, "communes": communes}


def gen_national(scale, out):
    rnd = random.Random(20250929 + scale)
    counts = dict.fromkeys(NATIONAL_IDS, 0)
    provinces = [province(rnd, p, n, counts) for p, n in enumerate(split(3321 * scale, 34))]
    national_staff = sum(x["staff_total"] for x in provinces) + 7
    counts["NATIONAL-STAFF-SUM"] += 1
    doc = {"report": {"id": "NATIONAL-2025-09", "level": "national", "period": "2025-09",
                      "as_of": "2025-09-30", "locale": "vi"},
           "staff_total": national_staff, "provinces": provinces}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return counts


def main(argv):
    if len(argv) != 4 or argv[1] not in ("ndjson", "national"):
        sys.exit(__doc__)
    counts = (gen_ndjson if argv[1] == "ndjson" else gen_national)(int(argv[2]), argv[3])
    with open(argv[3] + ".expected.json", "w") as f:
        json.dump(counts, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv)
