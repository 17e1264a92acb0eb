"""Tasks: who must do what, by when — segmentation, assignees, delegates, report_to.

How a dispatch lays out its tasks, and how this module reads them:

- Only the operative part holds tasks: after the header and the ``Kính gửi`` list, before the
  ``Nơi nhận`` list and the signature (or the ``./.`` that ends the text); and the attachments
  after the signature (a plan issued with a decision, an annex of tasks).
- A plan is cut into roman sections (``II. NHIỆM VỤ``, ``IV. PHÂN CÔNG NHIỆM VỤ``); only the
  sections that assign work hold tasks (``extractors/data/task_sections.tsv``), not ``MỤC ĐÍCH,
  YÊU CẦU`` or ``KINH PHÍ``. A decision is cut into articles (``Điều 2. Nhiệm vụ của …``).
- Items are numbered (``1.``, ``1.1.``, ``a)``, ``(1)``) or bulleted (``-``, ``+``); a marker style
  met again closes the deeper ones, a new style opens a sub-list. A line with no marker goes on
  with the item above it, unless it opens a paragraph that names its own body (then it is a
  task of its own, under the item) or comes after the last item (then it is read sentence by
  sentence: ``Giao Phòng Văn hóa và Thông tin tổng hợp, báo cáo …`` is a task, ``Yêu cầu … nghiêm
  túc triển khai thực hiện./.`` is not).
- An item of a plan may be a set of labelled fields (``a) Nhiệm vụ:``, ``b) Cơ quan thực hiện:
  - Đơn vị chủ trì: …``, ``c) Thời gian thực hiện: …``): it is one task, its lead body the
  assignee (role ``chủ trì``), the supporting bodies listed apart. A heading that only groups
  items (``1. Về dữ liệu``) is not a task.
- The assignees of an item are named at its head (``Sở Y tế:``, ``Sở Thông tin và Truyền thông
  tập trung …``, ``Đề nghị Huyện đoàn …:``); an item that names none takes them from the item it
  belongs to, or from the lead-in sentence (``… yêu cầu Chủ tịch UBND các huyện, thị xã:``).

- An annex table of tasks (``Phụ lục``: row number, task, lead body, supporting bodies, time; in the
  text one cell, or a few, per line) gives one task a row: lead body → assignee (``chủ trì``),
  supporting bodies → ``supporting`` (``phối hợp``), time cell → deadlines.

A task: ``{id, parent, text, span, assignees, delegates, deadlines, targets, report_to, supporting}``.
``id`` follows the numbering (``"1"``, ``"1.a"``, ``"IV.2.1"``, ``"Điều 2.1"``, ``"Phụ lục III.4"``;
bullets and unnumbered paragraphs are counted); ``parent`` is the id of the item a sub-item belongs
to. ``assignees`` are the bodies that must act (``role`` "chủ trì" / "phối hợp" when the text says
so); ``supporting`` the bodies named after "chủ trì, phối hợp với" or in a "phối hợp" column — they
are not assignees. ``delegates``: bodies the assignee directs in turn (``chỉ đạo X …``);
``report_to``: the body results go to. Bodies are found with ``extractors.bodies`` (a gazetteer,
not NER). Deadlines and targets are read by ``extractors.deadlines`` and ``extractors.targets`` on
each task's own text (a heading item's own line, not its sub-items').
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors import bodies as B
from extractors.base import Found, alternation, load_lines, load_tsv
from extractors.base import fold as _fold_uncached
from extractors.deadlines import extract_deadlines
from extractors.targets import extract_targets

# --- data ------------------------------------------------------------------------------------

fold = lru_cache(maxsize=8192)(_fold_uncached)


@lru_cache(maxsize=None)
def _cues() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in load_tsv("task_cues.tsv"):
        out.setdefault(row["kind"].strip(), []).append(row["phrase"].strip())
    return out


@lru_cache(maxsize=None)
def _cue_re(kind: str, ignore_case: bool = False) -> re.Pattern:
    """A cue phrase of ``kind`` as a whole word."""
    return re.compile(r"(?<![^\W_])(?:" + alternation(_cues()[kind]) + r")(?![^\W_])",
                      re.I if ignore_case else 0)


@lru_cache(maxsize=None)
def _verb_re(kind: str) -> re.Pattern:
    """A directive verb (any case) and the space after it: ``yêu cầu``, ``giao cho``."""
    return re.compile(r"(?<![^\W_])(?:" + alternation(_cues()[kind]) + r")(?:\s+cho)?\s+", re.I)


@lru_cache(maxsize=None)
def _sections() -> list[tuple[str, str]]:
    return [(row["kind"].strip(), fold(row["phrase"])) for row in load_tsv("task_sections.tsv")]


@lru_cache(maxsize=None)
def _fields() -> tuple[re.Pattern, dict[str, str], re.Pattern]:
    """(a labelled field "Nhiệm vụ: …", label → field, a column title anywhere in a line)."""
    rows = load_tsv("task_fields.tsv")
    table = {fold(r["label"]): r["field"].strip() for r in rows}
    alt = alternation([r["label"].strip() for r in rows])
    return (re.compile(r"(?P<label>" + alt + r")\s*:\s*", re.I), table,
            re.compile(r"(?<![^\W_])(?:" + alt + r")(?![^\W_])", re.I))


@lru_cache(maxsize=None)
def _closing_re() -> re.Pattern:
    return re.compile(r"(?<![^\W_])(?:" + alternation(load_lines("task_closing.txt")) + r")(?![^\W_])", re.I)


@lru_cache(maxsize=None)
def _not_task_re() -> re.Pattern:
    return re.compile(alternation(load_lines("task_not_tasks.txt")), re.I)


# --- lines and markers -----------------------------------------------------------------------

_MARKER = re.compile(
    r"(?P<article>Điều\s+(?P<art>\d{1,3})[.:])\s+"
    r"|(?P<roman>[IVXLC]{1,6})[.)]\s+"
    r"|(?P<dec>\d{1,2}(?:\.\d{1,2})+)\.?\s+"
    r"|(?P<num>\d{1,3})[.)]\s+"
    r"|\((?P<pnum>\d{1,3})\)\s*"
    r"|(?P<letter>[a-zđ])\)\s+"
    r"|\((?P<pletter>[a-zđ])\)\s+"
    r"|(?P<bullet>[-+•*])\s*(?=\S)"
)
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_END_LINE = re.compile(r"^(?:Nơi nhận|NƠI NHẬN|(?:TM|KT|TL|TUQ|Q)\.\s*\S|T/M\b|K/T\b)")
_HEADER_LINE = re.compile(
    r"^(?:Số\s*[:\d]|Số\s*:|V/v\b|V/V\b|Về việc\b|VỀ VIỆC\b|-?\s*Kính gửi|Đồng kính gửi|Độc lập\b|"
    r"CỘNG HÒA|\(?Ban hành kèm theo|\(?Kèm theo|[^\n,]{1,40},\s*ngày\b)", re.I)
_RECIPIENTS_OPEN = re.compile(r"^(?:-\s*)?(?:Kính gửi|Đồng kính gửi)\b|\bđiện\s*:\s*$", re.I)
_ITEM_FIELDS = ("task", "agency", "lead", "support", "time", "product", "note")


@dataclass
class Line:
    start: int
    end: int
    text: str
    blank_before: bool


def _lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    blank = False
    for raw in text.split("\n"):
        s = raw.strip()
        if s:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(pos + lead, pos + lead + len(s), s, blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return out


def _marker(s: str) -> tuple[str, str, int] | None:
    """(style, label, offset of the item's text) of a line that opens an item."""
    m = _MARKER.match(s)
    if not m:
        return None
    if m.group("article"):
        return ("article", m.group("art"), m.end())
    if m.group("roman"):
        return ("roman", m.group("roman"), m.end())
    if m.group("dec"):
        label = m.group("dec")
        return ("dec%d" % label.count("."), label, m.end())
    if m.group("num"):
        return ("num", m.group("num"), m.end())
    if m.group("pnum"):
        return ("pnum", m.group("pnum"), m.end())
    if m.group("letter"):
        return ("letter", m.group("letter"), m.end())
    if m.group("pletter"):
        return ("pletter", m.group("pletter"), m.end())
    return ("bullet" + m.group("bullet"), "", m.end())


def _terminated(s: str) -> bool:
    s = s.rstrip(" *\"”’)")
    return not s or s[-1] in ".;:!?" or s.endswith("./.")


def _is_caps(s: str) -> bool:
    if len(s) > 240:
        s = s[:240]                 # a heading is short; a long line is read by its start
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _words(s: str) -> int:
    return len(re.findall(r"[^\W_]+", s))


def _ordinal(style: str, label: str) -> int | None:
    if style in ("num", "pnum", "article"):
        return int(label)
    if style.startswith("dec"):
        return int(label.split(".")[-1])
    if style in ("letter", "pletter"):
        return _LETTERS.index(label) + 1 if label in _LETTERS else None
    return None


# --- regions and sections --------------------------------------------------------------------


def _body_start(lines: list[Line], lo: int, hi: int) -> int:
    in_list = False
    for i in range(lo, hi):
        s = lines[i].text
        if _RECIPIENTS_OPEN.search(s):
            in_list = True
            continue
        if in_list and (s[:1] in "-+•" or _is_caps(s)):
            continue
        in_list = False
        mk = _marker(s)
        if mk and mk[0] in ("roman", "article"):
            return i                            # "I. MỤC ĐÍCH, YÊU CẦU", "Điều 1. …"
        if _is_caps(s) or _HEADER_LINE.match(s):
            continue
        if _words(s) < 6 and not _marker(s) and not (s.endswith(":") and _verb_re("directive").search(s)):
            continue                            # a short line of the header; "Đề nghị các đơn vị:" is not
        return i
    return hi


def _region_end(lines: list[Line], lo: int, hi: int) -> int:
    for i in range(lo, hi):
        s = lines[i].text
        if _END_LINE.match(s):
            return i
        if "./." in s:
            return i + 1
    return hi


@dataclass
class Region:
    lo: int                 # first line of the operative text
    hi: int
    attachment: bool = False
    title: int | None = None    # the attachment's title line ("KẾ HOẠCH", "Phụ lục III")
    end: int | None = None      # where the attachment ends (the next one begins)


@lru_cache(maxsize=None)
def _attachment_re() -> re.Pattern:
    return re.compile(r"(?:" + alternation(_cues()["attachment"]) + r")(?![^\W_])")


def _is_attachment_title(s: str) -> bool:
    m = _attachment_re().match(s)
    return bool(m) and (_is_caps(s) or _words(s) <= 3)


def _regions(lines: list[Line]) -> list[Region]:
    """The operative part, and each attachment after the signature."""
    n = len(lines)
    start = _body_start(lines, 0, n)
    end = _region_end(lines, start, n)
    out = [Region(start, end)]
    titles = [i for i in range(end, n) if _is_attachment_title(lines[i].text)]
    for k, i in enumerate(titles):
        stop = titles[k + 1] if k + 1 < len(titles) else n
        lo = _body_start(lines, i + 1, stop)
        hi = _region_end(lines, lo, stop)
        out.append(Region(lo, hi, True, i, stop))
    return out


@dataclass
class Segment:
    lo: int                 # first line of the segment's content
    hi: int
    title: str = ""
    kind: str = "body"      # body | roman | article
    label: str = ""
    intro: tuple[int, int] | None = None   # the text after "Điều N." on its own line
    neutral: bool = False   # its title does not say it assigns work: keep only tasks that name a body
    content: bool = False   # an article that states its content ("Điều 2. Giao Sở …") has no title
    implement: bool = False  # "… chịu trách nhiệm thi hành Quyết định này": a task as it stands


@lru_cache(maxsize=None)
def _section_res() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((kind, re.compile(r"(?:^|\s)" + re.escape(phrase) + r"(?:\s|$)"))
                 for kind, phrase in _sections())


def _classify(title: str, kinds: tuple[str, ...] = ("task", "skip")) -> str:
    """The kind of the first section phrase a title holds (``neutral`` when none)."""
    f = fold(title)
    best = ("neutral", len(f) + 1)
    for kind, pat in _section_res():
        if kind not in kinds:
            continue
        m = pat.search(f)
        if m and m.start() < best[1]:
            best = (kind, m.start())
    return best[0]


def _normative(ctx: dict) -> bool:
    dt = fold((ctx or {}).get("doc_type") or "")
    return bool(dt) and dt in _normative_types()


@lru_cache(maxsize=None)
def _normative_types() -> frozenset:
    return frozenset(fold(x) for x in _cues()["normative"])


@lru_cache(maxsize=None)
def _implement_re() -> re.Pattern:
    rows = load_tsv("task_sections.tsv")
    verbs = [r["phrase"].strip() for r in rows if r["kind"].strip() == "implement"]
    objects = [r["phrase"].strip() for r in rows if r["kind"].strip() == "implement_object"]
    return re.compile(r"(?<![^\W_])(?:" + alternation(verbs) + r")\s+(?:" + alternation(objects) + r")(?![^\W_])",
                      re.I)


def _is_section_title(s: str) -> bool:
    """``II. NHIỆM VỤ, GIẢI PHÁP`` / ``III. Tổ chức thực hiện``: a roman heading, not a sentence."""
    return _is_caps(s) or (_words(s) <= 12 and not _terminated(s))


def _article_is_content(rest: str) -> bool:
    """``Điều 2. Giao Sở Nội vụ ….`` states its content; ``Điều 2. Nhiệm vụ của Ban Chỉ đạo:`` and
    ``Điều 15. Trách nhiệm của … Tạo điều kiện ….`` (a title joined onto its first sentence) are
    titles over the text below them."""
    rest = rest.rstrip(" *")
    if rest.endswith(":") or not _terminated(rest):
        return False
    f = fold(rest)
    return not any(pat.match(f) for kind, pat in _section_res() if kind in ("task", "skip"))


def _segments(lines: list[Line], region: Region, ctx: dict) -> list[Segment]:
    lo, hi = region.lo, region.hi
    markers = {i: _marker(lines[i].text) for i in range(lo, hi)}
    romans = [i for i in range(lo, hi) if (mk := markers[i]) and mk[0] == "roman"
              and _is_section_title(lines[i].text[mk[2]:])]
    if romans:
        segs = []
        for n, i in enumerate(romans):
            mk = markers[i]
            end = romans[n + 1] if n + 1 < len(romans) else hi
            segs.append(Segment(i + 1, end, lines[i].text[mk[2]:], "roman", mk[1]))
        kinds = [_classify(x.title) for x in segs]
    else:
        arts = [i for i in range(lo, hi) if (mk := markers[i]) and mk[0] == "article"]
        if not arts:
            # an attachment holds tasks only in task sections (or in a task table)
            return [] if region.attachment else [Segment(lo, hi)]
        segs, kinds = [], []
        for n, i in enumerate(arts):
            mk = markers[i]
            end = arts[n + 1] if n + 1 < len(arts) else hi
            rest = lines[i].text[mk[2]:]
            seg = Segment(i + 1, end, "", "article", mk[1], intro=(lines[i].start + mk[2], lines[i].end))
            j = i + 1
            while j < end and not _terminated(lines[j - 1].text) and not markers[j] \
                    and not lines[j].text.endswith(":"):
                j += 1                                      # the article's sentence goes on
            if j > i + 1:
                rest = lines[i].text[mk[2]:] + " " + " ".join(x.text for x in lines[i + 1:j])
            if _article_is_content(rest):
                seg.lo, seg.intro = j, (lines[i].start + mk[2], lines[j - 1].end)
                # an article that states its content is read as its sentences: it holds tasks when
                # they name a body; the article that names who carries the decision out
                # ("… chịu trách nhiệm thi hành Quyết định này") is one
                seg.title = rest
                seg.content = True
                kinds.append("content")
            else:
                seg.title = re.split(r"(?<=[.:;])\s", rest, maxsplit=1)[0]
                kinds.append(_classify(seg.title))
            if kinds[-1] != "task" and _implement_re().search(
                    lines[i].text + " " + " ".join(x.text for x in lines[i + 1:end])):
                # the article that names who carries the decision out ("Chánh Văn phòng …, Giám đốc
                # các sở … chịu trách nhiệm thi hành Quyết định này"), alone or after "… có hiệu
                # lực …": that sentence is a task
                seg.implement = True
                kinds[-1] = "task"
            segs.append(seg)
    # where section (or article) titles say which hold tasks, only those do
    if any(k == "task" and not x.content for x, k in zip(segs, kinds)) or (region.attachment and "task" in kinds):
        return [x for x, k in zip(segs, kinds) if k == "task"]
    if region.attachment:
        return []
    keep = []
    for x, k in zip(segs, kinds):
        if k == "skip":
            continue
        if k != "task":
            if x.kind == "article" and _normative(ctx):
                continue
            x.neutral = True
        keep.append(x)
    return keep


# --- items -----------------------------------------------------------------------------------


@dataclass
class Node:
    style: str
    label: str
    start: int
    end: int
    parent: "Node | None" = None
    children: list = field(default_factory=list)
    kind: str = "item"            # item | para | field
    ftype: str | None = None
    structured: bool = False
    group: bool = False


def _top(node: Node) -> Node:
    while node.parent is not None:
        node = node.parent
    return node


def _lone_bullet(markers: dict, i: int, hi: int) -> bool:
    """A '-' line with no sibling: a dash the crawl put at the start of a line."""
    style = markers[i][0]
    for j in range(i + 1, hi):
        mk = markers.get(j)
        if mk is None:
            continue
        if mk[0] == style:
            return False
        return True
    return True


def _parse(text: str, lines: list[Line], lo: int, hi: int):
    """Items of lines [lo, hi): (roots, preamble line indices, tail line indices)."""
    markers = {i: _marker(lines[i].text) for i in range(lo, hi)}
    for i in range(lo, hi):
        if markers[i] and markers[i][0] in ("roman", "article"):
            markers[i] = None
    top_style = next((markers[i][0] for i in range(lo, hi) if markers[i]), None)
    # a list of facts may come before the lead-in of the list of tasks ("… yêu cầu: 1. …"): the
    # last lead-in paragraph that opens a list of the first items' style starts the tasks
    first = lo
    for i in range(lo + 1, hi - 1):
        ln, nxt = lines[i], markers.get(i + 1)
        if (markers[i] is None and ln.text.endswith(":") and nxt and nxt[0] == top_style
                and _ordinal(nxt[0], nxt[1]) in (None, 1) and _terminated(lines[i - 1].text)
                and any(markers[j] for j in range(lo, i)) and _lead_in(text, ln.start, ln.end)):
            first = i + 1
    # the last item of the top style: unmarked paragraphs after it are the tail
    last_top = max((j for j in range(lo, hi) if markers[j] and markers[j][0] == top_style), default=lo - 1)
    roots: list[Node] = []
    stack: list[Node] = []
    preamble: list[int] = list(range(lo, first))
    tails: list[int] = []
    cur: Node | None = None
    lo = first
    in_tail = False
    for i in range(lo, hi):
        ln = lines[i]
        mk = markers[i]
        prev = lines[i - 1] if i > lo else None
        if mk and prev is not None and not _terminated(prev.text) and cur is not None:
            style, label = mk[0], mk[1]
            if style.startswith("bullet"):
                if (_words(prev.text) >= 10 and not cur.style.startswith("bullet")
                        and _lone_bullet(markers, i, hi)):
                    mk = markers[i] = None
            else:
                same = next((n for n in reversed(stack) if n.style == style), None)
                want = (_ordinal(style, same.label) or 0) + 1 if same else 1
                if _ordinal(style, label) != want:
                    mk = markers[i] = None
        if mk and not in_tail:
            style, label, off = mk
            node = Node(style, label, ln.start + off, ln.end)
            while stack and any(n.style == style for n in stack):
                if stack.pop().style == style:
                    break
            node.parent = stack[-1] if stack else None
            (node.parent.children if node.parent else roots).append(node)
            stack.append(node)
            cur = node
            continue
        if cur is None:
            preamble.append(i)
            continue
        if in_tail:
            tails.append(i)
            continue
        cont = (prev is not None and (not _terminated(prev.text) or prev.text.rstrip().endswith(":"))) \
            or ln.text[:1].islower() or (prev is not None and _only_bodies(text, cur.start, prev.end))
        if cont:
            cur.end = ln.end
            continue
        if i >= last_top:
            in_tail = True
            tails.append(i)
            continue
        subject = _subject(text, ln.start, ln.end)[0]
        if subject:
            top = _top(cur)
            node = Node("para", "", ln.start, ln.end, parent=top, kind="para")
            top.children.append(node)
            stack = [top, node]
            cur = node
        else:
            cur.end = ln.end
    return roots, preamble, tails


def _only_bodies(s: str, a: int, b: int) -> bool:
    """``1. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ; ⏎ Chủ tịch UBND …``: a line that only lists
    bodies and a ";" — the list goes on on the next line."""
    if b <= a or s[b - 1] != ";":
        return False
    found, e = B.bodies_at(s, _skip(s, a), b)
    return bool(found) and e == b - 1


# --- reading a task --------------------------------------------------------------------------


def _skip(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t":
        i += 1
    return i


def _subject(s: str, a: int, b: int) -> tuple[list[Found], int]:
    """Bodies named at the head of ``s[a:b]`` as the ones who act, and where they end."""
    i = _skip(s, a)
    m = _cue_re("lead").match(s, i)
    if m:
        j = _skip(s, m.end())
        found, e = B.bodies_at(s, j, b)
        if found:
            return found, e
    m = _cue_re("heading").match(s, i)
    if m:
        # "1. Đối với các sở, ban, ngành:" — a heading that names the bodies of its points
        found, e = B.bodies_at(s, _skip(s, m.end()), b)
        k = _skip(s, e)
        if found and (k >= b or s[k] in ":\n"):
            return found, e
    found, e = B.bodies_at(s, i, b)
    if found:
        k = _skip(s, e)
        if k >= b or s[k] in ":\n," or _is_predicate(s, k):
            return found, e
        return [], a
    if _cue_re("condition").match(s, i):
        end = _sentence_end(s, i, b)
        for c in re.finditer(r",\s+", s[i:end]):
            j = i + c.end()
            m = _verb_re("directive").match(s, j)
            if m:
                j = m.end()
            found, e = B.bodies_at(s, j, end)
            if found and _is_predicate(s, _skip(s, e)):
                return found, e
    return [], a


def _is_predicate(s: str, k: int) -> bool:
    return B.starts_predicate(s, k)


_STOP_THEN_CAPITAL = re.compile(r"[.!?]\s+(?=[^\W\d_])")
# a sentence ends at ". " before a capital, after a word in lower case or a number ("… từ ngày
# ký. Giao …", "… năm 2025. Sở …"), not after an abbreviation in capitals ("TP. Hồ Chí Minh")
_LOWER = "".join(c for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower())
_SENTENCE_END = re.compile(r"(?<=[" + _LOWER + r"\d][.!?])\s+(?=[^\W\d_])(?=[^" + _LOWER + r"])|\n")


def _sentence_end(s: str, i: int, b: int) -> int:
    m = _SENTENCE_END.search(s, i, b)
    return m.start() if m else b


def _sentences(s: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    i = _skip(s, a)
    while i < b:
        e = _sentence_end(s, i, b)
        if e > i:
            out.append((i, e))
        i = _skip(s, e)
        while i < b and s[i] in "\n ":
            i += 1
    return out


def _role(s: str, a: int, b: int) -> str | None:
    """chủ trì | phối hợp, when the predicate of ``s[a:b]`` opens with it."""
    i = _skip(s, a)
    while i < b and s[i] in ":,\n":
        i = _skip(s, i + 1)
    while True:
        m = _cue_re("adverb", True).match(s, i)
        if not m:
            break
        i = _skip(s, m.end())
        while i < b and s[i] == ",":
            i = _skip(s, i + 1)
    if _cue_re("chair", True).match(s, i):
        return "chủ trì"
    if _cue_re("support", True).match(s, i):
        return "phối hợp"
    return None


@lru_cache(maxsize=None)
def _support_re() -> re.Pattern:
    """``chủ trì, phối hợp với`` — the bodies after it support the lead."""
    return re.compile("(?:" + _cue_re("chair").pattern + r"),?\s*(?:và\s+)?(?:" + _cue_re("support").pattern
                      + r")\s+", re.I)


@lru_cache(maxsize=None)
def _delegate_res() -> tuple[re.Pattern, re.Pattern]:
    verb = re.compile(_cue_re("delegate").pattern + r"(?:\s*,\s*(?:" + alternation(_cues()["delegate+"])
                      + r"))*\s+", re.I)
    noun = re.compile(r"(?:" + alternation(_cues()["delegate-"]) + r")\s+$")
    return verb, noun


@lru_cache(maxsize=None)
def _report_res() -> tuple[re.Pattern, re.Pattern]:
    also = re.compile(r"\s*(?:,\s*(?:" + alternation(_cues()["report+"]) + r")\s*)?")
    toward = re.compile(_cue_re("toward").pattern + r"\s+")
    return also, toward


def _supporting(s: str, a: int, b: int) -> list[Found]:
    out = []
    for m in _support_re().finditer(s, a, b):
        found, _ = B.bodies_at(s, m.end(), b)
        out.extend(found)
    return out


def _delegates(s: str, a: int, b: int, exclude: set[str]) -> list[Found]:
    out = []
    seen: set[str] = set()
    verb, noun = _delegate_res()
    for m in verb.finditer(s, a, b):
        if noun.search(s, max(a, m.start() - 20), m.start()):
            continue
        found, _ = B.bodies_at(s, m.end(), b)
        for f in found:
            k = fold(f.value)
            if k not in exclude and k not in seen:
                seen.add(k)
                out.append(f)
    return out


def _report_to(s: str, a: int, b: int) -> str | None:
    also, toward = _report_res()
    for m in _cue_re("report", True).finditer(s, a, b):
        i = m.end()
        clause_end = i
        while clause_end < b and s[clause_end] not in ";\n" and not (
                s[clause_end] == "." and (clause_end + 1 >= b or s[clause_end + 1] in " \n/")):
            clause_end += 1
        j = _skip(s, also.match(s, i).end())
        found, e = B.bodies_at(s, j, clause_end)
        if found:
            return s[j:e].strip()
        for t in toward.finditer(s, i, clause_end):
            found, e = B.bodies_at(s, t.end(), clause_end)
            if found:
                return s[t.end():e].strip()
    return None


def _is_closing(pred: str) -> bool:
    """Does a predicate only repeat the order to carry the dispatch out?"""
    rest = _closing_re().sub(" ", pred)
    rest = re.sub(r"[^\w]+", " ", rest).strip()
    return _words(rest) <= 1


def _directive(s: str, a: int, b: int, closing: bool = True) -> tuple[list[Found], int] | None:
    """A sentence that assigns work: (bodies that must act, where the predicate starts).

    ``Giao X …`` / ``Đề nghị X …``; ``<issuer> yêu cầu X …``; ``X <predicate> …``. A sentence
    that tells what was done or received (``… đã có Công văn …``) assigns nothing."""
    if closing and _not_task_re().search(s, a, b):
        return None
    i = _skip(s, a)
    directive = _verb_re("directive")
    background = _cue_re("background", True)
    m = _cue_re("lead").match(s, i)
    if m:
        found, e = B.bodies_at(s, _skip(s, m.end()), b)
        if found:
            return found, e
    found, e = B.bodies_at(s, i, b)
    if found:
        k = _skip(s, e)
        m = directive.match(s, k)
        if m:
            found2, e2 = B.bodies_at(s, m.end(), b)
            return (found2, e2) if found2 else None
        if background.match(s, k):
            return None
        if _is_predicate(s, k) or (k < b and s[k] == ":"):
            return found, e
    # "…, UBND tỉnh yêu cầu X …": the directive after the issuer's name
    for m in directive.finditer(s, i, b):
        if background.search(s, i, m.start()):
            return None
        before = s[i:m.start()].rstrip()
        issuer = [f for f in B.find_bodies(s, i, m.start()) if f.end >= i + len(before)]
        found, e = B.bodies_at(s, m.end(), b)
        if found and issuer:
            return found, e
    return None


@lru_cache(maxsize=None)
def _duty_re() -> re.Pattern:
    return re.compile(_cue_re("duty", True).pattern + r"\s+", re.I)


def _lead_in(s: str, a: int, b: int) -> list[Found]:
    """The bodies a lead-in sentence addresses: ``… yêu cầu X, Y thực hiện các nội dung sau:``."""
    for kind in ("directive", "directive2"):
        best: list[Found] = []
        for m in _verb_re(kind).finditer(s, a, b):
            found, _ = B.bodies_at(s, m.end(), b)
            if found:
                best = found
        if best:
            return best
    # "Điều 2. Nhiệm vụ của Ban Chỉ đạo", "Trách nhiệm của các Sở"
    m = _duty_re().search(s, a, b)
    if m:
        return B.bodies_at(s, m.end(), b)[0]
    return []


# --- assembling ------------------------------------------------------------------------------


def _party(f: Found, role: str | None = None) -> dict:
    return {"text": f.value, "role": role, "span": [f.start, f.end]}


def _field_of(s: str, node: Node) -> tuple[str, int] | None:
    pat, table, _ = _fields()
    m = pat.match(s, node.start)
    if not m:
        return None
    return table.get(fold(m.group("label"))), m.end()


def _descendants(node: Node):
    for c in node.children:
        yield c
        yield from _descendants(c)


def _block_end(node: Node) -> int:
    return max([node.end] + [d.end for d in _descendants(node)])


def _own_text_end(s: str, node: Node) -> int:
    e = node.end
    while e > node.start and s[e - 1] in " \n":
        e -= 1
    return e


def _mark(s: str, roots: list[Node]) -> None:
    """Fields, structured plan items and grouping headings."""
    nodes = []
    for r in roots:
        nodes.append(r)
        nodes.extend(_descendants(r))
    for n in nodes:
        f = _field_of(s, n)
        if f and f[0] in _ITEM_FIELDS:
            n.kind, n.ftype = "field", f[0]
    for n in nodes:
        if n.kind != "field" and any(c.kind == "field" for c in n.children):
            n.structured = True
    for n in nodes:
        if n.structured or n.kind == "field" or not n.children:
            continue
        head = s[n.start:_own_text_end(s, n)]
        if _subject(s, n.start, n.end)[0]:
            continue
        opens_group = bool(_cue_re("group").match(head)) and not head.rstrip().endswith(":")
        short_title = (_words(head) <= 8 and not _terminated(head)
                       and any(c.style.startswith("dec") or c.structured for c in n.children))
        if opens_group or short_title:
            n.group = True


def _id(node: Node, parent_id: str | None, prefix: str, ordinal: int) -> str:
    label = node.label
    if node.style.startswith("bullet") or node.kind == "para" or not label:
        label = str(ordinal)
    if parent_id is None:
        return prefix + label
    if node.style.startswith("dec") and parent_id.endswith(label.rsplit(".", 1)[0]):
        return prefix + label
    return parent_id + "." + label


@dataclass
class _Draft:
    id: str
    parent: str | None
    start: int
    end: int
    assignees: list
    role: str | None = None
    supporting: list = field(default_factory=list)
    scan: tuple[int, int] | None = None       # the item's own text, where the parts are read
    structured: bool = False                  # a plan item of labelled fields: read it whole
    when: tuple[int, int] | None = None       # a table row's time cell: its deadlines
    what: tuple[int, int] | None = None       # a table row's task cell: its targets


def _emit(s: str, roots: list[Node], prefix: str, inherited: list[Found], out: list[_Draft]) -> None:
    def walk(nodes: list[Node], parent_id: str | None, parent_bodies: list[Found]):
        ordinal = 0
        for n in nodes:
            if n.group:
                walk(n.children, parent_id, parent_bodies)
                continue
            ordinal += 1
            if n.kind == "field":
                continue
            nid = _id(n, parent_id, prefix, ordinal)
            if n.structured:
                out.append(_structured(s, n, nid, parent_id, parent_bodies))
                continue
            end = _own_text_end(s, n)
            own, sub_end = _subject(s, n.start, end)
            bodies = own or parent_bodies
            role = _role(s, sub_end if own else n.start, end)
            if end > n.start:
                d = _Draft(nid, parent_id, n.start, end, bodies, role, _supporting(s, n.start, end))
                if own and n.children and not s[sub_end:end].strip(" :.;,"):
                    # a heading that only names who acts ("Sở Công Thương:", "Giao Sở Nội vụ"):
                    # the task is the whole item, its sub-items the parts
                    d.end = _block_end(n)
                    while d.end > d.start and s[d.end - 1] in " \n":
                        d.end -= 1
                    d.scan = (n.start, end)
                out.append(d)
            walk(n.children, nid if end > n.start else parent_id, bodies)

    walk(roots, None, inherited)


def _structured(s: str, n: Node, nid: str, parent_id: str | None, inherited: list[Found]) -> _Draft:
    end = _block_end(n)
    while end > n.start and s[end - 1] in " \n":
        end -= 1
    lead: list[Found] = []
    agency: list[Found] = []
    support: list[Found] = []
    task_field = None
    for d in _descendants(n):
        if d.kind != "field":
            continue
        f = _field_of(s, d)
        value = f[1] if f else d.start
        if d.ftype == "lead":
            lead.extend(B.bodies_at(s, value, d.end)[0])
        elif d.ftype == "agency":
            # "Cơ quan thực hiện: Sở X chủ trì, phối hợp với Y": roles as the sentence tells them
            found, e = B.bodies_at(s, value, d.end)
            if found and _role(s, e, d.end) == "chủ trì":
                lead.extend(found)
                support.extend(_supporting(s, value, d.end))
            else:
                agency.extend(found)
        elif d.ftype == "support":
            found, _ = B.bodies_at(s, value, d.end)
            support.extend(found)
        elif d.ftype == "task" and task_field is None:
            task_field = (value, _block_end(d))
    role = "chủ trì" if lead else None
    lead = lead or agency
    if not lead and task_field:
        lead = _subject(s, task_field[0], task_field[1])[0]
    draft = _Draft(nid, parent_id, n.start, end, lead or inherited, role, support)
    draft.scan = task_field
    draft.structured = True
    return draft


def _tail_tasks(s: str, lines: list[Line], idx: list[int], prefix: str, first: int) -> list[_Draft]:
    out: list[_Draft] = []
    for i in idx:
        ln = lines[i]
        for a, b, found, e in _assigning_sentences(s, ln.start, ln.end, skip_lead_ins=True):
            out.append(_Draft(prefix + str(first + len(out)), None, a, b, found, _role(s, e, b),
                              _supporting(s, a, b)))
    return out


def _assigning_sentences(s: str, a: int, b: int, skip_lead_ins: bool = False):
    """(start, end, assignees found, end of the assignee part) of each sentence of s[a:b] that
    assigns work and is not a closing formula; lead-ins ending in ':' are skipped on request."""
    for x, y in _sentences(s, a, b):
        if skip_lead_ins and s[x:y].rstrip().endswith(":"):
            continue
        d = _directive(s, x, y)
        if d is None:
            continue
        found, e = d
        if not _is_closing(s[e:y]):
            yield x, y, found, e


def _finish(s: str, d: _Draft, issued: str | None) -> dict:
    text = s[d.start:d.end]
    scan = d.scan or (d.start, d.end)
    own = (d.start, d.end) if d.structured else scan
    names = {fold(f.value) for f in d.assignees}
    deadlines = []
    when = d.when or own
    for f in extract_deadlines(s[when[0]:when[1]], issued, when[0]):
        deadlines.append({**f.value, "span": [f.start, f.end]})
    if d.when and not deadlines and when[1] > when[0]:
        # a time column holds the period a task is due in ("Tháng 10/2025", "Năm 2025"): read it
        # as the sentence would say it ("trong tháng 10/2025")
        lead = "trong "
        for f in extract_deadlines(lead + s[when[0]:when[1]], issued, when[0] - len(lead)):
            deadlines.append({**f.value, "span": [max(f.start, when[0]), f.end]})
    by = next((x.get("date") for x in deadlines if x.get("date")), None)
    what = d.what or own
    targets = [{**f.value, "span": [f.start, f.end]} for f in extract_targets(s[what[0]:what[1]], what[0], by)]
    return {
        "id": d.id,
        "parent": d.parent,
        "text": text,
        "span": [d.start, d.end],
        "assignees": [_party(f, d.role) for f in _unique(d.assignees)],
        "delegates": [{"text": f.value, "span": [f.start, f.end]} for f in _delegates(s, scan[0], scan[1], names)],
        "deadlines": deadlines,
        "targets": targets,
        "report_to": _report_to(s, scan[0], scan[1]),
        "supporting": [_party(f, "phối hợp") for f in _unique(d.supporting) if fold(f.value) not in names],
    }


def _unique(found: list[Found]) -> list[Found]:
    seen, out = set(), []
    for f in found:
        k = fold(f.value)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


# --- annex task tables -----------------------------------------------------------------------
# An annex ("Phụ lục") lists tasks in a table: row number, task, lead body (chủ trì), supporting
# bodies (phối hợp), time. In the text the table is flattened, one cell (or a few) per line.

@lru_cache(maxsize=None)
def _time_cell_re() -> re.Pattern:
    return re.compile(r"(?:" + "|".join(load_lines("task_time_cells.txt")) + r")(?![^\W_])", re.I)


def _header_fields(s: str) -> list[str] | None:
    """The fields a line of column titles names ("CƠ QUAN CHỦ TRÌ CƠ QUAN PHỐI HỢP"), or None."""
    _, table, titles = _fields()
    if not titles.match(s):
        return None
    rest = s
    found = []
    for m in titles.finditer(s):
        found.append(table.get(fold(m.group(0))))
        rest = rest.replace(m.group(0), " ")
    if not found or _words(re.sub(r"[^\w]+", " ", rest)) > 1:
        return None
    return found


_TITLE_START = re.compile(r"(?i)(?:STT|TT|Nội dung|Nhiệm vụ|Tên nhiệm vụ)\s")
_ROW_NO = re.compile(r"(\d{1,3})(?![.\d/,%])(?:\s+|$)")
_GROUP_ROW = re.compile(r"[IVX]{1,5}(?:\s+\S|$)")


def _layout_breaks(t, a: int, b: int) -> list[int]:
    """Offsets in ``t.text[a:b]`` of the spaces that stand for a line break of the original text
    (a hard wrap joined by normalization)."""
    raw = getattr(t, "raw", None)
    if raw is None or not hasattr(t, "raw_offset") or b - a < 2:
        return []
    ra, rb = t.raw_offset(a), t.raw_offset(b - 1)
    if raw.find("\n", ra, rb) < 0:
        return []
    s = t.text
    out = []
    i = s.find(" ", a + 1, b - 1)
    while i >= 0:
        if raw.find("\n", t.raw_offset(i - 1) + 1, t.raw_offset(i + 1)) >= 0:
            out.append(i)
        i = s.find(" ", i + 1, b - 1)
    return out


def _cells_joined(t, lines: list[Line], lo: int, hi: int) -> bool:
    """Was a table laid out one cell per line, its lines joined by normalization? (a line break of
    the original text between two column titles: ``Nội dung⏎Cơ quan chủ trì``)"""
    titles = _fields()[2]
    for i in range(lo, hi):
        found = list(titles.finditer(lines[i].text))
        if len(found) < 2:
            continue
        breaks = _layout_breaks(t, lines[i].start, lines[i].end)
        if not breaks:
            continue
        # the column titles stand one a line, whole ("Cơ quan chủ trì", not "CƠ QUAN CHỦ" ⏎ "TRÌ")
        a, whole = lines[i].start, 0
        for k in breaks + [lines[i].end]:
            f = _header_fields(t.text[a:k])
            if f is None:
                break
            if len(f) != 1 or f[0] == "cont":
                return False                        # a title wrapped over two lines: cells wrap too
            whole += 1
            a = k + 1
        return whole >= 2
    return False


def _split_layout(t, lines: list[Line]) -> list[Line]:
    """The lines as the original text broke them."""
    out = []
    for ln in lines:
        a = ln.start
        blank = ln.blank_before
        for k in _layout_breaks(t, ln.start, ln.end):
            out.append(Line(a, k, t.text[a:k], blank))
            a, blank = k + 1, False
        out.append(Line(a, ln.end, t.text[a:ln.end], blank))
    return out


def _table_tasks(s: str, lines: list[Line], region: Region, ctx: dict, t=None) -> list[_Draft]:
    """The rows of the task tables of an attachment (``Phụ lục III.4``)."""
    lo = region.title if region.title is not None else region.lo
    hi = region.end if region.end is not None else region.hi
    title = lines[lo].text if region.title is not None else ""
    m = re.match(r"(?i)phụ lục\s*([IVXLC\d]+)?", title)
    label = ("Phụ lục " + m.group(1) if m and m.group(1) else "Phụ lục") + "."
    return _table_rows(s, lines, lo, hi, label, t)


def _table_head(lines: list[Line], lo: int, hi: int, t=None) -> int | None:
    """The first line of the column titles of a task table in ``lines[lo:hi]`` (one with a lead
    body column), or None."""
    i = lo
    while i < hi:
        if _header_fields(lines[i].text) is None:
            if t is not None and _TITLE_START.match(lines[i].text) and _cells_joined(t, lines, i, i + 1):
                return i
            i += 1
            continue
        j, block = i, []
        while j < hi and (f := _header_fields(lines[j].text)) is not None:
            block.extend(f)
            j += 1
        if "lead" in block:
            return i
        i = j
    return None


def _table_rows(s: str, lines: list[Line], lo: int, hi: int, label: str, t=None) -> list[_Draft]:
    if t is not None and _cells_joined(t, lines, lo, hi):
        # one cell per line: read the table from the lines of the original text
        lines = _split_layout(t, lines[lo:hi])
        lo, hi = 0, len(lines)
    out: list[_Draft] = []
    i = lo
    has_support = False
    in_table = False
    rows: list[tuple[str, list[int]]] = []
    while i < hi:
        fields = _header_fields(lines[i].text)
        if fields is not None:
            block = []
            while i < hi and (f := _header_fields(lines[i].text)) is not None:
                block.extend(f)
                i += 1
            if "lead" in block:
                in_table = True
                has_support = has_support or "support" in block
            continue
        if not in_table:
            i += 1
            continue
        text = lines[i].text
        if re.match(r"(?i)(?:ghi chú|phụ lục)\b", text):
            in_table = False
            i += 1
            continue
        m = _ROW_NO.match(text)
        if m:
            rows.append((m.group(1), [i]))
        elif _GROUP_ROW.match(text) and not B.head_at(text, 0):
            rows.append(("", []))                       # a group row closes the row above
        elif rows and rows[-1][0]:
            rows[-1][1].append(i)
        i += 1
    for number, idx in rows:
        if not number or not idx:
            continue
        d = _table_row(s, lines, idx, has_support)
        if d is not None:
            d.id = label + number
            out.append(d)
    return out


def _table_row(s: str, lines: list[Line], idx: list[int], has_support: bool) -> _Draft | None:
    # cells: (start, end) spans; the row number is dropped, a time that opens a line is its own cell
    cells: list[tuple[int, int]] = []
    for n, i in enumerate(idx):
        a, b = lines[i].start, lines[i].end
        if n == 0:
            a += _ROW_NO.match(s, a).end() - a
        if a >= b:
            continue
        t = _time_cell_re().match(s, a)
        if t and t.end() < b and s[t.end()] == " ":
            cells.append((a, t.end()))
            cells.append((_skip(s, t.end()), b))
        else:
            cells.append((a, b))
    if not cells:
        return None
    when = None
    task: list[tuple[int, int]] = []
    agencies: list[list[tuple[int, int]]] = []
    for a, b in cells:
        t = _time_cell_re().match(s, a)
        if t and t.end() >= b - 1:
            when = when or (a, b)
            continue
        starts_body = bool(B.bodies_at(s, re.match(r"\d{1,2}\.\s*|", s[a:b]).end() + a, b)[0])
        if not agencies and (not task or not starts_body):
            task.append((a, b))
        elif starts_body or not agencies:
            agencies.append([(a, b)])
        else:
            agencies[-1].append((a, b))
    lead: list[Found] = []
    support: list[Found] = []
    if agencies:
        lead_cells = agencies[:-1] if has_support and len(agencies) > 1 else agencies
        for cell in lead_cells:
            for a, b in cell:
                k = a + re.match(r"\d{1,2}\.\s*|", s[a:b]).end()
                lead.extend(B.bodies_at(s, k, b)[0])
        if has_support and len(agencies) > 1:
            a, b = agencies[-1][0]
            support = B.bodies_at(s, a, agencies[-1][-1][1])[0]
    start, end = cells[0][0], cells[-1][1]
    d = _Draft("", None, start, end, lead, "chủ trì" if lead else None, support)
    d.structured = True
    d.when = when or (start, start)
    d.what = (task[0][0], task[-1][1]) if task else (start, start)
    d.scan = d.what
    return d


def _segment_tasks(s: str, lines: list[Line], seg: Segment, t=None) -> list[_Draft]:
    drafts: list[_Draft] = []
    prefix = ""
    if seg.kind == "roman" or seg.kind == "article":
        prefix = (seg.label if seg.kind == "roman" else "Điều " + seg.label) + "."
    if seg.implement:
        return _implement_task(s, lines, seg, prefix[:-1])
    table = _table_head(lines, seg.lo, seg.hi, t) if seg.kind == "roman" else None
    if table is None:
        return _list_tasks(s, lines, seg, prefix, seg.hi)
    # a task table in a section of the plan: a task a row, after the section's own items
    return _list_tasks(s, lines, seg, prefix, table) + _table_rows(s, lines, table, seg.hi, prefix, t)


def _list_tasks(s: str, lines: list[Line], seg: Segment, prefix: str, hi: int) -> list[_Draft]:
    drafts: list[_Draft] = []
    roots, preamble, tails = _parse(s, lines, seg.lo, hi)
    _mark(s, roots)
    intro: list[Found] = []
    if seg.intro:
        intro = _lead_in(s, *seg.intro)
    if preamble and roots:
        last = lines[preamble[-1]]
        para_start = preamble[-1]
        while para_start - 1 in preamble and not lines[para_start].blank_before \
                and not _terminated(lines[para_start - 1].text):
            para_start -= 1
        if last.text.rstrip().endswith(":"):
            intro = _lead_in(s, lines[para_start].start, last.end) or intro
    if not roots:
        # no list: the directive sentences of the segment are its tasks
        if seg.intro:
            drafts.extend(_tail_tasks_span(s, seg.intro, prefix[:-1]))
        drafts.extend(_tail_tasks(s, lines, preamble, prefix, 1))
        return drafts
    _emit(s, roots, prefix, intro, drafts)
    numbers = [int(r.label) for r in roots if r.label.isdigit()]
    drafts.extend(_tail_tasks(s, lines, tails, prefix, (max(numbers) + 1) if numbers else len(roots) + 1))
    return drafts


def extract_tasks(t, ctx: dict) -> list[dict]:
    """Task dicts: {id, parent, text, span, assignees, delegates, deadlines, targets, report_to,
    supporting}. Spans are offsets into the normalized text ``t.text``."""
    s = t.text if hasattr(t, "text") else str(t)
    ctx = ctx or {}
    lines = _lines(s)
    drafts: list[_Draft] = []
    for region in _regions(lines):
        for seg in _segments(lines, region, ctx):
            before = len(drafts)
            drafts.extend(_segment_tasks(s, lines, seg, t))
            kept = []
            for d in drafts[before:]:
                if not d.assignees and (seg.neutral or _not_task_re().search(s, d.start, d.end)):
                    continue
                if not d.structured and _not_task_re().search(s, d.start, min(d.end, d.start + 60)):
                    continue                    # "2. Trong quá trình thực hiện, nếu có vướng mắc, …"
                kept.append(d)
            drafts[before:] = kept
        if region.attachment:
            drafts.extend(_table_tasks(s, lines, region, ctx, t))
    # ids are unique within a record
    seen: dict[str, int] = {}
    for d in drafts:
        if d.id in seen:
            seen[d.id] += 1
            d.id = f"{d.id}'{seen[d.id]}"
        else:
            seen[d.id] = 1
    issued = ctx.get("issued_date")
    return [_finish(s, d, issued) for d in drafts]


def _tail_tasks_span(s: str, span: tuple[int, int], label: str) -> list[_Draft]:
    """The text of an article line itself ("Điều 4. Giao Sở Y tế …") when it assigns work."""
    out = []
    for x, y, found, e in _assigning_sentences(s, *span):
        n = len(out) + 1
        out.append(_Draft(label if n == 1 else f"{label}.{n}", None, x, y, found, _role(s, e, y),
                          _supporting(s, x, y)))
    return out


def _implement_task(s: str, lines: list[Line], seg: Segment, label: str) -> list[_Draft]:
    """``Điều 3. Chánh Văn phòng …, Giám đốc các sở …, Chủ tịch UBND … chịu trách nhiệm thi hành
    Quyết định này.``: one task, every office named an assignee. The sentence may follow the
    article's own (``Điều 4. Quyết định này có hiệu lực … ⏎ Chánh Văn phòng … thi hành …``)."""
    units = [(seg.intro[0], seg.intro[1], None)]
    for ln in lines[seg.lo:seg.hi]:
        mk = _marker(ln.text)                          # "4. Bộ trưởng, … chịu trách nhiệm thi hành …"
        units.append((ln.start + mk[2], ln.end, mk[1] or None) if mk else (ln.start, ln.end, None))
    out = []
    for a, b, item in units:
        m = _implement_re().search(s, a, b)
        if not m:
            continue
        x, y = a, b
        for br in _STOP_THEN_CAPITAL.finditer(s, a, b):
            if not s[br.start() - 1].islower():
                continue                                # "TP. Hồ Chí Minh", "Điều 1. …"
            if br.end() <= m.start():
                x = br.end()
            else:
                y = br.start() + 1
                break
        x = _skip(s, x)
        d = _directive(s, x, y, closing=False)
        if d is None:
            continue
        found, e = d
        n = len(out) + 1
        nid = f"{label}.{item}" if item else (label if n == 1 else f"{label}.{n}")
        out.append(_Draft(nid, None, x, y, found, _role(s, e, y), _supporting(s, x, y)))
    return out
