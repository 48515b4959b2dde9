"""Recap files, one per kind per year: ``<tahun>/gratifikasi.yaml``, ``pengaduan.yaml``,
``wbs.yaml``, ``benturan-kepentingan.yaml`` (surveys: ``survei.py``).

Recaps hold aggregates only: counts and sums, never a person's identity
(UU 27/2022 tentang Pelindungan Data Pribadi; see ``generator.rules.privasi``).
Every count is recorded for the period in which the report came in; its state
(sedang diproses, selesai, ...) is as of the file's ``per_tanggal``.
Consistency between numbers (diproses + selesai ≤ harus ditindaklanjuti, ...)
is checked by ``generator.rules.rekap`` so each mistake gets its own line.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal, get_args

from pydantic import Field, model_validator

from generator.model.base import Teks, ZiModel, zi_error
from generator.model.nilai import Jumlah, PeriodeTeks, Rupiah, pilihan


class BerkasRekap(ZiModel):
    tahun: int = Field(ge=2000, le=2100, description="Tahun rekap ini; sama dengan nama folder tahunnya.")
    per_tanggal: dt.date = Field(description="Tanggal keadaan data ini (mis. 2024-12-20).")
    contoh: bool = Field(description="true bila angka di berkas ini data contoh (halaman diberi tanda 'Data contoh').")


class PeriodeRekap(ZiModel):
    periode: PeriodeTeks = Field(description="mis. 'Maret 2024', 'Triwulan I 2024' atau 'Semester I 2024'.")
    catatan: Teks | None = Field(None, description="Catatan singkat untuk pengunjung tentang periode ini.")


# --- Gratifikasi: Peraturan KPK 2/2019 (diubah Peraturan KPK 1/2026) ------------------

JenisLaporan = Literal["penerimaan", "penolakan"]
Objek = Literal["uang", "voucher", "barang", "makanan", "fasilitas", "lainnya"]
StatusGratifikasi = Literal["milik negara", "milik penerima", "dalam proses", "diteruskan ke KPK"]
JENIS_LAPORAN: tuple[str, ...] = get_args(JenisLaporan)
OBJEK: tuple[str, ...] = get_args(Objek)
STATUS_GRATIFIKASI: tuple[str, ...] = get_args(StatusGratifikasi)


class LaporanGratifikasi(ZiModel):
    jenis: Annotated[JenisLaporan, pilihan(*JENIS_LAPORAN)] = Field(description="'penerimaan' atau 'penolakan'.")
    jumlah: Jumlah = Field(description="Banyaknya laporan dengan ciri yang sama.")
    nilai: Rupiah = Field(description="Taksiran nilai seluruhnya dalam rupiah, angka saja.")
    objek: Annotated[Objek, pilihan(*OBJEK)] = Field(
        description="uang, voucher, barang, makanan, fasilitas atau lainnya."
    )
    status: Annotated[StatusGratifikasi, pilihan(*STATUS_GRATIFIKASI)] = Field(
        description="'milik negara', 'milik penerima', 'dalam proses' atau 'diteruskan ke KPK'."
    )


class BulanGratifikasi(PeriodeRekap):
    nihil: bool = Field(False, description="true bila bulan ini tidak ada laporan gratifikasi (laporan nihil).")
    laporan: list[LaporanGratifikasi] = Field(
        default_factory=list,
        description="Laporan gratifikasi bulan ini; kosongkan dan tulis 'nihil: true' bila tidak ada.",
    )

    @model_validator(mode="after")
    def _nihil_or_reports(self) -> BulanGratifikasi:
        if self.nihil and self.laporan:
            raise zi_error(
                "bulan ditandai 'nihil: true' tetapi memuat laporan", "hapus 'nihil: true' atau hapus daftar 'laporan'"
            )
        if not self.nihil and not self.laporan:
            raise zi_error(
                "bulan tanpa laporan dan tanpa 'nihil: true'",
                "tulis 'nihil: true' bila tidak ada laporan bulan ini; bulan yang belum direkap jangan ditulis",
            )
        return self


class RekapGratifikasi(BerkasRekap):
    rekap: list[BulanGratifikasi] = Field(default_factory=list, description="Satu butir per bulan.")


# --- Pengaduan masyarakat (DUMAS) ------------------------------------------------------


class KanalPengaduan(ZiModel):
    """Complaints received per channel. Channels not used may be left out."""

    website: Jumlah | None = Field(None, description="Pengaduan yang masuk lewat situs web.")
    surel: Jumlah | None = Field(None, description="Pengaduan yang masuk lewat surel.")
    whatsapp: Jumlah | None = Field(None, description="Pengaduan yang masuk lewat WhatsApp.")
    langsung: Jumlah | None = Field(None, description="Pengaduan yang disampaikan dengan datang langsung.")
    surat: Jumlah | None = Field(None, description="Pengaduan yang masuk lewat surat.")
    sp4n_lapor: Jumlah | None = Field(None, description="SP4N-LAPOR!")


NAMA_KANAL = {
    "website": "Website",
    "surel": "Surel",
    "whatsapp": "WhatsApp",
    "langsung": "Datang langsung",
    "surat": "Surat",
    "sp4n_lapor": "SP4N-LAPOR!",
}


class BulanPengaduan(PeriodeRekap):
    diterima: Jumlah = Field(description="Pengaduan yang masuk pada bulan ini.")
    harus_ditindaklanjuti: Jumlah = Field(description="Dari yang masuk, yang harus ditindaklanjuti.")
    sedang_diproses: Jumlah = Field(
        description="Dari yang harus ditindaklanjuti, yang masih diproses per tanggal data."
    )
    selesai: Jumlah = Field(description="Dari yang harus ditindaklanjuti, yang sudah selesai per tanggal data.")
    rata_rata_hari_kerja: Decimal | None = Field(
        None, ge=0, le=365, description="Rata-rata hari kerja sampai selesai, untuk pengaduan yang selesai."
    )
    kanal: KanalPengaduan | None = Field(
        None, description="Rincian pengaduan yang masuk per kanal; kanal yang tidak dipakai boleh dihapus."
    )
    kategori: dict[str, Jumlah] = Field(default_factory=dict, description="Jumlah per pokok aduan.")


class RekapPengaduan(BerkasRekap):
    standar_hari_kerja: int | None = Field(
        None, ge=1, le=365, description="Standar waktu penyelesaian pengaduan unit ini, dalam hari kerja."
    )
    rekap: list[BulanPengaduan] = Field(default_factory=list, description="Satu butir per bulan.")


# --- Whistle Blowing System --------------------------------------------------------------


class PeriodeWbs(PeriodeRekap):
    diterima: Jumlah = Field(description="Laporan WBS yang masuk pada periode ini.")
    diverifikasi: Jumlah = Field(description="Dari yang masuk, yang sudah diverifikasi.")
    ditindaklanjuti: Jumlah = Field(description="Dari yang diverifikasi, yang ditindaklanjuti.")
    ditutup: Jumlah = Field(description="Laporan yang sudah ditutup (selesai, atau tidak dapat ditindaklanjuti).")


class RekapWbs(BerkasRekap):
    rekap: list[PeriodeWbs] = Field(
        default_factory=list, description="Satu butir per periode (bulan, triwulan atau semester)."
    )


# --- Benturan kepentingan ---------------------------------------------------------------


class PeriodeBenturan(PeriodeRekap):
    pegawai_wajib: Jumlah = Field(description="Pegawai yang wajib menandatangani pernyataan.")
    pernyataan_ditandatangani: Jumlah = Field(description="Pegawai yang sudah menandatangani pernyataan.")
    potensi_teridentifikasi: Jumlah = Field(description="Potensi benturan kepentingan yang teridentifikasi.")
    potensi_ditangani: Jumlah = Field(description="Dari potensi yang teridentifikasi, yang sudah ditangani.")


class RekapBenturan(BerkasRekap):
    rekap: list[PeriodeBenturan] = Field(
        default_factory=list, description="Satu butir per periode (bulan, triwulan atau semester)."
    )
