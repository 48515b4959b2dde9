"""Secondary cell suppression (generator.rules.sekunder): hand-worked tables with literal expected sets."""

from __future__ import annotations

from generator.rules.sekunder import Jumlah, _Audit, tekan, terungkap
from generator.rules.terbit import tabel_jawaban


def _row(cells: dict, total: int) -> list[Jumlah]:
    return [Jumlah(tuple((k, 1) for k in cells), total)]


def test_lone_small_cell_gets_a_partner():
    # a=1 is hidden; with b=0 and c=5 shown, 6 - 0 - 5 gives it back. Hiding the zero would not help
    # (a is marked "< 3", so a >= 1 and a + b = 1 leaves a = 1); the next-smallest non-zero cell, c, is hidden.
    cells = {"a": 1, "b": 0, "c": 5}
    p = tekan(cells, _row(cells, 6), 3)
    assert (p.primer, p.sekunder) == ({"a"}, {"c"})


def test_without_secondary_only_the_primary_cell_is_hidden():
    cells = {"a": 1, "b": 0, "c": 5}
    p = tekan(cells, _row(cells, 6), 3, sekunder=False)
    assert (p.primer, p.sekunder) == ({"a"}, set())
    assert terungkap(cells, _row(cells, 6), {"a"}, {"a"}, 3, "a")


def test_two_small_cells_already_protect_each_other():
    # a=1, b=2 (both "< 3"), c=7, total 10: a + b = 3 with a, b in 1..2 leaves (1, 2) or (2, 1).
    cells = {"a": 1, "b": 2, "c": 7}
    p = tekan(cells, _row(cells, 10), 3)
    assert (p.primer, p.sekunder) == ({"a", "b"}, set())


def test_marks_that_give_the_count_away_are_dropped():
    # April 2024: surel 1, whatsapp 1, total 2. Two "< 3" marks summing to 2 can only be 1 + 1,
    # whatever else is hidden; the first loses its size mark (shown as "×"), then s + w = 2 with w
    # in 1..2 leaves (1, 1) or (0, 2).
    cells = {"website": 0, "surel": 1, "whatsapp": 1, "surat": 0}
    p = tekan(cells, _row(cells, 2), 3)
    assert (p.primer, p.sekunder) == ({"whatsapp"}, {"surel"})


def test_column_totals_count_as_published_sums():
    # 2 × 2 table with row totals (5, 6) and column totals (x, 5) where x is also a published cell.
    #        k1  k2 | total
    #   m1    1   4 |  5
    #   m2    5   1 |  6
    #   year  6   5 | 11
    cells = {("m1", "k1"): 1, ("m1", "k2"): 4, ("m2", "k1"): 5, ("m2", "k2"): 1, ("y", "k1"): 6, ("y", "k2"): 5}
    sums = [
        Jumlah(((("m1", "k1"), 1), (("m1", "k2"), 1)), 5),
        Jumlah(((("m2", "k1"), 1), (("m2", "k2"), 1)), 6),
        Jumlah(((("m1", "k1"), 1), (("m2", "k1"), 1), (("y", "k1"), -1)), 0),
        Jumlah(((("m1", "k2"), 1), (("m2", "k2"), 1), (("y", "k2"), -1)), 0),
        Jumlah(((("y", "k1"), 1), (("y", "k2"), 1)), 11),
    ]
    p = tekan(cells, sums, 3)
    # (m1,k1)=1 takes its row partner (m1,k2)=4 (smaller than its column partner 5); (m2,k2)=1 then takes
    # (m2,k1)=5, the only shown cell left in its sums. The four form a cycle: +t, -t, -t, +t keeps every sum.
    assert p.primer == {("m1", "k1"), ("m2", "k2")}
    assert p.sekunder == {("m1", "k2"), ("m2", "k1")}


def test_survey_row_needs_three_hidden_answers():
    # Wonosobo Triwulan I 2026, persyaratan: [0, 2, 30, 28] from 60 respondents, NRR 206/60.
    # Count and weighted sum are both published: two unknowns are always solvable, so three are hidden.
    # With answers 2, 3, 4 hidden: (2, 30, 28) or (1, 32, 27) both give 60 and 206.
    t = tabel_jawaban([0, 2, 30, 28], 3)
    assert (t.penekanan.primer, t.penekanan.sekunder) == ({2}, {3, 4})
    assert [t[k].nilai for k in (1, 2, 3, 4)] == [0, None, None, None]
    # pengaduan [1, 4, 33, 22]: the smallest non-zero partners come first: 4, then 22. With answers 1, 2, 4
    # hidden the only freedom is (-2, +3, -1), which moves the "< 3" cell by 2: still pinned to 1; so 33 goes too.
    t = tabel_jawaban([1, 4, 33, 22], 3)
    assert (t.penekanan.primer, t.penekanan.sekunder) == ({1}, {2, 3, 4})


def test_same_input_same_result():
    cells = {f"c{i}": v for i, v in enumerate([1, 0, 2, 5, 3, 1, 4])}
    first = tekan(cells, _row(cells, sum(cells.values())), 3)
    assert all(tekan(cells, _row(cells, sum(cells.values())), 3) == first for _ in range(3))


