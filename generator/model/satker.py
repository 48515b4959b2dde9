"""The unit (satuan kerja) whose commitments the site publishes."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from generator.model.base import ZiModel, zi_error
from generator.model.tautan import Tautan, TautanWeb

JenisKanal = Literal["pengaduan", "wbs", "gratifikasi", "lapor", "informasi", "lainnya"]


class Kontak(ZiModel):
    """Contact channels of the unit itself."""

    whatsapp: str | None = Field(None, description="Nomor WhatsApp call center, mis. 0812-3456-7890.")
    surel: str | None = Field(None, description="Alamat surel resmi.")
    telepon: str | None = Field(None, description="Nomor telepon kantor.")


class Kanal(ZiModel):
    """A reporting channel (pengaduan, WBS, gratifikasi, SP4N-LAPOR!, ...)."""

    jenis: JenisKanal = Field(description="Jenis kanal.")
    nama: str = Field(description="Nama kanal yang dilihat pengunjung.")
    keterangan: str | None = Field(None, description="Penjelasan singkat cara memakai kanal.")
    tautan: Tautan | None = Field(None, description="URL (https://...), mailto: atau tel:.")
    kontak: str | None = Field(None, description="Nomor atau alamat yang ditampilkan apa adanya.")
    contoh: bool = Field(False, description="true bila data ini belum diverifikasi (ditandai 'data contoh').")


class Privasi(ZiModel):
    """Publication rules for personal data (UU 27/2022 tentang Pelindungan Data Pribadi)."""

    ambang_sel_kecil: int = Field(
        3,
        ge=2,
        le=50,
        description="Angka rincian (per kanal, per kategori, ...) yang lebih kecil dari ini ditampilkan '< N'.",
    )

    @field_validator("ambang_sel_kecil", mode="before")
    @classmethod
    def _suppression_stays_on(cls, value: Any) -> Any:
        # A threshold of 1 hides only zeros and 0 hides nothing: a cell of one complaint or one
        # answer would then point at one person (UU 27/2022 tentang Pelindungan Data Pribadi).
        # The floor of 2 is this site's choice; no regulation sets a number.
        if isinstance(value, int) and not isinstance(value, bool) and value < 2:
            raise zi_error(
                f"ambang sel kecil {value} mematikan penyamaran angka kecil: rincian berisi satu orang "
                "(satu pengaduan, satu jawaban) akan tampil dan orangnya dapat dikenali",
                "tulis 'ambang_sel_kecil: 3' (bawaan), atau hapus baris ini; paling kecil 2",
            )
        return value


class JadwalTerbit(ZiModel):
    """The office's own publication schedule for its recaps: a setting, not a regulation."""

    batas_hari_rekap: int = Field(
        10,
        ge=1,
        le=28,
        description="Rekap bulanan terbit paling lambat tanggal ini pada bulan berikutnya. Ini jadwal terbit "
        "kantor sendiri; tidak ada peraturan yang menetapkan tanggalnya.",
    )


class Satker(ZiModel):
    """Identity of the unit; the site's name comes from here, not from mkdocs.yml."""

    nama: str = Field(description="Nama lengkap satuan kerja.")
    singkatan: str = Field(description="Nama pendek, mis. 'KPU Kabupaten Gunungkidul'.")
    nama_singkat_situs: str | None = Field(
        None,
        min_length=1,
        max_length=30,
        description="Nama situs yang muat di kepala halaman pada layar ponsel, mis. 'ZI KPU Gunungkidul'. "
        "Bila dikosongkan: 'ZI ' dan singkatan tanpa kata 'Kabupaten'/'Provinsi'.",
    )
    induk: str | None = Field(None, description="Instansi induk, mis. KPU Daerah Istimewa Yogyakarta.")
    alamat: str | None = Field(None, description="Alamat kantor.")
    kota: str | None = Field(None, description="Kota/kabupaten tempat kantor.")
    situs: TautanWeb | None = Field(None, description="Situs web resmi satuan kerja (https://...).")
    alamat_situs: TautanWeb | None = Field(
        None,
        description="Alamat tempat situs Zona Integritas ini diterbitkan, mis. 'https://kpu-gunungkidul.go.id/zi/'. "
        "Wajib diisi bila situs diterbitkan di subfolder (/zi/), agar halaman 404 tetap memuat tampilannya.",
    )
    logo: str | None = Field(
        None,
        description="Logo satuan kerja untuk kepala halaman dan ikon tab peramban (favicon): berkas SVG, PNG, JPEG "
        "atau WebP di folder content/, mis. 'unggahan/logo-kpu.png'. Bila dikosongkan: tanda berisi inisial "
        "satuan kerja dibuat otomatis.",
    )
    kontak: Kontak = Field(
        default_factory=Kontak, description="Kontak satuan kerja sendiri: WhatsApp call center, surel, telepon."
    )
    kanal: list[Kanal] = Field(default_factory=list, description="Kanal pengaduan dan pelaporan.")
    privasi: Privasi = Field(
        default_factory=Privasi,
        description="Aturan penerbitan data pribadi (penyamaran angka kecil); boleh dihapus untuk memakai bawaan.",
    )
    jadwal_terbit: JadwalTerbit = Field(
        default_factory=JadwalTerbit,
        description="Jadwal terbit rekap milik kantor sendiri; boleh dihapus untuk memakai bawaan.",
    )

    @property
    def nama_situs_singkat(self) -> str:
        """The name that fits a phone header: ``nama_singkat_situs``, else "ZI " + singkatan shortened.

        "Kabupaten" and "Provinsi" are dropped ("ZI KPU Gunungkidul"); "Kota" stays, since a regency
        and a city may share a name (Kabupaten Bogor, Kota Bogor).
        """
        if self.nama_singkat_situs:
            return self.nama_singkat_situs
        kata = [k for k in self.singkatan.split() if k.lower() not in {"kabupaten", "kab.", "provinsi", "prov."}]
        return "ZI " + " ".join(kata)
