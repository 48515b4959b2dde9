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

import ast
import contextlib
import functools
import hashlib
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator import tembolok
from generator.berkas_atomik import write_text_atomic

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


Batas = tuple[int, int]  # a cell's feasible integer interval [lo, hi]


def _propagasi(
    dom: dict[Kunci, Batas],
    eqs: list[tuple[list[tuple[Kunci, int]], int]],
    mulai: list[int] | None = None,
    touching: dict[Kunci, list[int]] | None = None,
) -> bool:
    """Tighten integer bounds in place until nothing changes; False when some bound becomes empty.

    ``mulai``: the equations to look at first (the others are known to be stable); by default all.
    A bound is replaced, never mutated, so a shallow copy of ``dom`` is a safe branch.
    """
    touching = touching if touching is not None else _menyentuh(eqs)
    queue = list(range(len(eqs))) if mulai is None else list(mulai)
    waiting = set(queue)
    while queue:
        i = queue.pop()
        waiting.discard(i)
        terms, rhs = eqs[i]
        lo_sum = hi_sum = 0
        for k, a in terms:
            lo, hi = dom[k]
            if a > 0:
                lo_sum += a * lo
                hi_sum += a * hi
            else:
                lo_sum += a * hi
                hi_sum += a * lo
        if lo_sum > rhs or hi_sum < rhs:
            return False
        for k, a in terms:
            lo, hi = dom[k]
            # a*x in [rhs - rest_hi, rhs - rest_lo], rest = the sum without this term
            if a == 1:  # the usual term: a plain count in a plain sum
                new_lo, new_hi = rhs - hi_sum + hi, rhs - lo_sum + lo
            elif a > 0:
                rest_lo, rest_hi = lo_sum - a * lo, hi_sum - a * hi
                new_lo, new_hi = -((rest_hi - rhs) // a), (rhs - rest_lo) // a
            else:
                rest_lo, rest_hi = lo_sum - a * hi, hi_sum - a * lo
                new_lo, new_hi = -((rhs - rest_lo) // -a), (rest_hi - rhs) // -a
            if new_lo < lo:
                new_lo = lo
            if new_hi > hi:
                new_hi = hi
            if new_lo > new_hi:
                return False
            if new_lo != lo or new_hi != hi:
                dom[k] = (new_lo, new_hi)
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


def _cari(
    dom: dict[Kunci, Batas],
    eqs,
    urutan: list[Kunci],
    budget: list[int],
    mulai: list[int] | None = None,
    touching: dict[Kunci, list[int]] | None = None,
) -> dict[Kunci, int] | None:
    """The first integer solution (depth first: narrowest open cell, values upward), or None.

    Each visited node costs one unit of ``budget``; when it runs out, ``_Habis`` is raised.
    ``dom`` is narrowed in place; each branch works on a shallow copy.
    """
    touching = touching if touching is not None else _menyentuh(eqs)
    budget[0] -= 1
    if budget[0] < 0:
        raise _Habis
    if not _propagasi(dom, eqs, mulai, touching):
        return None
    k, width = None, 0
    for x in urutan:  # the narrowest open cell, the first in table order on ties
        lo, hi = dom[x]
        if lo < hi and (k is None or hi - lo < width):
            k, width = x, hi - lo
    if k is None:
        return {x: dom[x][0] for x in urutan}
    lo, hi = dom[k]
    again = touching.get(k, [])
    for v in range(lo, hi + 1):
        trial = dict(dom)
        trial[k] = (v, v)
        found = _cari(trial, eqs, urutan, budget, again, touching)
        if found is not None:
            return found
    return None


class _Audit:
    """The audit of one table (step 2 of the module docstring), with its work remembered.

    A verdict depends only on the component of hidden cells connected to the target
    (its equations, with shown cells on the right side), the marks inside it and the
    target, so it is memoized on those; the first solution, which does not depend on
    the target, is shared by every target of the same component. Valid while every
    target is hidden (as in ``tekan``); the node budget per verdict is unchanged.
    """

    def __init__(self, nilai: Mapping[Kunci, int], jumlah: Sequence[Jumlah], ambang: int):
        self.nilai, self.jumlah, self.ambang = nilai, jumlah, ambang
        self.top = _batas_awal(nilai, jumlah)
        self.posisi = {k: i for i, k in enumerate(nilai)}
        self.dalam: dict[Kunci, list[int]] = {}  # the sums each cell appears in with a non-zero coefficient
        for i, j in enumerate(jumlah):
            for k, a in j.suku:
                if a:
                    lst = self.dalam.setdefault(k, [])
                    if not lst or lst[-1] != i:
                        lst.append(i)
        self._pertama: dict = {}
        self._putusan: dict = {}

    def sistem(self, hidden: set, sasaran: Kunci):
        """Equations over the hidden cells connected to ``sasaran`` (shown cells moved to the right side)."""
        comp, frontier, used = {sasaran}, [sasaran], set()
        while frontier:
            k = frontier.pop()
            if k not in hidden:
                continue
            for i in self.dalam.get(k, ()):
                if i in used:
                    continue
                used.add(i)
                for t, a in self.jumlah[i].suku:
                    if a and t in hidden and t not in comp:
                        comp.add(t)
                        frontier.append(t)
        eqs = []
        for i in sorted(used):
            j = self.jumlah[i]
            terms = [(k, a) for k, a in j.suku if k in hidden and a]
            rhs = j.nilai - sum(a * self.nilai[k] for k, a in j.suku if k not in hidden)
            eqs.append((terms, rhs))
        return comp, eqs

    def terungkap(self, hidden: set, ber_tanda: set, sasaran: Kunci) -> bool:
        """The module-level ``terungkap`` for this table, remembered per (component, marks in it, target)."""
        comp, eqs = self.sistem(hidden, sasaran)
        kunci_comp = (frozenset(comp), frozenset(ber_tanda & comp))
        kunci = (kunci_comp, sasaran)
        if kunci not in self._putusan:
            self._putusan[kunci] = self._hitung(kunci_comp, comp, eqs, ber_tanda, sasaran)
        return self._putusan[kunci]

    def _hitung(self, kunci_comp, comp, eqs, ber_tanda, sasaran) -> bool:
        order = sorted((k for k in comp if k in self.posisi), key=self.posisi.__getitem__)
        base = {k: ((1, self.ambang - 1) if k in ber_tanda else (0, self.top)) for k in order}
        touching = _menyentuh(eqs)
        if kunci_comp not in self._pertama:
            budget = [_BATAS_SIMPUL]
            first: dict[Hashable, int] | type[_Habis] | None
            try:
                first = _cari(dict(base), eqs, order, budget, None, touching)
            except _Habis:
                first = _Habis
            self._pertama[kunci_comp] = first, budget[0]
        first, left = self._pertama[kunci_comp]
        if not isinstance(first, dict):  # _Habis: out of budget; None cannot happen for a true table, be safe
            return True
        budget = [left]
        v = first[sasaran]
        try:
            for lo, hi in ((base[sasaran][0], v - 1), (v + 1, base[sasaran][1])):
                if lo > hi:
                    continue
                trial = dict(base)
                trial[sasaran] = (lo, hi)
                if _cari(trial, eqs, order, budget, None, touching) is not None:
                    return False
        except _Habis:
            return True
        return True


def terungkap(
    nilai: Mapping[Kunci, int], jumlah: Sequence[Jumlah], hidden: set, ber_tanda: set, ambang: int, sasaran: Kunci
) -> bool:
    """Whether the hidden cell ``sasaran`` has only one feasible value (or the search is too large to tell)."""
    return _Audit(nilai, jumlah, ambang).terungkap(hidden, ber_tanda, sasaran)


def tekan(nilai: Mapping[Kunci, int], jumlah: Sequence[Jumlah], ambang: int, sekunder: bool = True) -> Penekanan:
    """The cells of a table to hide: primary (0 < value < ambang) and, with ``sekunder``, complementary ones.

    ``nilai``: every cell of the table with its true value, in table order (the order
    breaks ties). ``jumlah``: every published sum over those cells.

    The same table is suppressed for several pages and downloads (a recap page, the home
    page, the open data), and again by the next build: the answer is remembered in the
    process and on disk (``_Simpanan``), keyed on every input value (cells in order, sums,
    threshold, node budget) and on this module's source, so a changed number is a new key,
    never a stale answer.
    """
    return _tekan(tuple(nilai.items()), tuple(jumlah), ambang, sekunder, _BATAS_SIMPUL)


@functools.lru_cache(maxsize=512)
def _tekan(
    sel: tuple[tuple[Kunci, int], ...], jumlah: tuple[Jumlah, ...], ambang: int, sekunder: bool, batas: int
) -> Penekanan:
    if not sekunder:  # no search: nothing worth keeping
        return _tekan_baru(dict(sel), jumlah, ambang, sekunder)
    simpanan = _Simpanan.untuk(sel, jumlah, ambang, batas)
    found = simpanan.baca() if simpanan else None
    if found is None:
        found = _tekan_baru(dict(sel), jumlah, ambang, sekunder)
        if simpanan:
            simpanan.tulis(found)
    return found


class _Simpanan:
    """One table's answer on disk (``tembolok.folder("sekunder")``), by content hash.

    Only for tables whose cell keys are plain literals (tuples of text and numbers) that
    ``repr`` writes and ``ast.literal_eval`` reads back equal; any other table, an unreadable
    entry or one naming a cell the table lacks is simply computed again.
    """

    _VERSI: bytes | None = None

    def __init__(self, path: Path, sel: tuple[tuple[Kunci, int], ...], ambang: int) -> None:
        self.path, self.sel, self.ambang = path, sel, ambang

    @classmethod
    def untuk(
        cls, sel: tuple[tuple[Kunci, int], ...], jumlah: tuple[Jumlah, ...], ambang: int, batas: int
    ) -> _Simpanan | None:
        if not all(_literal(k) for k, _ in sel) or not all(isinstance(v, int) for _, v in sel):
            return None
        if cls._VERSI is None:  # the algorithm is this file: another version, other keys
            cls._VERSI = hashlib.sha256(Path(__file__).read_bytes()).digest()
        key = hashlib.sha256(cls._VERSI)
        key.update(repr((sel, tuple((j.suku, j.nilai) for j in jumlah), ambang, batas)).encode("utf-8"))
        return cls(tembolok.folder("sekunder") / f"{key.hexdigest()}.txt", sel, ambang)

    def baca(self) -> Penekanan | None:
        try:
            primer, sekunder, terbuka = ast.literal_eval(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            return None
        cells = {k for k, _ in self.sel}
        if not all(isinstance(x, tuple) and set(x) <= cells for x in (primer, sekunder, terbuka)):
            return None
        # Whatever the file says, a small count is never shown: the primary cells are recomputed (cheap) and
        # an entry that disagrees, or that also marks one of them secondary, is not trusted.
        if set(primer) != {k for k, v in self.sel if 0 < v < self.ambang} or set(primer) & set(sekunder):
            return None
        return Penekanan(frozenset(primer), frozenset(sekunder), frozenset(terbuka))

    def tulis(self, p: Penekanan) -> None:
        order = [k for k, _ in self.sel]  # table order: the same file for the same answer
        text = repr(tuple(tuple(k for k in order if k in part) for part in (p.primer, p.sekunder, p.terbuka)))
        with contextlib.suppress(OSError):  # a read-only cache folder: computed next time too
            write_text_atomic(self.path, text + "\n")


def _literal(key: Kunci) -> bool:
    """A key that ``repr`` writes and ``ast.literal_eval`` reads back as the same value and type."""
    if isinstance(key, tuple):
        return all(_literal(k) for k in key)
    return type(key) in (str, int)


def _tekan_baru(nilai: Mapping[Kunci, int], jumlah: Sequence[Jumlah], ambang: int, sekunder: bool) -> Penekanan:
    primer = [k for k, v in nilai.items() if 0 < v < ambang]
    if not sekunder:
        return Penekanan(frozenset(primer), frozenset())
    hidden = set(primer)
    marked = set(primer)
    safe: set = set()
    exposed: set = set()
    everything = set(nilai)
    audit = _Audit(nilai, jumlah, ambang)
    while True:
        bad = next(
            (
                k
                for k in nilai
                if k in hidden and k not in safe and k not in exposed and audit.terungkap(hidden, marked, k)
            ),
            None,
        )
        # every hidden cell checked before `bad` is safe now, and stays safe (see module docstring)
        for k in nilai:
            if k == bad:
                break
            if k in hidden:
                safe.add(k)
        if bad is None:
            break
        if bad in marked and audit.terungkap(everything, marked, bad):
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
