"""The lampiran (annex table) of a rencana aksi.

One shape holds both seed layouts without loss:

    area -> [kelompok] -> kegiatan -> indikator -> aksi

Gunungkidul 2024: area (I.) -> sub-programme (area V) -> KOMPONEN -> INDIKATOR
-> LANGKAH AKSI rows. Wonosobo 2026: AREA PERUBAHAN (1.) -> KEGIATAN (a.) ->
SUB KEGIATAN (1)) -> INDIKATOR KEBERHASILAN (a)). ``Kolom`` maps each level
to the decree's own heading, so the site shows the decree's words.

Other offices' layouts fit the same shape: a schedule by quarter or half year
(``jadwal: "TW II"``, months derived), a column naming who is responsible
(``penanggung_jawab`` under the decree's heading: PENANGGUNG JAWAB, PJ,
PELAKSANA, UNIT KERJA), OUTPUT/KELUARAN as ``bukti`` under its own heading, and
no indikator level at all (``kolom.indikator`` absent, ``aksi`` directly under
each kegiatan: nothing invented in between).

Where the source copy lost text, an item carries ``celah`` (a gap note) instead
of invented text; a cell that is empty in the source itself is ``kosong`` (not a
gap). Where the transcription inferred an item's order, numbering or placement,
the item carries ``catatan_transkripsi``, shown on the page beside it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, WithJsonSchema, field_validator, model_validator

from generator.domain.areas import BY_CODE, AreaError, match_area
from generator.domain.jadwal import JadwalError, parse_jadwal
from generator.model.base import Nomor, Teks, ZiModel, zi_error
from generator.model.nilai import Bulan

CATATAN_TRANSKRIPSI = (
    "Catatan singkat bila transkripsi menyimpulkan urutan, penomoran atau letak butir ini "
    "(bukan teks keputusan); ditampilkan di halaman sebagai catatan transkripsi."
)


def _catatan() -> Any:
    return Field(None, description=CATATAN_TRANSKRIPSI)


class Kolom(ZiModel):
    """The decree's own column headings. A column absent here is absent in the decree."""

    nomor: str = Field(description="Judul kolom nomor, mis. 'NO' atau 'No.'.")
    area: str | None = Field(None, description="Judul kolom area bila area menjadi kolom (mis. 'AREA PERUBAHAN').")
    kegiatan: str = Field(description="mis. 'KOMPONEN' atau 'KEGIATAN'.")
    indikator: str | None = Field(
        None, description="mis. 'INDIKATOR' atau 'SUB KEGIATAN'; kosong bila keputusan tidak memuat tingkat indikator."
    )
    uraian: str = Field(description="mis. 'LANGKAH AKSI' atau 'INDIKATOR KEBERHASILAN'.")
    bukti: str | None = Field(None, description="mis. 'BUKTI FISIK'.")
    jadwal: str | None = Field(None, description="mis. 'TARGET WAKTU' atau 'PELAKSANAAN (BULAN)'.")
    target: str | None = Field(None, description="mis. 'TARGET CAPAIAN'.")
    penanggung_jawab: str | None = Field(
        None, description="mis. 'PENANGGUNG JAWAB', 'PJ', 'PELAKSANA' atau 'UNIT KERJA'."
    )
    ket: str | None = Field(None, description="mis. 'KET'.")
    jadwal_bulanan: bool = Field(False, description="true bila kolom jadwal berupa kisi bulan 1-12 (bukan teks).")
    nomor_kolom: bool = Field(False, description="true bila keputusan memuat baris nomor kolom 1, 2, 3, ...")