def test_remembered_verdicts_match_a_fresh_audit():
    # tekan remembers verdicts per hidden component and marks; the cells it leaves
    # hidden must still be safe when each is audited from scratch.
    rows = [[5, 1, 0, 7], [2, 0, 1, 9], [0, 4, 1, 1], [6, 2, 0, 3]]
    cells = {(r, c): v for r, row in enumerate(rows) for c, v in enumerate(row)}
    sums = [Jumlah(tuple(((r, c), 1) for c in range(4)), sum(rows[r])) for r in range(4)]
    sums += [Jumlah(tuple(((r, c), 1) for r in range(4)), sum(row[c] for row in rows)) for c in range(4)]
    p = tekan(cells, sums, 3)
    assert p.sekunder
    for k in p.tersembunyi - p.terbuka:
        assert not terungkap(cells, sums, set(p.tersembunyi), set(p.primer), 3, k)


def test_a_verdict_depends_on_the_marks_of_its_component():
    cells = {"a": 1, "b": 1, "c": 5}
    sums = [Jumlah((("a", 1), ("b", 1), ("c", 1)), 7)]
    audit = _Audit(cells, sums, 3)
    assert not audit.terungkap({"a", "b"}, set(), "a")  # a + b = 2 without marks: 0+2, 1+1, 2+0
    assert audit.terungkap({"a", "b"}, {"a", "b"}, "a")  # both marked "< 3": only 1 + 1


def test_remembered_tables_follow_every_change_of_their_input():
    # tekan remembers each table's answer (a recap's table is suppressed for several pages);
    # a changed number, sum, order or threshold must give the new table's answer, never the old one.
    from generator.rules.sekunder import _tekan

    cells = {"a": 1, "b": 0, "c": 5}
    first = tekan(cells, _row(cells, 6), 3)
    hits = _tekan.cache_info().hits
    assert tekan(dict(cells), _row(cells, 6), 3) == first
    assert _tekan.cache_info().hits == hits + 1  # the same table: remembered
    cells["a"] = 5  # the same dict, edited in place (as a reloaded file would give new values)
    p = tekan(cells, _row(cells, 10), 3)
    assert (p.primer, p.sekunder) == (set(), set())
    assert tekan({"a": 1, "b": 0, "c": 5}, _row(cells, 6), 6).primer == {"a", "c"}  # another threshold
    moved = {"c": 5, "b": 0, "a": 1}  # table order breaks ties
    assert tekan(moved, _row(moved, 6), 3) == tekan(dict(moved), _row(moved, 6), 3)
    assert tekan({"a": 1, "b": 0, "c": 5}, _row(cells, 6), 3) == first


def test_the_next_build_reads_the_answer_from_disk_and_never_a_stale_one(tmp_path, monkeypatch):
    from generator import tembolok
    from generator.rules import sekunder

    monkeypatch.setenv(tembolok.ENV, str(tmp_path))
    folder = tmp_path / "sekunder"
    cells = {("bulan", "2024-01", "surel"): 1, ("bulan", "2024-01", "wa"): 0, ("bulan", "2024-01", "web"): 5}
    sekunder._tekan.cache_clear()  # a new process
    first = tekan(cells, _row(cells, 6), 3)
    [entry] = folder.iterdir()
    sekunder._tekan.cache_clear()
    monkeypatch.setattr(sekunder, "_tekan_baru", lambda *a: (_ for _ in ()).throw(AssertionError("computed")))
    assert tekan(cells, _row(cells, 6), 3) == first  # read from disk, not computed
    monkeypatch.undo()
    monkeypatch.setenv(tembolok.ENV, str(tmp_path))

    changed = dict(cells)
    changed[("bulan", "2024-01", "web")] = 6  # a corrected recap: another key, computed afresh
    sekunder._tekan.cache_clear()
    p = tekan(changed, _row(changed, 7), 3)
    assert len(list(folder.iterdir())) == 2
    assert (p.primer, p.sekunder) == ({("bulan", "2024-01", "surel")}, {("bulan", "2024-01", "web")})

    shown = repr(((), (), ()))  # an entry that would publish the small count 1
    for broken in ("((", "(('x',), (), ())", "42", shown):  # unreadable, unknown cell, not the shape, a leak
        entry.write_text(broken, encoding="utf-8")
        sekunder._tekan.cache_clear()
        assert tekan(cells, _row(cells, 6), 3) == first
    sekunder._tekan.cache_clear()
    monkeypatch.setattr(sekunder._Simpanan, "_VERSI", b"another version of the algorithm")
    assert tekan(cells, _row(cells, 6), 3) == first
    assert len(list(folder.iterdir())) == 3  # its own entry
    # keys that a literal cannot carry (here a frozenset) are computed every time, never kept
    odd = {frozenset({1}): 1, "b": 0, "c": 5}
    sekunder._tekan.cache_clear()
    assert tekan(odd, _row(odd, 6), 3).primer == {frozenset({1})}
    assert len(list(folder.iterdir())) == 3
