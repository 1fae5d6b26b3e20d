"""The evaluation as a table for people and as JSON for tools."""

from __future__ import annotations

import json
from typing import Any

from teiwright.evaluate.corpus import Evaluation
from teiwright.evaluate.entities import link_accuracy


def table(run: Evaluation) -> str:
    """A Markdown table: one row per metric, then the share of exact round trips."""
    lines = ["| metric | gold | ours | matched | precision | recall | F1 |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, counts in run.totals().items():
        lines.append(f"| {name} | {counts.tp + counts.fn} | {counts.tp + counts.fp} | "
                     f"{counts.tp} | {counts.precision:.4f} | {counts.recall:.4f} | "
                     f"{counts.f1:.4f} |")
    exact = sum(d.exact for d in run.documents)
    lines.append(f"| text exact | {len(run.documents)} | | {exact} | | | "
                 f"{run.exact_share:.4f} |")
    differing = [d.name for d in run.documents if not d.gold_matches_input]
    if differing:
        lines.append("")
        lines.append("Gold text differs from the input (unreachable features) in: "
                     + ", ".join(differing))
    return "\n".join(lines)


def as_json(run: Evaluation) -> dict[str, Any]:
    """Totals, the metric legend, and per document the counts and unmatched examples."""
    return {
        "documents": len(run.documents),
        "text_exact": round(run.exact_share, 4),
        "metrics": {m.name: m.description for m in run.metric_list},
        "totals": {name: counts.as_dict() for name, counts in run.totals().items()},
        "link_accuracy": {k: round(v, 4) for k, v in link_accuracy(run.totals()).items()},
        "per_document": [
            {
                "name": doc.name,
                "exact": doc.exact,
                "gold_matches_input": doc.gold_matches_input,
                "error": doc.error,
                "metrics": {
                    name: {**c.counts.as_dict(), "missing": c.missing, "extra": c.extra}
                    for name, c in doc.metrics.items()
                },
            }
            for doc in run.documents
        ],
    }


def json_bytes(run: Evaluation) -> bytes:
    return (json.dumps(as_json(run), indent=1, ensure_ascii=False) + "\n").encode("utf-8")
