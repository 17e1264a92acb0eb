"""The lineage graph: which document carries out, follows up or cites which.

Every record is a node; every reference of a record is an edge citing → cited, typed by its
relation (``implements``, ``follows_up``, ``requested_by``, ``references``) and carrying its
evidence (the cue phrase, the citation's text and span, the citing file). A cited document
that the corpus does not hold becomes a node of its own (``in_corpus=False``), drawn from
what the citations say of it; when the document itself is ingested later, its record takes
the same node (same identity key).

Identity of a document: ``doc_key(issuer, year, number, symbol)`` — the issuer's name folded
(``UBND`` spelt out, accents and case dropped), the year of issue, the number without leading
zeros (``0129`` = ``129``; the printed form is kept for display) and the symbol folded
(``CĐ-TTg`` = ``CD-TTG``). A citation often leaves the year (no date) or the issuer out: it is
then matched to the one known document with the same number and symbol whose other parts do
not contradict it.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx

from pipeline.files import atomic_open
from pipeline.ingest import iter_records

from extractors.base import fold

GRAPHML = "lineage.graphml"
JSON = "lineage.json"
RELATION_VI = {"implements": "thực hiện", "follows_up": "tiếp theo",
               "requested_by": "theo đề nghị", "references": "tham chiếu"}


def _expand(name: str) -> str:
    from extractors.references import expand_abbreviations
    return expand_abbreviations(name)


def doc_key(issuer: str | None, year: str | int | None, number: str | int | None,
            symbol: str | None) -> tuple[str, str, str, str]:
    """(issuer, year, number, symbol), normalised so that a citation and the record it cites
    agree: ``doc_key("UBND tỉnh Đắk Lắk", 2025, "0129", "KH-UBND") ==
    doc_key("Ủy ban nhân dân tỉnh Đắk Lắk", "2025", "129", "KH-UBND")``."""
    iss = fold(_expand(issuer)) if issuer else ""
    yr = str(year or "")[:4]
    num = str(number or "").strip()
    num = (num.lstrip("0") or "0") if num else ""
    return (iss, yr, num, fold(symbol))


def _year_of(date: str | None, symbol: str | None) -> str:
    if date:
        return str(date)[:4]
    m = re.match(r"((?:19|20)\d\d)/", symbol or "")       # 30/2020/NĐ-CP: the year is in the symbol
    return m.group(1) if m else ""


def record_key(rec: dict) -> tuple[str, str, str, str] | None:
    if not rec.get("number") or not rec.get("symbol"):
        return None
    return doc_key((rec.get("issuer") or {}).get("name"), _year_of(rec.get("issued_date"), rec["symbol"]),
                   rec["number"], rec["symbol"])


def citation_key(ref: dict) -> tuple[str, str, str, str]:
    return doc_key(ref.get("issuer"), _year_of(ref.get("date"), ref.get("symbol")),
                   ref.get("number"), ref.get("symbol"))


def node_id(k: tuple) -> str:
    return "|".join(k)


def label(attrs: dict) -> str:
    """``Công điện 223/CĐ-TTg`` (type, number/symbol)."""
    num = attrs.get("number") or ""
    sym = attrs.get("symbol") or ""
    ns = f"{num}/{sym}" if num else (f"…/{sym}" if sym else "")
    return " ".join(x for x in (attrs.get("doc_type") or "", ns) if x) or attrs.get("source") or "?"


def display_date(iso: str | None) -> str:
    if not iso:
        return ""
    parts = str(iso).split("-")
    return "/".join(reversed(parts))


def _clean(d: dict) -> dict:
    """GraphML takes scalar attributes only, and no None."""
    out = {}
    for k, v in d.items():
        if v is None:
            continue
        if isinstance(v, (list, tuple)):
            v = ",".join(str(x) for x in v)
        elif isinstance(v, dict):
            v = json.dumps(v, ensure_ascii=False)
        out[k] = v
    return out


_PLACE_WORDS = re.compile(r"\b(?:tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong|thi tran|dac khu|viet nam)\b")


def _issuer_core(folded: str) -> list[str]:
    """The words of a folded issuer name without the level words and "Việt Nam" that one
    writer puts in and another leaves out ("Sở Y tế tỉnh Nghệ An" = "Sở Y tế Nghệ An",
    "Ngân hàng Nhà nước Việt Nam" = "Ngân hàng Nhà nước")."""
    return _PLACE_WORDS.sub(" ", folded).split()


def same_issuer(a: str, b: str) -> bool:
    """Do two folded issuer names (of ``doc_key``) name the same body? Equal but for level
    words, or one is the other with its place left out ("Ủy ban nhân dân", as a symbol
    alone names it, fits "Ủy ban nhân dân tỉnh Đắk Lắk"; "… tỉnh Đắk Nông" does not)."""
    if not a or not b or a == b:
        return True
    ca, cb = _issuer_core(a), _issuer_core(b)
    short, long_ = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
    return bool(short) and long_[:len(short)] == short


def _loosely(k: tuple, other: tuple) -> bool:
    """Same number and symbol; the same year where both are known; issuers that agree."""
    return k[2] == other[2] and k[3] == other[3] and same_issuer(k[0], other[0]) and \
        (not k[1] or not other[1] or k[1] == other[1])


def build_graph(records: list[dict]) -> nx.MultiDiGraph:
    """Nodes for the records and the documents they cite; edges citing → cited."""
    g = nx.MultiDiGraph()
    by_numsym: dict[tuple, list[str]] = {}
    rec_nodes: list[tuple[str, str, list]] = []
    for rec in records:
        src = (rec.get("source") or {}).get("path") or ""
        k = record_key(rec)
        nid = node_id(k) if k else "file|" + src
        if nid in g and g.nodes[nid].get("in_corpus"):
            also = g.nodes[nid].get("also") or ""
            g.nodes[nid]["also"] = "|".join(x for x in (also, src) if x)
            rec_nodes.append((nid, src, rec.get("references") or []))
            continue
        issuer = rec.get("issuer") or {}
        g.add_node(nid, **_clean({
            "in_corpus": True, "doc_type": rec.get("doc_type"), "number": rec.get("number"),
            "symbol": rec.get("symbol"), "issuer": issuer.get("name"), "level": issuer.get("level"),
            "date": rec.get("issued_date"), "subject": rec.get("subject"), "source": src}))
        g.nodes[nid]["label"] = label(g.nodes[nid])
        if k:
            by_numsym.setdefault((k[2], k[3]), []).append(nid)
        rec_nodes.append((nid, src, rec.get("references") or []))
    keys = {nid: tuple(nid.split("|")) for nid in g if not nid.startswith("file|")}

    def resolve(k: tuple) -> str | None:
        nid = node_id(k)
        if nid in g:
            return nid
        cands = [n for n in by_numsym.get((k[2], k[3]), []) if _loosely(k, keys[n])]
        if len(cands) > 1:
            cands = [n for n in cands if g.nodes[n].get("in_corpus")] or cands
        return cands[0] if len(cands) == 1 else None

    cites = []
    for nid, src, refs in rec_nodes:
        for i, ref in enumerate(refs):
            if not ref.get("symbol") or not ref.get("number"):
                continue
            k = citation_key(ref)
            cites.append((sum(1 for x in k if x), nid, src, i, ref, k))
    cites.sort(key=lambda c: -c[0])                       # the fullest keys first
    for _, src_nid, src, i, ref, k in cites:
        target = resolve(k)
        if target is None:
            target = node_id(k)
            g.add_node(target, **_clean({
                "in_corpus": False, "doc_type": ref.get("doc_type"), "number": ref.get("number"),
                "symbol": ref.get("symbol"), "issuer": ref.get("issuer"), "date": ref.get("date"),
                "subject": ref.get("subject")}))
            g.nodes[target]["label"] = label(g.nodes[target])
            keys[target] = k
            by_numsym.setdefault((k[2], k[3]), []).append(target)
        elif not g.nodes[target].get("in_corpus"):
            node = g.nodes[target]                        # fill in what an earlier citation left out
            for f, rf in (("doc_type", "doc_type"), ("issuer", "issuer"), ("date", "date"), ("subject", "subject")):
                if not node.get(f) and ref.get(rf):
                    node[f] = ref[rf]
        if target == src_nid:
            continue
        rel = ref.get("relation") or "references"
        span = ref.get("span") or [None, None]
        g.add_edge(src_nid, target, key=f"{rel}:{i}", **_clean({
            "relation": rel, "relation_vi": RELATION_VI.get(rel, rel), "trigger": ref.get("trigger"),
            "text": ref.get("text"), "span_start": span[0], "span_end": span[1],
            "source": src}))
    return g


# --- files ------------------------------------------------------------------------------------
def write_graphml(g: nx.MultiDiGraph, f) -> None:
    nx.write_graphml(g, f, encoding="utf-8")


def write_json(g: nx.MultiDiGraph, f) -> None:
    """The node-link JSON of ``g`` (as networkx.node_link_data with edges="edges"), written
    one node or edge a line: a graph of 100,000 documents never exists as one string."""
    def dump(obj) -> bytes:
        return json.dumps(obj, ensure_ascii=False).encode("utf-8")
    f.write(b'{"directed": true, "multigraph": true, "graph": ' + dump(g.graph) + b',\n"nodes": [\n')
    for i, (n, attrs) in enumerate(g.nodes(data=True)):
        f.write((b",\n" if i else b"") + dump({**attrs, "id": n}))
    f.write(b'\n],\n"edges": [\n')
    for i, (u, v, k, attrs) in enumerate(g.edges(keys=True, data=True)):
        f.write((b",\n" if i else b"") + dump({**attrs, "source": u, "target": v, "key": k}))
    f.write(b"\n]}\n")


def to_graphml(g: nx.MultiDiGraph) -> bytes:
    from io import BytesIO
    buf = BytesIO()
    write_graphml(g, buf)
    return buf.getvalue()


def to_json(g: nx.MultiDiGraph) -> bytes:
    from io import BytesIO
    buf = BytesIO()
    write_json(g, buf)
    return buf.getvalue()


def from_json(data: dict) -> nx.MultiDiGraph:
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


def after_ingest(out_dir: Path, records: list[dict]) -> None:
    """Rebuild the graph from all records: out_dir/lineage.graphml and out_dir/lineage.json."""
    g = build_graph(records)
    out_dir = Path(out_dir)
    with atomic_open(out_dir / GRAPHML) as f:
        write_graphml(g, f)
    with atomic_open(out_dir / JSON) as f:
        write_json(g, f)


def load_graph(out_dir: Path) -> nx.MultiDiGraph | None:
    """The graph of an output folder: lineage.json, else rebuilt from records/ (None if none)."""
    out_dir = Path(out_dir)
    rec_dir = out_dir / "records"
    js = out_dir / JSON
    if js.exists():
        newest = max((p.stat().st_mtime for p in rec_dir.glob("*.json")), default=0) if rec_dir.is_dir() else 0
        if js.stat().st_mtime >= newest:
            try:
                return from_json(json.loads(js.read_text(encoding="utf-8")))
            except (OSError, ValueError, KeyError, nx.NetworkXError):
                pass
    g = build_graph(iter_records(out_dir))
    return g if g.number_of_nodes() else None
