"""Symbolic links in the data folder and in content/: nothing outside the repository is read or published.

Every entry of both folders is visited, at any depth, before any file is read
(``load_site`` runs this first, so ``zi check``, ``zi build``, ``mkdocs build``
and ``zi new-year`` all get it). A link is resolved fully (a link to a link is
fine) and the final target must lie inside one of the allowed folders: the
repository (the folder of mkdocs.yml, when known), the data folder or content/.
A link that points outside, into a ``.git`` folder (CI keeps its access token in
``.git/config``), at a folder that holds the link itself (MkDocs would walk it
without end and publish the whole repository), that is dangling or that loops, is
one problem naming the link, with the fix: copy the file in instead of linking.

A good link to a folder is walked too (once per real folder), so a link inside it
gets the same check. MkDocs copies uploads with ``shutil.copyfile``: a file is
published by content, never as a link.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from generator.errors import Problem


def check_links(data_dir: Path, content_dir: Path | None, repo_root: Path | None) -> list[Problem]:
    """One problem per bad link under ``data_dir`` and ``content_dir``."""
    folders = [Path(data_dir), *([Path(content_dir)] if content_dir else [])]
    allowed = [_real(f) for f in folders] + ([_real(repo_root)] if repo_root is not None else [])
    problems: list[Problem] = []
    for folder in folders:
        if (
            repo_root is not None
            and folder.is_symlink()
            and _real(Path(os.path.abspath(folder)).parent).is_relative_to(_real(repo_root))
        ):
            # The repository's own data or content folder may be a link, as long as it stays inside the
            # repository (an explicit --plans outside the repository is the user's choice).
            problem = _check(folder, [_real(repo_root)], folder.parent)
            if problem is not None:
                problems.append(
                    Problem(problem.file, None, None, "", f"folder {folder}: {problem.message}", problem.fix)
                )
                continue
        problems += _walk(folder, allowed)
    return problems


def _walk(top: Path, allowed: list[Path]) -> list[Problem]:
    problems: list[Problem] = []
    seen = {_real(top)}
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            problems.append(
                Problem(
                    folder,
                    None,
                    None,
                    "",
                    "folder tidak dapat dibaca",
                    "periksa izin akses folder ini, atau pindahkan isinya ke folder biasa",
                )
            )
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink():
                problem = _check(path, allowed, top)
                if problem is not None:
                    problems.append(problem)
                    continue
            try:
                is_dir = entry.is_dir()  # follows a (good) link
            except OSError:
                continue
            if is_dir:
                real = _real(path)
                if real not in seen:
                    seen.add(real)
                    stack.append(path)
    return problems


def _check(link: Path, allowed: list[Path], top: Path) -> Problem | None:
    """None for a link whose final target is inside an allowed folder; else the problem."""
    try:
        shown_target = os.readlink(link)
    except OSError:
        shown_target = "?"
    fix = f"salin berkasnya ke dalam folder {top} alih-alih tautan simbolik"
    try:
        real = Path(os.path.realpath(link, strict=True))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Problem(
                link,
                None,
                None,
                "",
                f"tautan simbolik berputar ('{shown_target}' menunjuk kembali ke dirinya sendiri lewat tautan lain)",
                f"hapus tautan itu; {fix}",
            )
        return Problem(
            link,
            None,
            None,
            "",
            f"tautan simbolik rusak: tujuannya '{shown_target}' tidak ada",
            f"hapus tautan itu, atau {fix}",
        )
    if ".git" in real.parts:
        return Problem(
            link,
            None,
            None,
            "",
            f"tautan simbolik menunjuk ke dalam folder .git ('{shown_target}')",
            "hapus tautan itu; isi .git tidak boleh dibaca atau diterbitkan",
        )
    if not any(real == a or real.is_relative_to(a) for a in allowed):
        return Problem(
            link,
            None,
            None,
            "",
            f"tautan simbolik menunjuk ke luar repositori ('{shown_target}'); "
            "berkas di luar repositori tidak dibaca dan tidak diterbitkan",
            fix,
        )
    if real.is_dir() and _real(link.parent).is_relative_to(real):
        return Problem(
            link,
            None,
            None,
            "",
            f"tautan simbolik menunjuk ke folder yang memuat tautan itu sendiri "
            f"('{shown_target}'); isinya akan berulang tanpa akhir",
            f"hapus tautan itu; {fix}",
        )
    return None


def _real(path: Path) -> Path:
    return Path(os.path.realpath(os.path.abspath(path)))
