"""Which files a run checks: paths, folders and globs; files changed against a git ref; a shard.

Sharding sorts the files and deals them out round-robin, so the shards of a corpus are balanced
and every runner of a CI matrix can compute its own share without talking to the others.
"""

from __future__ import annotations

import glob
import re
import subprocess
from pathlib import Path

from teiwright.errors import InputError
from teiwright.validate.options import UsageError

_GLOB = re.compile(r"[*?\[]")
SUFFIXES = (".xml", ".tei")


def expand(paths: list[str]) -> list[Path]:
    """Files named, found in folders (``*.xml``, ``*.tei``), or matched by globs; in order, once."""
    files: list[Path] = []
    for text in paths:
        path = Path(text)
        if _GLOB.search(text):
            matched = sorted(Path(p) for p in glob.glob(text, recursive=True))  # noqa: PTH207
            if not matched:
                raise InputError("matches no file", path=text)
            files.extend(p for p in matched if p.is_file())
        elif path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()))
        elif path.exists():
            files.append(path)
        else:
            raise InputError("no such file or folder", path=path)
    seen: set[Path] = set()
    unique = []
    for file in files:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(file)
    return unique


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              timeout=120, check=False)
    except FileNotFoundError:
        raise UsageError("--changed needs git, which is not installed") from None
    if done.returncode != 0:
        message = (done.stderr.strip().splitlines() or ["git failed"])[-1]
        raise UsageError(f"--changed: {message}")
    return done.stdout


def changed(ref: str, within: list[Path]) -> list[Path]:
    """XML files added or modified against ``ref`` (committed, staged, or not yet added)."""
    top = Path(_git(["rev-parse", "--show-toplevel"], Path.cwd()).strip())
    names = _git(["diff", "--name-only", "--diff-filter=ACMR", ref, "--"], top).splitlines()
    names += _git(["ls-files", "--others", "--exclude-standard"], top).splitlines()
    roots = [p.resolve() for p in within] or [Path.cwd().resolve()]
    found = []
    for name in sorted(set(names)):
        path = top / name
        if path.suffix in SUFFIXES and path.is_file() and any(
                path == root or root in path.parents for root in roots):
            found.append(path)
    return found


def parse_shard(text: str) -> tuple[int, int]:
    """``K/N`` (1-based) → (K, N)."""
    match = re.fullmatch(r"(\d+)/(\d+)", text.strip())
    if not match or not 1 <= int(match[1]) <= int(match[2]):
        raise UsageError(f"--shard wants K/N with 1 <= K <= N, got '{text}'")
    return int(match[1]), int(match[2])


def shard(files: list[Path], k: int, n: int) -> list[Path]:
    """The K-th of N round-robin shards of the sorted files."""
    ordered = sorted(files, key=lambda p: p.as_posix())
    return ordered[k - 1::n]
