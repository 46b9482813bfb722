#!/usr/bin/env python3
"""gen-samples.py — build reportlint's sample reports from the seeds' figures.

    python3 tools/gen-samples.py            write samples/ and tests/samples/expected-violations.txt
    python3 tools/gen-samples.py --check    exit 1 unless the files on disk are byte-identical
    python3 tools/gen-samples.py --summary  print the per-province table used in samples/README.md

Python 3 standard library only. The output is fully deterministic: a fixed
xorshift32 generator (no `random`, no clock, no dict-order surprises), floats
written by json.dumps (shortest round-trip repr), UTF-8, LF line endings.

What is real and what is synthetic (see samples/README.md for the sources):

  * samples/national/*.json hold only figures the seed news reports state.
  * samples/provinces/*.json: the 34 provinces, their official codes and their
    real numbers of commune-level units after the 1 July 2025 merger (wards,
    communes, special zones; 3,321 in all), and the real names of the 13
    special zones are real. Everything per commune (names, codes, staff,
    departments, equipment) and every per-province breakdown of a national
    total is SYNTHETIC, built so that the provinces add up exactly to the
    national figures of 29 Sep 2025 (3,139 centres, 24,382 staff, 9,916
    specialized departments, 465 specialized agencies, 6.6 million online
    procedures) and to the 29 Oct 2025 figure of 3,143 fully equipped units.
  * Four locale variants (2025-09-29.nb, 2025-10-29.ru, 2025-01-15.id and one
    Vietnamese province, *.vi.json) hold the same figures as strings, the way
    their sources write them ("9 916", "94,6%", "12,2 juta", "1.018"); each
    string is read back by a Python mirror of the engine's locale readers and
    must equal the figure it replaces.
  * Then a few deliberate errors are injected (ERRORS below). A built-in
    oracle re-checks every sample the way rules/two-level-government.json
    does and writes the violations it finds to
    tests/samples/expected-violations.txt; generation fails unless they are
    exactly the intended ones.
"""

import datetime
import json
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SRC_2024_REVIEW = "https://baothanhhoa.vn/thuc-hien-nghiem-toan-dien-dong-bo-hieu-qua-nhiem-vu-cai-cach-hanh-chinh-237037.htm"
SRC_MOHA = "https://baolamdong.vn/khan-truong-kien-toan-nhan-su-cap-xa-393734.html"
SRC_SESSION = ("https://baotintuc.vn/thoi-su/thu-tuong-pham-minh-chinh-chu-tri-phien-hop-ve-tinh-hinh-"
               "van-hanh-chinh-quyen-dia-phuong-2-cap-20251001154305727.htm")
SRC_MEETING_TT = ("https://tuoitre.vn/thu-tuong-yeu-cau-bao-cao-hang-tuan-ve-cat-giam-don-gian-hoa-"
                  "thu-tuc-hanh-chinh-20251029211033161.htm")
SRC_MEETING_CP = ("https://baochinhphu.vn/thu-tuong-den-cuoi-nam-2025-phai-co-ban-giai-quyet-xong-cac-"
                  "vuong-mac-trong-van-hanh-chinh-quyen-dia-phuong-2-cap-102251029195405322.htm")

# ---- national totals (seed 002, 29 Sep 2025; seed 000/003, 29 Oct 2025) ----
N_UNITS = 3321           # communes, wards and special zones
N_CENTRES = 3139         # commune-level public administrative service centres (32 of 34 localities)
N_STAFF = 24382          # staff of those centres
N_DEPARTMENTS = 9916     # specialized departments under commune people's committees
N_AGENCIES = 465         # specialized agencies under provincial people's committees
N_ONLINE = 6600000       # online procedures processed ("6,6 millioner"), 91 % on time
N_EQUIPPED = 3143        # commune-level units fully equipped (29 Oct 2025: "94,6%")
AS_OF = "2025-09-29"

# ---- the 34 provinces after the merger ---------------------------------------
# (NSO code, name, official name, file slug, wards (phường), communes (xã),
#  special zones (đặc khu) by name, northern-mountain naming)
# Codes: the 2025 list of administrative-unit codes. Unit counts: the National
# Assembly Standing Committee's 34 resolutions of June 2025 as published by
# the Ministry of Home Affairs' merger portal (sapnhap.bando.com.vn).
PROVINCES = [
    ("01", "Hà Nội", "Thành phố Hà Nội", "ha-noi", 51, 75, [], False),
    ("04", "Cao Bằng", "Tỉnh Cao Bằng", "cao-bang", 3, 53, [], True),
    ("08", "Tuyên Quang", "Tỉnh Tuyên Quang", "tuyen-quang", 7, 117, [], True),
    ("11", "Điện Biên", "Tỉnh Điện Biên", "dien-bien", 3, 42, [], True),
    ("12", "Lai Châu", "Tỉnh Lai Châu", "lai-chau", 2, 36, [], True),
    ("14", "Sơn La", "Tỉnh Sơn La", "son-la", 8, 67, [], True),
    ("15", "Lào Cai", "Tỉnh Lào Cai", "lao-cai", 10, 89, [], True),
    ("19", "Thái Nguyên", "Tỉnh Thái Nguyên", "thai-nguyen", 15, 77, [], False),
    ("20", "Lạng Sơn", "Tỉnh Lạng Sơn", "lang-son", 4, 61, [], True),
    ("22", "Quảng Ninh", "Tỉnh Quảng Ninh", "quang-ninh", 30, 22, ["Vân Đồn", "Cô Tô"], False),
    ("24", "Bắc Ninh", "Tỉnh Bắc Ninh", "bac-ninh", 33, 66, [], False),
    ("25", "Phú Thọ", "Tỉnh Phú Thọ", "phu-tho", 15, 133, [], False),
    ("31", "Hải Phòng", "Thành phố Hải Phòng", "hai-phong", 45, 67, ["Cát Hải", "Bạch Long Vĩ"], False),
    ("33", "Hưng Yên", "Tỉnh Hưng Yên", "hung-yen", 11, 93, [], False),
    ("37", "Ninh Bình", "Tỉnh Ninh Bình", "ninh-binh", 32, 97, [], False),
    ("38", "Thanh Hóa", "Tỉnh Thanh Hóa", "thanh-hoa", 19, 147, [], False),
    ("40", "Nghệ An", "Tỉnh Nghệ An", "nghe-an", 11, 119, [], False),
    ("42", "Hà Tĩnh", "Tỉnh Hà Tĩnh", "ha-tinh", 9, 60, [], False),
    ("44", "Quảng Trị", "Tỉnh Quảng Trị", "quang-tri", 8, 69, ["Cồn Cỏ"], False),
    ("46", "Huế", "Thành phố Huế", "hue", 21, 19, [], False),
    ("48", "Đà Nẵng", "Thành phố Đà Nẵng", "da-nang", 23, 70, ["Hoàng Sa"], False),
    ("51", "Quảng Ngãi", "Tỉnh Quảng Ngãi", "quang-ngai", 9, 86, ["Lý Sơn"], False),
    ("52", "Gia Lai", "Tỉnh Gia Lai", "gia-lai", 25, 110, [], False),
    ("56", "Khánh Hòa", "Tỉnh Khánh Hòa", "khanh-hoa", 16, 48, ["Trường Sa"], False),
    ("66", "Đắk Lắk", "Tỉnh Đắk Lắk", "dak-lak", 14, 88, [], False),
    ("68", "Lâm Đồng", "Tỉnh Lâm Đồng", "lam-dong", 20, 103, ["Phú Quý"], False),
    ("75", "Đồng Nai", "Tỉnh Đồng Nai", "dong-nai", 23, 72, [], False),
    ("79", "TP Hồ Chí Minh", "Thành phố Hồ Chí Minh", "ho-chi-minh", 113, 54, ["Côn Đảo"], False),
    ("80", "Tây Ninh", "Tỉnh Tây Ninh", "tay-ninh", 14, 82, [], False),
    ("82", "Đồng Tháp", "Tỉnh Đồng Tháp", "dong-thap", 20, 82, [], False),
    ("86", "Vĩnh Long", "Tỉnh Vĩnh Long", "vinh-long", 19, 105, [], False),
    ("91", "An Giang", "Tỉnh An Giang", "an-giang", 14, 85, ["Phú Quốc", "Kiên Hải", "Thổ Châu"], False),
    ("92", "Cần Thơ", "Thành phố Cần Thơ", "can-tho", 31, 72, [], False),
    ("96", "Cà Mau", "Tỉnh Cà Mau", "ca-mau", 9, 55, [], False),
]
ONE_LEVEL = {"01", "22"}  # Hà Nội and Quảng Ninh: one provincial centre with branches (seed 002)

