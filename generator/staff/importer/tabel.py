"""Turn the decree table's flat rows back into area → [kelompok] → kegiatan → indikator → aksi.

A decree keeps its hierarchy in the columns: the area (a row of its own in
Roman numerals, or an AREA PERUBAHAN column), the kegiatan/komponen, the
indikator/sub kegiatan, and one row per aksi. A higher level's text is written
once: in a merged cell spanning the rows below (xlsx), or in the first row
with blanks below, or repeated on every row (csv). All three mean "same item
as above". Leaf cells (bukti, jadwal, target, ket) never inherit from a blank:
a blank there is really empty.

Every item remembers the sheet position it came from, and whatever could not
be placed is noted with its position, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.domain.areas import AreaError, match_area
from generator.domain.jadwal import JadwalError, parse_jadwal
from generator.staff.importer.layout import Layout, is_column_numbers, is_header_again
from generator.staff.importer.read import Cell, Grid

NOMOR_RE = re.compile(r"^(?:\(?\d{1,3}[.)]?|\(?[A-Za-z][.)]|[IVXLC]{1,6}\.?)$")
_PREFIX_RE = re.compile(r"^(\(?(?:\d{1,2}|[A-Za-z])[.)])\s+(?=\S)(.*)$", re.S)
_ROMAN_RE = re.compile(r"^(?P<nomor>(?P<num>[IVXL]{1,6})\.?)(?=\s|$)\s*(?P<title>.*)$", re.S)
_ARABIC_RE = re.compile(r"^(?P<nomor>(?P<num>\d{1,2})[.)]?)(?=\s|$)\s*(?P<title>.*)$", re.S)
_SIGNATURE_RE = re.compile(
    r"^(salinan sesuai|[A-Z][A-Za-z .'-]+, \d{1,2} [A-Za-z]+ \d{4}$|ttd\b|ditetapkan di\b|an\. |a\.n\. )", re.I
)
MARKS = {"v", "x", "✓", "✔", "√", "☑", "☒", "✗", "✘", "●", "•", "■", "▪", "*", "1", "ya", "y", "ok", "+", "o"}
NOT_MARKS = {"-", "–", "—", "0", "tidak", "."}
LEAF = ("uraian", "bukti", "jadwal", "target", "penanggung_jawab", "ket")


@dataclass(frozen=True)
class Note:
    """Something in the sheet that was not imported, or imported by a guess staff should check."""

    row: int
    col: int | None
    where: str
    message: str


@dataclass
class Val:
    nomor: str | None = None
    text: str | None = None
    own: bool = False  # typed in this row
    merged: bool = False  # covered by a merge from the row above
    where: str = ""

    @property
    def key(self) -> tuple[str | None, str | None]:
        return (self.nomor, self.text)

    @property
    def blank(self) -> bool:
        return not self.own and not self.merged


@dataclass
class Table:
    areas: list[dict]
    notes: list[Note]
    where: dict[int, str]  # id(item dict) -> sheet position of the row that created it
    rows: dict[int, tuple[int, int]]  # id(area dict) -> (first row, last row)
    month_fills: int = 0  # months read from a cell's colour rather than a typed mark
    last_row: int = 0


@dataclass
class _Row:
    r: int
    cells: list[Cell]
    own: list[Cell]  # cells with typed text, in known columns
    section: bool = False


@dataclass
class _State:
    area: dict | None = None
    kelompok: dict | None = None
    kegiatan: dict | None = None
    indikator: dict | None = None
    keys: dict[str, tuple] = field(default_factory=dict)


def read_rows(grid: Grid, layout: Layout) -> Table:
    return _Reader(grid, layout).run()


class _Reader:
    def __init__(self, grid: Grid, layout: Layout):
        self.grid = grid
        self.layout = layout
        self.notes: list[Note] = []
        self.where: dict[int, str] = {}
        self.rows: dict[int, tuple[int, int]] = {}
        self.areas: list[dict] = []
        self.s = _State()
        self.month_fills = 0
        known = {c for sp in layout.spans if sp.field for c in sp.cols}
        self.known_cols = known
        self.ignored_cols = {c for sp in layout.spans if sp.ignored for c in sp.cols}
        nomor = layout.span("nomor")
        kegiatan = layout.span("kegiatan")
        self.left_cols = set((nomor.cols if nomor else ()) + (kegiatan.cols if kegiatan else ()))
        # Where the NO column's number belongs: the area when areas have their own column.
        self.nomor_level = "area" if layout.area_column else "kegiatan"

    # ------------------------------------------------------------------ rows
    def run(self) -> Table:
        views = self._views()
        last = 0
        for i, v in enumerate(views):
            last = v.r
            if self._section(v):
                continue
            if not self.layout.area_column and self._kelompok(v, views[i + 1 : i + 2]):
                continue
            self._regular(v)
        return Table(
            self.areas,
            sorted(self.notes, key=lambda n: (n.row, n.col or 0)),
            self.where,
            self.rows,
            self.month_fills,
            last,
        )

    def _views(self) -> list[_Row]:
        """Rows with content, in order; repeated headers, column numbers and the signature block left out."""
        out: list[_Row] = []
        skip_numbers = False
        grid, layout = self.grid, self.layout
        for r in range(layout.first_data_row, len(grid.rows) + 1):
            cells = grid.rows[r - 1]
            own = [c for c in cells if c.text]
            if not own and not any(c.filled for c in cells if c.col in layout.months):
                continue
            if own and is_header_again(cells, layout):
                skip_numbers = True
                continue
            if skip_numbers and is_column_numbers(cells):
                skip_numbers = False
                continue
            skip_numbers = False
            if own and _SIGNATURE_RE.match(own[0].text):
                rest = [rr for rr in range(r, len(grid.rows) + 1) if any(c.text for c in grid.rows[rr - 1])]
                self._note(
                    r,
                    None,
                    f"baris {r}–{rest[-1]} (bagian tanda tangan di bawah tabel, mulai "
                    f"'{_short(own[0].text)}') tidak diimpor; isi lampiran.penandatangan "
                    "di berkas hasil bila perlu",
                )
                break
            if len(own) > 1 and len({c.text for c in own}) == 1 and not any(c.col in layout.months for c in own):
                own = own[:1]  # one title copied into every cell of a merged row
                cells = [c if c is own[0] or not c.text else Cell("", c.row, c.col) for c in cells]
            kept = []
            for c in own:
                if c.col in self.known_cols:
                    kept.append(c)
                elif c.col not in self.ignored_cols:
                    heading = self.layout.unknown_cols.get(c.col)
                    why = f"di kolom '{heading}' yang judulnya tidak dikenal" if heading else "di kolom tanpa judul"
                    hint = f' (petakan dengan --kolom "{heading}=bidang")' if heading else ""
                    self._note(r, c.col, f"teks '{_short(c.text)}' {why}; tidak diimpor{hint}")
            out.append(_Row(r, cells, kept))
        return out

    # -------------------------------------------------------------- sections
    def _section(self, v: _Row) -> bool:
        """Area rows ('I. MANAJEMEN PERUBAHAN') and the line under an area's title, when areas are rows."""
        if self.layout.area_column or not v.own:
            return False
        if any(c.col not in self.left_cols for c in v.own) or any(self._mark_cells(v)):
            return False
        first = v.own[0]
        m = _ROMAN_RE.match(first.text)
        area = self.s.area
        if m and len(v.own) <= 2:
            title = m.group("title").strip() or (v.own[1].text if len(v.own) > 1 else "")
            if area is not None and _roman(area["nomor"]) == m.group("num") and not _has_content(area):
                self._subjudul(area, v)
                return True
            if not title:
                return False
            self._new_area(v.r, first, m.group("nomor"), title)
            return True
        m = _ARABIC_RE.match(first.text)
        if m and len(v.own) <= 2 and all(_ARABIC_RE.match(a.get("nomor") or "") for a in self.areas):
            # '1. MANAJEMEN PERUBAHAN' alone on its row: an area when its title names one (else a kegiatan
            # or sub-programme numbered 1, as in the Gunungkidul layout).
            title = m.group("title").strip() or (v.own[1].text if len(v.own) > 1 else "")
            if title and _names_area(title):
                self._new_area(v.r, first, m.group("nomor"), title)
                return True
        if (
            len(v.own) == 1
            and area is not None
            and not _has_content(area)
            and first.col == min(self.left_cols)
            and not NOMOR_RE.match(first.text)
        ):
            self._subjudul(area, v)
            return True
        return False

    def _subjudul(self, area: dict, v: _Row) -> None:
        text = " ".join(c.text for c in v.own)
        if area.get("subjudul"):
            area["subjudul"] += "\n" + text
        else:
            area["subjudul"] = text
        self._touch(area, v.r)

    def _new_area(self, r: int, cell: Cell, nomor: str | None, judul: str | None) -> dict:
        area: dict = {"nomor": nomor, "judul": judul}
        self.areas.append(area)
        self.where[id(area)] = self.grid.where(r, cell.col)
        self.rows[id(area)] = (r, r)
        self.s = _State(area=area)
        return area

    def _kelompok(self, v: _Row, following: list[_Row]) -> bool:
        """'1 Pengendalian Gratifikasi' alone on its row, followed by kegiatan numbered from 1 again."""
        if self.s.area is None or not v.own or any(c.col not in self.left_cols for c in v.own):
            return False
        keg = self._kegiatan_val(v)
        if not keg.own or not keg.nomor or not keg.text or not following:
            return False
        nxt = self._kegiatan_val(following[0])
        if not nxt.own or _ordinal(nxt.nomor) != 1 or nxt.key == keg.key:
            return False
        area = self.s.area
        if area.get("kegiatan"):
            # Kegiatan before the first sub-programme: keep them, in a group without a title.
            loose = {"kegiatan": area.pop("kegiatan")}
            area.setdefault("kelompok", []).append(loose)
            self._note(
                v.r,
                None,
                f"kegiatan area {area.get('nomor')} sebelum sub-program pertama "
                "dikelompokkan tanpa judul; periksa berkas hasil",
            )
        group: dict = {"nomor": keg.nomor, "judul": keg.text}
        area.pop("kegiatan", None)
        area.setdefault("kelompok", []).append(group)
        self.where[id(group)] = keg.where
        self._touch(area, v.r)
        self.s = _State(area=area, kelompok=group)
        return True

    # --------------------------------------------------------------- regular
    def _regular(self, v: _Row) -> None:
        s, grid = self.s, self.grid
        fresh = False
        # Area (when areas are a column).
        if self.layout.area_column:
            a = self._span_val(v, "area", hierarchy=True)
            no = self._span_val(v, "nomor", hierarchy=True)
            key = (no.text, a.text)
            if (a.own or no.own) and (s.area is None or key != s.keys.get("area")):
                self._new_area(v.r, self._first_own(v, ("nomor", "area")), no.text, a.text)
                self.s.keys["area"] = key
                s = self.s
                fresh = True
        if s.area is None:
            for c in v.own:
                self._note(v.r, c.col, f"teks '{_short(c.text)}' berada sebelum baris area pertama; tidak diimpor")
            return
        self._touch(s.area, v.r)
        # Kegiatan.
        keg = self._kegiatan_val(v)
        if keg.own and (fresh or keg.key != s.keys.get("kegiatan")):
            s.kegiatan = self._add(self._kegiatan_list(), {"nomor": keg.nomor, "judul": keg.text}, keg.where)
            s.keys["kegiatan"] = keg.key
            s.indikator, fresh = None, True
            s.keys.pop("indikator", None)
        elif fresh:
            s.kegiatan = s.indikator = None
        kegiatan_blank = keg.blank
        # Indikator.
        ind = self._span_val(v, "indikator", hierarchy=True)
        if ind.own and (fresh or ind.key != s.keys.get("indikator")):
            kegiatan = self._ensure_kegiatan(v)
            if kegiatan_blank and not fresh and _restarts(ind.nomor, kegiatan.get("indikator", [])):
                self._note(
                    v.r,
                    None,
                    f"nomor {ind.nomor} pada kolom {self._heading('indikator')} "
                    "mulai lagi tanpa judul kegiatan baru; dibuat kegiatan tanpa nomor dan "
                    "judul (judulnya mungkin hilang), periksa berkas hasil",
                )
                kegiatan = s.kegiatan = self._add(self._kegiatan_list(), {}, ind.where)
                s.keys["kegiatan"] = ("?", v.r)
            s.indikator = self._add(
                kegiatan.setdefault("indikator", []), {"nomor": ind.nomor, "teks": ind.text}, ind.where
            )
            s.keys["indikator"] = ind.key
            fresh = True
        elif fresh:
            s.indikator = None
        indikator_blank = ind.blank
        # Aksi: one per row with any leaf content.
        aksi = self._aksi(v)
        if aksi is None:
            return
        if self.layout.span("indikator") is None:  # no indikator level in this layout: none is invented
            self._add(self._ensure_kegiatan(v).setdefault("aksi", []), aksi, grid.where(v.r))
            return
        indikator = self._ensure_indikator(v)
        nomor = aksi.get("nomor")
        if indikator_blank and not fresh and _restarts(nomor, indikator.get("aksi", [])):
            self._note(
                v.r,
                None,
                f"nomor {nomor} pada kolom {self._heading('uraian')} mulai lagi "
                "tanpa indikator baru; dibuat indikator tanpa teks (teksnya mungkin hilang), "
                "periksa berkas hasil",
            )
            indikator = s.indikator = self._add(
                self._ensure_kegiatan(v).setdefault("indikator", []), {}, grid.where(v.r)
            )
            s.keys["indikator"] = ("?", v.r)
        self._add(indikator.setdefault("aksi", []), aksi, grid.where(v.r))

    def _ensure_kegiatan(self, v: _Row) -> dict:
        if self.s.kegiatan is None:
            self.s.kegiatan = self._add(self._kegiatan_list(), {}, self.grid.where(v.r))
            self.s.keys["kegiatan"] = ("?", v.r)
        return self.s.kegiatan

    def _ensure_indikator(self, v: _Row) -> dict:
        if self.s.indikator is None:
            self.s.indikator = self._add(self._ensure_kegiatan(v).setdefault("indikator", []), {}, self.grid.where(v.r))
            self.s.keys["indikator"] = ("?", v.r)
        return self.s.indikator

    def _kegiatan_list(self) -> list:
        if self.s.kelompok is not None:
            return self.s.kelompok.setdefault("kegiatan", [])
        assert self.s.area is not None  # rows before the first area heading never reach here
        return self.s.area.setdefault("kegiatan", [])

    def _add(self, siblings: list, item: dict, where: str) -> dict:
        item = {k: v for k, v in item.items() if v is not None}
        siblings.append(item)
        self.where[id(item)] = where
        return item

    def _touch(self, area: dict, r: int) -> None:
        first, _ = self.rows.get(id(area), (r, r))
        self.rows[id(area)] = (first, r)

    # ---------------------------------------------------------------- values
    def _kegiatan_val(self, v: _Row) -> Val:
        keg = self._span_val(v, "kegiatan", hierarchy=True)
        if self.nomor_level == "kegiatan":
            no = self._span_val(v, "nomor", hierarchy=True)
            if no.own or keg.own:
                keg = Val(
                    no.text if no.own else (keg.nomor if keg.own else None),
                    keg.text if keg.own else None,
                    True,
                    False,
                    keg.where if keg.own else no.where,
                )
            else:
                keg = Val(None, None, False, keg.merged or no.merged, keg.where)
        return keg

    def _span_val(self, v: _Row, name: str, hierarchy: bool) -> Val:
        span = self.layout.span(name)
        if span is None:
            return Val(where=self.grid.where(v.r))
        cells = [v.cells[c - 1] for c in span.cols if c <= len(v.cells) and c not in self.layout.months]
        own = [c for c in cells if c.text and c in v.own]
        where = self.grid.where(v.r, (own[0] if own else cells[0]).col) if cells else self.grid.where(v.r)
        if own:
            texts = [c.text for c in own]
        elif not hierarchy and any(c.below_merge for c in cells):
            texts = [self.grid.cell(*c.merged_from).text for c in cells if c.below_merge and c.merged_from]
            texts = [t for t in texts if t]
            return self._split(name, texts, v, where, own=False, merged=True)
        else:
            return Val(None, None, False, any(c.below_merge for c in cells), where)
        return self._split(name, texts, v, where, own=True, merged=False)

    def _split(self, name: str, texts: list[str], v: _Row, where: str, own: bool, merged: bool) -> Val:
        """Number and text of one field: two cells ('a.' | 'Penyusunan ...') or one ('1) Unit kerja ...')."""
        if name == "nomor":
            return Val(None, " ".join(texts) or None, own, merged, where)
        nomor = None
        if len(texts) >= 2 and NOMOR_RE.match(texts[0]):
            nomor, texts = texts[0], texts[1:]
        elif len(texts) == 1 and NOMOR_RE.match(texts[0]) and name in ("kegiatan", "indikator", "uraian"):
            return Val(texts[0], None, own, merged, where)
        if len(texts) > 1:
            self._note(
                v.r,
                None,
                f"kolom {self._heading(name)} berisi {len(texts)} sel teks; "
                "digabung dengan spasi, periksa berkas hasil",
            )
        text = " ".join(texts) if texts else None
        if nomor is None and text and name in ("kegiatan", "indikator", "uraian") and "\n" not in text:
            m = _PREFIX_RE.match(text)
            # A LANGKAH AKSI cell may itself be a list ('1. ... 2. ...'); only 'a)' / '1)' number an aksi.
            if (
                m
                and not (name == "kegiatan" and self.nomor_level == "kegiatan")
                and (name != "uraian" or m.group(1).endswith(")"))
            ):
                nomor, text = m.group(1), m.group(2)
        return Val(nomor, text, own, merged, where)

    def _aksi(self, v: _Row) -> dict | None:
        item: dict = {}
        typed = False
        for name in LEAF:
            if name == "jadwal" and self.layout.months:
                continue
            val = self._span_val(v, name, hierarchy=False)
            typed = typed or val.own
            if name == "uraian" and val.nomor:
                item["nomor"] = val.nomor
            if val.text:
                item[name] = val.text
        if self.layout.months:
            months, marked = self._months(v)
            typed = typed or marked
            if months and self.layout.periods:
                # Ticked quarter/semester columns -> their labels as the sheet writes them: 'TW I, TW III'.
                labels = [lab for col, lab in sorted(self.layout.periods.items()) if self.layout.months[col] in months]
                item["jadwal"] = ", ".join(labels)
            elif months:
                item["jadwal"] = months
        if not typed or not item:
            return None
        if set(item) == {"nomor"}:
            self._note(v.r, None, f"baris bernomor {item['nomor']} tanpa isi; tidak diimpor")
            return None
        order = ("nomor", *LEAF)
        return {k: item[k] for k in order if k in item}

    def _mark_cells(self, v: _Row) -> list[Cell]:
        return [c for c in v.own if c.col in self.layout.months]

    def _months(self, v: _Row) -> tuple[list[int], bool]:
        """Month ticks ('v', 'x', '✓', a shaded cell) in the PELAKSANAAN columns -> month numbers."""
        months: set[int] = set()
        typed = False
        uraian = self.layout.span("uraian")
        shaded_row = any(v.cells[c - 1].filled for c in uraian.cols if c <= len(v.cells)) if uraian else False
        for col, month in self.layout.months.items():
            if col > len(v.cells):
                continue
            cell = v.cells[col - 1]
            text = cell.text
            if not text and cell.merged_from and cell.merged_from[1] in self.layout.months:
                text = self.grid.cell(*cell.merged_from).text
            if cell.text:
                typed = True
            mark = " ".join(text.split()).lower()
            if not mark:
                if cell.filled and not shaded_row:
                    months.add(month)
                    self.month_fills += 1
                    typed = True
                continue
            if mark in MARKS:
                months.add(month)
            elif mark in NOT_MARKS:
                continue
            else:
                try:
                    found = parse_jadwal(text).bulan
                except JadwalError:
                    found = ()
                if found:
                    months.update(found)
                elif cell.text:
                    self._note(
                        v.r,
                        col,
                        f"tanda bulan '{_short(text)}' tidak dikenal; tulis v pada kolom "
                        "bulan pelaksanaan (bulan ini tidak diimpor)",
                    )
        return sorted(months), typed

    def _first_own(self, v: _Row, names: tuple[str, ...]) -> Cell:
        cols = {c for n in names if (sp := self.layout.span(n)) for c in sp.cols}
        return next((c for c in v.own if c.col in cols), v.cells[0])

    def _heading(self, name: str) -> str:
        """The sheet's own heading of a column the layout found (its field name if it found none)."""
        span = self.layout.span(name)
        return span.heading if span is not None else name

    def _note(self, r: int, col: int | None, message: str) -> None:
        self.notes.append(Note(r, col, self.grid.where(r, col), message))


