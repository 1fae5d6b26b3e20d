"""Corpus commands with --jobs and --dask give what a serial run gives, file for file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import SEED_SOURCE, SEED_TEI
from test_hostile import Outcome, run_child
from test_parallel import cluster

__all__ = ["cluster"]  # the module-scoped two-worker LocalCluster fixture


def _timing_free(report: str) -> str:
    """A validation report without its run time, which differs between any two runs."""
    return re.sub(r"\(\d+(\.\d+)? s\)", "(… s)", report)


@pytest.fixture(scope="module")
def tei_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four documents, one of them invalid and one not XML at all."""
    folder = tmp_path_factory.mktemp("tei")
    seed = SEED_TEI.read_text(encoding="utf-8")
    (folder / "a.xml").write_text(seed, encoding="utf-8")
    (folder / "b.xml").write_text(seed.replace("Warm regards.", "Warm regards, b."),
                                  encoding="utf-8")
    (folder / "c.xml").write_text(seed.replace("<p", "<para", 1), encoding="utf-8")
    (folder / "d.xml").write_bytes(b"\x00\x01 not xml")
    return folder


def _validate(folder: Path, *extra: str) -> Outcome:
    return run_child(["validate", str(folder.resolve()), *extra])


@pytest.mark.parametrize("how", ["jobs", "dask"])
def test_validate_folder_in_parallel_reports_like_serial(how: str, tei_folder: Path,
                                                         request: pytest.FixtureRequest) -> None:
    serial = _validate(tei_folder)
    extra = ["--jobs", "2"] if how == "jobs" else ["--dask", request.getfixturevalue("cluster")]
    parallel = _validate(tei_folder, *extra)
    assert serial.code in (1, 2)
    assert (parallel.code, _timing_free(parallel.stdout)) == (serial.code,
                                                              _timing_free(serial.stdout))
    assert str(tei_folder / "c.xml") in serial.stdout and "Traceback" not in parallel.stderr


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three transcriptions (the seed and two variants) and one that is not text."""
    folder = tmp_path_factory.mktemp("sources")
    text = SEED_SOURCE.read_text(encoding="utf-8")
    shutil.copy(SEED_SOURCE, folder / "d163.txt")
    (folder / "d164.txt").write_text(text.replace("Warm regards.", "Kind regards."),
                                     encoding="utf-8")
    (folder / "d165.txt").write_text(text.replace("Warm regards.", "Best."), encoding="utf-8")
    (folder / "d166.txt").write_bytes(b"\x00\x01\x02 binary")
    return folder


def _convert(sources: Path, out: Path, *extra: str) -> tuple[Outcome, dict[str, bytes]]:
    outcome = run_child(["convert", str(sources.resolve()), "-o", str(out.resolve()), *extra])
    return outcome, {p.name: p.read_bytes() for p in sorted(out.glob("*.xml"))}


@pytest.mark.parametrize("how", ["jobs", "dask"])
def test_convert_folder_in_parallel_writes_what_serial_writes(
        how: str, sources: Path, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    serial, expected = _convert(sources, tmp_path / "serial")
    extra = ["--jobs", "2"] if how == "jobs" else ["--dask", request.getfixturevalue("cluster")]
    parallel, got = _convert(sources, tmp_path / how, *extra)
    assert sorted(expected) == ["d163.xml", "d164.xml", "d165.xml"]
    assert got == expected
    assert serial.code == parallel.code == 2  # the binary file is the user's to fix
    bad = [line for line in parallel.stderr.splitlines() if "d166.txt" in line]
    assert len(bad) == 1 and "binary" in bad[0]
    assert "Traceback" not in parallel.stderr
    assert list((tmp_path / how).glob(".*.part")) == []


def test_convert_folder_keeps_existing_outputs_without_force(sources: Path,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "d164.xml").write_text("keep")
    outcome, written = _convert(sources, out, "--jobs", "2")
    assert written["d164.xml"] == b"keep"
    assert any("d164.xml: error: exists; pass --force" in line
               for line in outcome.stderr.splitlines())
    assert {"d163.xml", "d165.xml"} <= set(written)


def test_convert_folder_needs_an_output_folder(sources: Path, tmp_path: Path) -> None:
    outcome = run_child(["convert", str(sources)])
    assert outcome.code == 2 and "needs -o FOLDER" in outcome.stderr


@pytest.mark.parametrize("how", ["jobs", "dask"])
def test_site_in_parallel_is_the_serial_site(how: str, tmp_path: Path,
                                             request: pytest.FixtureRequest) -> None:
    folder = tmp_path / "tei" / "frus1969-76v09"
    folder.mkdir(parents=True)
    seed = SEED_TEI.read_text(encoding="utf-8")
    for n, words in enumerate(("Warm regards.", "Kind regards.", "Best.")):
        number = 163 + n  # a document of its own: its number, ids and words
        text = seed.replace("Warm regards.", words).replace("d163", f"d{number}")
        (folder / f"d{number}.xml").write_text(text.replace('n="163"', f'n="{number}"'),
                                               encoding="utf-8")
    serial = run_child(["render", "--site", str(tmp_path / "tei"), str(tmp_path / "serial")])
    assert serial.code == 0, serial.stderr
    extra = ["--jobs", "2"] if how == "jobs" else ["--dask", request.getfixturevalue("cluster")]
    parallel = run_child(["render", "--site", str(tmp_path / "tei"), str(tmp_path / how),
                          *extra])
    assert parallel.code == 0, parallel.stderr

    def pages(site: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(site.glob("*.html"))}

    expected = pages(tmp_path / "serial")
    assert len(expected) >= 3 + 3  # three documents and the indexes
    assert pages(tmp_path / how) == expected
