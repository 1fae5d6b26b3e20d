"""FRUS import speed and memory on a volume-sized file built from the shared corpus.

Run: ``.venv/bin/python benchmarks/bench_exchange.py [--copies N] [CORPUS_DIR]``.

The 31 corpus documents are renumbered and repeated until the volume is about 30 MB (the size
of a large FRUS volume), behind a FRUS header and the three volumes' persons and terms lists.
Reported:

* import time against a bare ``iterparse`` of the same file that only counts and clears
  document divs, measured in the same process (a ratio, so it means the same on any machine);
* peak resident memory of each, each in a child process of its own (``os.wait4``), next to a
  whole-tree parse of the file: streaming should stay near the bare iterparse and far below the
  whole tree.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from teiwright.exchange.frus_import import import_volume
from teiwright.tei import FRUS_NS, TEI_NS
from teiwright.xmlsafe import parse_file

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "frus"
VOLUME_ID = "frus1969-76v12"
_DIV = re.compile(r"<div\b.*?</div>\s*(?=</body>)", re.S)
_IDS = re.compile(r'(xml:id="|n="|#)d(\d+)')


def _body_div(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    match = _DIV.search(text)
    if match is None:
        raise SystemExit(f"{path}: no document div")
    return match.group(0)


def _front_div(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    start, end = text.index("<front>") + len("<front>"), text.index("</front>")
    return text[start:end]


def build_volume(corpus: Path, target: Path, copies: int) -> int:
    """Write a FRUS volume of ``copies`` × the corpus documents; return its size in bytes."""
    divs = [_body_div(p) for p in sorted(corpus.glob("*/d*.xml"))]
    fronts = [_front_div(p) for p in sorted(corpus.glob("*/persons.xml"))[:1]]
    fronts += [_front_div(p) for p in sorted(corpus.glob("*/terms.xml"))[:1]]
    with target.open("w", encoding="utf-8") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="{TEI_NS}" '
                  f'xmlns:frus="{FRUS_NS}" xml:id="{VOLUME_ID}"><teiHeader><fileDesc>'
                  "<titleStmt><title type=\"complete\">Benchmark volume</title></titleStmt>"
                  "<publicationStmt><p>Built from the shared corpus.</p></publicationStmt>"
                  "<sourceDesc><p>Benchmark</p></sourceDesc></fileDesc></teiHeader>"
                  f"<text><front>{''.join(fronts)}</front><body>\n")
        number = 0
        for _ in range(copies):
            for div in divs:
                number += 1
                offset = number * 10
                out.write(_IDS.sub(lambda m, o=offset: f"{m.group(1)}d{int(m.group(2)) + o}",
                                   div))
                out.write("\n")
        out.write("</body></text></TEI>\n")
    return target.stat().st_size


def bare_iterparse(path: Path) -> int:
    """The floor: stream the file, count document divs, free them. Nothing else."""
    count = 0
    div = f"{{{TEI_NS}}}div"
    for _, element in etree.iterparse(str(path), events=("end",), tag=div,
                                      resolve_entities=False, no_network=True, load_dtd=False):
        if element.get("type") == "document":
            count += 1
            element.clear(keep_tail=True)
            while element.getprevious() is not None:
                del element.getparent()[0]
    return count


def run_import(path: Path) -> int:
    with tempfile.TemporaryDirectory() as out:
        result = import_volume([path], Path(out) / "tei")
        return len(result.documents)


def whole_tree(path: Path) -> int:
    root = parse_file(path, limit=1 << 30).getroot()
    return len(root.findall(f".//{{{TEI_NS}}}div[@type='document']"))


def timed(work: Callable[[Path], int], path: Path,
          repeats: int) -> tuple[float, float, int]:
    """Best wall-clock and user-mode CPU seconds of ``repeats`` runs (user mode leaves out the
    kernel's work for fsync), and what the work counted."""
    wall, cpu, count = float("inf"), float("inf"), 0
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF).ru_utime
        count = work(path)
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, resource.getrusage(resource.RUSAGE_SELF).ru_utime - start_cpu)
    return wall, cpu, count


def peak_mb(work: Callable[[Path], int], path: Path) -> float:
    """Peak resident memory of a child process that runs ``work`` once."""
    pid = os.fork()
    if pid == 0:  # child
        try:
            work(path)
        finally:
            os._exit(0)
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        raise SystemExit(f"{work.__name__} failed in the child (status {status})")
    return usage.ru_maxrss / 1024  # Linux reports kilobytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=128,
                        help="corpus repetitions (128 ≈ 30 MB)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        volume = Path(folder) / f"{VOLUME_ID}.xml"
        size = build_volume(args.corpus, volume, args.copies)
        bare_time, bare_cpu, bare_count = timed(bare_iterparse, volume, args.repeats)
        import_time, import_cpu, docs = timed(run_import, volume, args.repeats)
        if docs != bare_count:
            raise SystemExit(f"imported {docs} documents, iterparse saw {bare_count}")
        peaks = {name: peak_mb(work, volume) for name, work in
                 (("bare iterparse", bare_iterparse), ("import-frus", run_import),
                  ("whole-tree parse", whole_tree))}
    print(f"volume: {size / 1e6:.1f} MB, {docs} documents")
    print(f"bare iterparse: {bare_time:.2f} s ({size / 1e6 / bare_time:.1f} MB/s)")
    print(f"import-frus:    {import_time:.2f} s ({docs / import_time:.0f} documents/s), "
          f"{import_time / bare_time:.1f}x the bare iterparse")
    print(f"user CPU: import-frus {import_cpu:.2f} s, bare iterparse {bare_cpu:.2f} s, "
          f"{import_cpu / bare_cpu:.1f}x (the rest of the wall time is the fsync of each file "
          "written atomically)")
    for name, peak in peaks.items():
        print(f"peak RSS, {name}: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
