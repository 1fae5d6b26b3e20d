"""One per-file task over many files: here, on a local process pool, or on a Dask cluster.

Corpus commands (``validate`` of a folder, ``convert`` of a folder, ``render --site``) do the same
work for every file, independently. This module runs such a task function

* in this process, one file after another (``--jobs 1``, the default);
* on a pool of ``--jobs N`` local processes (:mod:`concurrent.futures`), started with ``spawn``
  so no worker inherits a half-initialised Saxon JVM or libxml2 state from its parent;
* or on an existing Dask distributed cluster (``--dask ADDRESS``): the same function, shipped
  by reference, so the workers need teiwright installed and the files at the same paths.

Results always come back in input order, so reports read the same however they were computed.
Expensive set-up (compiling ``tei_all``, the XSLT views) is cached per process by the modules
that own it, so each worker pays it once; an optional ``initializer`` pays it up front.
There is no scheduling here beyond what the pool or the cluster does.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from teiwright.errors import Interrupted, TeiwrightError

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")

DASK_CONNECT_SECONDS = 20.0  # a busy scheduler answers within seconds; a wrong address never


def _connect_timeout() -> str:
    """How long to wait for the scheduler: ``TEIWRIGHT_DASK_TIMEOUT`` seconds, else 20."""
    raw = os.environ.get("TEIWRIGHT_DASK_TIMEOUT", "")
    try:
        seconds = float(raw) if raw else DASK_CONNECT_SECONDS
    except ValueError:
        raise TeiwrightError(f"TEIWRIGHT_DASK_TIMEOUT is not a number of seconds: {raw!r}") \
            from None
    return f"{max(seconds, 0.1)}s"


@dataclass(frozen=True)
class Plan:
    """Where per-file tasks run: ``jobs`` local processes, or the Dask scheduler at ``dask``."""

    jobs: int = 1
    dask: str | None = None

    @property
    def parallel(self) -> bool:
        return self.dask is not None or self.jobs > 1


@dataclass(frozen=True)
class Settled(Generic[R]):
    """A task's value, or the user error it raised: one bad file must not stop the others."""

    value: R | None = None
    error: TeiwrightError | None = None


def _jobs(text: str) -> int:
    """``--jobs N``: a count of processes; 0 means one per available CPU."""
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}") from None
    if count < 0:
        raise argparse.ArgumentTypeError("--jobs must be 0 (all CPUs) or more")
    return count or available_cpus()


def available_cpus() -> int:
    """CPUs this process may use (respects taskset/cgroup affinity, unlike ``cpu_count``)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Give a corpus command ``--jobs N`` and ``--dask ADDRESS``."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                       help="run per-file work on N local processes (0: one per CPU)")
    group.add_argument("--dask", metavar="ADDRESS",
                       help="run per-file work on the Dask cluster whose scheduler is at "
                            "ADDRESS (e.g. tcp://scheduler:8786)")


def plan_from(args: argparse.Namespace) -> Plan:
    """The :class:`Plan` that ``--jobs``/``--dask`` asked for (serial when absent)."""
    return Plan(jobs=getattr(args, "jobs", 1) or 1, dask=getattr(args, "dask", None))


def settled(task: Callable[[T], R]) -> Callable[[T], Settled[R]]:
    """``task`` turned into one that returns its user error instead of raising it."""
    return functools.partial(_settle, task)


def _settle(task: Callable[[T], R], item: T) -> Settled[R]:
    try:
        return Settled(value=task(item))
    except TeiwrightError as error:
        return Settled(error=error)


def run_all(task: Callable[[T], R], items: Iterable[T], plan: Plan = Plan(), *,
            initializer: Callable[[], Any] | None = None) -> Iterator[R]:
    """``task(item)`` for every item, yielded in input order, wherever ``plan`` says.

    ``task`` (and ``initializer``) must be importable module-level functions (or partials of
    them) so they can be sent to other processes. An exception raised by a task is raised here
    when its result is reached.
    """
    work = list(items)
    if plan.dask is not None:
        return _on_dask(task, work, plan.dask, initializer)
    if plan.jobs > 1 and len(work) > 1:
        return _on_pool(task, work, min(plan.jobs, len(work)), initializer)
    return _here(task, work, initializer)


def _here(task: Callable[[T], R], work: list[T],
          initializer: Callable[[], Any] | None) -> Iterator[R]:
    if initializer is not None and work:
        initializer()
    for item in work:
        yield task(item)


_busy = False  # in a pool worker: is a task running (and maybe writing an output)?


def _worker_stop(signum: int, _frame: FrameType | None) -> None:
    """SIGTERM/SIGHUP in a worker: unwind a running task (its outputs are removed); quit if idle."""
    if _busy:
        raise Interrupted(signum)
    os._exit(128 + signum)


def _start_worker(initializer: Callable[[], Any] | None) -> None:
    """In each pool process: Ctrl-C is the parent's to handle (it stops handing out work and
    lets running files finish whole); a stop signal aimed at the worker unwinds it cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _worker_stop)
    if initializer is not None:
        initializer()


def _guarded(task: Callable[[T], R], item: T) -> R:
    global _busy
    _busy = True
    try:
        return task(item)
    finally:
        _busy = False


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore Ctrl-C while workers are started: an ignored signal survives their exec, so one
    still importing cannot die of it with a traceback before ``_start_worker`` runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _on_pool(task: Callable[[T], R], work: list[T], jobs: int,
             initializer: Callable[[], Any] | None) -> Iterator[R]:
    import multiprocessing  # here: 0.025 s of imports a serial run does not need
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                             initializer=_start_worker, initargs=(initializer,)) as pool:
        with _sigint_ignored():  # workers start during the submits and inherit it
            futures: list[Future[R]] = [pool.submit(_guarded, task, item) for item in work]
        try:
            for future in futures:
                yield future.result()
        except BrokenProcessPool:
            raise TeiwrightError("a worker process died (killed, or out of memory); "
                                 "--jobs 1 shows which file it was working on") from None
        except BaseException:
            # Stop handing out work; files already being written finish whole or not at all.
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _connect(address: str) -> Any:
    """A client of the scheduler at ``address``, or a one-line error saying why not."""
    try:
        from distributed import Client
    except ImportError:
        raise TeiwrightError("--dask needs dask.distributed: pip install 'teiwright[dask]'") \
            from None
    try:
        return Client(address, timeout=_connect_timeout(),  # type: ignore[no-untyped-call]
                      set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise TeiwrightError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def _on_dask(task: Callable[[T], R], work: list[T], address: str,
             initializer: Callable[[], Any] | None) -> Iterator[R]:
    client = _connect(address)
    try:
        if initializer is not None:
            client.run(initializer)  # the workers there now; others pay on first use
        futures = client.map(task, work, pure=False)
        try:
            for future in futures:
                yield future.result()
        except BaseException:
            client.cancel(futures)
            raise
    finally:
        client.close()
