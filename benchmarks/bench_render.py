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
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from teiwright.render import render_html, render_pdf
from teiwright.render.book import render_book
from teiwright.render.saxon import compiled
from teiwright.render.site import write_site
from teiwright.xmlsafe import parse_file

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tei" / "frus1969-76v09" / "d163.xml"
CORPUS = ROOT.parent / "shared" / "corpus" / "frus"
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--book", action="store_true", help="also time the corpus as one PDF")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    for relative in STYLESHEETS:
        compiled(relative)
    compile_seconds = time.perf_counter() - start
    render_html(SEED)  # warm the parsers and WeasyPrint's font set-up once, outside the timings
    render_pdf(SEED)
    unit = best(baseline, max(args.repeat, 20))
    results = {"seed HTML": best(lambda: render_html(SEED), args.repeat),
               "seed PDF": best(lambda: render_pdf(SEED), args.repeat)}
    if CORPUS.is_dir():
        with tempfile.TemporaryDirectory() as tmp:
            results["site (31 documents)"] = best(site_task(Path(tmp)), args.repeat)
        if args.book:
            results["book PDF (31 documents)"] = best(lambda: render_book(CORPUS), 1)
    else:
        sys.stderr.write(f"bench_render: no corpus at {CORPUS}; site not measured\n")
    missed = [name for name, seconds in results.items() if seconds > GOALS[name]]
    if args.json:
        json.dump({"baseline_seconds": unit, "compile_seconds": compile_seconds,
                   "tasks": {name: {"seconds": s, "ratio": s / unit, "goal_seconds": GOALS[name]}
                             for name, s in results.items()},
                   "missed_goals": missed}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(f"baseline (safe parse + serialise of the seed): {unit * 1000:.2f} ms\n"
                         f"stylesheets compiled once: {compile_seconds:.2f} s\n")
        for name, seconds in results.items():
            verdict = "MISSED" if name in missed else "ok"
            sys.stdout.write(f"{name:<22} {seconds:7.3f} s  {seconds / unit:9.0f}× baseline"
                             f"  goal ≤ {GOALS[name]} s: {verdict}\n")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
