"""Staff's mapping of headings the importer does not know: ``--kolom "JUDUL=bidang"`` and ``--peta-kolom``."""

from __future__ import annotations

from pathlib import Path

from generator.staff.importer.layout import parse_peta


def column_mapping(kolom: tuple[str, ...], peta_kolom: Path | None) -> dict[str, str]:
    """``--kolom "JUDUL=bidang"`` (repeatable) over ``--peta-kolom`` (YAML ``JUDUL: bidang``), normalised."""
    pairs: dict[str, str] = {}
    if peta_kolom is not None:
        import yaml

        try:
            data = yaml.safe_load(Path(peta_kolom).read_text(encoding="utf-8"))
        except OSError:
            raise ValueError(f"berkas {peta_kolom} tidak dapat dibaca") from None
        except (yaml.YAMLError, UnicodeDecodeError):
            raise ValueError(f"berkas {peta_kolom} bukan YAML yang sah") from None
        if isinstance(data, dict) and isinstance(data.get("kolom"), dict):
            data = data["kolom"]
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise ValueError(
                f"berkas {peta_kolom} harus berisi baris 'JUDUL KOLOM: bidang', mis. 'NAMA KEGIATAN: kegiatan'"
            )
        pairs.update({str(k): v for k, v in data.items()})
    for item in kolom:
        heading, sep, name = item.rpartition("=")
        if not sep or not heading.strip() or not name.strip():
            raise ValueError(f"'{item}' tidak berbentuk JUDUL=bidang")
        pairs[heading.strip()] = name.strip()
    return parse_peta(pairs)
