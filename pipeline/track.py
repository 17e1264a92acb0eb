"""The obligation tracker: every task of every record becomes obligations of concrete units.

    record.tasks[i].assignees / delegates ──(addressee rules + units at the document's date)──▶
        obligations of communes, districts, provinces, and of bodies (Sở Y tế, Phòng Văn hóa…)
    ──▶ outputs/congvan.db ──▶ congvan due / done / report

A district's dispatch to ``UBND các xã, thị trấn`` binds every commune the district had on the
dispatch's date; a province's ``UBND các huyện, thành phố`` binds its districts; when a district is
told to direct its communes (``chỉ đạo Chủ tịch UBND từng xã, phường, thị trấn``) the communes
get the obligation too, followed up by that district. The phrases are data
(``extractors/data/addressee_rules.tsv``).

Commands:
    congvan due --unit X [--on DATE] [--within N] [--status …] [--format table|json|csv|xlsx|ics]
    congvan done OBLIGATION [--on DATE] [--reply 'số/ký hiệu']
    congvan report --unit X [--on DATE]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from extractors.base import DATA, fold, key, load_tsv, new_tones
from extractors.gazetteer import TYPE_WORDS, Unit, split_type
from pipeline import store, units
from pipeline.ingest import iter_records

RULES_FILE = "addressee_rules.tsv"
# bump when the resolution changes its results: the store is then rebuilt from the records
RESOLVER_VERSION = "1"

RECURRENCE_VI = {"daily": "hằng ngày", "weekly": "hằng tuần", "monthly": "hằng tháng",
                 "quarterly": "hằng quý", "yearly": "hằng năm"}
KIND_VI = {"assigned": "được giao", "delegated": "được chỉ đạo lại"}
STATUS_STYLE = {"overdue": "bold red", "open": "", "done_on_time": "green", "done_late": "yellow"}


# === resolution of addressees =================================================================
def _flat(s: str) -> str:
    """Matching text of the same length as ``s``: lower case, new tone style, punctuation → space."""
    s = new_tones(s)
    out = []
    for c in s:
        lc = c.lower()
        out.append(lc if len(lc) == 1 and (lc.isalnum()) else " ")
    return "".join(out)


@dataclass(frozen=True)
class Group:
    phrase: str
    binds: str          # communes | districts | provinces | localities | offices
    rule: str
    types: tuple[str, ...]   # unit type words named in the phrase (xã, thị trấn)
    last_type: str | None    # the last one: "các huyện, thị xã, thành phố Huế" names TP Huế


@dataclass
class Binding:
    holder: store.Holder
    rule: str
    unit: Unit | None = None


class Rules:
    """The compiled addressee rules."""

    def __init__(self, rows=None):
        rows = rows if rows is not None else load_tsv(RULES_FILE)
        by = lambda k: [r["phrase"] for r in rows if r["kind"] == k]
        self.quantifiers = by("quantifier")
        q = "|".join(_words(p) for p in sorted(self.quantifiers, key=len, reverse=True))
        lead = "|".join(_words(p) for p in sorted(by("head") + by("council"), key=len, reverse=True))
        self.lead = re.compile(rf"^\s*(?:(?:{lead})\s+)*")
        self.council = re.compile(rf"^\s*(?:(?:{'|'.join(_words(p) for p in by('head'))})\s+)*"
                                  rf"(?:{'|'.join(_words(p) for p in by('council'))})(?:\s|$)")
        self.quantifier = re.compile(rf"^\s*(?:{q})\s+")
        areas = sorted(by("area"), key=len, reverse=True)
        self.trailing_area = re.compile(rf"(?:\s+(?:{'|'.join(_words(p) for p in areas)}))+\s*$")
        self.groups: list[tuple[re.Pattern, re.Pattern | None, Group]] = []
        type_words = sorted(_TYPE_WORDS, key=len, reverse=True)
        for r in sorted((r for r in rows if r["kind"] == "group"), key=lambda r: -len(r["phrase"])):
            segs = [s for s in re.split(r"\s*[,/;]\s*|\s+-\s+|\s+và\s+", key(r["phrase"])) if s]
            body = r"(?:\s+(?:và\s+)?)".join(_words(s) for s in segs)
            quant = rf"(?:(?:{q})\s+)" + ("" if r.get("quantifier") == "required" else "?")
            pat = re.compile(rf"(?<![^\W_]){quant}{body}(?![^\W_])")
            bare = re.compile(rf"(?<![^\W_]){body}(?![^\W_])") if r.get("quantifier") == "required" else None
            types = tuple(next((w for w in type_words if s == w or s.startswith(w + " ")), "") for s in segs)
            types = tuple(t for t in types if t)
            self.groups.append((pat, bare, Group(r["phrase"], r["binds"], r["rule"], types,
                                                 segs[-1] if segs[-1] in type_words else None)))


def _words(phrase: str) -> str:
    return r"\s+".join(re.escape(w) for w in _flat(key(phrase)).split())


_TYPE_WORDS = tuple(TYPE_WORDS)        # xã, phường, thị trấn, huyện… and the levels each names


@lru_cache(maxsize=1)
def rules() -> Rules:
    return Rules()


class Resolver:
    """Resolves the addressees of one document: its date's map, its issuer's area."""

    def __init__(self, record: dict, rules_: Rules | None = None):
        self.rules = rules_ or rules()
        self.record = record
        self.on = record.get("issued_date")
        self.era = units.era_on(self.on)
        self.issuer = record.get("issuer") or {}
        self.area = units.area_of(self.issuer, self.on)
        if self.area is not None:
            self.era = self.area.era
        self.map = units.era_map(self.era)
        self.recipients = [r.get("text") or "" for r in record.get("recipients") or []]

    # -- holders --------------------------------------------------------------------------
    @staticmethod
    def unit_holder(u: Unit) -> store.Holder:
        return store.Holder(units.uid(u), "unit", units.label(u), None, fold(units.label(u)))

    @staticmethod
    def org_holder(name: str, area: Unit | None) -> store.Holder:
        name = re.sub(r"\s+", " ", name.replace("&", " và ")).strip(" ,.;:-")
        name = name[:1].upper() + name[1:]
        area_id = units.uid(area) if area is not None else units.NATION
        shown = f"{name} ({units.label(area, full=False)})" if area is not None else name
        return store.Holder(f"org:{fold(name)}@{area_id}", "org", shown, area_id,
                            fold(name + " " + (units.label(area) if area is not None else "")))

    # -- one addressee ----------------------------------------------------------------------
    _cache: dict[tuple, list[Binding]] = {}
    CACHE_SIZE = 20_000

    def resolve(self, text: str, area: Unit | None = None) -> list[Binding]:
        """The holders ``text`` binds, read in the area ``area`` (default: the issuer's).

        The answer depends only on the text, the area, the map and (for "từ X đến Y") the
        Kính gửi list, so it is cached: an archive repeats the same addressees."""
        area = self.area if area is None else area
        text = (text or "").strip()
        if not text:
            return []
        ck = (text, units.uid(area) if area is not None else None, self.era,
              tuple(self.recipients) if "từ" in text.lower() else (), id(self.rules))
        hit = Resolver._cache.get(ck)
        if hit is None:
            if len(Resolver._cache) >= Resolver.CACHE_SIZE:
                Resolver._cache.clear()
            hit = Resolver._cache[ck] = self._resolve(text, area)
        return hit

    def _resolve(self, text: str, area: Unit | None) -> list[Binding]:
        flat = _flat(text)
        lead = self.rules.lead.match(flat).end()
        spans = self._group_spans(text, flat, lead)
        if not spans:
            return self._single(text, flat, area)
        out: list[Binding] = []
        a0 = spans[0][0]
        owner = text[lead:a0].strip(" ,;:-")
        if owner and self._after_separator(text, flat, a0):
            # "các ngành, các địa phương": two addressees, not "the ngành of each địa phương"
            head = text[:a0].rstrip(" ,;:-")
            out.extend(self._single(head, _flat(head), area))
            owner = ""
        for i, (a, b, g) in enumerate(spans):
            end = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            found = self._group(g, text[a:b], text[b:end], area)
            if i == 0 and owner:
                # a body named before the group is that body of each unit: "Công an các địa
                # phương", "Sở Xây dựng các tỉnh: Gia Lai, Đắk Lắk"; before an office group it is
                # one body's name ("Văn phòng Ban chỉ đạo …")
                if g.binds == "offices" or not found:
                    return self._single(text, flat, area)
                out.extend(Binding(self.org_holder(owner, f.unit), "body_of:" + f.rule) for f in found)
                continue
            out.extend(found)
        return out

    def _group_spans(self, text: str, flat: str, lead: int) -> list[tuple[int, int, Group]]:
        """Non-overlapping group phrases, longest first. A phrase whose type word needs a
        quantifier may take it from an earlier phrase of the same list ("Các cơ quan, đơn vị,
        địa phương")."""
        taken: list[tuple[int, int, Group]] = []

        def free(a: int, b: int) -> bool:
            return all(b <= x or a >= y for x, y, _ in taken)

        for pat, bare, g in self.rules.groups:
            for m in pat.finditer(flat):
                if free(*m.span()):
                    taken.append((*m.span(), g))
        if taken:
            first = min(x for x, _, _ in taken)
            for pat, bare, g in self.rules.groups:
                if bare is None:
                    continue
                for m in bare.finditer(flat):
                    a, b = m.span()
                    if a > first and free(a, b) and self._after_separator(text, flat, a):
                        taken.append((a, b, g))
        taken.sort(key=lambda t: t[0])
        # a later phrase that does not start a new item only qualifies the one before it
        # ("Các cơ quan cấp tỉnh trên địa bàn" is one group of agencies, not the provinces)
        return taken[:1] + [t for t in taken[1:] if self._after_separator(text, flat, t[0])]

    @staticmethod
    def _after_separator(text: str, flat: str, a: int) -> bool:
        before = text[:a].rstrip()
        return not before or before[-1] in ",;:(/" or flat[:a].rstrip().endswith(" và") or \
            flat[:a].rstrip().endswith(" va")

    def _group(self, g: Group, said: str, rest: str, area: Unit | None) -> list[Binding]:
        if g.binds == "offices":
            name = said + rest.split(",")[0].split(";")[0]
            name = re.sub(r"^\s*(?:" + "|".join(map(re.escape, sorted(self.rules.quantifiers, key=len, reverse=True)))
                          + r")\s+", "", name, flags=re.I)
            stripped = self.rules.trailing_area.sub("", _flat(name))
            name = name[:len(stripped.rstrip())] if stripped.strip() else name
            return [Binding(self.org_holder("các " + name.strip(" ,;:-"), area), g.rule)]
        level = {"communes": "commune", "districts": "district", "provinces": "province"}.get(g.binds)
        if g.binds == "localities":
            level = ("province" if area is None else
                     "commune" if area.level == "district" or area.era == units.ERA_NEW else "district")
        if level == "district" and self.era == units.ERA_NEW and (area is None or area.era == units.ERA_NEW):
            return []                       # no districts after 1 July 2025
        scope = self._scope_after(rest, area)
        if scope is not None:
            area = scope
        named = self._named_after(g, rest, level, area)
        if named is not None:
            found, rule = named
        else:
            found, rule = self._all_at(level, area, g.types), g.rule
        return [Binding(self.unit_holder(u), rule, u) for u in found]

    def _all_at(self, level: str, area: Unit | None, types: tuple[str, ...]) -> list[Unit]:
        if level == "province":
            pool = [u for u in self.map.units.values() if u.level == "province"]
        elif area is None:
            pool = [u for u in self.map.units.values() if u.level == level]
        elif area.level == level:
            pool = [area]
        else:
            pool = units.children(area, level)
        if types:
            typed = [u for u in pool if u.type in types]
            # "các huyện, thành phố" of a province whose units are all huyện and one thị xã:
            # the clerk's list is a way of saying "all of them", not a filter that leaves some out
            if typed:
                return sorted(typed, key=lambda u: u.code)
        return sorted(pool, key=lambda u: u.code)

    def _scope_after(self, rest: str, area: Unit | None) -> Unit | None:
        """``các xã thuộc huyện X`` / ``trên địa bàn tỉnh Y``: the area named after a group."""
        m = re.match(r"\s*(?:thuộc|của|trên địa bàn|tại|ở)\s+(.+)$", rest, re.I)
        if not m:
            return None
        typ, name = split_type(m.group(1).strip(" ,.;"))
        if not typ:
            return None
        for lv in ("district", "province"):
            if lv in TYPE_WORDS.get(typ, ()):
                cands = self._lookup(m.group(1).strip(" ,.;"), lv, area)
                if len(cands) == 1:
                    return cands[0]
        return None

    def _named_after(self, g: Group, rest: str, level: str | None, area: Unit | None):
        """A list after the group: ``các tỉnh: Khánh Hòa, Đắk Lắk và Gia Lai``; ``các huyện, thị
        xã, Thành phố Huế`` (the last type word names one unit); ``từ Hà Tĩnh đến Khánh Hòa``."""
        if level is None:
            return None
        s = rest.strip()
        if not s:
            return None
        m = re.match(r"^từ\s+(.+?)\s+đến\s+(.+?)\s*[.;]?$", s, re.I)
        if m:
            return self._range(m.group(1), m.group(2), level, area)
        colon = s.startswith(":")
        s = s.lstrip(": ").rstrip(" .;")
        if not s or re.match(r"^(?:thuộc|của|trên|tại|ở|có|được|liên quan)\b", s, re.I):
            return None
        names = [n.strip(" .") for n in re.split(r"\s*[,;]\s*|\s+và\s+", s) if n.strip(" .")]
        if not colon and len(g.types) > 1 and g.last_type:
            # "các huyện, thị xã, Thành phố Huế": all of the other types, and this one unit
            one = self._lookup(f"{g.last_type} {s}", level, area)
            if len(one) == 1:
                rest_types = tuple(t for t in g.types if t != g.last_type)
                others = [u for u in self._all_at(level, area, rest_types) if u.type in rest_types]
                return sorted(set(others) | {one[0]}, key=lambda u: u.code), "named_in_list"
            return None
        found = []
        for n in names:
            c = self._lookup(n, level, area)
            if len(c) != 1:
                return None if not colon else (found, "named_list") if found else None
            found.append(c[0])
        return (found, "named_list") if found else None

    def _range(self, first: str, last: str, level: str, area: Unit | None):
        """``các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa``: the slice of the list named in
        Kính gửi that runs from the first to the last; else the two ends."""
        a, b = self._lookup(first, level, area), self._lookup(last, level, area)
        if len(a) != 1 or len(b) != 1:
            return None
        for rec in self.recipients:
            m = re.search(r":\s*(.+)$", rec)
            if not m:
                continue
            listed = []
            for n in re.split(r"\s*[,;]\s*|\s+và\s+", m.group(1)):
                c = self._lookup(n.strip(" ."), level, area) if n.strip(" .") else []
                if len(c) == 1:
                    listed.append(c[0])
            if a[0] in listed and b[0] in listed:
                i, j = listed.index(a[0]), listed.index(b[0])
                if i <= j:
                    return listed[i:j + 1], "range_in_recipients"
        return [a[0], b[0]], "range_ends"

    def _lookup(self, name: str, level: str, area: Unit | None) -> list[Unit]:
        name = name.strip(" ,.;:")
        if not name:
            return []
        cands = self.map.find(name, level)
        if area is not None and level != "province" and len(cands) > 1:
            inside = [u for u in cands if units.contains(units.province_of(area), u)]
            if inside:
                cands = inside
            if len(cands) > 1:
                closer = [u for u in cands if units.contains(area, u)]
                cands = closer or cands
        if len(cands) > 1:
            k = key(split_type(name)[1])
            cands = [u for u in cands if key(u.name) == k] or cands
        return cands

    def _single(self, text: str, flat: str, area: Unit | None) -> list[Binding]:
        """One body: a named unit (UBND xã X), the issuer's own unit (UBND huyện), or an org."""
        m = self.rules.lead.match(flat)
        rest = text[m.end():] if m else text
        council = bool(self.rules.council.match(flat))
        typ, name = split_type(rest)
        if typ is None and re.fullmatch(r"\s*(?:" + "|".join(_TYPE_WORDS) + r")\s*", key(rest)):
            typ, name = key(rest).strip(), ""
        if typ:
            bare = self.rules.trailing_area.sub("", " " + _flat(name)).strip()
            if not bare:
                own = self._own_unit(typ, area)
                if own is not None and (council or rest.strip() == text.strip()):
                    return [Binding(self.unit_holder(own), "own_unit", own)]
            else:
                for lv in TYPE_WORDS.get(typ, ()):
                    c = self._lookup(f"{typ} {name}", lv, area)
                    if len(c) == 1:
                        return [Binding(self.unit_holder(c[0]), "named_unit", c[0])]
        # a body that is not an administrative unit
        body = rest.strip()
        stripped = self.rules.trailing_area.sub("", _flat(body))
        body = body[:len(stripped)].strip() if stripped.strip() else body
        qm = self.rules.quantifier.match(_flat(body))
        rule = "group_of_issuer" if qm else "body"
        return [Binding(self.org_holder(body, area), rule)]

    def _own_unit(self, typ: str, area: Unit | None) -> Unit | None:
        levels = TYPE_WORDS.get(typ, ())
        u = area
        while u is not None:
            # "UBND tỉnh" in a huyện's dispatch is its province; "UBND huyện" in a thị xã's is itself
            if u.type == typ or (typ != "thành phố" and u.level in levels):
                return u
            u = units.parent(u)
        return None

    # -- a whole record ---------------------------------------------------------------------
    def obligations(self) -> list[store.Obligation]:
        """Every addressee of every task, as obligations of groups of holders."""
        tasks = self.record.get("tasks") or []
        by_id = {t.get("id"): t for t in tasks}
        issuer_name = self.issuer.get("name")
        out: list[store.Obligation] = []

        def add(task, bindings, named, role, kind, follow, prefix):
            by_rule: dict[str, list[store.Holder]] = {}
            for b in bindings:
                by_rule.setdefault(prefix + b.rule, []).append(b.holder)
            for rule, hs in by_rule.items():
                out.append(store.Obligation(task, None, named, rule, role, kind, follow, hs))

        for t in tasks:
            assignees, delegates, how = self._assignees(t, by_id)
            directors: list[tuple[Unit, dict]] = []
            for a in assignees:
                bs = self.resolve(a.get("text") or "")
                add(t["id"], bs, a.get("text"), a.get("role"), "assigned", issuer_name, f"{how}:" if how else "")
                directors.extend((b.unit, a) for b in bs if b.unit is not None)
            for d in delegates:
                # each unit told to direct its communes follows them up; otherwise the issuer does
                for unit, a in directors or [(None, None)]:
                    follow = ("UBND " + units.label(unit, full=False)) if unit is not None else issuer_name
                    add(t["id"], self.resolve(d.get("text") or "", unit), d.get("text"), (a or {}).get("role"),
                        "delegated", follow, "delegated:")
        return out

    def _assignees(self, task: dict, by_id: dict) -> tuple[list[dict], list[dict], str]:
        """A task's assignees and delegates; a sub-item without its own takes its parent's
        (``3. Chỉ đạo các đơn vị trực thuộc, UBND các xã:`` then ``- Phổ biến …``), and a task
        without any takes the addressees of the dispatch (Kính gửi)."""
        seen, t = set(), task
        while t is not None and t.get("id") not in seen:
            if t.get("assignees"):
                own = t is task
                return t["assignees"], (task.get("delegates") or ([] if own else t.get("delegates") or [])), \
                    ("" if own else "parent")
            seen.add(t.get("id"))
            t = by_id.get(t.get("parent"))
        return [{"text": r, "role": None} for r in self.recipients if r], task.get("delegates") or [], "recipients"



# === records → store ==========================================================================
def _identity(rec: dict) -> str:
    issuer = (rec.get("issuer") or {}).get("name") or ""
    if rec.get("number") and rec.get("symbol"):
        return "|".join((fold(issuer), rec["number"].lstrip("0"), fold(rec["symbol"]),
                         (rec.get("issued_date") or "")[:4]))
    return "src|" + ((rec.get("source") or {}).get("path") or "")


def record_hash(rec: dict) -> str:
    """What the tracker reads of a record, hashed: a record whose hash is unchanged is skipped."""
    keep = {k: rec.get(k) for k in ("doc_type", "number", "symbol", "issuer", "issued_date", "urgency",
                                    "subject", "tasks")}
    keep["recipients"] = [r.get("text") for r in rec.get("recipients") or []]
    keep["sha256"] = (rec.get("source") or {}).get("sha256")
    keep["resolver"] = RESOLVER_VERSION
    return hashlib.sha256(json.dumps(keep, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


def _task_deadlines(t: dict) -> list[dict]:
    dls = [{k: v for k, v in d.items() if k != "span"} for d in t.get("deadlines") or []]
    have = {d.get("date") for d in dls}
    for g in t.get("targets") or []:
        # a target to reach by a date ("đạt 60% trước ngày 20/8") is a deadline too
        if g.get("by") and g["by"] not in have:
            dls.append({"date": g["by"], "time": None, "recurrence": None, "rrule": None,
                        "phrase": g.get("phrase") or f"chỉ tiêu {g.get('value')}{g.get('unit')}"})
            have.add(g["by"])
    return dls


def bundle(rec: dict, sha: str | None = None) -> store.DocumentBundle:
    src = (rec.get("source") or {}).get("path") or ""
    issuer = rec.get("issuer") or {}
    tasks = [{"tid": t["id"], "parent": t.get("parent"), "text": t.get("text") or "",
              "deadlines": _task_deadlines(t),
              "targets": [{k: v for k, v in g.items() if k != "span"} for g in t.get("targets") or []],
              "report_to": t.get("report_to")} for t in rec.get("tasks") or [] if t.get("id")]
    obligations = Resolver(rec).obligations() if tasks else []
    return store.DocumentBundle(
        source=src, sha256=sha or record_hash(rec), identity=_identity(rec),
        doc={"doc_type": rec.get("doc_type"), "number": rec.get("number"), "symbol": rec.get("symbol"),
             "issuer": issuer.get("name"), "issued_date": rec.get("issued_date"),
             "urgency": rec.get("urgency"), "subject": rec.get("subject")},
        tasks=tasks, obligations=obligations)


def _rules_version() -> str:
    h = hashlib.sha256(RESOLVER_VERSION.encode())
    for name in (RULES_FILE, "units_2020.tsv", "units_2025.tsv", "units_map_2025.tsv", "gazetteer_aliases.tsv"):
        p = DATA / name
        if p.exists():
            st = p.stat()
            h.update(f"{name}:{st.st_size}".encode())
            h.update(hashlib.sha256(p.read_bytes()).digest() if st.st_size < 5_000_000 else b"")
    return h.hexdigest()


def sync(conn, records: list[dict]) -> dict[str, int]:
    """Bring the store in line with ``records``: new/changed ones (re)written, gone ones dropped.
    Completions are kept (they are keyed by the stable obligation ref)."""
    version = _rules_version()
    rebuild = store.get_meta(conn, "resolver") != version
    have = store.documents(conn)
    stats = {"written": 0, "unchanged": 0, "dropped": 0}
    seen = set()
    groups: dict = {}
    with store.transaction(conn):
        for rec in records:
            src = (rec.get("source") or {}).get("path")
            if not src or src in seen:
                continue
            seen.add(src)
            h = record_hash(rec)
            if not rebuild and have.get(src) == h:
                stats["unchanged"] += 1
                continue
            try:
                b = bundle(rec, h)
            except Exception as e:       # one odd record must not cost the others their obligations
                print(f"cảnh báo: theo dõi: bỏ qua {src}: {type(e).__name__}: {e}", file=sys.stderr)
                stats["failed"] = stats.get("failed", 0) + 1
                continue
            store.put_document(conn, b, groups)
            stats["written"] += 1
        stats["dropped"] = store.drop_documents(conn, [s for s in have if s not in seen])
        if stats["dropped"] or rebuild:
            store.drop_unused_holders(conn)
        store.set_meta(conn, "resolver", version)
    return stats


def _records_stamp(out_dir: Path) -> str:
    """Changes whenever a record file is written, renamed or removed (atomic writes rename)."""
    d = Path(out_dir) / "records"
    try:
        return str(d.stat().st_mtime_ns)
    except OSError:
        return ""


def after_ingest(out_dir: Path, records: list[dict]) -> None:
    """Called by pipeline/ingest.py after every ingest with all the records of ``out_dir``."""
    conn = store.connect(store.db_path(out_dir))
    try:
        sync(conn, records)
        store.set_meta(conn, "records", _records_stamp(out_dir))
    finally:
        conn.close()


def open_store(out_dir: Path):
    """The store of ``out_dir``, built from its records when it is missing or out of date."""
    path = store.db_path(out_dir)
    if not path.exists() and not (Path(out_dir) / "records").is_dir():
        raise store.StoreError(f"không có {path} và không có bản ghi trong {out_dir}/records: "
                               f"hãy chạy 'congvan ingest … --out {out_dir}' trước",
                               f"no store and no records in {out_dir}: run 'congvan ingest' first")
    conn = store.connect(path)
    stamp = _records_stamp(out_dir)
    if store.get_meta(conn, "resolver") != _rules_version() or (stamp and store.get_meta(conn, "records") != stamp):
        # new rules or unit tables, or records written without the tracker (ingest without hooks)
        sync(conn, iter_records(out_dir))
        store.set_meta(conn, "records", stamp)
    return conn


# === the due query ============================================================================
@dataclass
class Target:
    """Whose obligations a --unit names: holder keys and how to say it."""
    keys: list[str]
    label: str
    unit: Unit | None = None
    related: list[Unit] | None = None


def target_for(conn, query: str, on: date) -> Target:
    try:
        u = units.resolve(query, on)
        rel = units.related(u)
        return Target([units.uid(x) for x in rel], units.display(u), u, rel[1:])
    except units.UnitError as e:
        orgs = store.find_holders(conn, fold(query))
        if orgs:
            return Target([r["key"] for r in orgs], "; ".join(r["name"] for r in orgs))
        if e.candidates:
            raise
        raise units.UnitError(e.vi + " (và không có cơ quan nào tên như vậy trong sổ theo dõi)",
                              e.en + " (nor a body of that name in the store)") from None


def due_query(conn, unit_ids, on: date | None = None, within: int | None = None, statuses=None) -> list[dict]:
    """The due query (see store.due): what the benchmark times."""
    return store.due(conn, unit_ids, on, within, statuses)


def _parse_date(s: str | None) -> date:
    if not s:
        return date.today()
    s = s.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {s} (dùng YYYY-MM-DD hoặc dd/mm/yyyy)")


STATUS_ALIASES = {
    "done_on_time": "done_on_time", "đúng hạn": "done_on_time", "hoàn thành đúng hạn": "done_on_time",
    "done_late": "done_late", "hoàn thành quá hạn": "done_late",
    "open": "open", "trong hạn": "open", "đang thực hiện": "open", "đang thực hiện trong hạn": "open",
    "overdue": "overdue", "quá hạn": "overdue",
    "done": "done_on_time,done_late", "hoàn thành": "done_on_time,done_late", "đã giải quyết": "done_on_time,done_late",
    "pending": "open,overdue", "chưa giải quyết": "open,overdue", "chưa xong": "open,overdue",
}


def _parse_statuses(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    out: list[str] = []
    for v in values:
        for part in v.split(","):
            k = key(part)
            if not k:
                continue
            code = STATUS_ALIASES.get(k) or STATUS_ALIASES.get(part.strip())
            if not code:
                raise SystemExit(f"lỗi: tình trạng không rõ '{part}' (dùng: open, overdue, done_on_time, "
                                 f"done_late, done, pending)")
            out.extend(code.split(","))
    return out


def docref(it: dict) -> str:
    num = it.get("number") or "…"
    return f"{num}/{it['symbol']}" if it.get("symbol") else (it.get("number") or "")


def _deadline_text(it: dict) -> str:
    if not it.get("deadline"):
        return ("(" + RECURRENCE_VI.get(it["recurrence"], it["recurrence"]) + ")") if it.get("recurrence") else "không có hạn"
    d = date.fromisoformat(it["deadline"]).strftime("%d/%m/%Y")
    s = f"{it['time']} {d}" if it.get("time") else d
    if it.get("recurrence"):
        s += f" ({RECURRENCE_VI.get(it['recurrence'], it['recurrence'])})"
    return s


def _vi_date(s: str | None) -> str:
    if not s:
        return ""
    parts = s.split("-")
    return "/".join(reversed(parts))


def public(it: dict, on: date) -> dict:
    """One due item as the JSON/CSV/Excel outputs show it."""
    return {
        "id": it["ref"],
        "unit": it["holder_name"], "unit_id": it["holder"],
        "document": {"doc_type": it.get("doc_type"), "number": it.get("number"), "symbol": it.get("symbol"),
                     "number_symbol": docref(it), "issuer": it.get("issuer"), "issued_date": it.get("issued_date"),
                     "urgency": it.get("urgency_name"), "subject": it.get("subject"), "source": it.get("source")},
        "task": {"id": it["tid"], "text": it["text"], "report_to": it.get("report_to"),
                 "targets": it.get("targets") or []},
        "named": it.get("named"), "rule": it.get("rule"), "role": it.get("role"), "kind": it.get("kind"),
        "follow_up": it.get("follow_up"),
        "deadline": it.get("deadline"), "time": it.get("time"), "recurrence": it.get("recurrence"),
        "rrule": it.get("rrule"), "days_left": it.get("days_left"),
        "status": it["status"], "status_vi": it["status_vi"], "warning": it.get("warning"),
        "done_on": it.get("done_on"), "reply": it.get("reply"),
    }


COLUMNS = [  # (header, getter) for csv and xlsx
    ("Mã việc", lambda p: p["id"]),
    ("Đơn vị", lambda p: p["unit"]),
    ("Loại văn bản", lambda p: p["document"]["doc_type"] or ""),
    ("Số, ký hiệu", lambda p: p["document"]["number_symbol"]),
    ("Cơ quan ban hành", lambda p: p["document"]["issuer"] or ""),
    ("Ngày ban hành", lambda p: p["document"]["issued_date"] or ""),
    ("Độ khẩn", lambda p: p["document"]["urgency"] or ""),
    ("Trích yếu", lambda p: p["document"]["subject"] or ""),
    ("Nhiệm vụ", lambda p: p["task"]["text"]),
    ("Được giao theo", lambda p: p["named"] or ""),
    ("Vai trò", lambda p: p["role"] or ""),
    ("Hình thức", lambda p: KIND_VI.get(p["kind"], p["kind"] or "")),
    ("Đơn vị theo dõi", lambda p: p["follow_up"] or ""),
    ("Báo cáo về", lambda p: p["task"]["report_to"] or ""),
    ("Thời hạn", lambda p: p["deadline"] or ""),
    ("Giờ", lambda p: p["time"] or ""),
    ("Lặp lại", lambda p: RECURRENCE_VI.get(p["recurrence"], p["recurrence"] or "")),
    ("Quy tắc lặp (RRULE)", lambda p: p["rrule"] or ""),
    ("Số ngày còn lại", lambda p: "" if p["days_left"] is None else p["days_left"]),
    ("Tình trạng", lambda p: p["status_vi"]),
    ("Cảnh báo", lambda p: p["warning"] or ""),
    ("Ngày hoàn thành", lambda p: p["done_on"] or ""),
    ("Văn bản trả lời", lambda p: p["reply"] or ""),
    ("Cách xác định", lambda p: p["rule"] or ""),
]


def add_due_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--unit", "-u", required=True,
                   help="đơn vị: 'xã Hướng Phùng', 'Huong Phung', 'huyện Hướng Hóa, Quảng Trị', hoặc tên cơ quan")
    p.add_argument("--on", type=_parse_date, default=None, help="tính đến ngày (YYYY-MM-DD; mặc định: hôm nay)")
    p.add_argument("--within", type=int, default=None, metavar="N",
                   help="chỉ những việc đến hạn trong N ngày tới (và việc đã quá hạn)")
    p.add_argument("--status", action="append", default=None,
                   help="lọc tình trạng: open, overdue, done_on_time, done_late, done, pending (nhiều: dấu phẩy)")
    p.add_argument("--format", "-f", choices=("table", "json", "csv", "xlsx", "ics"), default="table")
    p.add_argument("--out", "-o", type=Path, default=None, help="ghi ra tệp (bắt buộc với xlsx)")
    p.add_argument("--dir", type=Path, default=Path("outputs"), help="thư mục kết quả (mặc định: outputs/)")


def _err(vi: str, en: str | None = None) -> int:
    print(f"lỗi: {vi}" + (f" ({en})" if en else ""), file=sys.stderr)
    return 2


def _obligations_of(args, on: date, within: int | None = None, statuses=None):
    """The unit named by ``args.unit`` and its obligations on ``on``, from the store of ``args.dir``."""
    conn = open_store(args.dir)
    try:
        target = target_for(conn, args.unit, on)
        return target, store.due(conn, target.keys, on, within, statuses)
    finally:
        conn.close()


def run_due(args) -> int:
    on = args.on or date.today()
    try:
        statuses = _parse_statuses(args.status)
        target, items = _obligations_of(args, on, args.within, statuses)
    except (store.StoreError, units.UnitError) as e:
        return _err(e.vi, e.en)
    fmt = args.format
    if fmt == "xlsx" and not args.out:
        return _err("định dạng xlsx cần --out TỆP.xlsx", "xlsx needs --out FILE.xlsx")
    pub = [public(it, on) for it in items]
    head = {"unit": target.label, "unit_ids": target.keys, "on": on.isoformat(), "within": args.within,
            "counts": store.counts(items)}
    if fmt == "json":
        _emit(json.dumps({**head, "obligations": pub}, ensure_ascii=False, indent=2) + "\n", args.out)
    elif fmt == "csv":
        _emit(to_csv(pub), args.out, bom=True)
    elif fmt == "xlsx":
        write_xlsx(pub, args.out, head)
        print(f"đã ghi {len(pub)} việc vào {args.out}", file=sys.stderr)
    elif fmt == "ics":
        _emit(to_ics(pub, on, target.label), args.out)
    else:
        print_table(items, target, on, args.within)
        if args.out:
            _emit(json.dumps({**head, "obligations": pub}, ensure_ascii=False, indent=2) + "\n", args.out)
    return 0


def _emit(text: str, out: Path | None, bom: bool = False) -> None:
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8-sig" if bom else "utf-8", newline="")
        print(f"đã ghi {out}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def to_csv(pub: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([h for h, _ in COLUMNS])
    for p in pub:
        w.writerow([g(p) for _, g in COLUMNS])
    return buf.getvalue()


_XLSX_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f])")


def write_xlsx(pub: list[dict], path: Path, head: dict) -> None:
    """An Excel workbook: the obligations (one row each, dates as dates) and a count sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Việc phải làm"
    ws.append([f"Việc phải làm của {head['unit']} — tính đến ngày {_vi_date(head['on'])}"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([h for h, _ in COLUMNS])
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    date_cols = {i for i, (h, _) in enumerate(COLUMNS) if h in ("Ngày ban hành", "Thời hạn", "Ngày hoàn thành")}
    red = Font(color="C00000", bold=True)
    for p in pub:
        row = []
        for i, (_, g) in enumerate(COLUMNS):
            v = g(p)
            if i in date_cols and isinstance(v, str) and len(v) == 10:
                v = date.fromisoformat(v)
            elif isinstance(v, str):
                # "_x" + hex is an escape in OOXML strings (cac_xa_thi_tran would show a line
                # break); "_x005F_" is the escaped underscore
                v = _XLSX_ESCAPE.sub("_x005F_", v)
            row.append(v)
        ws.append(row)
        r = ws.max_row
        for i in date_cols:
            c = ws.cell(r, i + 1)
            if isinstance(c.value, date):
                c.number_format = "DD/MM/YYYY"
        if p["status"] == "overdue":
            ws.cell(r, [h for h, _ in COLUMNS].index("Tình trạng") + 1).font = red
    widths = {"Mã việc": 21, "Đơn vị": 34, "Trích yếu": 40, "Nhiệm vụ": 70, "Được giao theo": 30,
              "Cơ quan ban hành": 30, "Đơn vị theo dõi": 26, "Báo cáo về": 26, "Cách xác định": 28,
              "Tình trạng": 24, "Quy tắc lặp (RRULE)": 26}
    col_w = [widths.get(h, 14) for h, _ in COLUMNS]
    for i, w in enumerate(col_w, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.row_dimensions[2].height = 30
    for row in ws.iter_rows(min_row=3):
        lines = 1
        for c, w in zip(row, col_w):
            c.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(c.value, str):
                lines = max(lines, -(-len(c.value) // max(1, int(w * 1.1))) + c.value.count("\n"))
        # row heights are written out: a spreadsheet does not always refit wrapped rows on opening
        ws.row_dimensions[row[0].row].height = min(409, 15 * lines)
    ws.freeze_panes = "C3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if pub:
        ws.auto_filter.ref = f"A2:{get_column_letter(len(COLUMNS))}{ws.max_row}"
    cs = wb.create_sheet("Thống kê")
    cs.append(["Tình trạng", "Số việc"])
    for c in cs[1]:
        c.font = Font(bold=True)
    for code, name in store.STATUSES.items():
        cs.append([name, head["counts"].get(code, 0)])
    cs.append(["Tổng số", sum(head["counts"].values())])
    cs.column_dimensions["A"].width = 30
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def to_ics(pub: list[dict], on: date, label: str) -> str:
    """An iCalendar file: one event per dated obligation, recurring ones as RRULEs (giờ Việt Nam)."""
    from zoneinfo import ZoneInfo

    from icalendar import Alarm, Calendar, Event
    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    cal = Calendar()
    cal.add("prodid", "-//congvan//việc phải làm//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Việc phải làm: {label}")
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    stamp = datetime.now(tz).replace(microsecond=0)
    for p in pub:
        if not p["deadline"]:
            continue
        ev = Event()
        ev.add("uid", f"{p['id']}@congvan")
        ev.add("dtstamp", stamp)
        urgent = f"[{p['document']['urgency'].upper()}] " if p["document"]["urgency"] else ""
        text = p["task"]["text"]
        ev.add("summary", f"{urgent}{p['document']['number_symbol']}: {text[:90]}{'…' if len(text) > 90 else ''}")
        ev.add("description", "\n".join(x for x in (
            f"Văn bản: {p['document']['doc_type'] or ''} {p['document']['number_symbol']} "
            f"của {p['document']['issuer'] or ''}, ngày {_vi_date(p['document']['issued_date'])}",
            f"Trích yếu: {p['document']['subject']}" if p["document"]["subject"] else "",
            f"Đơn vị: {p['unit']}" + (f" ({p['role']})" if p["role"] else ""),
            f"Nhiệm vụ: {text}",
            f"Báo cáo về: {p['task']['report_to']}" if p["task"]["report_to"] else "",
            f"Tình trạng: {p['status_vi']}", f"Mã việc: {p['id']}") if x))
        d = date.fromisoformat(p["deadline"])
        first = d
        if p["recurrence"]:
            # the series starts at its first occurrence after the document was issued
            issued = p["document"]["issued_date"]
            if issued and len(issued) == 10:
                dl = {"date": None, "time": p["time"], "recurrence": p["recurrence"], "rrule": p["rrule"]}
                f = store.next_occurrence(dl, date.fromisoformat(issued))
                if f:
                    first = f[0]
        if p["time"]:
            hh, mm = (int(x) for x in p["time"].split(":"))
            start = datetime(first.year, first.month, first.day, hh, mm, tzinfo=tz)
            ev.add("dtstart", start)
            ev.add("dtend", start + timedelta(minutes=30))
        else:
            ev.add("dtstart", first)
            ev.add("dtend", first + timedelta(days=1))
        if p["recurrence"]:
            ev.add("rrule", _rrule(p))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Sắp đến hạn: {p['document']['number_symbol']}")
        alarm.add("trigger", timedelta(days=-1) if not p["recurrence"] else timedelta(hours=-1))
        ev.add_component(alarm)
        if p["status"] in ("done_on_time", "done_late"):
            ev.add("status", "CANCELLED" if p["recurrence"] else "CONFIRMED")
        cal.add_component(ev)
    try:
        cal.add_missing_timezones()
    except Exception:  # an icalendar without tz data still writes TZID-ed times
        pass
    return cal.to_ical().decode("utf-8")


def _rrule(p: dict):
    from icalendar import vRecur
    r = (p.get("rrule") or "").strip()
    if r.upper().startswith("RRULE:"):
        r = r[6:]
    if r:
        try:
            return vRecur.from_ical(r)
        except (ValueError, TypeError):
            pass
    freq = {"daily": "DAILY", "weekly": "WEEKLY", "monthly": "MONTHLY", "quarterly": "MONTHLY",
            "yearly": "YEARLY"}[p["recurrence"]]
    rec = {"FREQ": freq}
    if p["recurrence"] == "quarterly":
        rec["INTERVAL"] = 3
    return vRecur(rec)


STATUS_SHORT = {"open": "trong hạn", "overdue": "QUÁ HẠN", "done_on_time": "xong, đúng hạn",
                "done_late": "xong, quá hạn"}


def _deadline_cell(it: dict) -> str:
    if not it.get("deadline"):
        return ("(" + RECURRENCE_VI.get(it["recurrence"], it["recurrence"]) + ")") if it.get("recurrence") else "—"
    s = date.fromisoformat(it["deadline"]).strftime("%d/%m/%Y")
    if it.get("time"):
        s = f"{it['time']} {s}"
    if it.get("recurrence"):
        s += f"\n({RECURRENCE_VI.get(it['recurrence'], it['recurrence'])})"
    return s


def print_table(items: list[dict], target: Target, on: date, within: int | None) -> None:
    from rich.console import Console
    from rich.table import Table
    console = Console(highlight=False)
    wide = console.width >= 140
    title = f"Việc phải làm của {target.label} — tính đến {on.strftime('%d/%m/%Y')}"
    if within is not None:
        title += f", trong {within} ngày tới"
    t = Table(title=title, show_lines=True)
    with_roles = any(it.get("role") or it["kind"] != "assigned" for it in items)
    t.add_column("Mã", no_wrap=True)
    t.add_column("Văn bản", no_wrap=not wide, overflow="fold")
    t.add_column("Nhiệm vụ", overflow="fold", ratio=1)
    if with_roles:
        t.add_column("Vai trò", overflow="fold")
    t.add_column("Thời hạn", no_wrap=True)
    t.add_column("Còn", justify="right", no_wrap=True)
    t.add_column("Tình trạng", overflow="fold")
    several = len({it["holder"] for it in items}) > 1
    for it in items:
        lines = [docref(it) or (it.get("doc_type") or ""), _vi_date(it.get("issued_date"))]
        if wide:
            lines[0] = f"{it.get('doc_type') or ''} {lines[0]}".strip()
            lines.append(it.get("issuer") or "")
        if it.get("urgency_name"):
            lines.append(f"[bold red]{it['urgency_name'].upper()}[/]")
        limit = 400 if wide else 160
        text = it["text"] if len(it["text"]) <= limit else it["text"][:limit - 1] + "…"
        if several:
            text = f"[dim]{it['holder_name']}[/]\n{text}"
        row = [store.short_ref(it["ref"]), "\n".join(x for x in lines if x), text]
        if with_roles:
            row.append("\n".join(x for x in (
                it.get("role"), KIND_VI.get(it["kind"]) if it["kind"] != "assigned" else None,
                ("theo dõi: " + it["follow_up"]) if it["kind"] == "delegated" and it.get("follow_up") else None) if x))
        style = STATUS_STYLE.get(it["status"], "")
        status = STATUS_SHORT[it["status"]] + (f"\n{it['warning']}" if it.get("warning") else "")
        row += [_deadline_cell(it), "" if it.get("days_left") is None else str(it["days_left"]),
                f"[{style}]{status}[/]" if style else status]
        t.add_row(*row)
    console.print(t)
    c = store.counts(items)
    console.print(" · ".join(f"{store.STATUSES[k]}: {v}" for k, v in c.items()) + f" · tổng: {len(items)}")
    if target.related:
        console.print("[dim]gồm cả việc giao cho: " + "; ".join(units.display(u) for u in target.related) + "[/]")


# === done =====================================================================================
def add_done_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("obligation", help="mã việc (cột Mã của 'congvan due', vd. 3fb1800c-9c0e5)")
    p.add_argument("--on", type=_parse_date, default=None, help="ngày hoàn thành (mặc định: hôm nay)")
    p.add_argument("--reply", default=None, help="số/ký hiệu văn bản trả lời, báo cáo (vd. '125/UBND')")
    p.add_argument("--undo", action="store_true", help="xóa ghi nhận hoàn thành")
    p.add_argument("--dir", type=Path, default=Path("outputs"), help="thư mục kết quả (mặc định: outputs/)")


def run_done(args) -> int:
    on = args.on or date.today()
    try:
        conn = open_store(args.dir)
    except store.StoreError as e:
        return _err(e.vi, e.en)
    try:
        if args.undo:
            store.undo_done(conn, args.obligation)
            print(f"đã xóa ghi nhận hoàn thành của {args.obligation}")
            return 0
        row = store.mark_done(conn, args.obligation, on, args.reply)
        items = [it for it in store.due(conn, [row["holder"]], on) if it["ref"] == row["ref"]]
    except store.StoreError as e:
        return _err(e.vi, e.en)
    finally:
        conn.close()
    if items:
        it = items[0]
        print(f"{it['ref']}: {it['holder_name']} — {it.get('doc_type') or ''} {docref(it)}: "
              f"{store.STATUSES[it['status']]} (hoàn thành ngày {on.strftime('%d/%m/%Y')}"
              + (f", hạn {_deadline_text(it)}" if it.get("deadline") else "")
              + (f", trả lời bằng {args.reply}" if args.reply else "") + ")")
    else:
        print(f"{row['ref']}: đã ghi nhận hoàn thành ngày {on.strftime('%d/%m/%Y')}")
    return 0


# === report ===================================================================================
def add_report_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--unit", "-u", required=True, help="đơn vị (như ở 'congvan due')")
    p.add_argument("--on", type=_parse_date, default=None, help="tính đến ngày (mặc định: hôm nay)")
    p.add_argument("--format", "-f", choices=("table", "json", "csv"), default="table")
    p.add_argument("--out", "-o", type=Path, default=None)
    p.add_argument("--dir", type=Path, default=Path("outputs"), help="thư mục kết quả (mặc định: outputs/)")


def report(items: list[dict]) -> dict:
    """Counts per status, per document and in total (Sổ theo dõi giải quyết văn bản đến)."""
    docs: dict[str, dict] = {}
    for it in items:
        d = docs.setdefault(it["source"], {
            "number_symbol": docref(it), "doc_type": it.get("doc_type"), "issuer": it.get("issuer"),
            "issued_date": it.get("issued_date"), "subject": it.get("subject"),
            "urgency": it.get("urgency_name"), "counts": {k: 0 for k in store.STATUSES}, "total": 0})
        d["counts"][it["status"]] += 1
        d["total"] += 1
    total = store.counts(items)
    return {"total": len(items), "counts": total,
            "done": total["done_on_time"] + total["done_late"], "pending": total["open"] + total["overdue"],
            "documents": sorted(docs.values(), key=lambda d: (d["issued_date"] or "", d["number_symbol"]))}


def run_report(args) -> int:
    on = args.on or date.today()
    try:
        target, items = _obligations_of(args, on)
    except (store.StoreError, units.UnitError) as e:
        return _err(e.vi, e.en)
    rep = {"unit": target.label, "on": on.isoformat(), **report(items)}
    if args.format == "json":
        _emit(json.dumps(rep, ensure_ascii=False, indent=2) + "\n", args.out)
        return 0
    heads = ["Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu", "Tổng số",
             "Đã giải quyết đúng hạn", "Đã giải quyết quá hạn", "Chưa giải quyết trong hạn", "Chưa giải quyết quá hạn"]
    rows = [[d["number_symbol"], _vi_date(d["issued_date"]), d["issuer"] or "", d["subject"] or "", d["total"],
             d["counts"]["done_on_time"], d["counts"]["done_late"], d["counts"]["open"], d["counts"]["overdue"]]
            for d in rep["documents"]]
    c = rep["counts"]
    total_row = ["Tổng cộng", "", "", "", rep["total"], c["done_on_time"], c["done_late"], c["open"], c["overdue"]]
    if args.format == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(heads)
        w.writerows(rows + [total_row])
        _emit(buf.getvalue(), args.out, bom=True)
        return 0
    from rich.console import Console
    from rich.table import Table
    console = Console(highlight=False)
    wide = console.width >= 140
    t = Table(title=f"Sổ theo dõi giải quyết văn bản đến — {target.label}, tính đến {on.strftime('%d/%m/%Y')}",
              caption=None if wide else "GQ: giải quyết")
    short = ["Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu", "Tổng số",
             "Đã GQ đúng hạn", "Đã GQ quá hạn", "Chưa GQ trong hạn", "Chưa GQ quá hạn"]
    cols = list(range(9)) if wide else [0, 1, 4, 5, 6, 7, 8]
    for i in cols:
        t.add_column(heads[i] if wide else short[i], overflow="fold", justify="right" if i >= 4 else "left",
                     no_wrap=i in (0, 1))
    for r in rows:
        t.add_row(*(str(r[i]) for i in cols))
    t.add_section()
    t.add_row(*(f"[bold]{total_row[i]}[/]" for i in cols))
    console.print(t)
    return 0
