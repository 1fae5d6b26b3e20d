"""Annotation speed: documents per second with the FRUS 1964–1968 v02 register.

Run: ``.venv/bin/python benchmarks/bench_annotate.py [CORPUS_DIR]``. Times are reported as
ratios against baselines measured in the same process, so they mean the same on any machine:

* annotation against conversion alone (``convert_text`` of the same documents): what person,
  term and date markup adds to a conversion;
* the v02 register grown twentyfold (about 10,000 persons and terms, made-up forms) against
  the real one: matching must stay linear in the text, not in the register, so this ratio
  should stay near 1.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from teiwright.annotate import Annotator
from teiwright.convert import convert_text
from teiwright.registers import Person, Register, Term, register_from_frus

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "frus"
VOLUME = "frus1964-68v02"


def best_of(rounds: int, works: list[Callable[[], None]]) -> list[float]:
    """The fastest run of each work over ``rounds`` rounds, the works interleaved in each round.

    Interleaving makes a busy machine slow every work alike, so their ratios stay fair; the
    minimum is the run least disturbed.
    """
    best = [float("inf")] * len(works)
    for _ in range(rounds):
        for index, work in enumerate(works):
            start = time.perf_counter()
            work()
            best[index] = min(best[index], time.perf_counter() - start)
    return best


def grown(register: Register, factor: int) -> Register:
    """``register`` plus ``factor - 1`` made-up copies of every entry under new ids and forms."""
    bigger = Register()
    bigger.merge(register)
    for copy in range(1, factor):
        for person in register.persons.values():
            bigger.add(Person(f"{person.id}x{copy}", f"Zz{copy}{person.display}",
                              [f"Zz{copy}{s}" for s in person.surnames]))
        for term in register.terms.values():
            bigger.add(Term(f"{term.id}x{copy}", f"ZZ{copy}{term.abbr}", term.expansion))
    return bigger


def run(corpus: Path = DEFAULT_CORPUS) -> dict[str, Any]:
    """Measure; the numbers as a dict (``benchmarks/run.py`` keeps it in its JSON)."""
    volume = corpus / VOLUME
    register = register_from_frus(volume / "persons.xml", volume / "terms.xml")
    texts = [path.read_text(encoding="utf-8").rstrip("\n")
             for path in sorted(volume.glob("d*.txt"))]
    annotator = Annotator(register, tag_dates=True)
    big = grown(register, 20)
    big_annotator = Annotator(big, tag_dates=True)

    def convert_all() -> None:
        for text in texts:
            convert_text(text)

    def annotate_with(which: Annotator) -> Callable[[], None]:
        def work() -> None:
            for text in texts:
                which.annotate(convert_text(text), "1965-01-01")
        return work

    base, real, large = best_of(15, [convert_all, annotate_with(annotator),
                                     annotate_with(big_annotator)])
    return {
        "persons": len(register.persons), "terms": len(register.terms),
        "grown_entries": len(big.persons) + len(big.terms),
        "documents": len(texts), "characters": sum(len(t) for t in texts),
        "documents_per_second": round(len(texts) / real, 1),
        "ratio_annotate_to_convert": round(real / base, 2),
        "ratio_grown_register": round(large / real, 2),
    }


def main(corpus: Path) -> None:
    result = run(corpus)
    print(f"register: {result['persons']} persons, {result['terms']} terms "
          f"({result['grown_entries']} when grown)")
    print(f"documents: {result['documents']} ({result['characters']} characters)")
    print(f"convert + annotate: {result['documents_per_second']:.0f} documents/s")
    print(f"ratio convert+annotate / convert alone: {result['ratio_annotate_to_convert']:.2f}")
    print(f"ratio with the register grown 20x / real register: "
          f"{result['ratio_grown_register']:.2f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS)