def _names_area(title: str) -> bool:
    try:
        match_area(title)
    except AreaError:
        return False
    return True


def _roman(nomor: str | None) -> str | None:
    return nomor.rstrip(".").strip() if nomor else None


def _has_content(area: dict) -> bool:
    return bool(area.get("kegiatan") or area.get("kelompok"))


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _ordinal(nomor: str | None) -> int | None:
    """1 for '1', '1)', 'a.', 'a)', 'I.'; None when there is no number."""
    if not nomor:
        return None
    tok = re.sub(r"[^0-9A-Za-z]", "", nomor)
    if tok.isdigit():
        return int(tok)
    if len(tok) == 1 and tok.isalpha():
        return ord(tok.lower()) - 96
    if tok and all(ch in _ROMAN_VALUES for ch in tok):
        total = 0
        for ch, nxt in zip(tok, tok[1:] + " "):
            v = _ROMAN_VALUES[ch]
            total += -v if nxt in _ROMAN_VALUES and _ROMAN_VALUES[nxt] > v else v
        return total
    return None


def _restarts(nomor: str | None, siblings: list[dict]) -> bool:
    """Numbering goes back (a 2) after 4)): the rows belong to a new parent whose title is missing."""
    new = _ordinal(nomor)
    olds = [o for x in siblings if (o := _ordinal(x.get("nomor"))) is not None]
    return new is not None and bool(olds) and new <= olds[-1]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