class Aksi(ZiModel):
    """One row of the decree's table: the unit of work that progress refers to."""

    id: str | None = Field(None, description="Kode tetap baris; bila kosong diturunkan dari penomoran keputusan.")
    nomor: Nomor | None = Field(None, description="Penomoran dalam keputusan, mis. 'a)'. Kosong bila tidak bernomor.")
    uraian: Teks | None = Field(None, description="Isi kolom uraian (langkah aksi / indikator keberhasilan).")
    bukti: Teks | None = Field(None, description="Isi kolom bukti/output (mis. BUKTI FISIK) apa adanya.")
    jadwal: Teks | list[Bulan] | None = Field(
        None,
        description="Teks keputusan ('Januari – Desember 2024', 'TW II', 'Semester I') "
        "atau daftar nomor bulan [3, 6, 9, 12].",
    )
    target: Teks | None = Field(None, description="Isi kolom target (mis. TARGET CAPAIAN) apa adanya.")
    penanggung_jawab: Teks | None = Field(None, description="Unit atau pejabat yang bertanggung jawab, apa adanya.")
    ket: Teks | None = Field(None, description="Isi kolom keterangan (KET) apa adanya.")
    celah: str | None = Field(None, description="Catatan bila (sebagian) baris tidak terbaca pada salinan sumber.")
    kosong: bool = Field(
        False, description="true bila sel uraian baris ini kosong pada sumber itu sendiri (terbaca, tetapi tanpa isi)."
    )
    catatan_transkripsi: str | None = _catatan()
    berulang: Literal["bulanan", "triwulanan", "semesteran"] | None = Field(
        None,
        description="Isi hanya bila sumber menyatakan aksi berulang; tanpa ini rentang 'Januari – Desember' "
        "dibaca sebagai batas waktu (jatuh tempo pada bulan terakhirnya), bukan tiap bulan.",
    )

    @field_validator("jadwal")
    @classmethod
    def _jadwal_readable(cls, value: str | list[int] | None) -> str | list[int] | None:
        if value is not None:
            try:
                parse_jadwal(value)
            except JadwalError as exc:
                raise zi_error(exc.message, exc.fix) from None
        return value

    @model_validator(mode="after")
    def _has_content(self) -> Aksi:
        if not any((self.uraian, self.bukti, self.jadwal, self.target, self.ket, self.celah, self.kosong)):
            raise zi_error(
                "baris aksi kosong: isi minimal salah satu dari uraian, bukti, jadwal, target, ket atau celah",
                "salin isi baris dari keputusan; bila baris itu tidak terbaca pada salinan sumber, tulis "
                "'celah: ...'; bila barisnya terbaca tetapi memang kosong pada sumber, tulis 'kosong: true'; "
                "bila baris itu tidak ada di keputusan, hapus butirnya",
            )
        if self.kosong and (self.uraian or self.celah):
            raise zi_error(
                "baris bertanda 'kosong: true' tetapi memuat " + ("uraian" if self.uraian else "celah"),
                "hapus 'kosong: true' bila sel uraian berisi teks atau tidak terbaca (celah); "
                "'kosong' hanya untuk sel yang terbaca tetapi kosong pada sumber",
            )
        return self


class Indikator(ZiModel):
    id: str | None = Field(None, description="Kode tetap indikator; bila kosong diturunkan dari penomoran keputusan.")
    nomor: Nomor | None = Field(
        None, description="Penomoran indikator dalam keputusan, mis. 'a)'. Kosong bila tidak bernomor."
    )
    teks: Teks | None = Field(None, description="Teks indikator apa adanya; kosong bila tidak terbaca.")
    celah: str | None = Field(None, description="Catatan bila (sebagian) indikator tidak terbaca pada salinan sumber.")
    catatan_transkripsi: str | None = _catatan()
    aksi: list[Aksi] = Field(default_factory=list, description="Baris langkah aksi di bawah indikator ini.")


class Kegiatan(ZiModel):
    id: str | None = Field(None, description="Kode tetap kegiatan; bila kosong diturunkan dari penomoran keputusan.")
    nomor: Nomor | None = Field(
        None, description="Penomoran kegiatan/komponen dalam keputusan, mis. 'a.'. Kosong bila tidak bernomor."
    )
    judul: Teks | None = Field(None, description="Judul kegiatan/komponen apa adanya; kosong bila tidak terbaca.")
    celah: str | None = Field(None, description="Catatan bila (sebagian) kegiatan tidak terbaca pada salinan sumber.")
    catatan_transkripsi: str | None = _catatan()
    indikator: list[Indikator] = Field(
        default_factory=list, description="Indikator di bawah kegiatan ini (bila keputusan memakai kolom indikator)."
    )
    aksi: list[Aksi] = Field(
        default_factory=list,
        description="Baris aksi langsung di bawah kegiatan, bila keputusan tidak memuat indikator.",
    )

    @model_validator(mode="after")
    def _one_level(self) -> Kegiatan:
        if self.indikator and self.aksi:
            raise zi_error(
                "kegiatan memuat 'indikator' dan 'aksi' sekaligus",
                "pindahkan baris 'aksi' ke bawah indikatornya, atau hapus tingkat 'indikator' "
                "bila keputusan tidak memuatnya",
            )
        return self


