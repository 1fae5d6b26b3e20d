"""``teiwright validate`` as CI and pre-commit run it: exit codes, formats, selection, workers,
hostile files — and never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from teiwright.cli import main

DATA = Path(__file__).parent / "data" / "validate"
PROFILE = (DATA / "profile.xml").read_text(encoding="utf-8")
BAD_NOTE = PROFILE.replace("negotiators.<note", "negotiators. <note")  # one rule error
WARNING_ONLY = PROFILE.replace("for hours.", 'for hours (<ref target="#d12">12</ref>).')


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    made = {}
    for name, text in (("good", PROFILE), ("bad", BAD_NOTE), ("warn", WARNING_ONLY)):
        made[name] = tmp_path / f"{name}.xml"
        made[name].write_text(text, encoding="utf-8")
    return made


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_codes(files: dict[str, Path], tmp_path: Path,
                    capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, str(files["good"]))[0] == 0
    code, out, _ = run(capsys, str(files["bad"]))
    assert code == 1
    assert f"{files['bad']}:22:1: error: white space before note 2" in out
    assert "1 file(s) checked: 0 passed, 1 failed, 1 problem(s)" in out
    assert "problems by rule: teiwright:note-no-space-before 1" in out
    assert run(capsys, str(tmp_path / "missing.xml"))[0] == 2
    code, _, err = run(capsys, "--layers", "nope", str(files["good"]))
    assert code == 2 and "unknown layer(s) nope" in err


def test_fail_on_decides_what_fails(files: dict[str, Path],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, str(files["warn"]))[0] == 0
    assert run(capsys, "--fail-on", "warning", str(files["warn"]))[0] == 1
    assert run(capsys, "--fail-on", "never", str(files["bad"]))[0] == 0


def test_unreadable_file_exits_2(files: dict[str, Path], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that cannot be read once the run has started (here: it became a folder)."""
    from teiwright.validate import selection

    folder_as_file = tmp_path / "dir.xml"
    folder_as_file.mkdir()
    monkeypatch.setattr(selection, "expand", lambda paths: [files["good"], folder_as_file])
    code, out, _ = run(capsys, str(files["good"]))
    assert code == 2 and "[unreadable]" in out


def test_hostile_files_are_refused_in_one_line(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    xxe = tmp_path / "xxe.xml"
    xxe.write_text('<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   "<TEI>&x;</TEI>", encoding="utf-8")
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
                    "<l>&b;</l>", encoding="utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI><text></TEI>", encoding="utf-8")
    code, out, err = run(capsys, str(xxe), str(bomb), str(broken))
    assert code == 1 and err == ""
    assert "root:" not in out and "Traceback" not in out
    assert out.count("[wellformed]") == 3
    assert "passwd" not in out.replace("file:///etc/passwd", "")


def test_json_lines(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "json", str(files["good"]), str(files["bad"]))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert records[0]["rule"] == "teiwright:note-no-space-before"
    assert records[0]["line"] == 22 and records[0]["layer"] == "schematron"
    assert records[-1]["summary"]["files"] == 2 and records[-1]["summary"]["failed"] == 1


def test_junit_has_one_testcase_per_file(files: dict[str, Path], tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "out" / "junit.xml"
    code, out, _ = run(capsys, "--format", "junit", "-o", str(report),
                       *(str(p) for p in files.values()))
    assert code == 1 and out == ""
    suites = etree.fromstring(report.read_bytes())
    cases = suites.findall(".//testcase")
    assert [c.get("name") for c in cases] == [str(p) for p in files.values()]
    assert [len(c.findall("failure")) for c in cases] == [0, 1, 0]
    assert cases[2].find("system-out") is not None  # the warning, visible but not failing


def test_sarif(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "sarif", str(files["bad"]), str(files["warn"]))
    log = json.loads(out)
    assert log["version"] == "2.1.0" and code == 1
    results = log["runs"][0]["results"]
    assert {r["level"] for r in results} == {"error", "warning"}
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 22
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[results[0]["ruleIndex"]]["id"] == results[0]["ruleId"]


def test_github_annotations_and_job_summary(files: dict[str, Path], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run(capsys, str(files["bad"]), str(files["good"]))
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"::error file={files['bad']},line=22,col=1,"
                            "title=teiwright%3Anote-no-space-before::white space before note 2")
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("earlier step\n### teiwright validate")
    assert "| 2 | 1 | 1 | 1 |" in table and "teiwright:note-no-space-before" in table


def test_folders_globs_and_shards_partition(files: dict[str, Path], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from teiwright.validate import selection

    everything = selection.expand([str(tmp_path)])
    assert sorted(everything) == sorted(files.values())
    assert selection.expand([str(tmp_path / "*.xml")]) == sorted(files.values())
    shards = [selection.shard(everything, k, 2) for k in (1, 2)]
    assert sorted(shards[0] + shards[1]) == sorted(everything)
    assert not set(shards[0]) & set(shards[1])
    _code, out, _ = run(capsys, "--shard", "2/2", "--format", "json", str(tmp_path))
    assert json.loads(out.splitlines()[-1])["summary"]["files"] == 1
    assert run(capsys, "--shard", "3/2", str(tmp_path))[0] == 2


def test_changed_against_a_git_ref(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)

    git("init", "-q")
    (repo / "old.xml").write_text(BAD_NOTE, encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "first")
    (repo / "new.xml").write_text(PROFILE, encoding="utf-8")
    monkeypatch.chdir(repo)
    code, out, _ = run(capsys, "--changed", "--format", "json")
    assert code == 0
    assert json.loads(out.splitlines()[-1])["summary"]["files"] == 1
    code, _, err = run(capsys, "--changed", "no-such-ref")
    assert code == 2 and "--changed" in err


def test_jobs_give_the_same_report(files: dict[str, Path],
                                   capsys: pytest.CaptureFixture[str]) -> None:
    names = [str(p) for p in files.values()] * 2
    serial = run(capsys, "--format", "json", *names)
    parallel = run(capsys, "--format", "json", "--jobs", "2", *names)
    strip = serial[1].splitlines()[:-1]
    assert strip == parallel[1].splitlines()[:-1] and serial[0] == parallel[0] == 1


def test_extra_schemas_and_svrl(files: dict[str, Path], tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "svrl"
    code, out, _ = run(capsys, "--schematron", str(DATA / "extends.sch"), "--svrl", str(out_dir),
                       "--layers", "wellformed,schematron", str(DATA / "features.xml"))
    assert code == 1 and "[extends:own]" in out and "[extends:missing-extends]" in out
    assert (out_dir / "features.extends.svrl").is_file()
    code, _, err = run(capsys, "--schematron", str(DATA / "missing-include.sch"),
                       str(files["good"]))
    assert code == 2 and "nowhere.sch" in err and err.count("\n") == 1


def test_the_console_script_never_shows_a_traceback(tmp_path: Path) -> None:
    bad_rng = tmp_path / "bad.rng"
    bad_rng.write_text("<grammar xmlns='http://relaxng.org/ns/structure/1.0'/>", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "teiwright", "validate", "--rng", str(bad_rng),
                           str(DATA / "profile.xml")], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1


def test_progress_is_drawn_only_on_a_terminal() -> None:
    import io

    from teiwright.validate import runner

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert runner.terminal_progress(io.StringIO()) is None
    screen = Terminal()
    show = runner.terminal_progress(screen)
    assert show is not None
    show(1, 2, Path("a.xml"))
    show(2, 2, Path("b" * 80 + ".xml"))
    text = screen.getvalue()
    assert "[1/2] a.xml" in text and text.endswith("\n") and "…" in text
