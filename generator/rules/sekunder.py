"""Secondary (complementary) cell suppression: a hidden small count cannot be worked out from the totals.

``privasi.sel`` hides a breakdown count of 1..ambang−1 (primary suppression). A
table usually also publishes sums of its cells (a month's channels add up to the
month's ``diterima``, a channel's months to its yearly total, a survey unsur's
answer counts to the respondents and, weighted 1..4, to the published NRR). If a
hidden cell is the only unknown of such a sum, subtraction gives it back. This
module adds the standard remedy of statistical disclosure control: secondary
(complementary) suppression, as described in Hundepool et al., *Statistical
Disclosure Control* (Wiley 2012), chapter 5 (frequency tables: primary threshold
rule, then secondary suppression until the attacker's feasible interval of every
primary cell is wide enough; chapter 4 for secondary suppression and its audit by
solving the table's linear system), and in the ESSnet (Eurostat) *Handbook on
Statistical Disclosure Control* (version 1.2, 2010), same chapters.

The rule, deterministic and pure:

1. primary: every cell with 0 < value < ambang. Its mark ("< ambang") tells a
   reader the value is 1..ambang−1, and the audit below counts that knowledge.
2. audit: a hidden cell is *disclosed* when the published sums, the shown cells
   and the marks allow exactly one non-negative integer value for it (exact
   integer search with bound propagation; a hidden cell without a size mark may be
   any value >= 0).
3. while some hidden cell is disclosed: hide, among the shown cells of the sums
   that contain it, the smallest non-zero one (then a zero; ties: table order).
   A hidden zero beside a marked cell adds little doubt, since the mark already
   says that cell is at least 1, so zeros come last.
4. if a marked cell stays disclosed even with every cell of the table hidden (its
   sum is too small: April with total 2 and two "< 3" channels is 1 + 1), its
   size mark is dropped: it is shown with the secondary mark, which says nothing
   about its size.

Hiding more cells or dropping a mark only widens every cell's feasible set (the
true table stays a solution), so a cell once found safe stays safe; the loop ends
because each step hides a cell or drops a mark. Totals are never hidden here.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

Kunci = Hashable
# Nodes one integer search may visit; beyond it the cell is treated as disclosed (hide more).
_BATAS_SIMPUL = 20_000


@dataclass(frozen=True)
class Jumlah:
    """A published linear sum: sum(koefisien × cell) == nilai."""

    suku: tuple[tuple[Kunci, int], ...]
    nilai: int


@dataclass(frozen=True)
class Penekanan:
    """Which cells a page must not show, and how each is marked."""

    primer: frozenset  # shown as "< ambang": the value is 1..ambang-1
    sekunder: frozenset  # shown with the secondary mark: any value
    terbuka: frozenset = frozenset()  # hidden but still disclosed by a total (the total is too small to protect it)

    @property
    def tersembunyi(self) -> frozenset:
        return self.primer | self.sekunder

    def tanda(self, kunci: Kunci) -> str | None:
        """'primer', 'sekunder' or None (shown)."""
        if kunci in self.primer:
            return "primer"
        if kunci in self.sekunder:
            return "sekunder"
        return None


def _batas_awal(nilai: Mapping[Kunci, int], jumlah: Sequence[Jumlah]) -> int:
    return sum(abs(v) for v in nilai.values()) + max([abs(j.nilai) for j in jumlah] + [0]) + 1


def _propagasi(dom: dict[Kunci, list[int]], eqs: list[tuple[list[tuple[Kunci, int]], int]],
               mulai: list[int] | None = None, touching: dict[Kunci, list[int]] | None = None) -> bool:
    """Tighten integer bounds in place until nothing changes; False when some bound becomes empty.

    ``mulai``: the equations to look at first (the others are known to be stable); by default all.
    """
    touching = touching if touching is not None else _menyentuh(eqs)
    queue = list(range(len(eqs))) if mulai is None else list(mulai)
    waiting = set(queue)
    while queue:
        i = queue.pop()
        waiting.discard(i)
        terms, rhs = eqs[i]
        lo_sum = sum(a * (dom[k][0] if a > 0 else dom[k][1]) for k, a in terms)
        hi_sum = sum(a * (dom[k][1] if a > 0 else dom[k][0]) for k, a in terms)
        if lo_sum > rhs or hi_sum < rhs:
            return False
        for k, a in terms:
            lo, hi = dom[k]
            own_lo, own_hi = (a * lo, a * hi) if a > 0 else (a * hi, a * lo)
            rest_lo, rest_hi = lo_sum - own_lo, hi_sum - own_hi
            # a*x in [rhs - rest_hi, rhs - rest_lo]
            if a > 0:
                new_lo, new_hi = -((rest_hi - rhs) // a), (rhs - rest_lo) // a
            else:
                new_lo, new_hi = -((rhs - rest_lo) // -a), (rest_hi - rhs) // -a
            new_lo, new_hi = max(lo, new_lo), min(hi, new_hi)
            if new_lo > new_hi:
                return False
            if (new_lo, new_hi) != (lo, hi):
                dom[k] = [new_lo, new_hi]
                lo_sum += a * ((new_lo if a > 0 else new_hi) - (lo if a > 0 else hi))
                hi_sum += a * ((new_hi if a > 0 else new_lo) - (hi if a > 0 else lo))
                for j in touching[k]:
                    if j != i and j not in waiting:
                        waiting.add(j)
                        queue.append(j)
    return True


def _menyentuh(eqs) -> dict[Kunci, list[int]]:
    """The equations each cell appears in."""
    touching: dict[Kunci, list[int]] = {}
    for i, (terms, _) in enumerate(eqs):
        for k, _ in terms:
            touching.setdefault(k, []).append(i)
    return touching


class _Habis(Exception):
    pass


def _cari(dom: dict[Kunci, list[int]], eqs, urutan: list[Kunci], budget: list[int],
          mulai: list[int] | None = None, touching: dict[Kunci, list[int]] | None = None) -> dict[Kunci, int] | None:
    touching = touching if touching is not None else _menyentuh(eqs)
    budget[0] -= 1
    if budget[0] < 0:
        raise _Habis
    if not _propagasi(dom, eqs, mulai, touching):
        return None
    open_ = [k for k in urutan if dom[k][0] < dom[k][1]]
    if not open_:
        return {k: dom[k][0] for k in urutan}
    k = min(open_, key=lambda x: dom[x][1] - dom[x][0])
    for v in range(dom[k][0], dom[k][1] + 1):
        trial = {x: list(b) for x, b in dom.items()}
        trial[k] = [v, v]
        found = _cari(trial, eqs, urutan, budget, touching.get(k, []), touching)
        if found is not None:
            return found
    return None


def _sistem(nilai: Mapping[Kunci, int], jumlah: Sequence[Jumlah], hidden: set, sasaran: Kunci):
    """Equations over the hidden cells connected to ``sasaran`` (shown cells moved to the right side)."""
    eqs_all = []
    for j in jumlah:
        terms = [(k, a) for k, a in j.suku if k in hidden and a]
        rhs = j.nilai - sum(a * nilai[k] for k, a in j.suku if k not in hidden)
        eqs_all.append((terms, rhs))
    comp, frontier = {sasaran}, [sasaran]
    while frontier:
        k = frontier.pop()
        for terms, _ in eqs_all:
            if any(t == k for t, _ in terms):
                for t, _ in terms:
                    if t not in comp:
                        comp.add(t)
                        frontier.append(t)
    eqs = [(terms, rhs) for terms, rhs in eqs_all if terms and any(t in comp for t, _ in terms)]
    return comp, eqs


def terungkap(nilai: Mapping[Kunci, int], jumlah: Sequence[Jumlah], hidden: set, ber_tanda: set, ambang: int,
              sasaran: Kunci) -> bool:
    """Whether the hidden cell ``sasaran`` has only one feasible value (or the search is too large to tell)."""
    comp, eqs = _sistem(nilai, jumlah, hidden, sasaran)
    top = _batas_awal(nilai, jumlah)
    order = [k for k in nilai if k in comp]
    base = {k: ([1, ambang - 1] if k in ber_tanda else [0, top]) for k in order}
    budget = [_BATAS_SIMPUL]
    try:
        first = _cari({k: list(b) for k, b in base.items()}, eqs, order, budget)
        if first is None:
            return True  # cannot happen for a true table; be safe
        v = first[sasaran]
        for lo, hi in ((base[sasaran][0], v - 1), (v + 1, base[sasaran][1])):
            if lo > hi:
                continue
            trial = {k: list(b) for k, b in base.items()}
            trial[sasaran] = [lo, hi]
            if _cari(trial, eqs, order, budget) is not None:
                return False
    except _Habis:
        return True
    return True


def tekan(nilai: Mapping[Kunci, int], jumlah: Sequence[Jumlah], ambang: int, sekunder: bool = True) -> Penekanan:
    """The cells of a table to hide: primary (0 < value < ambang) and, with ``sekunder``, complementary ones.

    ``nilai``: every cell of the table with its true value, in table order (the order
    breaks ties). ``jumlah``: every published sum over those cells.
    """
    primer = [k for k, v in nilai.items() if 0 < v < ambang]
    if not sekunder:
        return Penekanan(frozenset(primer), frozenset())
    hidden = set(primer)
    marked = set(primer)
    safe: set = set()
    exposed: set = set()
    everything = set(nilai)
    while True:
        bad = next((k for k in nilai if k in hidden and k not in safe and k not in exposed
                    and terungkap(nilai, jumlah, hidden, marked, ambang, k)), None)
        # every hidden cell checked before `bad` is safe now, and stays safe (see module docstring)
        for k in nilai:
            if k == bad:
                break
            if k in hidden:
                safe.add(k)
        if bad is None:
            break
        if bad in marked and terungkap(nilai, jumlah, everything, marked, ambang, bad):
            marked.discard(bad)
            continue
        near = {k for j in jumlah if any(t == bad and a for t, a in j.suku) for k, _ in j.suku} - hidden
        if not near:
            if marked & {k for j in jumlah if any(t == bad for t, _ in j.suku) for k, _ in j.suku}:
                marked.difference_update({k for j in jumlah if any(t == bad for t, _ in j.suku) for k, _ in j.suku})
                continue
            exposed.add(bad)
            continue
        order = list(nilai)
        pick = min(near, key=lambda k: (nilai[k] == 0, nilai[k], order.index(k)))
        hidden.add(pick)
    return Penekanan(frozenset(marked), frozenset(hidden - marked), frozenset(exposed))
