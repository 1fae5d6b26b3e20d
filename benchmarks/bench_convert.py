"""Conversion speed: documents per second over the corpus transcriptions.

Run: ``.venv/bin/python benchmarks/bench_convert.py [CORPUS_DIR]``. Start-up (imports, reading
the files) is excluded: the texts are in memory before the clock starts. Each figure is the
best of several rounds over all documents, and is also given as a ratio against a baseline
run in the same process, which means the same on any machine:

* baseline: a bare lxml parse and serialise of the gold TEI of the same documents;
* model: ``convert_text`` alone (text → document model);
* tei: model plus ``build_tei`` (the whole TEI file, header included);
* checked: tei plus the lossless check (text view rendered and compared), i.e. all the work
  ``teiwright convert`` does per document.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

from teiwright.convert import convert_text
from teiwright.meta import Metadata
from teiwright.pipeline import check_lossless, comparable
from teiwright.tei.build import build_tei

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "frus"
ROUNDS = 7


def best_of(rounds: int, work: Callable[[], None]) -> float:
    """The fastest of ``rounds`` runs: the one least disturbed by the rest of the machine."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def run(corpus: Path = DEFAULT_CORPUS) -> dict[str, Any]:
    texts = [(p, comparable(p.read_text(encoding="utf-8"))) for p in sorted(corpus.rglob("d*.txt"))]
    gold = [p.with_suffix(".xml").read_bytes() for p, _ in texts]
    if not texts:
        raise SystemExit(f"no dN.txt under {corpus}")

    def baseline() -> None:
        for data in gold:
            etree.tostring(etree.fromstring(data))

    def model() -> None:
        for _, text in texts:
            convert_text(text)

    def tei() -> None:
        for path, text in texts:
            build_tei(convert_text(text), Metadata(), path.name)

    def checked() -> None:
        for path, text in texts:
            check_lossless(path, text, build_tei(convert_text(text), Metadata(), path.name))

    checked()  # warm caches (regexes, lxml) outside the clock
    count = len(texts)
    base = best_of(ROUNDS, baseline)
    result: dict[str, Any] = {"documents": count, "rounds": ROUNDS,
                              "baseline_docs_per_s": round(count / base, 1)}
    for name, work in (("model", model), ("tei", tei), ("checked", checked)):
        seconds = best_of(ROUNDS, work)
        result[f"{name}_docs_per_s"] = round(count / seconds, 1)
        result[f"{name}_seconds"] = round(seconds, 4)
        result[f"{name}_vs_baseline"] = round(seconds / base, 2)
    return result


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    result = run(corpus)
    print(f"{result['documents']} documents, best of {result['rounds']} rounds")
    print(f"  baseline (lxml parse+serialise of the gold): {result['baseline_docs_per_s']} docs/s")
    for name in ("model", "tei", "checked"):
        print(f"  {name:8} {result[name + '_docs_per_s']:>8} docs/s  "
              f"{result[name + '_seconds']:.3f} s  ×{result[name + '_vs_baseline']} baseline time")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
