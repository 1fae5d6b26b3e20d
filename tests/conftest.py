"""Shared fixtures: the repository, the seed, and the shared corpus beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEIWRIGHT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "frus"
SEED_SOURCE = ROOT / "sources" / "frus1969-76v09-d163.txt"
SEED_TEI = ROOT / "tei" / "frus1969-76v09" / "d163.xml"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def corpus_documents() -> list[Path]:
    """The corpus's ``dN.txt`` files (empty when ../shared is not beside the checkout)."""
    return sorted(CORPUS.glob("*/d*.txt"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        if IN_CI:
            pytest.fail(f"the shared corpus is missing at {CORPUS}; CI must have it")
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS
