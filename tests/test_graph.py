"""The lineage graph of the dev dispatches, its files, and ``congvan lineage``."""
import html
import json
import shutil

import networkx as nx
import pytest

from conftest import DEV
from pipeline.cli import main
from pipeline.graph import (after_ingest, build_graph, citation_key, doc_key, from_json, node_id,
                            record_key)
from pipeline.read import read
from pipeline.record import build_record


@pytest.fixture(scope="module")
def records():
    return [build_record(read(p)) for p in DEV]


def node_of(g, number, symbol):
    hits = [n for n, a in g.nodes(data=True) if a.get("number") == number and a.get("symbol") == symbol]
    assert len(hits) == 1, (number, symbol, hits)
    return hits[0]


def relations(g, a, b):
    return sorted(d["relation"] for _, target, d in g.out_edges(a, data=True) if target == b)


def test_doc_key_matches_a_citation_with_its_record():
    assert doc_key("UBND tỉnh Đắk Lắk", 2025, "0129", "KH-UBND") == \
        doc_key("Ủy ban nhân dân tỉnh Đắk Lắk", "2025-11-21", "129", "KH-UBND")
    assert doc_key("Thủ tướng Chính phủ", "2025", "217", "CĐ-TTg") == doc_key("THỦ TƯỚNG CHÍNH PHỦ", "2025", "217", "CD-TTG")
    assert doc_key("Chính phủ", "2023", "200", "2023/NĐ-CP")[3] == "2023 nd cp"
    # a legal document's year is in its symbol when the citation gives no date
    assert citation_key({"issuer": "Chính phủ", "date": None, "number": "200", "symbol": "2023/NĐ-CP"})[1] == "2023"


def test_the_chain_217_223_0129(records):
    g = build_graph(records)
    n217, n223, n0129 = node_of(g, "217", "CĐ-TTg"), node_of(g, "223", "CĐ-TTg"), node_of(g, "0129", "KH-UBND")
    assert all(g.nodes[n]["in_corpus"] for n in (n217, n223, n0129))
    assert relations(g, n223, n217) == ["follows_up"]
    assert relations(g, n0129, n223) == ["implements"]
    # three levels up from the plan: 0129 → 223 → 217
    levels = nx.single_source_shortest_path_length(g, n0129)
    assert levels[n223] == 1 and levels[n217] == 2
    assert max(levels.values()) >= 2
    # the evidence of an edge
    [(_, _, d)] = [e for e in g.out_edges(n0129, data=True) if e[1] == n223]
    assert d["trigger"] == "Căn cứ"
    assert d["text"].startswith("Công điện số 223/CĐ-TTg")
    assert d["source"].endswith("006_kh-0129-ubnd-daklak-nhu-yeu-pham-mua-lu.txt")
    rec = next(r for r in records if r["number"] == "0129")
    assert rec["text"][d["span_start"]:d["span_end"]].startswith("Công điện số")


def test_a_cited_document_absent_from_the_corpus_is_a_node_of_its_own(records):
    g = build_graph(records)
    n96, n225 = node_of(g, "96", "CĐ-BXD"), node_of(g, "225", "CĐ-TTg")
    assert g.nodes[n225]["in_corpus"] is False
    assert g.nodes[n225]["issuer"] == "Thủ tướng Chính phủ"
    assert g.nodes[n225]["date"] == "2025-11-20"
    assert relations(g, n96, n225) == ["implements"]
    assert relations(g, n96, node_of(g, "94", "CĐ-BXD")) == ["follows_up"]


def test_an_absent_document_is_filled_in_when_it_arrives(records):
    without = [r for r in records if r["number"] != "217"]
    g = build_graph(without)
    n217 = node_of(g, "217", "CĐ-TTg")
    assert g.nodes[n217]["in_corpus"] is False
    assert "date" not in g.nodes[n217]                 # 223 cites it without a date
    g = build_graph(without + [r for r in records if r["number"] == "217"])
    n217 = node_of(g, "217", "CĐ-TTg")                 # one node, now the record's
    assert g.nodes[n217]["in_corpus"] is True
    assert g.nodes[n217]["date"] == "2025-11-16"
    assert n217 == node_id(record_key(next(r for r in records if r["number"] == "217")))
    assert relations(g, node_of(g, "223", "CĐ-TTg"), n217) == ["follows_up"]


def test_files_round_trip(records, tmp_path):
    after_ingest(tmp_path, records)
    g = build_graph(records)
    back = nx.read_graphml(tmp_path / "lineage.graphml", force_multigraph=True)
    assert set(back.nodes) == set(g.nodes)
    assert back.number_of_edges() == g.number_of_edges()
    n = node_of(back, "225", "CĐ-TTg")
    assert back.nodes[n]["in_corpus"] is False
    rels = {d["relation"] for _, _, d in back.edges(data=True)}
    assert {"implements", "follows_up", "requested_by"} <= rels
    js = from_json(json.loads((tmp_path / "lineage.json").read_text(encoding="utf-8")))
    assert set(js.nodes) == set(g.nodes) and js.number_of_edges() == g.number_of_edges()
    assert not list(tmp_path.glob(".*.tmp"))          # written atomically, nothing left behind


@pytest.fixture(scope="module")
def out_dir(records, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    (out / "records").mkdir()
    for r in records:
        name = r["source"]["path"].rsplit("/", 1)[-1].rsplit(".", 1)[0] + ".json"
        (out / "records" / name).write_text(json.dumps(r, ensure_ascii=False), encoding="utf-8")
    after_ingest(out, records)
    return out


def test_lineage_text_up(out_dir, capsys):
    assert main(["lineage", "0129/KH-UBND", "--up", "--dir", str(out_dir)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Kế hoạch 0129/KH-UBND · Ủy ban nhân dân tỉnh Đắk Lắk · 21/11/2025"
    assert "├─ thực hiện ─ Công điện 223/CĐ-TTg · Thủ tướng Chính phủ · 20/11/2025" in lines
    assert "│  ├─ tiếp theo ─ Công điện 217/CĐ-TTg · Thủ tướng Chính phủ · 16/11/2025" in lines
    assert any("Công điện 007/CĐ-UBND" in ln and "không có trong kho" in ln and "tiếp theo" in ln for ln in lines)
    assert "▼" not in out


def test_lineage_down_accent_insensitive_and_by_file(out_dir, capsys):
    assert main(["lineage", "217/CD-TTg", "--down", "--dir", str(out_dir)]) == 0
    out = capsys.readouterr().out
    assert "└─ tiếp theo ─ Công điện 223/CĐ-TTg" in out
    assert "   └─ thực hiện ─ Kế hoạch 0129/KH-UBND" in out
    f = [p for p in DEV if p.name.startswith("004_cd-96")][0]
    assert main(["lineage", str(f), "--up", "--dir", str(out_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Công điện 96/CĐ-BXD · Bộ Xây dựng · 22/11/2025")
    assert "thực hiện ─ Công điện 225/CĐ-TTg · Thủ tướng Chính phủ · 20/11/2025  [không có trong kho" in out


def test_lineage_unknown_document(out_dir, capsys):
    assert main(["lineage", "999/XX-YY", "--dir", str(out_dir)]) == 2
    assert "Không tìm thấy văn bản 999/XX-YY" in capsys.readouterr().err


def test_lineage_graphml_and_json_export(out_dir, tmp_path):
    assert main(["lineage", "0129/KH-UBND", "--up", "--depth", "1", "--format", "graphml",
                 "--out", str(tmp_path / "g.graphml"), "--dir", str(out_dir)]) == 0
    sub = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    labels = {a["label"] for _, a in sub.nodes(data=True)}
    assert "Công điện 223/CĐ-TTg" in labels and "Công điện 217/CĐ-TTg" not in labels   # depth 1
    assert main(["lineage", "0129/KH-UBND", "--up", "--format", "json", "--out", str(tmp_path / "g.json"),
                 "--dir", str(out_dir)]) == 0
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert "Công điện 217/CĐ-TTg" in {n["label"] for n in data["nodes"]}


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
def test_lineage_svg(out_dir, tmp_path):
    svg = tmp_path / "l.svg"
    assert main(["lineage", "223/CĐ-TTg", "--both", "--format", "svg", "--out", str(svg), "--dir", str(out_dir)]) == 0
    text = html.unescape(svg.read_text(encoding="utf-8"))   # Graphviz writes "-" as &#45;
    assert "<svg" in text
    assert "Công điện 223/CĐ-TTg" in text and "Kế hoạch 0129/KH-UBND" in text
    assert "thực hiện" in text and "tiếp theo" in text
    assert "stroke-dasharray" in text                  # absent documents are drawn dashed


def test_lineage_without_graphviz_says_what_to_do(out_dir, monkeypatch, capsys):
    import pipeline.lineage as lineage
    monkeypatch.setattr(lineage.shutil, "which", lambda name: None)
    assert main(["lineage", "223/CĐ-TTg", "--format", "svg", "--dir", str(out_dir)]) == 3
    err = capsys.readouterr().err
    assert "Không tìm thấy Graphviz" in err and "apt-get install graphviz" in err and "make run" in err


def test_dot_marks_absent_documents(records):
    from pipeline.lineage import collect, to_dot
    g = build_graph(records)
    root = node_of(g, "96", "CĐ-BXD")
    dot = to_dot(g, collect(g, root, "up", 3), root)
    assert 'style="rounded,dashed"' in dot and "(không có trong kho)" in dot
    assert 'label="thực hiện"' in dot and 'label="tiếp theo"' in dot


# --- identity -----------------------------------------------------------------------------------------
def rec(path, doc_type, number, symbol, issuer, date, references=()):
    return {"source": {"path": path}, "doc_type": doc_type, "number": number, "symbol": symbol,
            "issuer": {"name": issuer, "level": "province"}, "issued_date": date, "subject": None,
            "references": [dict(r) for r in references]}


def cite(doc_type, number, symbol, issuer, date, relation="implements"):
    return {"doc_type": doc_type, "number": number, "symbol": symbol, "issuer": issuer, "date": date,
            "relation": relation, "trigger": "Thực hiện", "text": f"{doc_type} số {number}/{symbol}",
            "span": [0, 10]}


def edges(g):
    return sorted((g.nodes[a].get("source") or a, g.nodes[b].get("source") or b, d["relation"])
                  for a, b, d in g.edges(data=True))


@pytest.mark.parametrize("cited_as", [
    ("Kế hoạch", "0129", "KH-UBND", "UBND tỉnh Đắk Lắk", "2025-11-21"),          # abbreviation, zeros
    ("Kế hoạch", "129", "KH-UBND", "Ủy ban nhân dân tỉnh Đắk Lắk", "2025-11-21"),
    ("Kế hoạch", "129", "KH-UBND", "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", None),          # no date
    ("Kế hoạch", "00129", "kh-ubnd", "Uỷ ban nhân dân tỉnh Đăk Lăk", "2025-11-21"),  # old tones, spelling
    ("Kế hoạch", "129", "KH-UBND", "Ủy ban nhân dân", "2025-11-21"),                 # issuer from the symbol
    ("Kế hoạch", "129", "KH-UBND", None, None),
])
def test_a_citation_finds_the_record_it_cites(cited_as):
    plan = rec("kh-0129.txt", "Kế hoạch", "0129", "KH-UBND", "Ủy ban nhân dân tỉnh Đắk Lắk", "2025-11-21")
    later = rec("cv-77.txt", "Công văn", "77", "SYT-NVY", "Sở Y tế tỉnh Đắk Lắk", "2025-12-01", [cite(*cited_as)])
    g = build_graph([plan, later])
    assert edges(g) == [("cv-77.txt", "kh-0129.txt", "implements")]
    assert g.number_of_nodes() == 2


@pytest.mark.parametrize("a, b", [
    (("CĐ-TTg", "217"), ("CD-TTg", "217")),
    (("CĐ-TTg", "217"), ("Cđ-TTG", "0217")),
    (("QĐ-BLĐTBXH", "135"), ("QD-BLDTBXH", "135")),
    (("2020/NĐ-CP", "30"), ("2020/ND-CP", "030")),
])
def test_doc_key_ignores_d_bar_case_and_leading_zeros(a, b):
    assert doc_key("Thủ tướng Chính phủ", "2025", a[1], a[0]) == doc_key("THỦ TƯỚNG CHÍNH PHỦ", "2025", b[1], b[0])


def test_issuer_names_written_with_or_without_the_level_word_match():
    plan = rec("kh-12.txt", "Kế hoạch", "12", "KH-SGDĐT", "Sở Giáo dục và Đào tạo Thành phố Hà Nội", "2025-02-10")
    later = rec("cv-88.txt", "Công văn", "88", "UBND-VX", "Ủy ban nhân dân phường Ba Đình", "2025-03-01",
                [cite("Kế hoạch", "12", "KH-SGDĐT", "Sở Giáo dục và Đào tạo Hà Nội", "2025-02-10")])
    g = build_graph([plan, later])
    assert edges(g) == [("cv-88.txt", "kh-12.txt", "implements")]


def test_same_number_and_symbol_in_two_years_are_two_documents():
    old = rec("kh-45-2024.txt", "Kế hoạch", "45", "KH-UBND", "Ủy ban nhân dân tỉnh Gia Lai", "2024-03-02")
    new = rec("kh-45-2025.txt", "Kế hoạch", "45", "KH-UBND", "Ủy ban nhân dân tỉnh Gia Lai", "2025-02-20")
    citing = rec("cv-9.txt", "Công văn", "9", "SNV-CCVC", "Sở Nội vụ tỉnh Gia Lai", "2025-04-01",
                 [cite("Kế hoạch", "45", "KH-UBND", "UBND tỉnh Gia Lai", "2025-02-20")])
    g = build_graph([old, new, citing])
    ids = {g.nodes[n].get("source"): n for n in g if g.nodes[n].get("in_corpus")}
    assert ids["kh-45-2024.txt"] != ids["kh-45-2025.txt"]
    assert edges(g) == [("cv-9.txt", "kh-45-2025.txt", "implements")]
    # without a date the citation cannot tell the two apart: it is tied to neither
    undated = rec("cv-10.txt", "Công văn", "10", "SNV-CCVC", "Sở Nội vụ tỉnh Gia Lai", "2025-04-02",
                  [cite("Kế hoạch", "45", "KH-UBND", "UBND tỉnh Gia Lai", None)])
    g = build_graph([old, new, undated])
    [(_, target, _)] = edges(g)
    assert target not in ("kh-45-2024.txt", "kh-45-2025.txt")
    assert g.nodes[target]["in_corpus"] is False


def test_same_number_and_symbol_of_two_provinces_are_two_documents():
    a = rec("a.txt", "Kế hoạch", "45", "KH-UBND", "Ủy ban nhân dân tỉnh Đắk Lắk", "2025-02-20")
    b = rec("b.txt", "Kế hoạch", "45", "KH-UBND", "Ủy ban nhân dân tỉnh Đắk Nông", "2025-02-20")
    citing = rec("c.txt", "Công văn", "9", "UBND-VX", "Ủy ban nhân dân tỉnh Đắk Nông", "2025-04-01",
                 [cite("Kế hoạch", "45", "KH-UBND", "Ủy ban nhân dân tỉnh Đắk Nông", "2025-02-20", "follows_up")])
    g = build_graph([a, b, citing])
    assert edges(g) == [("c.txt", "b.txt", "follows_up")]


def test_the_streamed_json_is_networkx_node_link_data():
    import networkx as nx

    from pipeline.graph import to_json
    g = nx.MultiDiGraph()
    g.add_node("a|2025|217|cđ-ttg", label="Công điện 217/CĐ-TTg", in_corpus=True)
    g.add_node("b", label="Kế hoạch 0129/KH-UBND")
    g.add_edge("b", "a|2025|217|cđ-ttg", key="implements:0", relation="implements", trigger="Căn cứ")
    assert json.loads(to_json(g)) == nx.node_link_data(g, edges="edges")
