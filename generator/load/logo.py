"""The unit's logo (satker.yaml ``logo``): a picture file inside content/ that a browser shows as an icon."""

from __future__ import annotations

from pathlib import Path

from generator.errors import Problem
from generator.load.berkas import check_upload
from generator.load.yaml_source import SourceMap, dotted

# Extension -> how the file must start (SVG: an XML text whose root is <svg>, checked below).
_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".webp": (b"RIFF",),
}
_KINDS = "SVG, PNG, JPEG atau WebP"


def check_logo(file: Path, source: SourceMap, value: str, content_dir: Path | None) -> list[Problem]:
    """The logo must be an existing SVG/PNG/JPEG/WebP file in content/ whose content matches its name."""
    loc = ("logo",)
    line, col = source.position(loc)
    suffix = Path(value).suffix.lower()
    if suffix not in (*_SIGNATURES, ".svg"):
        return [
            Problem(
                file,
                line,
                col,
                dotted(loc),
                f"logo '{value}' bukan berkas gambar yang dapat dipakai sebagai logo ({_KINDS})",
                "simpan logo sebagai .svg atau .png (mis. 'unggahan/logo.png') di folder content/ dan tulis "
                "lokasinya di sini, atau hapus baris 'logo' untuk memakai tanda inisial bawaan",
            )
        ]
    if content_dir is None:
        return []
    missing = check_upload(file, source, loc, value, content_dir)
    if missing:
        return missing
    head = (content_dir / value).read_bytes()[:512]
    if suffix == ".svg":
        text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
        matches = text.startswith(("<svg", "<?xml", "<!--", "<!DOCTYPE svg")) and "<svg" in text
    else:
        matches = head.startswith(_SIGNATURES[suffix]) and (suffix != ".webp" or head[8:12] == b"WEBP")
    if matches:
        return []
    return [
        Problem(
            file,
            line,
            col,
            dotted(loc),
            f"isi berkas content/{value} bukan gambar {suffix[1:].upper()} (nama berkasnya tidak sesuai isinya)",
            f"simpan ulang logo sebagai gambar {suffix[1:].upper()} dari program gambar, atau tulis nama berkas "
            "dengan akhiran yang sesuai isinya (.svg, .png, .jpg, .webp)",
        )
    ]