# Places with heavy online traffic (seed 002 names HCMC, Hanoi, Hai Phong, Dong Nai, Thanh Hoa).
ONLINE_WEIGHT = {"79": 3.0, "01": 2.6, "31": 1.7, "75": 1.6, "38": 1.4}

# ---- deliberate errors ----------------------------------------------------------
# Each is (province code, what). Applied after the consistent data is built.
ERR_STAFF_TOTAL = "40"    # Nghệ An: service_centres.staff 12 more than its communes' staff
ERR_AVG = "38"            # Thanh Hóa: avg_staff_per_centre copied from the national "6"
ERR_EQUIP_PCT = "52"      # Gia Lai: fully_equipped_pct 94.8 typed as 98.4
ERR_DECREE = "33"         # Hưng Yên: decree written with Ð (U+00D0), not Đ (U+0110)
ERR_DUP_CODE = "92"       # Cần Thơ: commune 58 repeats the code of commune 57
ERR_NO_CENTRE = "15"      # Lào Cai: the 2 communes without a centre (3,141 - 3,139): opening overdue
ERR_JOB_LATE = "24"       # Bắc Ninh: job positions done "2025-12-19" (for 2025-09-19): late, and after as_of
ERR_ON_TIME = "96"        # Cà Mau: on-time rate 89.6 %, below the 91 % target
ERR_NFD_NAME = "25"       # Phú Thọ: one commune name in decomposed Unicode (NFD)
# For the cadence rule REPORT-WEEKLY ("report weekly on Wednesdays"):
ERR_MISSING_WEEK = "80"     # Tây Ninh: no weekly report on Wednesday 2025-08-27
ERR_WRONG_DAY = "82"        # Đồng Tháp: the 2025-09-10 report was filed on Thursday 2025-09-11

# October 2025 (samples/provinces-2025-10/): every province's report for the second
# period — the September figures carried over, online procedures (a cumulative count)
# 10 % more — with two deliberate errors that only a cross-report rule
# (rules/two-level-government.xreport.json) can see:
OCT_AS_OF = "2025-10-29"
ERR_OCT_DECREASE = "79"     # Hồ Chí Minh City: online procedures processed went DOWN from September
ERR_OCT_EQUIPPED = "46"     # Huế: 2 more units fully equipped in its October report, so the
                            # provinces add up to 3,145, not the national 3,143 of 29 Oct 2025

GIA_LAI_PARTIAL = 7       # Gia Lai: 128 of 135 units fully equipped = 94.8 %
DUP_INDEX = 57            # Cần Thơ: communes[57] gets communes[56]'s code
NFD_INDEX = 20            # Phú Thọ: communes[20] (a xã) written in NFD

# Early completions (consistent, before as_of), for variety.
JOB_DONE_EARLY = {"46": "2025-09-19", "42": "2025-09-24"}
ORG_DONE_EARLY = {"48": "2025-09-22", "46": "2025-09-26", "12": "2025-09-15"}
DECREE_ASCII = {"01", "31", "48", "79", "75", "92"}  # write "ND" (ASCII) instead of "NĐ"


class Rng:
    """xorshift32: tiny, fast, identical on every platform and Python version."""

    def __init__(self, seed):
        self.s = (seed * 2654435761) & 0xFFFFFFFF or 1

    def next(self):
        x = self.s
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.s = x
        return x

    def uniform(self, a, b):
        return a + (b - a) * (self.next() / 4294967296.0)

    def below(self, n):
        return self.next() % n


