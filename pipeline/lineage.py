"""``congvan lineage DOC``: the chain of directives around one document.

    congvan lineage 0129/KH-UBND --up                 the documents it carries out, and theirs
    congvan lineage corpus/002_cd-223-….txt --down    the documents that carry it out
    congvan lineage 217/CD-TTg --both --format svg --out 217.svg

DOC is a corpus file whose record exists (after ``congvan ingest``) or a number/symbol such as
``217/CĐ-TTg`` (accents optional: ``217/CD-TTg``). ``--up`` follows the citations of DOC to
the documents it implements or follows up (its ancestors); ``--down`` the documents that cite
DOC. Text is an indented tree; svg/png are drawn by Graphviz (``dot``); graphml/json export
the sub-graph. Documents that the corpus does not hold are marked (drawn dashed and grey).
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

from extractors.base import fold
from pipeline.graph import RELATION_VI, display_date, label, load_graph, to_graphml, to_json

FORMATS = ("text", "svg", "png", "graphml", "json", "dot")
RELATION_ORDER = {"implements": 0, "follows_up": 1, "requested_by": 2, "references": 3}
EDGE_STYLE = {"implements": 'color="#1f5fbf", penwidth=1.6',
              "follows_up": 'color="#2e8b57", style=dashed, penwidth=1.4',
              "requested_by": 'color="#b5651d", penwidth=1.2',
              "references": 'color="#888888", style=dotted'}
NO_DOT = ("Không tìm thấy Graphviz (lệnh `dot`) để vẽ sơ đồ {fmt}. Hãy chạy `make run` (tự cài Graphviz) "
          "hoặc `sudo apt-get install graphviz`; các định dạng text, json, graphml, dot không cần Graphviz.\n"
          "(Graphviz's `dot` was not found, so no {fmt} can be drawn: run `make run` or "
          "`sudo apt-get install graphviz`; --format text, json, graphml and dot work without it.)")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("doc", metavar="DOC",
                   help="tệp văn bản đã xử lý, hoặc số/ký hiệu, vd. 217/CĐ-TTg (document file or number/symbol)")
    d = p.add_mutually_exclusive_group()
    d.add_argument("--up", dest="direction", action="store_const", const="up",
                   help="các văn bản mà DOC thực hiện, tiếp theo… (ancestors: what DOC carries out)")
    d.add_argument("--down", dest="direction", action="store_const", const="down",
                   help="các văn bản thực hiện DOC (descendants: what carries DOC out)")
    d.add_argument("--both", dest="direction", action="store_const", const="both",
                   help="cả hai chiều (mặc định) (both ways, the default)")
    p.set_defaults(direction="both")
    p.add_argument("--depth", type=int, default=10, help="số tầng tối đa (mặc định 10) (levels to follow)")
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="text (cây), svg/png (Graphviz), graphml, json, dot (output format)")
    p.add_argument("--out", type=Path, help="ghi ra tệp thay vì màn hình (write to FILE)")
    p.add_argument("--dir", type=Path, default=Path("outputs"),
                   help="thư mục kết quả của congvan ingest (mặc định: outputs/)")


# --- finding DOC --------------------------------------------------------------------------------
_NUMSYM = re.compile(r"(\d+)\s*[/-]\s*(\S+)\s*$")


def find_nodes(g, doc: str) -> list[str]:
    """Nodes for DOC: a file (by its path, or its name) or a number/symbol (accent-insensitive)."""
    p = Path(doc)
    if p.suffix.lower() in (".txt", ".md", ".docx", ".pdf", ".json") or p.exists():
        want = {str(p), str(p.resolve()) if p.exists() else str(p)}
        hits, by_name = [], []
        for n, a in g.nodes(data=True):
            sources = [s for s in [a.get("source")] + str(a.get("also") or "").split("|") if s]
            for s in sources:
                sp = Path(s)
                if s in want or (sp.exists() and p.exists() and sp.resolve() == p.resolve()):
                    hits.append(n)
                elif sp.name == p.name or sp.stem == p.stem:
                    by_name.append(n)
        return sorted(set(hits or by_name))
    m = _NUMSYM.search(doc.strip())
    if not m:
        return []
    num = m.group(1).lstrip("0") or "0"
    sym = fold(m.group(2))
    hits = []
    for n, a in g.nodes(data=True):
        if a.get("number") and (str(a["number"]).lstrip("0") or "0") == num and fold(a.get("symbol")) == sym:
            hits.append(n)
    if len(hits) > 1:
        hits = [n for n in hits if g.nodes[n].get("in_corpus")] or hits
    return hits


# --- walking ---------------------------------------------------------------------------------------
def neighbours(g, node: str, up: bool) -> list[tuple[str, list[str], list[dict]]]:
    """(other node, relations, edge attrs) around ``node``: cited ones (up) or citing ones."""
    groups: dict[str, list[dict]] = {}
    edges = g.out_edges(node, data=True) if up else g.in_edges(node, data=True)
    for a, b, d in edges:
        other = b if up else a
        groups.setdefault(other, []).append(d)
    out = []
    for other, ds in groups.items():
        rels = sorted({d.get("relation") or "references" for d in ds}, key=lambda r: RELATION_ORDER.get(r, 9))
        out.append((other, rels, ds))
    def order(x):
        a = g.nodes[x[0]]
        num = str(a.get("number") or "")
        return (RELATION_ORDER.get(x[1][0], 9), fold(a.get("symbol")), int(num) if num.isdigit() else 0,
                str(a.get("label")))
    out.sort(key=order)
    return out


def collect(g, root: str, direction: str, depth: int) -> set[str]:
    """Nodes within ``depth`` steps of ``root`` in the chosen direction(s)."""
    keep = {root}
    for up in ((True, False) if direction == "both" else (direction == "up",)):
        frontier = [root]
        for _ in range(max(0, depth)):
            nxt = []
            for n in frontier:
                for other, _, _ in neighbours(g, n, up):
                    if other not in keep:
                        keep.add(other)
                        nxt.append(other)
            frontier = nxt
    return keep


def describe(a: dict) -> str:
    """``Công điện 223/CĐ-TTg · Thủ tướng Chính phủ · 20/11/2025``."""
    parts = [a.get("label") or label(a)]
    if a.get("issuer"):
        parts.append(a["issuer"])
    if a.get("date"):
        parts.append(display_date(a["date"]))
    s = " · ".join(parts)
    if not a.get("in_corpus"):
        s += "  [không có trong kho - not in corpus]"
    return s


def text_tree(g, root: str, direction: str, depth: int) -> str:
    lines = [describe(g.nodes[root])]
    src = g.nodes[root].get("source")
    if src:
        lines.append(f"  ({src})")
    for up in ((True, False) if direction == "both" else (direction == "up",)):
        head = ("▲ Văn bản mà văn bản này thực hiện / tiếp theo (up: documents it carries out)" if up else
                "▼ Văn bản thực hiện văn bản này (down: documents carrying it out)")
        lines.append(head)
        shown: set[str] = {root}
        body: list[str] = []

        def walk(node: str, prefix: str, level: int, path: tuple) -> None:
            items = neighbours(g, node, up)
            for i, (other, rels, _) in enumerate(items):
                last = i == len(items) - 1
                rel = ", ".join(RELATION_VI.get(r, r) for r in rels)
                seen = other in shown
                mark = "  (đã nêu ở trên - shown above)" if seen and other not in path else \
                    "  (vòng lặp - cycle)" if other in path else ""
                body.append(f"{prefix}{'└─' if last else '├─'} {rel} ─ {describe(g.nodes[other])}{mark}")
                if seen:
                    continue
                shown.add(other)
                if level + 1 < depth:
                    walk(other, prefix + ("   " if last else "│  "), level + 1, path + (other,))
        walk(root, "", 0, (root,))
        lines.extend(body or ["   (không có - none)"])
    return "\n".join(lines) + "\n"


# --- drawing ---------------------------------------------------------------------------------------
def _q(s: str) -> str:
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(g, nodes: set[str], root: str) -> str:
    """Graphviz DOT text of the sub-graph: cited documents above the ones carrying them out."""
    ids = {n: f"n{i}" for i, n in enumerate(sorted(nodes))}
    out = ["digraph lineage {", "  rankdir=BT;", '  graph [fontname="DejaVu Sans", nodesep=0.35, ranksep=0.55];',
           '  node [shape=box, style="rounded,filled", fillcolor="#eef4ff", color="#34506b", '
           'fontname="DejaVu Sans", fontsize=10];',
           '  edge [fontname="DejaVu Sans", fontsize=9];']
    for n in sorted(nodes):
        a = g.nodes[n]
        text = [a.get("label") or label(a)]
        if a.get("issuer"):                           # joint issuers, one per line
            issuer = a["issuer"]
            text.extend(issuer.split(", ") if len(issuer) > 40 and ", " in issuer else [issuer])
        if a.get("date"):
            text.append(display_date(a["date"]))
        attrs = [f"label={_q(chr(10).join(text))}"]
        if not a.get("in_corpus"):
            text.append("(không có trong kho)")
            attrs = [f"label={_q(chr(10).join(text))}", 'style="rounded,dashed"', 'color="#999999"',
                     'fontcolor="#666666"', 'fillcolor="#ffffff"']
        if n == root:
            attrs += ['fillcolor="#ffe9b3"', "penwidth=2"]
        if a.get("subject"):
            attrs.append(f"tooltip={_q(a['subject'])}")
        out.append(f"  {ids[n]} [{', '.join(attrs)}];")
    for a, b, d in g.edges(data=True):
        if a in nodes and b in nodes:
            rel = d.get("relation") or "references"
            out.append(f"  {ids[a]} -> {ids[b]} [label={_q(RELATION_VI.get(rel, rel))}, {EDGE_STYLE.get(rel, '')}];")
    out.append("}")
    return "\n".join(out) + "\n"


def render_dot(dot: str, fmt: str) -> bytes:
    """Run Graphviz; FileNotFoundError when ``dot`` is not installed."""
    exe = shutil.which("dot")
    if exe is None:
        raise FileNotFoundError("dot")
    r = subprocess.run([exe, f"-T{fmt}"], input=dot.encode("utf-8"), capture_output=True, timeout=120)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.decode("utf-8", "replace").strip())
    return r.stdout


# --- the verb ----------------------------------------------------------------------------------------
def _emit(data: bytes | str, out: Path | None, binary: bool = False) -> int:
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        print(f"Đã ghi {out} (written)", file=sys.stderr)
        return 0
    if binary and sys.stdout.isatty():
        print("Ảnh PNG cần --out TỆP (a PNG needs --out FILE)", file=sys.stderr)
        return 2
    if isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        sys.stdout.write(data)
    return 0


def run(args) -> int:
    g = load_graph(args.dir)
    if g is None:
        print(f"Chưa có bản ghi nào trong {args.dir}/records; hãy chạy `congvan ingest` trước.\n"
              f"(no records in {args.dir}/records: run `congvan ingest` first)", file=sys.stderr)
        return 2
    hits = find_nodes(g, args.doc)
    if not hits:
        if Path(args.doc).exists():
            print(f"Chưa có bản ghi cho {args.doc}; hãy chạy `congvan ingest` trước.\n"
                  f"(no record for this file in {args.dir}: run `congvan ingest` first)", file=sys.stderr)
        else:
            print(f"Không tìm thấy văn bản {args.doc} trong {args.dir} (no such document; give a corpus file "
                  f"or a number/symbol such as 217/CĐ-TTg)", file=sys.stderr)
        return 2
    if len(hits) > 1:
        print(f"Có {len(hits)} văn bản mang số {args.doc}; hãy chỉ rõ tệp (several documents match; "
              f"give the file):", file=sys.stderr)
        for n in hits:
            print("  " + describe(g.nodes[n]) + (f"  {g.nodes[n].get('source')}" if g.nodes[n].get("source") else ""),
                  file=sys.stderr)
        return 2
    root = hits[0]
    depth = max(1, args.depth)
    if args.format == "text":
        return _emit(text_tree(g, root, args.direction, depth), args.out)
    nodes = collect(g, root, args.direction, depth)
    sub = g.subgraph(nodes).copy()
    if args.format == "graphml":
        return _emit(to_graphml(sub), args.out)
    if args.format == "json":
        return _emit(to_json(sub), args.out)
    dot = to_dot(g, nodes, root)
    if args.format == "dot":
        return _emit(dot, args.out)
    try:
        data = render_dot(dot, args.format)
    except FileNotFoundError:
        print(NO_DOT.format(fmt=args.format.upper()), file=sys.stderr)
        return 3
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        print(f"Graphviz không vẽ được sơ đồ ({e}) (Graphviz failed)", file=sys.stderr)
        return 1
    return _emit(data, args.out, binary=args.format == "png")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="congvan lineage")
    add_arguments(p)
    return run(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
