"""Counting: true/false positives per metric and document, micro-averaged over a corpus."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

#: How many unmatched features of each kind a document's JSON entry lists, for inspection.
EXAMPLES = 12


@dataclass
class Counts:
    """True positives, false positives and false negatives of one metric."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Comparison:
    """One metric on one document: the counts and a few features each side missed."""

    counts: Counts
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def compare(gold: Iterable[Hashable], ours: Iterable[Hashable]) -> Comparison:
    """Multiset comparison: a feature found twice in the gold must be found twice in ours."""
    want, got = Counter(gold), Counter(ours)
    hit = want & got
    missing = want - got
    extra = got - want
    counts = Counts(sum(hit.values()), sum(extra.values()), sum(missing.values()))
    return Comparison(counts, [repr(f) for f in list(missing.elements())[:EXAMPLES]],
                      [repr(f) for f in list(extra.elements())[:EXAMPLES]])
