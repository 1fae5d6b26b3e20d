"""Per-file tasks on a process pool (--jobs) and on a Dask cluster (--dask): the same results,
in input order, with user errors arriving intact from the worker that raised them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster

from conftest import SEED_TEI
from teiwright.errors import TeiwrightError
from teiwright.parallel import Plan, add_arguments, available_cpus, plan_from, run_all, settled
from test_parallel_tasks import (
    SLOW_CHUNKS,
    die_on_three,
    prepare,
    refuse_odd,
    text_view,
    where,
)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Six TEI files with different text, so a result in the wrong order would show."""
    folder = tmp_path_factory.mktemp("docs")
    base = SEED_TEI.read_text(encoding="utf-8")
    paths = []
    for n in range(6):
        path = folder / f"d{n}.xml"
        path.write_text(base.replace("Warm regards.", f"Warm regards, number {n}."),
                        encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A two-worker Dask cluster of real processes, as a remote one would be."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local:
        yield local.scheduler_address


def test_pool_gives_the_serial_results_in_input_order(documents: list[Path]) -> None:
    serial = list(run_all(text_view, documents))
    assert len(set(serial)) == len(documents)
    assert list(run_all(text_view, documents, Plan(jobs=2))) == serial


def test_pool_runs_in_other_processes_each_prepared_once(documents: list[Path]) -> None:
    results = list(run_all(where, documents, Plan(jobs=2), initializer=prepare))
    assert [name for name, _, _ in results] == [p.name for p in documents]
    pids = {pid for _, pid, _ in results}
    assert os.getpid() not in pids and len(pids) == 2
    assert all(prepared for _, _, prepared in results)


def test_user_errors_cross_the_process_boundary_intact() -> None:
    with pytest.raises(TeiwrightError) as raised:
        list(run_all(refuse_odd, [2, 4, 5, 6], Plan(jobs=2)))
    assert str(raised.value) == "item5.txt:5:3: error: odd numbers are refused"


def test_settled_tasks_keep_going_past_a_bad_item() -> None:
    results = list(run_all(settled(refuse_odd), [1, 2, 3, 4], Plan(jobs=2)))
    assert [r.value for r in results] == [None, 20, None, 40]
    assert [str(r.error) if r.error else None for r in results] == [
        "item1.txt:1:3: error: odd numbers are refused", None,
        "item3.txt:3:3: error: odd numbers are refused", None]


def test_dask_cluster_gives_the_serial_results_in_input_order(
        cluster: str, documents: list[Path]) -> None:
    serial = list(run_all(text_view, documents))
    assert list(run_all(text_view, documents, Plan(dask=cluster))) == serial


def test_dask_workers_are_prepared_and_share_the_work(cluster: str,
                                                      documents: list[Path]) -> None:
    results = list(run_all(where, documents, Plan(dask=cluster), initializer=prepare))
    assert [name for name, _, _ in results] == [p.name for p in documents]
    pids = {pid for _, pid, _ in results}
    assert os.getpid() not in pids and len(pids) == 2
    assert all(prepared for _, _, prepared in results)


def test_dask_errors_arrive_intact(cluster: str) -> None:
    with pytest.raises(TeiwrightError) as raised:
        list(run_all(refuse_odd, [2, 7], Plan(dask=cluster)))
    assert str(raised.value) == "item7.txt:7:3: error: odd numbers are refused"


def test_unreachable_scheduler_is_one_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEIWRIGHT_DASK_TIMEOUT", "1")
    with pytest.raises(TeiwrightError) as raised:
        list(run_all(text_view, [SEED_TEI], Plan(dask="tcp://127.0.0.1:9")))
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in str(raised.value)
    assert "\n" not in str(raised.value)


def _parse(*argv: str) -> Plan:
    parser = argparse.ArgumentParser(exit_on_error=False)
    add_arguments(parser)
    return plan_from(parser.parse_args(argv))


def test_arguments() -> None:
    assert _parse() == Plan(jobs=1) and not _parse().parallel
    assert _parse("--jobs", "3") == Plan(jobs=3)
    assert _parse("-j", "0") == Plan(jobs=available_cpus())
    assert _parse("--dask", "tcp://h:8786") == Plan(jobs=1, dask="tcp://h:8786")
    with pytest.raises(argparse.ArgumentError):
        _parse("--jobs", "-2")
    with pytest.raises((argparse.ArgumentError, SystemExit)):
        _parse("--jobs", "2", "--dask", "tcp://h:8786")


def test_serial_plan_stays_in_this_process(tmp_path: Path) -> None:
    copy = tmp_path / "d.xml"
    shutil.copy(SEED_TEI, copy)
    (_, pid, prepared), = run_all(where, [copy], Plan(), initializer=prepare)
    assert pid == os.getpid() and prepared


STOP_DRIVER = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from teiwright.errors import stop_signals_interrupt
from teiwright.parallel import Plan, run_all
from test_parallel_tasks import slow_write
paths = [Path(p) for p in sys.argv[2:]]
with stop_signals_interrupt():
    try:
        for name in run_all(slow_write, paths, Plan(jobs=2)):
            print(name, flush=True)
    except KeyboardInterrupt as stop:
        sys.stderr.write("stopped\\n")
        sys.exit(getattr(stop, "exit_code", 130))
"""


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_stopped_pool_leaves_whole_files_or_none(name: str, tmp_path: Path) -> None:
    """A signal to the whole process group (Ctrl-C, a batch scheduler) while workers write."""
    outputs = [tmp_path / f"out{n}.txt" for n in range(6)]
    proc = subprocess.Popen([sys.executable, "-c", STOP_DRIVER, str(Path(__file__).parent),
                             *map(str, outputs)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".*.part")):
        assert proc.poll() is None and time.monotonic() < deadline, "no worker started writing"
        time.sleep(0.05)
    os.killpg(proc.pid, getattr(signal, name))
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 128 + getattr(signal, name), stderr
    assert stderr.decode().strip() == "stopped"  # no worker tracebacks
    assert list(tmp_path.glob(".*.part")) == []
    written = [p for p in outputs if p.exists()]
    assert len(written) < len(outputs), "the pool kept handing out work after the signal"
    whole = "".join(f"chunk {n}\n" for n in range(SLOW_CHUNKS))
    assert all(p.read_text() == whole for p in written)


def test_a_worker_that_dies_is_one_user_error() -> None:
    with pytest.raises(TeiwrightError) as raised:
        list(run_all(die_on_three, [1, 2, 3, 4], Plan(jobs=2)))
    assert "worker process died" in str(raised.value) and "\n" not in str(raised.value)
