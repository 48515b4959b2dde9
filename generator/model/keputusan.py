"""The Keputusan (decree) that adopts a year's rencana aksi.

Parts and their order follow the KPU decree layout (PKPU 2/2021 Tata Naskah
Dinas; Keputusan KPU 1442/2019), as seen in both seed decrees.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from generator.model.base import Teks, ZiModel
from generator.model.tautan import LokasiBerkas


class Diktum(ZiModel):
    label: str = Field(description="KESATU, KEDUA, ...")
    teks: Teks = Field(description="Isi diktum apa adanya (tanpa labelnya).")


class Penandatangan(ZiModel):
    jabatan: list[str] = Field(description="Baris-baris jabatan penandatangan, apa adanya.")
    nama: str = Field(description="Nama penandatangan apa adanya, seperti tertulis di bawah tanda tangan.")
    ttd: str | None = Field(None, description="Tulisan pengganti tanda tangan pada salinan, mis. 'ttd.'.")


class SalinanSesuai(ZiModel):
    """'Salinan sesuai dengan aslinya' block of a certified copy."""

    baris: list[str] = Field(description="Baris-baris unit dan jabatan, apa adanya.")
    nama: str | None = Field(None, description="Nama pejabat yang mengesahkan salinan; kosong bila tidak terbaca.")


class Label(ZiModel):
    """The decree's own body labels, exactly as written (case, colons). Defaults suit a decree
    that writes them plainly; set them to the decree's spelling, e.g. 'MEMUTUSKAN :'."""

    menimbang: str = Field("Menimbang", description="mis. 'Menimbang :'.")
    mengingat: str = Field("Mengingat", description="mis. 'Mengingat :'.")
    memutuskan: str = Field("Memutuskan", description="mis. 'MEMUTUSKAN:' atau 'MEMUTUSKAN :'.")
    menetapkan: str = Field("Menetapkan:", description="mis. 'Menetapkan :'.")
    diktum: str = Field(
        "{label}",
        description="Bentuk label diktum; {label} diganti KESATU, KEDUA, ...; mis. '{label} :' untuk 'KESATU :'.",
    )
    ditetapkan_di: str = Field("Ditetapkan di", description="mis. 'Ditetapkan di'.")
    pada_tanggal: str = Field("pada tanggal", description="mis. 'pada tanggal' atau 'Pada tanggal'.")


class Keputusan(ZiModel):
    instansi: list[str] = Field(description="Kop: baris nama instansi.")
    salinan: bool = Field(False, description="true bila sumbernya salinan (bertanda SALINAN).")
    judul: str = Field(description="mis. 'KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN GUNUNGKIDUL'.")
    nomor: str = Field(description="Nomor keputusan apa adanya, tanpa tahunnya, mis. '478'.")
    # The range only guides the editor: the plan checks it against its own year (generator.model.plan).
    tahun: int = Field(
        json_schema_extra={"minimum": 1999, "maximum": 2100},
        description="Tahun keputusan ditetapkan (tahun rencana aksi atau akhir tahun sebelumnya).",
    )
    tentang: Teks = Field(description="Isi 'TENTANG' keputusan, apa adanya.")
    jabatan: str = Field(description="Jabatan yang menetapkan, diikuti koma, mis. 'KETUA ...,'.")
    menimbang: list[Teks] = Field(min_length=1, description="Butir menimbang; huruf a., b. diberikan otomatis.")
    mengingat: list[Teks] = Field(min_length=1, description="Butir mengingat; nomor 1., 2. diberikan otomatis.")
    menetapkan: Teks = Field(description="Isi 'Menetapkan:' keputusan, apa adanya.")
    diktum: list[Diktum] = Field(min_length=1, description="Diktum keputusan berurutan: KESATU, KEDUA, ...")
    ditetapkan_di: str = Field(description="Tempat keputusan ditetapkan, mis. 'Wonosari'.")
    tanggal: dt.date = Field(description="Tanggal keputusan ditetapkan (TTTT-BB-HH, mis. 2024-03-01).")
    penandatangan: Penandatangan = Field(description="Jabatan dan nama yang menandatangani keputusan.")
    label: Label = Field(
        default_factory=Label, description="Label bagian keputusan apa adanya (Menimbang :, MEMUTUSKAN, ...)."
    )
    salinan_sesuai: SalinanSesuai | None = Field(
        None, description="Blok 'Salinan sesuai dengan aslinya' pada salinan resmi, bila ada."
    )
    berkas: LokasiBerkas | None = Field(
        None,
        description="Pindaian keputusan yang ditandatangani, relatif terhadap content/ (mis. unggahan/kep-478-2024.pdf).",
    )