class Kelompok(ZiModel):
    """A sub-programme inside an area (Gunungkidul area V: Gratifikasi, WBS, ...)."""

    id: str | None = Field(None, description="Kode tetap sub-program; bila kosong diturunkan dari penomoran keputusan.")
    nomor: Nomor | None = Field(
        None, description="Penomoran sub-program dalam keputusan, mis. '1.'. Kosong bila tidak bernomor."
    )
    judul: Teks | None = Field(None, description="Judul sub-program apa adanya, mis. 'Pengendalian Gratifikasi'.")
    celah: str | None = Field(
        None, description="Catatan bila (sebagian) sub-program tidak terbaca pada salinan sumber."
    )
    catatan_transkripsi: str | None = _catatan()
    kegiatan: list[Kegiatan] = Field(default_factory=list, description="Kegiatan/komponen di dalam sub-program ini.")


class Area(ZiModel):
    nomor: Nomor = Field(description="Penomoran area dalam keputusan, mis. 'I.' atau '1.'.")
    judul: Teks | None = Field(None, description="Judul area apa adanya; kosong bila tidak terbaca.")
    area: Annotated[str, WithJsonSchema({"type": "string", "enum": list(BY_CODE)})] | None = Field(
        None, description="Kode area dari katalog (mis. 'penataan-tatalaksana'); bila kosong dicocokkan dari judul."
    )
    subjudul: Teks | None = Field(None, description="Baris judul tambahan di bawah judul area.")
    celah: str | None = Field(None, description="Catatan bila (sebagian) area tidak terbaca pada salinan sumber.")
    catatan_transkripsi: str | None = _catatan()
    kegiatan: list[Kegiatan] = Field(
        default_factory=list, description="Kegiatan/komponen langsung di bawah area (tanpa sub-program)."
    )
    kelompok: list[Kelompok] = Field(
        default_factory=list,
        description="Sub-program di dalam area (mis. area V Gunungkidul); pakai ini atau 'kegiatan', bukan keduanya.",
    )

    @model_validator(mode="after")
    def _one_shape(self) -> Area:
        if self.kegiatan and self.kelompok:
            raise zi_error(
                "area memuat 'kegiatan' dan 'kelompok' sekaligus",
                "pindahkan kegiatan itu ke dalam salah satu 'kelompok', atau hapus 'kelompok' dan tulis semua "
                "kegiatan langsung di bawah 'kegiatan'",
            )
        try:
            match_area(self.judul, self.area)
        except AreaError as exc:
            raise zi_error(exc.message, exc.fix) from None
        return self


class TandaTanganLampiran(ZiModel):
    tempat_tanggal: str | None = Field(
        None, description="Baris tempat dan tanggal di atas tanda tangan lampiran, apa adanya."
    )
    jabatan: list[str] = Field(
        default_factory=list, description="Baris-baris jabatan penandatangan lampiran, apa adanya."
    )
    ttd: str | None = Field(None, description="Tulisan pengganti tanda tangan pada salinan, mis. 'ttd.'.")
    nama: str | None = Field(None, description="Nama penandatangan lampiran apa adanya.")


class Lampiran(ZiModel):
    judul: list[str] = Field(description="Baris kepala lampiran (LAMPIRAN KEPUTUSAN ..., NOMOR ..., TENTANG ...).")
    judul_tabel: Teks | None = Field(None, description="Judul di atas tabel, bila ada.")
    kolom: Kolom = Field(description="Judul kolom tabel lampiran persis seperti di keputusan.")
    catatan_sumber: list[str] = Field(
        default_factory=list, description="Catatan tentang salinan sumber (halaman hilang, tanda bulan hilang, ...)."
    )
    area: list[Area] = Field(min_length=1, description="Area perubahan berurutan seperti di keputusan.")
    salinan_sesuai: SalinanSesuaiLampiran | None = Field(
        None, description="Blok 'Salinan sesuai dengan aslinya' di akhir lampiran, bila ada."
    )
    penandatangan: TandaTanganLampiran | None = Field(None, description="Tanda tangan di akhir lampiran, bila ada.")

    @model_validator(mode="after")
    def _indikator_declared(self) -> Lampiran:
        if self.kolom.indikator is None:
            for area in self.area:
                for k in [*area.kegiatan, *(k for g in area.kelompok for k in g.kegiatan)]:
                    if k.indikator:
                        raise zi_error(
                            f"area {area.nomor}: kegiatan memuat 'indikator', tetapi kolom.indikator tidak diisi",
                            "tulis judul kolom indikator keputusan pada kolom.indikator, mis. indikator: INDIKATOR, "
                            "atau letakkan baris 'aksi' langsung di bawah kegiatan",
                        )
        return self


class SalinanSesuaiLampiran(ZiModel):
    baris: list[str] = Field(default_factory=list, description="Baris-baris unit dan jabatan, apa adanya.")
    nama: str | None = Field(None, description="Nama pejabat yang mengesahkan salinan; kosong bila tidak terbaca.")


Lampiran.model_rebuild()
