"""Speed of the views: the seed's web page, the seed's PDF, and the site for the 31 corpus
documents with their registers.

Each task is timed (best of a few runs, stylesheets already compiled: they are compiled once per
process) and reported in seconds and as a ratio against a baseline run in the same process: the
safe parse and serialisation of the seed TEI with lxml, a fixed unit of XML work that moves with
the machine. The issue's goals (HTML ≤ 0.5 s, PDF ≤ 3 s, site ≤ 10 s) are checked on the seconds;
the corpus as one book (``--book``, slower: contents and index pages need WeasyPrint's layout of
the whole book) has a generous bound of its own.

    .venv/bin/python benchmarks/bench_render.py [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiwright.render import render_html, render_pdf
from teiwright.render.book import render_book
from teiwright.render.site import write_site
from teiwright.render.transform import compiled
from teiwright.xmlsafe import parse_file

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tei" / "frus1969-76v09" / "d163.xml"
CORPUS = Path(os.environ.get("TEIWRIGHT_SHARED", ROOT.parent / "shared")) / "corpus" / "frus"
GOALS = {"seed HTML": 0.5, "seed PDF": 3.0, "site (31 documents)": 10.0,
         "book PDF (31 documents)": 60.0}
STYLESHEETS = ("html/document.xsl", "html/site.xsl", "print/document.xsl", "print/book.xsl")


def best(task: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by the machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return min(times)


def baseline() -> None:
    etree.tostring(parse_file(SEED), encoding="utf-8")


def site_task(target: Path) -> Callable[[], object]:
    return lambda: write_site(CORPUS, target, force=True)


@dataclass
class Report:
    baseline: float
    compile_seconds: float
    tasks: dict[str, float]

    @property
    def missed(self) -> list[str]:
        return [name for name, seconds in self.tasks.items() if seconds > GOALS[name]]

    def as_dict(self) -> dict[str, object]:
        return {"baseline_seconds": self.baseline, "compile_seconds": self.compile_seconds,
                "tasks": {name: {"seconds": s, "ratio": s / self.baseline,
                                 "goal_seconds": GOALS[name]} for name, s in self.tasks.items()},
                "missed_goals": self.missed}

    def table(self) -> str:
        lines = [f"baseline (safe parse + serialise of the seed): {self.baseline * 1000:.2f} ms",
                 f"stylesheets compiled once: {self.compile_seconds:.2f} s"]
        for name, seconds in self.tasks.items():
            verdict = "MISSED" if name in self.missed else "ok"
            lines.append(f"{name:<24} {seconds:7.3f} s  {seconds / self.baseline:9.0f}× baseline"
                         f"  goal ≤ {GOALS[name]} s: {verdict}")
        return "\n".join(lines) + "\n"


def measure(repeat: int = 3, book: bool = False) -> Report:
    """Every timing; stylesheets compiled first, once, and their cost reported apart."""
    start = time.perf_counter()
    for relative in STYLESHEETS:
        compiled(relative)
    compile_seconds = time.perf_counter() - start
    render_html(SEED)  # warm the parsers and WeasyPrint's font set-up once, outside the timings
    render_pdf(SEED)
    unit = best(baseline, max(repeat, 20))
    tasks = {"seed HTML": best(lambda: render_html(SEED), repeat),
             "seed PDF": best(lambda: render_pdf(SEED), repeat)}
    if CORPUS.is_dir():
        with tempfile.TemporaryDirectory() as tmp:
            tasks["site (31 documents)"] = best(site_task(Path(tmp)), repeat)
        if book:
            tasks["book PDF (31 documents)"] = best(lambda: render_book(CORPUS), 1)
    else:
        sys.stderr.write(f"bench_render: no corpus at {CORPUS}; site not measured\n")
    return Report(unit, compile_seconds, tasks)


def run() -> dict[str, object]:
    """For ``benchmarks/run.py``: the default measurements as a dict."""
    return measure().as_dict()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--book", action="store_true", help="also time the corpus as one PDF")
    args = parser.parse_args(argv)
    report = measure(args.repeat, args.book)
    if args.json:
        sys.stdout.write(json.dumps(report.as_dict(), indent=2) + "\n")
    else:
        sys.stdout.write(report.table())
    return 1 if report.missed else 0


if __name__ == "__main__":
    sys.exit(main())
