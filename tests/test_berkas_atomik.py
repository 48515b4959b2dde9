"""The one atomic write: the old file survives a failed write, and nothing half-written is left."""

from __future__ import annotations

import os

import pytest

from generator import berkas_atomik
from generator.berkas_atomik import write_text_atomic


def test_writes_whole_text_with_unix_line_ends(tmp_path):
    target = tmp_path / "baru" / "rencana-aksi.yaml"
    write_text_atomic(target, "tahun: 2030\nbaris: 2\n")
    assert target.read_bytes() == b"tahun: 2030\nbaris: 2\n"
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)
    assert [p.name for p in target.parent.iterdir()] == ["rencana-aksi.yaml"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "rencana-aksi.yaml"
    target.write_text("lama\n", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(berkas_atomik.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_text_atomic(target, "baru\n")
    assert target.read_text(encoding="utf-8") == "lama\n"
    assert [p.name for p in tmp_path.iterdir()] == ["rencana-aksi.yaml"]


def test_the_text_is_on_disk_before_the_rename(tmp_path, monkeypatch):
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(berkas_atomik.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    renamed_after: list[int] = []
    real_replace = os.replace
    monkeypatch.setattr(
        berkas_atomik.os, "replace", lambda a, b: (renamed_after.append(len(synced)), real_replace(a, b))
    )
    write_text_atomic(tmp_path / "a.json", "{}\n")
    assert renamed_after == [1]  # the file was fsynced once before os.replace
