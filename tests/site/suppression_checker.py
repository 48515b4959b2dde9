"""Attack a built page as a reader would: can a hidden count be worked out from what the page shows?

Independent of ``generator.rules.sekunder`` (its own parsing of the HTML, its own
algebra and its own search). For each published breakdown table the checker
reads the cells as shown ("< 3": an unknown 1..2; "×": an unknown >= 0; a
number: known) and the sums the page publishes with them, then:

1. rank test, exact fractions: a hidden cell whose unit vector lies in the row
   space of the equality sums is fixed by the totals alone;
2. bounds test, exact integer search: the hidden cell must have at least two
   feasible non-negative integer values given every sum, every shown cell and
   every mark (and, for the survey, the NRR and NRR × 25 printed to two decimals,
   read as intervals).

``periksa(html)`` returns one message per disclosed cell (empty: the page is safe).
"""

from __future__ import annotations

import html.parser
import math
import re
from dataclasses import dataclass, field
from fractions import Fraction

MAX_NODES = 200_000


# --- reading the page -----------------------------------------------------------------------


class _Tables(html.parser.HTMLParser):
    """Every <table> with a caption id: {caption id: {"head": [[cell]], "body": [[cell]], "foot": [[cell]]}}."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, dict[str, list[list[str]]]] = {}
        self._cur: dict | None = None
        self._part = "body"
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._caption: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._cur = {"head": [], "body": [], "foot": []}
        elif tag == "caption" and self._cur is not None:
            self._caption = a.get("id")
            if self._caption:
                self.tables[self._caption] = self._cur
        elif tag in ("thead", "tbody", "tfoot"):
            self._part = {"thead": "head", "tbody": "body", "tfoot": "foot"}[tag]
        elif tag == "tr" and self._cur is not None:
            self._row = []
            self._cur[self._part].append(self._row)
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr":
            self._row = None
        elif tag == "table":
            self._cur = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


@dataclass(frozen=True)
class Sel:
    nilai: int | None  # known value, or None when hidden
    tanda: str | None = None  # "primer" (with ambang) or "sekunder"
    ambang: int | None = None


def baca_sel(text: str) -> Sel:
    """'12' -> known; '< 3 kurang dari 3' -> primary; '× disembunyikan' -> secondary."""
    if "×" in text or "disembunyikan" in text:
        return Sel(None, "sekunder")
    m = re.search(r"<\s*(\d+)|kurang dari (\d+)", text)
    if m:
        return Sel(None, "primer", int(m.group(1) or m.group(2)))
    digits = text.replace(".", "").strip()
    if not re.fullmatch(r"\d+", digits):
        raise ValueError(f"sel tidak terbaca: {text!r}")
    return Sel(int(digits))


def _angka_desimal(text: str) -> Fraction:
    return Fraction(text.replace(".", "").replace(",", "."))


# --- the system -------------------------------------------------------------------------------


@dataclass
class Sistem:
    """Linear constraints lo <= sum(a * x) <= hi over hidden cells (known cells folded into the bounds)."""

    domain: dict[str, tuple[int, int]] = field(default_factory=dict)
    cons: list[tuple[dict[str, int], int, int]] = field(default_factory=list)

    def var(self, name: str, sel: Sel, cap: int) -> str | int:
        """A cell as a variable name (hidden) or its value (shown)."""
        if sel.nilai is not None:
            return sel.nilai
        if sel.tanda == "primer":
            self.domain[name] = (1, (sel.ambang or 1) - 1)
        else:
            self.domain[name] = (0, cap)
        return name

    def jumlah(self, terms: list[tuple[str | int, int]], lo: Fraction | int, hi: Fraction | int | None = None) -> None:
        coef: dict[str, int] = {}
        known = 0
        for t, a in terms:
            if isinstance(t, str):
                coef[t] = coef.get(t, 0) + a
            else:
                known += a * t
        hi = lo if hi is None else hi
        # every coefficient and cell is an integer, so the sum is one: round the bounds inwards
        self.cons.append(
            ({k: a for k, a in coef.items() if a}, math.ceil(Fraction(lo)) - known, math.floor(Fraction(hi)) - known)
        )


def _rank_fixed(s: Sistem, target: str) -> bool:
    """Whether the equality constraints alone fix ``target`` (its unit vector is in their row space)."""
    names = sorted(s.domain)
    rows = [[Fraction(c.get(n, 0)) for n in names] for c, lo, hi in s.cons if lo == hi and c]
    j = names.index(target)
    # Reduce rows to echelon form, then reduce e_target against them.
    basis: list[list[Fraction]] = []
    pivots: list[int] = []
    for r in rows:
        r = r[:]
        for b, p in zip(basis, pivots):
            if r[p]:
                f = r[p] / b[p]
                r = [x - f * y for x, y in zip(r, b)]
        p = next((i for i, x in enumerate(r) if x), None)
        if p is not None:
            basis.append(r)
            pivots.append(p)
    e = [Fraction(int(i == j)) for i in range(len(names))]
    changed = True
    while changed:
        changed = False
        for b, p in zip(basis, pivots):
            if e[p]:
                f = e[p] / b[p]
                e = [x - f * y for x, y in zip(e, b)]
                changed = True
    return not any(e)


class _TooLarge(Exception):
    pass


def _tighten(cons: list, dom: dict[str, tuple[int, int]], start: list[int] | None = None) -> bool:
    """Narrow every domain to what each constraint allows, until stable; False when one empties.

    ``start``: the constraints to look at first (the rest are known to be stable); by default all.
    """
    touching: dict[str, list[int]] = {}
    for i, (c, _, _) in enumerate(cons):
        for n, _ in c:
            touching.setdefault(n, []).append(i)
    queue = list(range(len(cons))) if start is None else list(start)
    waiting = set(queue)
    while queue:
        i = queue.pop()
        waiting.discard(i)
        c, lo, hi = cons[i]
        mins = sum(min(a * dom[n][0], a * dom[n][1]) for n, a in c)
        maxs = sum(max(a * dom[n][0], a * dom[n][1]) for n, a in c)
        if mins > hi or maxs < lo:
            return False
        for n, a in c:
            low, high = dom[n]
            own_min, own_max = min(a * low, a * high), max(a * low, a * high)
            # a * x must lie in [lo - (maxs - own_max), hi - (mins - own_min)]
            p1, p2 = lo - maxs + own_max, hi - mins + own_min
            if a < 0:
                p1, p2, a_ = -p2, -p1, -a
            else:
                a_ = a
            new = (max(low, -(-p1 // a_)), min(high, p2 // a_))
            if new[0] > new[1]:
                return False
            if new != (low, high):
                dom[n] = new
                mins += min(a * new[0], a * new[1]) - own_min
                maxs += max(a * new[0], a * new[1]) - own_max
                for j in touching[n]:
                    if j != i and j not in waiting:
                        waiting.add(j)
                        queue.append(j)
    return True


def _solution(s: Sistem, domain: dict[str, tuple[int, int]], nodes: list[int]) -> dict[str, int] | None:
    """Depth-first search over the domains, narrowing them at every step: an integer point, or None."""
    cons = [(list(c.items()), lo, hi) for c, lo, hi in s.cons]

    touching: dict[str, list[int]] = {}
    for i, (c, _, _) in enumerate(cons):
        for n, _ in c:
            touching.setdefault(n, []).append(i)

    def go(dom: dict[str, tuple[int, int]], fixed: str | None = None) -> dict[str, int] | None:
        nodes[0] += 1
        if nodes[0] > MAX_NODES:
            raise _TooLarge
        if not _tighten(cons, dom, touching.get(fixed, []) if fixed else None):
            return None
        free = [n for n in dom if dom[n][0] < dom[n][1]]
        if not free:
            return {n: b[0] for n, b in dom.items()}
        n = min(free, key=lambda x: dom[x][1] - dom[x][0])
        for v in range(dom[n][0], dom[n][1] + 1):
            found = go({**dom, n: (v, v)}, n)
            if found is not None:
                return found
        return None

    return go(dict(domain))


def _component(s: Sistem, target: str) -> list[str]:
    comp, todo = {target}, [target]
    while todo:
        n = todo.pop()
        for c, _, _ in s.cons:
            if n in c:
                for m in c:
                    if m not in comp:
                        comp.add(m)
                        todo.append(m)
    return sorted(comp, key=list(s.domain).index)


def terungkap(s: Sistem) -> list[str]:
    """The hidden cells that have a single feasible value (or that the search cannot clear)."""
    found = []
    witnesses: dict[frozenset, list[dict[str, int]]] = {}  # integer points found so far, per component
    for target in s.domain:
        if _rank_fixed(s, target):
            found.append(f"{target}: ditentukan oleh jumlah-jumlahnya (uji rank)")
            continue
        comp = _component(s, target)
        sub = Sistem({n: s.domain[n] for n in comp}, [(c, lo, hi) for c, lo, hi in s.cons if any(n in comp for n in c)])
        seen = witnesses.setdefault(frozenset(comp), [])
        feasible = sorted({w[target] for w in seen})
        dom = dict(sub.domain)
        nodes = [0]
        if len(feasible) < 2 and not _tighten([(list(c.items()), lo, hi) for c, lo, hi in sub.cons], dom):
            found.append(f"{target}: tidak ada nilai yang cocok dengan jumlah-jumlahnya")
            continue
        try:
            for v in range(dom[target][0], dom[target][1] + 1):
                if len(feasible) >= 2:
                    break
                if v in feasible:
                    continue
                point = _solution(sub, {**dom, target: (v, v)}, nodes)
                if point is not None:
                    seen.append(point)
                    feasible.append(v)
        except _TooLarge:
            found.append(f"{target}: pencarian terlalu besar untuk dipastikan")
            continue
        if len(feasible) < 2:
            found.append(f"{target}: hanya {feasible} yang mungkin")
    return found


# --- the published tables -----------------------------------------------------------------------


def sistem_pengaduan(tables: dict) -> Sistem | None:
    if "cap-pengaduan" not in tables:
        return None
    main = tables["cap-pengaduan"]
    diterima = {r[0]: int(r[1].replace(".", "")) for r in main["body"] if len(r) > 2}
    total = int(main["foot"][0][1].replace(".", ""))
    s = Sistem()
    kanal = tables.get("cap-pengaduan-kanal")
    if kanal:
        cols = kanal["head"][0][1:]
        rows = [r for r in kanal["body"] if len(r) == len(cols) + 1]  # "tidak dirinci" rows have one cell
        col_terms: dict[str, list] = {c: [] for c in cols}
        for r in rows:
            terms = []
            for c, text in zip(cols, r[1:]):
                v = s.var(f"kanal[{r[0]}, {c}]", baca_sel(text), total)
                terms.append((v, 1))
                col_terms[c].append((v, 1))
            s.jumlah(terms, diterima[r[0]])
        foot = kanal["foot"][0][1:]
        year = []
        for c, text in zip(cols, foot):
            v = s.var(f"kanal[Jumlah, {c}]", baca_sel(text), total)
            s.jumlah(col_terms[c] + [(v, -1)], 0)
            year.append((v, 1))
        s.jumlah(year, sum(diterima[r[0]] for r in rows))
    kategori = tables.get("cap-pengaduan-kategori")
    if kategori:
        s.jumlah([(s.var(f"kategori[{r[0]}]", baca_sel(r[1]), total), 1) for r in kategori["body"]], total)
    return s


def sistem_survei(tables: dict) -> Sistem | None:
    if "cap-jawaban" not in tables:
        return None
    n = int(tables["cap-ikm"]["body"][0][3].replace(".", ""))  # newest quarter first, as the answer table
    s = Sistem()
    half = Fraction(1, 200)
    for r in tables["cap-jawaban"]["body"]:
        cells = [s.var(f"jawaban[{r[0]}, {i + 1}]", baca_sel(t), n) for i, t in enumerate(r[1:5])]
        s.jumlah([(c, 1) for c in cells], n)
        nrr, x25 = _angka_desimal(r[5]), _angka_desimal(r[6])
        # sum(answer × count) = n × NRR; both printed figures are rounded to two decimals
        lo = max(n * (nrr - half), n * (x25 - half) / 25)
        hi = min(n * (nrr + half), n * (x25 + half) / 25)
        s.jumlah([(c, i + 1) for i, c in enumerate(cells)], lo, hi)
    return s


def periksa(page_html: str) -> list[str]:
    p = _Tables()
    p.feed(page_html)
    out = []
    for build in (sistem_pengaduan, sistem_survei):
        s = build(p.tables)
        if s is not None:
            out.extend(terungkap(s))
    return out


def tersembunyi(page_html: str) -> int:
    """How many hidden cells the breakdown tables of a page have (so a test can tell it checked something)."""
    p = _Tables()
    p.feed(page_html)
    return sum(len(s.domain) for b in (sistem_pengaduan, sistem_survei) if (s := b(p.tables)) is not None)