def largest_remainder(total, weights):
    """Integers proportional to weights that sum exactly to total."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    out = [int(r) for r in raw]
    rest = total - sum(out)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - out[i]), i))
    for i in order[:rest]:
        out[i] += 1
    return out


def pick(rng, items, k):
    """k distinct items, deterministic."""
    pool = list(items)
    chosen = []
    for _ in range(k):
        chosen.append(pool.pop(rng.below(len(pool))))
    return chosen


# ---- synthetic commune names ----------------------------------------------------
NAME_A = ["An", "Bình", "Tân", "Phú", "Hòa", "Long", "Mỹ", "Phước", "Thạnh", "Vĩnh", "Đông", "Tây",
          "Nam", "Bắc", "Trung", "Xuân", "Hưng", "Thuận", "Quang", "Minh", "Thanh", "Hồng", "Kim",
          "Ngọc", "Sơn", "Hải", "Thái", "Đức", "Phong", "Lộc", "Thịnh", "Hiệp", "Tường", "Khánh",
          "Định", "Lạc", "Yên", "Gia", "Vân", "Cẩm"]
NAME_B = ["An", "Bình", "Hòa", "Phú", "Lợi", "Thành", "Hưng", "Thịnh", "Lộc", "Phước", "Sơn",
          "Hải", "Giang", "Lâm", "Điền", "Trung", "Tiến", "Thắng", "Phong", "Xuân", "Mỹ", "Khánh",
          "Long", "Đông", "Tây", "Nguyên", "Hiệp", "Quý", "Đạt", "Hà", "Lương", "Tân", "Cường",
          "Vinh", "Châu", "Dương", "Hậu", "Linh", "Định", "Uyên"]
MOUNTAIN_A = ["Mường", "Nậm", "Chiềng", "Pá", "Bản", "Nà", "Na", "Pu", "Tà", "Sín", "Lũng", "Khau"]
MOUNTAIN_B = ["Khoa", "Lay", "Tè", "Nhé", "Chà", "Pồn", "Hum", "Cang", "Lư", "Mạ", "Pắc", "Bó",
              "Thàng", "Chải", "Hồ", "Xá", "Giàng", "Phìn", "Sang", "Mòn", "Lầm", "Vai"]
PREFIX = {"phường": "Phường", "xã": "Xã", "đặc khu": "Đặc khu"}


def commune_names(rng, count, mountain, taken):
    plain = [a + " " + b for a in NAME_A for b in NAME_B if a != b]
    hill = [a + " " + b for a in MOUNTAIN_A for b in MOUNTAIN_B]
    names = []
    while len(names) < count:
        pool = hill if (mountain and rng.below(2) == 0) else plain
        n = pool[rng.below(len(pool))]
        if n in taken:
            continue
        taken.add(n)
        names.append(n)
    return names


# ---- building the provinces ----------------------------------------------------------
def build_provinces():
    rng = Rng(2025)
    provs = []
    for (code, name, official, slug, wards, xa, zones, mountain) in PROVINCES:
        prng = Rng(int(code) + 100)
        taken = set(z for z in zones)
        base = commune_names(prng, wards + xa, mountain, taken)
        communes = []
        types = ["phường"] * wards + ["xã"] * xa
        for i, t in enumerate(types):
            communes.append({"type": t, "base": base[i]})
        for z in zones:
            communes.append({"type": "đặc khu", "base": z})
        for i, c in enumerate(communes):
            c["code"] = "%s-%03d" % (code, i + 1)
            c["name"] = PREFIX[c["type"]] + " " + c["base"]
        provs.append({"code": code, "name": name, "official": official, "slug": slug,
                      "wards": wards, "xa": xa, "zones": len(zones), "mountain": mountain,
                      "communes": communes})

    allc = [(p, c) for p in provs for c in p["communes"]]
    assert len(allc) == N_UNITS, len(allc)

    # Centres: none in the one-level provinces; 2 units in Lào Cai without one.
    lao_cai = next(p for p in provs if p["code"] == ERR_NO_CENTRE)
    no_centre = set(id(c) for c in pick(Rng(7), [c for c in lao_cai["communes"] if c["type"] == "xã"], 2))
    for p, c in allc:
        c["has_centre"] = p["code"] not in ONE_LEVEL and id(c) not in no_centre
    centre_list = [(p, c) for p, c in allc if c["has_centre"]]
    assert len(centre_list) == N_CENTRES

    # Staff of the centres: 24,382 in all (7.77 per centre on average).
    w = []
    for p, c in centre_list:
        f = {"phường": 1.18, "xã": 1.0, "đặc khu": 0.8}[c["type"]]
        w.append(f * rng.uniform(0.72, 1.28))
    staff = largest_remainder(N_STAFF, w)
    for (p, c), s in zip(centre_list, staff):
        c["centre_staff"] = s
    for p, c in allc:
        c.setdefault("centre_staff", 0)
    assert min(staff) >= 4

    # Specialized departments: 3 each, 107 with 2 and 60 with 4: 9,916 in all.
    for p, c in allc:
        c["departments"] = 3
    small = [c for p, c in allc if c["type"] in ("xã", "đặc khu")]
    big = [c for p, c in allc if c["type"] == "phường" and p["code"] in ("79", "01", "31", "48", "92")]
    for c in pick(Rng(11), small, 107):
        c["departments"] = 2
    for c in pick(Rng(13), big, 60):
        c["departments"] = 4
    assert sum(c["departments"] for p, c in allc) == N_DEPARTMENTS

    # Equipment: 3,143 fully equipped, 178 partly (Gia Lai: 7 partly).
    for p, c in allc:
        c["equipment"] = "full"
    gia_lai = next(p for p in provs if p["code"] == ERR_EQUIP_PCT)
    for c in pick(Rng(17), gia_lai["communes"], GIA_LAI_PARTIAL):
        c["equipment"] = "partial"
    weighted = [c for p, c in allc if p["code"] != ERR_EQUIP_PCT for _ in range(3 if p["mountain"] else 1)]
    need = N_UNITS - N_EQUIPPED - GIA_LAI_PARTIAL
    r = Rng(19)
    while need:
        c = weighted[r.below(len(weighted))]
        if c["equipment"] == "full":
            c["equipment"] = "partial"
            need -= 1
    assert sum(1 for p, c in allc if c["equipment"] == "full") == N_EQUIPPED

    # Stated one-decimal figures must be clearly right or clearly wrong: move a
    # partly equipped unit, or one staff member, between two provinces (national
    # totals unchanged) until no province's true value sits near a rounding boundary.
    def full_count(p):
        return sum(1 for c in p["communes"] if c["equipment"] == "full")

    def pct_ok(p, delta=0):
        x = 100.0 * (full_count(p) + delta) / len(p["communes"])
        return abs(r1(x) - x) < 0.035

    def swap_equipment(a, b, to_partial):
        src = next(c for c in a["communes"] if c["equipment"] == ("full" if to_partial else "partial"))
        dst = next(c for c in b["communes"] if c["equipment"] == ("partial" if to_partial else "full"))
        src["equipment"], dst["equipment"] = dst["equipment"], src["equipment"]

    fixable = [p for p in provs if p["code"] != ERR_EQUIP_PCT]
    for p in fixable:
        if pct_ok(p):
            continue
        for q in fixable:
            if q is p:
                continue
            if (full_count(p) > 0 and any(c["equipment"] == "partial" for c in q["communes"])
                    and pct_ok(p, -1) and pct_ok(q, +1)):
                swap_equipment(p, q, True)
                break
            if (any(c["equipment"] == "partial" for c in p["communes"]) and full_count(q) > 0
                    and pct_ok(p, +1) and pct_ok(q, -1)):
                swap_equipment(p, q, False)
                break
        assert pct_ok(p), p["name"]

    def staff_ok(p, delta=0):
        cs = [c for c in p["communes"] if c["has_centre"]]
        if not cs or p["code"] == ERR_AVG:
            return True
        st = sum(c["centre_staff"] for c in cs) + delta + (12 if p["code"] == ERR_STAFF_TOTAL else 0)
        x = st / len(cs)
        return abs(r1(x) - x) < 0.035

    withc = [p for p in provs if any(c["has_centre"] for c in p["communes"])]
    for p in withc:
        if staff_ok(p):
            continue
        for q in withc:
            if q is p:
                continue
            for d in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
                if staff_ok(p, d) and staff_ok(q, -d):
                    a = max((c for c in p["communes"] if c["has_centre"]), key=lambda c: c["centre_staff"])
                    b = max((c for c in q["communes"] if c["has_centre"]), key=lambda c: c["centre_staff"])
                    a["centre_staff"] += d
                    b["centre_staff"] -= d
                    break
            else:
                continue
            break
        assert staff_ok(p), p["name"]

    # Specialized agencies (provincial departments): 465 in all.
    for p in provs:
        p["agencies"] = 13
    for p in provs:
        if p["code"] in ("01", "79"):
            p["agencies"] = 15
    rest = sorted((p for p in provs if p["code"] not in ("01", "79")),
                  key=lambda p: (-(p["wards"] + p["xa"] + p["zones"]), p["code"]))
    for p in rest[:19]:
        p["agencies"] = 14
    assert sum(p["agencies"] for p in provs) == N_AGENCIES

    # Online procedures: 6,600,000 processed; on time 91.0-91.8 % (Cà Mau 89.6 %).
    ow = [len(p["communes"]) * ONLINE_WEIGHT.get(p["code"], 1.0) * rng.uniform(0.8, 1.2) for p in provs]
    processed = largest_remainder(N_ONLINE, ow)
    for p, n in zip(provs, processed):
        # a rate that states cleanly to one decimal (never near a rounding boundary)
        stated = 89.6 if p["code"] == ERR_ON_TIME else r1(rng.uniform(91.0, 91.8))
        rate = stated + rng.uniform(-0.03, 0.03)
        p["processed"] = n
        p["on_time"] = int(round(n * rate / 100))
    return provs


def r1(x):
    """Round to one decimal as a report would state it."""
    return float("%.1f" % x)


def wednesdays():
    d = datetime.date(2025, 7, 2)  # the first Wednesday of the two-level model
    out = []
    while d <= datetime.date(2025, 9, 24):
        out.append(d.isoformat())
        d += datetime.timedelta(days=7)
    return out


def province_report(p):
    code = p["code"]
    cs = p["communes"]
    one_level = code in ONE_LEVEL
    centres = sum(1 for c in cs if c["has_centre"])
    staff = sum(c["centre_staff"] for c in cs)
    if code == ERR_STAFF_TOTAL:
        staff += 12
    full = sum(1 for c in cs if c["equipment"] == "full")
    units = len(cs)

    svc = {"model": "one-level" if one_level else "commune-level", "centres": centres, "staff": staff}
    if one_level:
        svc["note"] = ("one-level model: one provincial public administrative service centre with "
                       "branches and service points in the communes; no commune-level centres")
    else:
        svc["avg_staff_per_centre"] = 6 if code == ERR_AVG else r1(staff / centres)

    pct = r1(100.0 * full / units)
    if code == ERR_EQUIP_PCT:
        assert pct == 94.8, pct
        pct = 98.4

    decree = "118/2025/ND-CP" if code in DECREE_ASCII else "118/2025/NĐ-CP"
    if code == ERR_DECREE:
        decree = "118/2025/N\u00d0-CP"

    deadlines = {}
    if not one_level:
        deadlines["centres_opened"] = {
            "task": "commune-level public administrative service centres in operation",
            "due": "2025-07-01",
            "done": None if code == ERR_NO_CENTRE else "2025-07-01",
        }
        if code == ERR_NO_CENTRE:
            deadlines["centres_opened"]["pending_units"] = [c["code"] for c in cs if not c["has_centre"]]
    deadlines["job_positions"] = {
        "task": "job positions of commune-level cadres and civil servants",
        "due": "--12-15",
        "done": "2025-12-19" if code == ERR_JOB_LATE else JOB_DONE_EARLY.get(code),
    }
    deadlines["organisation_personnel"] = {
        "task": "organisation and personnel arrangement",
        "due": "2025-11",
        "done": ORG_DONE_EARLY.get(code),
    }

    dates = wednesdays()
    if code == ERR_MISSING_WEEK:
        dates.remove("2025-08-27")
    if code == ERR_WRONG_DAY:
        dates[dates.index("2025-09-10")] = "2025-09-11"

    communes = []
    for i, c in enumerate(cs):
        name = c["name"]
        ccode = c["code"]
        if code == ERR_DUP_CODE and i == DUP_INDEX:
            ccode = cs[i - 1]["code"]
        if code == ERR_NFD_NAME and i == NFD_INDEX:
            assert c["type"] == "xã"
            name = unicodedata.normalize("NFD", name)
        communes.append({
            "code": ccode,
            "name": name,
            "type": c["type"],
            "has_centre": c["has_centre"],
            "centre_staff": c["centre_staff"],
            "specialized_departments": c["departments"],
            "equipment": c["equipment"],
        })

    return {
        "report": {
            "id": "VN-%s-%s" % (code, AS_OF),
            "level": "province",
            "province": p["name"],
            "province_code": code,
            "official_name": p["official"],
            "period": AS_OF[:7],
            "as_of": AS_OF,
            "source": SRC_MOHA,
            "synthetic": True,
            "note": ("province, code and unit counts are real; per-commune data and this province's "
                     "share of the national totals are synthetic (tools/gen-samples.py)"),
            "locale": "en",
        },
        "administrative_units": {
            "units_total": units,
            "wards": p["wards"],
            "rural_communes": p["xa"],
            "special_zones": p["zones"],
        },
        "organisation": {
            "specialized_agencies": p["agencies"],
            "specialized_departments": sum(c["departments"] for c in cs),
        },
        "service_centres": svc,
        "equipment": {"fully_equipped": full, "fully_equipped_pct": pct},
        "online_procedures": {
            "processed": p["processed"],
            "on_time": p["on_time"],
            "on_time_rate_pct": r1(100.0 * p["on_time"] / p["processed"]),
        },
        "documents": {
            "decrees": [{
                "number": decree,
                "subject": "one-stop-shop and inter-connected one-stop-shop administrative procedures",
            }],
        },
        "deadlines": deadlines,
        "reporting": {"every": "week", "on": "wednesday", "dates": dates},
        "communes": communes,
    }


def wednesdays_to(last):
    d = datetime.date(2025, 7, 2)
    out = []
    while d <= last:
        out.append(d.isoformat())
        d += datetime.timedelta(days=7)
    return out


def safe_rate(processed, on_time):
    """on_time nudged (by at most a few) so that the one-decimal rate is not within
    0.015 of a rounding boundary (the check is then clear, whatever the rounding)."""
    for delta in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5):
        x = 100.0 * (on_time + delta) / processed * 10
        if abs(x - round(x) - 0.5) > 0.15 and abs(x - round(x) + 0.5) > 0.15:
            return on_time + delta
    raise AssertionError("no safe on-time count near %d / %d" % (on_time, processed))


def october_report(p, sep):
    """A province's report for October 2025: the September figures (clean: the
    September errors are September's), 10 % more online procedures at the same
    on-time rate (Cà Mau catching up to 91.5 %), weekly reports through 29 Oct."""
    code = p["code"]
    cs = p["communes"]
    units = len(cs)
    equipment = [c["equipment"] for c in cs]
    if code == ERR_OCT_EQUIPPED:  # two more units equipped in October
        for i in [i for i, e in enumerate(equipment) if e != "full"][:2]:
            equipment[i] = "full"
    full = sum(1 for e in equipment if e == "full")
    communes = [{"code": c["code"], "name": c["name"], "type": c["type"], "has_centre": c["has_centre"],
                 "centre_staff": c["centre_staff"], "specialized_departments": c["departments"],
                 "equipment": e} for c, e in zip(cs, equipment)]
    step = p["processed"] // 10
    processed = p["processed"] + (-step if code == ERR_OCT_DECREASE else step)
    if code == ERR_ON_TIME:
        on_time = int(round(processed * 0.915))
    else:
        on_time = int(round(processed * p["on_time"] / p["processed"]))
    on_time = safe_rate(processed, on_time)
    svc = {"model": sep["service_centres"]["model"], "centres": sum(1 for c in cs if c["has_centre"]),
           "staff": sum(c["centre_staff"] for c in cs)}
    return {
        "report": dict(sep["report"], id="VN-%s-%s" % (code, OCT_AS_OF), period=OCT_AS_OF[:7],
                       as_of=OCT_AS_OF, source=SRC_MEETING_TT,
                       note=("the September figures carried over, online procedures (cumulative) 10 % more; "
                             "synthetic (tools/gen-samples.py)")),
        "administrative_units": dict(sep["administrative_units"]),
        "organisation": dict(sep["organisation"]),
        "service_centres": svc,
        "equipment": {"fully_equipped": full, "fully_equipped_pct": r1(100.0 * full / units)},
        "online_procedures": {"processed": processed, "on_time": on_time,
                              "on_time_rate_pct": r1(100.0 * on_time / processed)},
        "reporting": {"every": "week", "on": "wednesday",
                      "dates": wednesdays_to(datetime.date.fromisoformat(OCT_AS_OF))},
        "communes": communes,
    }


def cross_oracle(files):
    """The violations of rules/two-level-government.xreport.json, as (path, rule, pointer): a Python
    copy of its collection rules over every plain (en) report."""
    found = set()
    docs = {k: d for k, d in files.items() if d["report"].get("locale") == "en"}
    by_period = {}
    for k, d in docs.items():
        by_period.setdefault(d["report"]["period"], []).append((k, d))
    sums = (("UNITS-NATIONAL-EQ-PROVINCES", "administrative_units", "units_total"),
            ("CENTRES-NATIONAL-EQ-PROVINCES", "service_centres", "centres"),
            ("STAFF-NATIONAL-EQ-PROVINCES", "service_centres", "staff"),
            ("EQUIPPED-NATIONAL-EQ-PROVINCES", "equipment", "fully_equipped"))
    codes = {p["code"] for p in json.load(open(os.path.join(ROOT, "rules", "ref", "provinces.json")))}
    for period, group in by_period.items():
        provs = [d for _, d in group if d["report"]["level"] == "province"]
        for rule, sec, field in sums:
            total = sum(d.get(sec, {}).get(field, 0) for d in provs)
            for k, d in group:
                v = d.get(sec, {}).get(field)
                qualified = d.get(sec, {}).get(field + "_qualifier")
                if d["report"]["level"] == "national" and isinstance(v, int) and not qualified and v != total:
                    found.add((k, rule, "/%s/%s" % (sec, field)))
        if provs:
            assert codes <= {d["report"]["province_code"] for d in provs}, period
    series = {}
    for k, d in docs.items():
        if d["report"]["level"] == "province":
            series.setdefault(d["report"]["province_code"], []).append((d["report"]["period"], k, d))
    for code, reps in series.items():
        reps.sort()
        for (_, _, a), (_, k, b) in zip(reps, reps[1:]):
            if b["online_procedures"]["processed"] < a["online_procedures"]["processed"]:
                found.add((k, "PROCESSED-NEVER-DECREASES", "/online_procedures/processed"))
    ids = [d["report"]["id"] for d in docs.values()]
    assert len(ids) == len(set(ids))
    return found


CROSS_INTENDED = {
    ("samples/national/2025-09-29.json", "STAFF-NATIONAL-EQ-PROVINCES", "/service_centres/staff"),
    ("samples/national/2025-10-29.json", "EQUIPPED-NATIONAL-EQ-PROVINCES", "/equipment/fully_equipped"),
    ("samples/provinces-2025-10/79-ho-chi-minh.json", "PROCESSED-NEVER-DECREASES", "/online_procedures/processed"),
}


# ---- national reports: only the seeds' figures ---------------------------------------
def national_reports():
    r = {}
    r["2025-01-15"] = {
        "report": {"id": "VN-2025-01-15", "level": "national", "period": "2024", "as_of": "2025-01-15",
                   "source": SRC_2024_REVIEW, "locale": "en"},
        "meeting": {
            "date": "2025-01-15",
            "body": "Government Steering Committee for Public Administrative Reform",
            "session": 9,
            "chaired_by": "Nguyen Hoa Binh",
            "provinces_connected": 63,
        },
        "procedure_simplification": {
            "ministries_and_agencies": 13,
            "procedures_simplified_2024": 313,
            "legal_documents_2024": 35,
            "procedures_implemented_to_date": 898,
            "implemented_rate_pct": 83,
        },
        "administrative_units_2024": {
            "district_units_rearranged": 38,
            "commune_units_rearranged": 1178,
            "district_units_reduced": 9,
            "commune_units_reduced": 563,
            "urban_units_new_or_upgraded": 137,
            "urban_units_target_pct": 45,
            "urban_units_target_year": 2025,
        },
        "e_documents": {
            "period": {"from": "2024-01-01", "to": "2024-12-20"},
            "sent_received": 12200000,
            "sent_received_qualifier": "over",
            "increase_vs_2023": 4000000,
            "sent_received_to_date": 46500000,
            "to_date_increase_vs_2023": 18300000,
        },
        "online_filing": {
            "ministries_rate_pct": 59.57,
            "ministries_growth_vs_2023": 2,
            "ministries_growth_qualifier": "nearly",
            "localities_rate_pct": 56,
            "localities_growth_vs_2023": 1.92,
        },
        "digitization": {"ministries_rate_pct": 61.4, "localities_rate_pct": 67.46},
        "documents": {"party_documents": [{"number": "18-NQ/TW", "kind": "resolution"}]},
        "programmes": {"state_par_master_programme": "2021-2030", "preliminary_review": "2021-2025",
                       "next_period": "2026-2030"},
    }
    r["2025-09-29"] = {
        "report": {"id": "VN-2025-09-29", "level": "national", "period": "2025-09", "as_of": "2025-09-29",
                   "source": SRC_MOHA, "locale": "en"},
        "meeting": {
            "body": ("Government Steering Committee for science, technology development, innovation, "
                     "digital transformation and Project 06"),
            "session": 4,
            "speaker": "Truong Hai Long, Deputy Minister of Home Affairs",
        },
        "government": {"ministries_and_ministerial_agencies": 17, "government_agencies": 5},
        "administrative_units": {"provinces": 34, "units_total": N_UNITS},
        "organisation": {"specialized_agencies": N_AGENCIES, "specialized_departments": N_DEPARTMENTS},
        "decentralization": {
            "tasks_reviewed": 2541,
            "tasks_decentralized": 1377,
            "tasks_assigned": 1164,
            "decrees_issued": 30,
            "circulars_issued": 66,
        },
        "procedure_simplification": {
            "population_management_resolutions": 19,
            "procedures_implemented_first_8_months": 116,
            "since_year": 2021,
            "procedures_simplified": 1027,
            "procedures_planned": 1084,
            "legal_documents": 296,
            "simplified_rate_pct": 95,
        },
        "service_centres": {
            "localities_total": 34,
            "localities_with_centres": 32,
            "one_level_model": ["Hà Nội", "Quảng Ninh"],
            "centres": N_CENTRES,
            "staff": N_STAFF,
            "avg_staff_per_centre": 6,
        },
        "online_procedures": {
            "localities": 34,
            "processed": N_ONLINE,
            "on_time_rate_pct": 91,
            "payment_transactions": 3000000,
            "payment_transactions_qualifier": "over",
            "payment_value_bn_vnd": 1700,
            "payment_value_qualifier": "about",
        },
        "documents": {
            "decrees": [{"number": "118/2025/ND-CP",
                         "subject": "one-stop-shop and inter-connected one-stop-shop administrative procedures"}],
            "government_resolutions": [{"number": "66/NQ-CP", "date": "2025-03-26",
                                        "subject": "cutting and simplifying business procedures"}],
        },
        "civil_service": {"staffing_framework_period": "2026-2030"},
    }
    r["2025-10-01"] = {
        "report": {"id": "VN-2025-10-01", "level": "national", "period": "2025-10", "as_of": "2025-10-01",
                   "source": SRC_SESSION, "locale": "en"},
        "meeting": {"date": "2025-10-01", "body": "Government", "chaired_by": "Pham Minh Chinh"},
        "implementation_months": 3,
        "online_procedures": {
            "processed": 7000000,
            "processed_qualifier": "over",
            "on_time_rate_pct": 91,
            "on_time_rate_qualifier": "over",
        },
        "service_centres": {"centres": 3100, "centres_qualifier": "more than"},
        "policy_payments": {"people_not_yet_paid": 31000},
        "documents": {"party_documents": [{"number": "195-KL/TW", "kind": "conclusion",
                                           "issued_by": "Politburo and Secretariat"}]},
    }
    r["2025-10-29"] = {
        "report": {"id": "VN-2025-10-29", "level": "national", "period": "2025-10", "as_of": "2025-10-29",
                   "source": SRC_MEETING_TT, "sources": [SRC_MEETING_TT, SRC_MEETING_CP], "locale": "en"},
        "meeting": {"date": "2025-10-29", "body": "Government", "chaired_by": "Pham Minh Chinh"},
        "implementation_months": 4,
        "implementation_months_qualifier": "nearly",
        "documents_issued": {"count": 140, "qualifier": "over",
                             "kinds": ["decrees", "resolutions", "telegrams", "decisions"]},
        "policy_payments": {"retirees_paid_pct": 99.99},
        "treasury": {"units_paying_via_treasury_pct": 100},
        "public_assets": {"surplus_houses_land_processed": 17595},
        "equipment": {"fully_equipped": N_EQUIPPED, "fully_equipped_pct": 94.6},
        "online_procedures": {"processed_online_pct": 83, "processed_online_qualifier": "over"},
        "decentralization": {"tasks_decentralized_pct": 56},
        "deadlines": {
            "job_positions": {"task": "job positions for two-level local government, especially the grassroots",
                              "due": "--12-15", "done": None, "as_written": "before 15 December"},
            "organisation_personnel": {"task": "organisation and personnel suited to each locality",
                                       "due": "2025-11", "done": None, "as_written": "in November"},
        },
        "reporting": {"every": "week", "on": "wednesday", "dates": []},
    }
    return r


# ---- locale variants: the same reports, figures written as their sources write them ----------
# A variant replaces figures (JSON numbers, ISO dates) by strings in its locale, given here
# per JSON pointer, and sets report.locale. A Python mirror of the engine's locale readers
# (read_number, read_date below: strict, only the forms used here) reads every string back;
# generation fails unless each reads as exactly the figure it replaces, and the oracle then
# checks the read-back report, so a variant has exactly its plain counterpart's violations.

NB_2025_09_29 = {  # seed 002 (Norwegian); "24 382" with a no-break space, as typeset
    "/administrative_units/units_total": "3 321",
    "/organisation/specialized_agencies": "465",
    "/organisation/specialized_departments": "9 916",
    "/decentralization/tasks_reviewed": "2541",
    "/decentralization/tasks_decentralized": "1377",
    "/decentralization/tasks_assigned": "1164",
    "/procedure_simplification/procedures_simplified": "1 027",
    "/procedure_simplification/procedures_planned": "1 084",
    "/procedure_simplification/simplified_rate_pct": "95 %",
    "/service_centres/localities_total": "34",
    "/service_centres/localities_with_centres": "32",
    "/service_centres/centres": "3139",
    "/service_centres/staff": "24\u00a0382",
    "/service_centres/avg_staff_per_centre": "6",
    "/online_procedures/processed": "6,6 millioner",
    "/online_procedures/on_time_rate_pct": "91 %",
    "/online_procedures/payment_transactions": "3 millioner",
    "/online_procedures/payment_value_bn_vnd": "1 700",
    "/documents/government_resolutions/0/date": "26. mars 2025",
}

RU_2025_10_29 = {  # seed 003 (Russian)
    "/documents_issued/count": "140",
    "/policy_payments/retirees_paid_pct": "99,99%",
    "/treasury/units_paying_via_treasury_pct": "100%",
    "/public_assets/surplus_houses_land_processed": "17 595",
    "/equipment/fully_equipped": "3 143",
    "/equipment/fully_equipped_pct": "94,6%",
    "/online_procedures/processed_online_pct": "83%",
    "/decentralization/tasks_decentralized_pct": "56%",
    "/deadlines/job_positions/due": "15 декабря",
    "/deadlines/organisation_personnel/due": "в ноябре",
}
RU_2025_10_29_TEXT = {  # words, not figures: set as they are
    "/report/source": SRC_MEETING_CP,
    "/deadlines/job_positions/task": ("создание рабочих мест для местных органов власти на двух уровнях, "
                                      "особенно на низовом уровне"),
    "/deadlines/job_positions/as_written": "до 15 декабря",
    "/deadlines/organisation_personnel/task": ("совершенствование организации и персонала с учетом "
                                               "особенностей каждого конкретного населенного пункта"),
    "/deadlines/organisation_personnel/as_written": "в ноябре",
}

ID_2025_01_15 = {  # seed 001 (Indonesian)
    "/meeting/date": "tanggal 15 Januari",
    "/procedure_simplification/procedures_simplified_2024": "313",
    "/procedure_simplification/procedures_implemented_to_date": "898",
    "/procedure_simplification/implemented_rate_pct": "83%",
    "/administrative_units_2024/commune_units_rearranged": "1.178",
    "/administrative_units_2024/commune_units_reduced": "563",
    "/administrative_units_2024/urban_units_target_pct": "45%",
    "/e_documents/period/from": "1 Januari 2024",
    "/e_documents/period/to": "20 Desember 2024",
    "/e_documents/sent_received": "12,2 juta",
    "/e_documents/increase_vs_2023": "4 juta",
    "/e_documents/sent_received_to_date": "46,5 juta",
    "/e_documents/to_date_increase_vs_2023": "18,3 juta",
    "/online_filing/ministries_rate_pct": "59,57%",
    "/online_filing/localities_rate_pct": "56%",
    "/online_filing/localities_growth_vs_2023": "1,92",
    "/digitization/ministries_rate_pct": "61,4%",
    "/digitization/localities_rate_pct": "67,46%",
}

VI_PROVINCE = "37"  # Ninh Bình, as a provincial office would type its summary in Vietnamese


def vi_number(x):
    """1.018 / 91,1 — '.' groups thousands, ',' is the decimal mark."""
    if isinstance(x, int):
        return "{:,}".format(x).replace(",", ".")
    return repr(x).replace(".", ",")


def vi_date(iso):
    y, m, d = (int(t) for t in iso.split("-"))
    return "ngày %d tháng %d năm %d" % (d, m, y)


def vi_province_strings(doc):
    """The provincial summary figures and deadlines of a province report, in Vietnamese forms."""
    out = {}
    for ptr in ("/administrative_units/units_total", "/organisation/specialized_departments",
                "/service_centres/centres", "/service_centres/staff", "/service_centres/avg_staff_per_centre",
                "/equipment/fully_equipped", "/online_procedures/processed", "/online_procedures/on_time"):
        out[ptr] = vi_number(get_ptr(doc, ptr))
    for ptr in ("/equipment/fully_equipped_pct", "/online_procedures/on_time_rate_pct"):
        out[ptr] = vi_number(get_ptr(doc, ptr)) + "%"
    dl = doc["deadlines"]
    out["/deadlines/centres_opened/due"] = vi_date(dl["centres_opened"]["due"])
    if dl["centres_opened"]["done"]:
        out["/deadlines/centres_opened/done"] = vi_date(dl["centres_opened"]["done"])
    out["/deadlines/job_positions/due"] = vi_date("2025" + dl["job_positions"]["due"][1:])
    y, m = dl["organisation_personnel"]["due"].split("-")
    out["/deadlines/organisation_personnel/due"] = "tháng %d/%s" % (int(m), y)
    return out


def split_ptr(ptr):
    return [int(t) if t.isdigit() else t for t in ptr.split("/")[1:]]


def get_ptr(doc, ptr):
    for k in split_ptr(ptr):
        doc = doc[k]
    return doc


def set_ptr(doc, ptr, value):
    keys = split_ptr(ptr)
    for k in keys[:-1]:
        doc = doc[k]
    assert keys[-1] in doc if isinstance(doc, dict) else keys[-1] < len(doc), ptr
    doc[keys[-1]] = value


NUMBER_MARKS = {  # (group separators, decimal mark)
    "en": (",", "."), "vi": (".", ","), "id": (".", ","),
    "ru": (" \u00a0\u202f\u2009", ","), "nb": (" \u00a0\u202f\u2009", ","),
}
SCALE_WORDS = {
    "en": {"thousand": 3, "million": 6, "billion": 9},
    "vi": {"nghìn": 3, "triệu": 6, "tỷ": 9},
    "id": {"ribu": 3, "juta": 6, "miliar": 9},
    "ru": {"тыс.": 3, "млн": 6, "млрд": 9},
    "nb": {"tusen": 3, "millioner": 6, "million": 6, "milliarder": 9},
}


def read_number(s, loc):
    """A string as the engine reads it in loc: int when whole (exact), else float."""
    import re
    from decimal import Decimal
    grp, dec = NUMBER_MARKS[loc]
    m = re.fullmatch(r"\s*(-?)(\d{1,3}(?:[%s]\d{3})+|\d+)(?:%s(\d+))?(?:\s+([^\s\d%%]+))?(?:\s*(%%))?\s*"
                     % (re.escape(grp), re.escape(dec)), s)
    assert m, "not a number in %s: %r" % (loc, s)
    sign, whole, frac, word, pct = m.groups()
    assert not (word and pct), s
    scale = SCALE_WORDS[loc][word.lower()] if word else 0
    value = Decimal(sign + "".join(ch for ch in whole if ch.isdigit()) + (frac or "")).scaleb(scale - len(frac or ""))
    return int(value) if scale >= len(frac or "") else float(value)


MONTH_WORDS = {
    "en": "january february march april may june july august september october november december",
    "id": "januari februari maret april mei juni juli agustus september oktober november desember",
    "nb": "januar februar mars april mai juni juli august september oktober november desember",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "ru-prep": "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
}


def read_date(s, loc):
    """The forms the variants use, as ISO date forms (year-less ones as --MM-DD, --MM)."""
    import re
    w = s.lower().split()
    months = MONTH_WORDS.get(loc, "").split()
    if loc == "vi":
        m = re.fullmatch(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", s.lower())
        if m:
            return "%s-%02d-%02d" % (m.group(3), int(m.group(2)), int(m.group(1)))
        m = re.fullmatch(r"tháng (\d{1,2})/(\d{4})", s.lower())
        assert m, s
        return "%s-%02d" % (m.group(2), int(m.group(1)))
    if w and w[0] == "tanggal":
        w = w[1:]
    if loc == "ru" and len(w) == 2 and w[0] == "в":
        return "--%02d" % (MONTH_WORDS["ru-prep"].split().index(w[1]) + 1)
    day = int(w[0].rstrip(".")) if loc != "nb" or w[0].endswith(".") else None
    assert day is not None and w[1] in months, s
    if len(w) == 2:
        return "--%02d-%02d" % (months.index(w[1]) + 1, day)
    assert len(w) == 3 and re.fullmatch(r"\d{4}", w[2]), s
    return "%s-%02d-%02d" % (w[2], months.index(w[1]) + 1, day)


def localize(doc, loc, strings, texts=None):
    """The variant of doc with strings (pointer -> text) in locale loc, and the report read
    back from it; asserts that every string reads as the figure it replaces."""
    import copy
    out = copy.deepcopy(doc)
    back = copy.deepcopy(doc)
    out["report"]["locale"] = loc
    ref_year = int(doc["report"]["as_of"][:4])
    for ptr, text in strings.items():
        plain = get_ptr(doc, ptr)
        if isinstance(plain, str):
            got = read_date(text, loc)
            assert date_of(got, ref_year) == date_of(plain, ref_year), (ptr, text, plain)
        else:
            got = read_number(text, loc)
            assert got == plain and type(got) is type(plain), (ptr, text, got, plain)
        set_ptr(out, ptr, text)
        set_ptr(back, ptr, got)
    for ptr, text in (texts or {}).items():
        set_ptr(out, ptr, text)
    return out, back


# ---- the oracle: the bundled rules, re-done in Python -------------------------------------
PARAMS = {"min_on_time_rate": 91, "communes_total": 3321}
PCT_KEYS = {"implemented_rate_pct", "urban_units_target_pct", "ministries_rate_pct", "localities_rate_pct",
            "simplified_rate_pct", "on_time_rate_pct", "retirees_paid_pct", "units_paying_via_treasury_pct",
            "fully_equipped_pct", "processed_online_pct", "tasks_decentralized_pct"}


def get(doc, *path):
    for k in path:
        if isinstance(doc, dict) and k in doc:
            doc = doc[k]
        else:
            return None
    return doc


def reported_tol(x):
    if isinstance(x, int):
        return 0.5
    s = repr(x)
    return 0.5 * 10 ** -(len(s.split(".")[1]) if "." in s else 0)


def date_of(s, ref_year):
    if s.startswith("--"):
        mm, _, dd = s[2:].partition("-")
        s = "%04d-%s%s" % (ref_year, mm, ("-" + dd) if dd else "")
    parts = [int(x) for x in s.split("-")]
    if len(parts) == 2:  # a month: its last day
        y, m = parts
        nxt = datetime.date(y + (m == 12), m % 12 + 1, 1)
        return nxt - datetime.timedelta(days=1)
    return datetime.date(*parts)


def name_ok(name):
    """^(Xã|Phường|Đặc khu) [\\p{Lu}0-9][\\p{L}0-9' -]*$ as PCRE2 (UTF, UCP) reads it:
    precomposed letters only; combining marks (NFD text) do not match."""
    for prefix in ("Xã ", "Phường ", "Đặc khu "):
        if name.startswith(prefix):
            rest = name[len(prefix):]
            break
    else:
        return False
    if not rest or not (unicodedata.category(rest[0]) == "Lu" or rest[0] in "0123456789"):
        return False
    return all(unicodedata.category(ch).startswith("L") or ch in "0123456789' -" for ch in rest[1:])


def oracle(doc):
    """Violations as (rule, pointer); mirrors rules/two-level-government.json."""
    import re
    v = []
    as_of = datetime.date.fromisoformat(doc["report"]["as_of"])
    communes = doc.get("communes")

    def ratio(rule, num, den, stated, ptr):
        if num is None or den is None or stated is None:
            return
        margin = abs(stated - 100.0 * num / den)
        if margin > reported_tol(stated):
            v.append((rule, ptr))
        else:
            assert margin < 0.9 * reported_tol(stated), (rule, ptr, margin)

    # TASKS-SUM
    t = [get(doc, "decentralization", k) for k in ("tasks_reviewed", "tasks_decentralized", "tasks_assigned")]
    if None not in t and t[0] != t[1] + t[2]:
        v.append(("TASKS-SUM", "/decentralization/tasks_reviewed"))
    # PROC-SIMPLIFIED-RATE, PAR-PROC-IMPLEMENTED-RATE
    ps = doc.get("procedure_simplification", {})
    ratio("PROC-SIMPLIFIED-RATE", ps.get("procedures_simplified"), ps.get("procedures_planned"),
          ps.get("simplified_rate_pct"), "/procedure_simplification/simplified_rate_pct")
    ratio("PAR-PROC-IMPLEMENTED-RATE", ps.get("procedures_implemented_to_date"), ps.get("procedures_planned"),
          ps.get("implemented_rate_pct"), "/procedure_simplification/implemented_rate_pct")
    # EQUIP-RATE
    units = get(doc, "administrative_units", "units_total")
    ratio("EQUIP-RATE", get(doc, "equipment", "fully_equipped"),
          units if units is not None else PARAMS["communes_total"],
          get(doc, "equipment", "fully_equipped_pct"), "/equipment/fully_equipped_pct")
    # SVC-AVG
    sc = doc.get("service_centres", {})
    if (sc.get("centres") or 0) > 0 and sc.get("staff") is not None and sc.get("avg_staff_per_centre") is not None:
        a = sc["avg_staff_per_centre"]
        margin = abs(a - sc["staff"] / sc["centres"])
        if margin > reported_tol(a):
            v.append(("SVC-AVG", "/service_centres/avg_staff_per_centre"))
        else:
            assert margin < 0.9 * reported_tol(a), (doc["report"]["id"], margin)
    # SVC-LOCALITIES-SUM
    if None not in (sc.get("localities_total"), sc.get("localities_with_centres"), sc.get("one_level_model")):
        if sc["localities_total"] != sc["localities_with_centres"] + len(sc["one_level_model"]):
            v.append(("SVC-LOCALITIES-SUM", "/service_centres/localities_total"))
    # SVC-CENTRES-MAX
    if sc.get("centres") is not None:
        if sc["centres"] > (units if units is not None else PARAMS["communes_total"]):
            v.append(("SVC-CENTRES-MAX", "/service_centres/centres"))
    # ON-TIME-RATE, ONLINE-ON-TIME-RATIO
    op = doc.get("online_procedures", {})
    if op.get("on_time_rate_pct") is not None and op["on_time_rate_pct"] < PARAMS["min_on_time_rate"]:
        v.append(("ON-TIME-RATE", "/online_procedures/on_time_rate_pct"))
    ratio("ONLINE-ON-TIME-RATIO", op.get("on_time"), op.get("processed"), op.get("on_time_rate_pct"),
          "/online_procedures/on_time_rate_pct")
    # PCT-BOUNDS
    def walk(node, ptr):
        if isinstance(node, dict):
            for k, x in node.items():
                if k in PCT_KEYS and not (0 <= x <= 100):
                    v.append(("PCT-BOUNDS", ptr + "/" + k))
                walk(x, ptr + "/" + k)
        elif isinstance(node, list):
            for i, x in enumerate(node):
                walk(x, ptr + "/" + str(i))
    walk(doc, "")
    # deadlines
    dl = doc.get("deadlines", {})
    for rule, key, due in (("JOB-POSITIONS-DEADLINE", "job_positions", "--12-15"),
                           ("ORG-PERSONNEL-DEADLINE", "organisation_personnel", "--11"),
                           ("CENTRES-OPENED-DEADLINE", "centres_opened", "2025-07-01")):
        if key not in dl:
            continue
        d = date_of(due, as_of.year)
        done = dl[key].get("done")
        if done is None:
            if as_of > d:
                v.append((rule, "/deadlines/" + key))
        elif date_of(done, as_of.year) > d:
            v.append((rule, "/deadlines/" + key + "/done"))
    for key, d in dl.items():
        if d.get("done") is not None and date_of(d["done"], as_of.year) > as_of:
            v.append(("DEADLINE-DONE-NOT-FUTURE", "/deadlines/" + key + "/done"))
    # documents (PCRE2 patterns; these Python equivalents hold for the samples' characters)
    docs = doc.get("documents", {})
    for i, d in enumerate(docs.get("decrees", [])):
        if not re.fullmatch(r"[0-9]{1,4}/[0-9]{4}/N[DĐ]-CP", d["number"]):
            v.append(("DECREE-NUMBER", "/documents/decrees/%d/number" % i))
    for i, d in enumerate(docs.get("government_resolutions", [])):
        if not re.fullmatch(r"[0-9]{1,4}(\.[0-9]+)?(/[0-9]{4})?/NQ-CP", d["number"]):
            v.append(("GOV-RESOLUTION-NUMBER", "/documents/government_resolutions/%d/number" % i))
    for i, d in enumerate(docs.get("party_documents", [])):
        if not re.fullmatch(r"[0-9]{1,4}-(NQ|KL|CT|QĐ|QD|TB|HD|HĐ)/TW", d["number"]):
            v.append(("PARTY-DOC-NUMBER", "/documents/party_documents/%d/number" % i))
    # provincial consistency
    au = doc.get("administrative_units", {})
    if None not in (au.get("units_total"), au.get("wards"), au.get("rural_communes"), au.get("special_zones")):
        if au["units_total"] != au["wards"] + au["rural_communes"] + au["special_zones"]:
            v.append(("UNITS-SUM", "/administrative_units/units_total"))
    if communes is not None:
        def chk(rule, total, parts, ptr):
            if total is not None and total != parts:
                v.append((rule, ptr))
        chk("UNITS-COUNT", au.get("units_total"), len(communes), "/administrative_units/units_total")
        chk("WARDS-COUNT", au.get("wards"), sum(c["type"] == "phường" for c in communes), "/administrative_units/wards")
        chk("RURAL-COMMUNES-COUNT", au.get("rural_communes"), sum(c["type"] == "xã" for c in communes),
            "/administrative_units/rural_communes")
        chk("SPECIAL-ZONES-COUNT", au.get("special_zones"), sum(c["type"] == "đặc khu" for c in communes),
            "/administrative_units/special_zones")
        chk("SVC-CENTRES-SUM", sc.get("centres"), sum(c["has_centre"] is True for c in communes),
            "/service_centres/centres")
        chk("SVC-STAFF-SUM", sc.get("staff"), sum(c["centre_staff"] for c in communes), "/service_centres/staff")
        chk("DEPT-SUM", get(doc, "organisation", "specialized_departments"),
            sum(c["specialized_departments"] for c in communes), "/organisation/specialized_departments")
        chk("EQUIP-SUM", get(doc, "equipment", "fully_equipped"), sum(c["equipment"] == "full" for c in communes),
            "/equipment/fully_equipped")
        seen = set()
        for i, c in enumerate(communes):
            p = "/communes/%d" % i
            if not re.fullmatch(r"[0-9]{2}-[0-9]{3}", c["code"]):
                v.append(("COMMUNE-CODE", p + "/code"))
            if c["code"] in seen:
                v.append(("COMMUNE-CODE-UNIQUE", p))
            seen.add(c["code"])
            if c["type"] not in ("xã", "phường", "đặc khu"):
                v.append(("COMMUNE-TYPE", p + "/type"))
            if not name_ok(c["name"]):
                v.append(("COMMUNE-NAME", p + "/name"))
            if not c["name"].startswith(PREFIX.get(c["type"], "?") + " "):
                v.append(("COMMUNE-NAME-TYPE", p + "/name"))
            if c["has_centre"] != (c["centre_staff"] > 0):
                v.append(("COMMUNE-CENTRE-STAFF", p + "/centre_staff"))
            if not (1 <= c["specialized_departments"] <= 4):
                v.append(("COMMUNE-DEPARTMENTS", p + "/specialized_departments"))
    # REPORT-WEEKLY: ISO weeks from 2025-07-01, due on Wednesday, missing once the
    # Wednesday is before as_of; a report on another day is blamed where it is.
    if doc["report"].get("level") == "province":
        start = datetime.date(2025, 7, 1)
        days = [datetime.date.fromisoformat(d) for d in doc["reporting"]["dates"]]
        monday = start - datetime.timedelta(days=start.weekday())
        while monday <= as_of:
            due = monday + datetime.timedelta(days=2)
            week = [d for d in days if monday <= d <= monday + datetime.timedelta(days=6) and start <= d <= as_of]
            if not week and start <= due < as_of:
                v.append(("REPORT-WEEKLY", "/reporting/dates"))
            assert len(week) <= 1, (doc["report"]["id"], week)
            monday += datetime.timedelta(days=7)
        for i, d in enumerate(days):
            if start <= d <= as_of and d.weekday() != 2:
                v.append(("REPORT-WEEKLY", "/reporting/dates/%d" % i))
    return v


INTENDED = {
    ("national/2025-09-29.json", "SVC-AVG", "/service_centres/avg_staff_per_centre"),
    ("provinces/40-nghe-an.json", "SVC-STAFF-SUM", "/service_centres/staff"),
    ("provinces/38-thanh-hoa.json", "SVC-AVG", "/service_centres/avg_staff_per_centre"),
    ("provinces/52-gia-lai.json", "EQUIP-RATE", "/equipment/fully_equipped_pct"),
    ("provinces/33-hung-yen.json", "DECREE-NUMBER", "/documents/decrees/0/number"),
    ("provinces/92-can-tho.json", "COMMUNE-CODE-UNIQUE", "/communes/%d" % DUP_INDEX),
    ("provinces/15-lao-cai.json", "CENTRES-OPENED-DEADLINE", "/deadlines/centres_opened"),
    ("provinces/24-bac-ninh.json", "JOB-POSITIONS-DEADLINE", "/deadlines/job_positions/done"),
    ("provinces/24-bac-ninh.json", "DEADLINE-DONE-NOT-FUTURE", "/deadlines/job_positions/done"),
    ("provinces/96-ca-mau.json", "ON-TIME-RATE", "/online_procedures/on_time_rate_pct"),
    ("provinces/25-phu-tho.json", "COMMUNE-NAME", "/communes/%d/name" % NFD_INDEX),
    ("provinces/25-phu-tho.json", "COMMUNE-NAME-TYPE", "/communes/%d/name" % NFD_INDEX),
    ("provinces/80-tay-ninh.json", "REPORT-WEEKLY", "/reporting/dates"),
    ("provinces/82-dong-thap.json", "REPORT-WEEKLY", "/reporting/dates/10"),
    # the locale variants: their plain counterparts' violations, and no other
    ("national/2025-09-29.nb.json", "SVC-AVG", "/service_centres/avg_staff_per_centre"),
}


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def generate():
    files = {}
    for day, doc in national_reports().items():
        files["samples/national/%s.json" % day] = doc
    provs = build_provinces()
    for p in provs:
        files["samples/provinces/%s-%s.json" % (p["code"], p["slug"])] = province_report(p)
    for p in provs:
        sep = files["samples/provinces/%s-%s.json" % (p["code"], p["slug"])]
        files["samples/provinces-2025-10/%s-%s.json" % (p["code"], p["slug"])] = october_report(p, sep)

    checked = dict(files)  # what the oracle checks: the plain reports, and the variants read back
    vi_name = "%s-%s" % (VI_PROVINCE, next(p["slug"] for p in provs if p["code"] == VI_PROVINCE))
    vi_src = files["samples/provinces/%s.json" % vi_name]
    national = lambda day: files["samples/national/%s.json" % day]
    for path, src, loc, strings, texts in (
            ("national/2025-09-29.nb.json", national("2025-09-29"), "nb", NB_2025_09_29, None),
            ("national/2025-10-29.ru.json", national("2025-10-29"), "ru", RU_2025_10_29, RU_2025_10_29_TEXT),
            ("national/2025-01-15.id.json", national("2025-01-15"), "id", ID_2025_01_15, None),
            ("provinces/%s.vi.json" % vi_name, vi_src, "vi", vi_province_strings(vi_src), None)):
        files["samples/" + path], checked["samples/" + path] = localize(src, loc, strings, texts)

    found = set()
    for path, doc in checked.items():
        for rule, ptr in oracle(doc):
            found.add((path[len("samples/"):], rule, ptr))
    if found != INTENDED:
        sys.exit("gen-samples: violations differ from the intended ones:\n  unexpected %s\n  missing %s"
                 % (sorted(found - INTENDED), sorted(INTENDED - found)))

    # National consistency of the (commune-level) provincial data (the plain reports, not
    # their locale variants).
    pr = [d for k, d in files.items() if k.startswith("samples/provinces/") and d["report"]["locale"] == "en"]
    allc = [c for d in pr for c in d["communes"]]
    assert len(allc) == N_UNITS
    assert sum(c["has_centre"] for c in allc) == N_CENTRES
    assert sum(c["centre_staff"] for c in allc) == N_STAFF
    assert sum(c["specialized_departments"] for c in allc) == N_DEPARTMENTS
    assert sum(c["equipment"] == "full" for c in allc) == N_EQUIPPED
    assert sum(d["organisation"]["specialized_agencies"] for d in pr) == N_AGENCIES
    assert sum(d["online_procedures"]["processed"] for d in pr) == N_ONLINE
    assert sum(1 for d in pr if d["service_centres"]["centres"] > 0) == 32
    on_time = sum(d["online_procedures"]["on_time"] for d in pr) / N_ONLINE * 100
    assert 90.5 <= on_time < 91.5, on_time  # the national "91 %"

    cross = cross_oracle(files)
    if cross != CROSS_INTENDED:
        sys.exit("gen-samples: cross-report violations differ from the intended ones:\n  unexpected %s\n"
                 "  missing %s" % (sorted(cross - CROSS_INTENDED), sorted(CROSS_INTENDED - cross)))
    out = {k: dump(v) for k, v in files.items()}
    # the check's notice that a rule applied to no report (PAR-PROC-IMPLEMENTED-RATE: no report
    # holds a plan total and the procedures implemented to date)
    notices = ["rules/two-level-government.json rule-never-applied /rules/2"]
    lines = sorted(["samples/%s %s %s" % f for f in found] + ["%s %s %s" % f for f in cross] + notices)
    out["tests/samples/expected-violations.txt"] = "\n".join(lines) + "\n"
    return out, provs, pr, on_time


def main(argv):
    out, provs, pr, on_time = generate()
    if "--summary" in argv:
        print("| code | province | units | wards | communes | special zones | centres | staff | "
              "departments | agencies | fully equipped | online processed | on time |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for d in pr:
            au, sc, op = d["administrative_units"], d["service_centres"], d["online_procedures"]
            print("| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |" % (
                d["report"]["province_code"], d["report"]["province"], au["units_total"], au["wards"],
                au["rural_communes"], au["special_zones"], sc["centres"],
                sum(c["centre_staff"] for c in d["communes"]), d["organisation"]["specialized_departments"],
                d["organisation"]["specialized_agencies"], d["equipment"]["fully_equipped"],
                op["processed"], op["on_time"]))
        print("national on-time rate of the provinces' figures: %.3f %%" % on_time)
        return 0
    check = "--check" in argv
    bad = []
    for rel, text in sorted(out.items()):
        path = os.path.join(ROOT, rel)
        data = text.encode("utf-8")
        if check:
            try:
                with open(path, "rb") as f:
                    if f.read() != data:
                        bad.append(rel)
            except OSError:
                bad.append(rel)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
    if check:
        if bad:
            print("gen-samples: out of date: " + ", ".join(bad), file=sys.stderr)
            return 1
        print("gen-samples: %d files up to date" % len(out))
        return 0
    print("gen-samples: wrote %d files" % len(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
