#!/usr/bin/env python3
"""How fast ``teiwright validate`` is, beside the reference engines, in one run.

    .venv/bin/python benchmarks/bench_validate.py [--mb 10] [--repeat 3] [--json]

On a TEI file of about 10 MB built from the shared corpus (its documents repeated with fresh ids,
the three volumes' registers in ``standOff``; only documents valid against tei_all once the FRUS
attributes are dropped), it times, start to finish as separate processes:

* ``teiwright validate`` with its default layers, and with only the RELAX NG layer;
* Jing on tei_all (``jing``) and ``xmllint --relaxng`` when installed;
* a Python process that only parses the file with lxml (the floor for any Python validator);

and in this process: a bare lxml parse (the baseline of every ratio), teiwright's RELAX NG layer
(specialised grammar, warm), and the cost it avoids: compiling the whole tei_all with libxml2.
Then the 31 corpus documents together (after start-up), and a 2,000-person register, where plain
libxml2 backtracks. Times are wall-clock medians; compare the ratios, which do not depend on the
machine's speed as much as the seconds do.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from teiwright.validate import Options, assemble, relaxng, specialize, validate_file  # noqa: E402
from teiwright.xmlsafe import parse_file  # noqa: E402

SHARED = Path(os.environ.get("TEIWRIGHT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "frus"
TEI = assemble.TEI
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEIWRIGHT = [sys.executable, "-m", "teiwright", "validate"]


def median_time(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process_time(command: list[str], repeat: int) -> tuple[float, int]:
    """Median wall time of a whole process, and its exit status."""
    codes = []

    def once() -> None:
        done = subprocess.run(command, capture_output=True, check=False, cwd=ROOT)
        codes.append(done.returncode)

    return median_time(once, repeat), codes[-1]


def _close_up_notes(div: etree._Element) -> None:
    """Remove white space before note markers (a FRUS quirk the project rules report)."""
    for note in div.iter(f"{{{TEI}}}note"):
        previous = note.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "").rstrip() or None
        else:
            parent = note.getparent()
            if parent is not None and parent.text:
                parent.text = parent.text.rstrip() or None


def _valid_divs() -> list[etree._Element]:
    """Corpus documents without FRUS attributes and attachments, kept if every default layer
    accepts them, so that the big file measures validation, not the printing of findings."""
    divs = []
    for extract in sorted(CORPUS.glob("*/d*.xml")):
        div = copy.deepcopy(next(parse_file(extract).iter(f"{{{TEI}}}div")))
        for element in div.iter():
            for name in [n for n in element.attrib if n.startswith(f"{{{assemble.FRUS}}}")]:
                del element.attrib[name]
        for foreign in [e for e in div.iter() if isinstance(e.tag, str)
                        and not e.tag.startswith(f"{{{TEI}}}")]:
            parent = foreign.getparent()
            if parent is not None:
                parent.remove(foreign)
        _close_up_notes(div)
        single = assemble.complete([div], extract.parent, "probe", "probe")
        with tempfile.TemporaryDirectory() as tmp:
            probe = Path(tmp) / "probe.xml"
            probe.write_bytes(assemble.serialise(single))
            if not validate_file(probe, Options(rng_messages="fast")).findings:
                divs.append(div)
    return divs


def _renumber(div: etree._Element, number: int, page: int) -> int:
    """Give a copied document fresh ids: dN, dNfnK, pg_P with pages ascending across copies."""
    div.set("n", str(number))
    div.set(XML_ID, f"d{number}")
    notes = [n for n in div.iter(f"{{{TEI}}}note") if n.get(XML_ID)]
    for index, note in enumerate(notes, start=1):
        note.set("n", str(index))
        note.set(XML_ID, f"d{number}fn{index}")
    for pb in div.iter(f"{{{TEI}}}pb"):
        page += 1
        pb.set("n", str(page))
        pb.set(XML_ID, f"pg_{page}")
    return page


def big_file(folder: Path, megabytes: float) -> Path:
    """A teiwright-profile TEI file of about ``megabytes`` MB from the corpus."""
    divs = _valid_divs()
    volumes = sorted({p.parent for p in CORPUS.glob("*/d*.xml")})
    tree = assemble.complete([], volumes[0], "Benchmark volume", "bench-volume")
    stand_off = tree.getroot().find(f"{{{TEI}}}standOff")
    assert stand_off is not None
    seen = {e.get(XML_ID) for e in stand_off.iter() if e.get(XML_ID)}
    for volume in volumes[1:]:
        for listing in assemble.registers(volume):
            target = stand_off.find(listing.tag)
            assert target is not None
            entries = list(listing)
            step = 2 if listing.tag == f"{{{TEI}}}list" else 1  # gloss: label + item
            for index in range(0, len(entries), step):
                group = entries[index:index + step]
                ident = next((e.get(XML_ID) for e in group[0].iter() if e.get(XML_ID)), None)
                if ident in seen:
                    continue
                seen.add(ident)
                target.extend(group)
    body = tree.getroot().find(f"{{{TEI}}}text/{{{TEI}}}body")
    assert body is not None
    number, page, size = 0, 0, 0
    while size < megabytes * 1_000_000:
        for div in divs:
            number += 1
            clone = copy.deepcopy(div)
            page = _renumber(clone, number, page)
            body.append(clone)
        size = len(assemble.serialise(tree))
    target_path = folder / "volume.xml"
    target_path.write_bytes(assemble.serialise(tree))
    return target_path


def in_process(path: Path, repeat: int) -> dict[str, float]:
    """Parse, RELAX NG layer (cold and warm), and the whole tei_all compile it avoids."""
    parse = median_time(lambda: etree.parse(str(path)), repeat)
    tree = parse_file(path)
    grammar = relaxng.tei_all()
    start = time.perf_counter()
    relaxng.check(tree, str(path))
    cold = time.perf_counter() - start
    warm = median_time(lambda: relaxng.check(tree, str(path)), repeat)
    # The bare parse above is timed on its own, as the issue timed it; its first rounds also
    # grow the heap. Timed in turns with the layer instead, once the heap has grown, a parse is
    # faster still (0.05 s against 0.07-0.12 s here), so that ratio is reported beside it.
    parses, layers = [], []
    for _ in range(repeat):
        parses.append(median_time(lambda: etree.parse(str(path)), 1))
        layers.append(median_time(lambda: relaxng.check(tree, str(path)), 1))
    per_round = statistics.median(layer / base for layer, base in zip(layers, parses,
                                                                      strict=True))
    specialised = grammar.for_document(specialize.document_tags(tree))
    only_validate = median_time(lambda: specialised.validate(tree), repeat)
    start = time.perf_counter()
    grammar.full()
    whole = time.perf_counter() - start
    whole_validate = median_time(lambda: grammar.full().validate(tree), repeat)
    return {"parse_s": parse, "relaxng_layer_first_s": cold, "relaxng_layer_s": warm,
            "relaxng_layer_over_warm_parse_per_round": per_round,
            "relaxng_validate_only_s": only_validate, "tei_all_compile_s": whole,
            "tei_all_whole_validate_s": whole_validate}


def corpus_run(folder: Path) -> dict[str, float]:
    """The 31 corpus documents in one process, after start-up (imports, first compiles)."""
    extracts = sorted(CORPUS.glob("*/d*.xml"))
    complete = []
    for extract in extracts:
        target = folder / f"{extract.parent.name}-{extract.name}"
        target.write_bytes(assemble.serialise(assemble.document(extract)))
        complete.append(target)
    fast = Options(rng_messages="fast")
    start = time.perf_counter()
    validate_file(complete[0], fast)
    startup = time.perf_counter() - start
    result = {"startup_s": startup}
    for name, files, options in (("complete_files_s", complete, fast),
                                 ("extracts_fast_messages_s", extracts, fast),
                                 ("extracts_default_s", extracts, Options())):
        start = time.perf_counter()
        for path in files:
            validate_file(path, options)
        result[name] = time.perf_counter() - start
    return result


def register_run(persons: int = 2000) -> dict[str, float]:
    """A standOff register of ``persons`` entries: plain libxml2 against teiwright's grammar."""
    entries = "".join(f'<person xml:id="p{i}"><persName>P {i}</persName></person>'
                      for i in range(persons))
    text = (ROOT / "tests" / "data" / "validate" / "profile.xml").read_text(encoding="utf-8")
    text = text.replace("<listPerson>", f"<listPerson>{entries}", 1)
    tree = etree.fromstring(text.encode("utf-8")).getroottree()
    plain_grammar = etree.RelaxNG(parse_file(relaxng.tei_all().path, limit=50 * 1024 * 1024))
    plain = median_time(lambda: plain_grammar.validate(tree), 1)
    ours = median_time(lambda: relaxng.check(tree, "register"), 3)
    return {"persons": persons, "plain_libxml2_s": plain, "teiwright_s": ours}


def tools(path: Path, repeat: int) -> dict[str, Any]:
    """Whole processes, start to finish, taken in turns (one of each per round), so that a slow
    moment of the machine falls on all of them alike; each tool's median, and the median of the
    per-round ratio of teiwright's default run to Jing's."""
    rng = str(relaxng.tei_all().path)
    commands = {
        "python_lxml_parse": [sys.executable, "-c",
                              f"import lxml.etree as e; e.parse({str(path)!r})"],
        "teiwright_default": [*TEIWRIGHT, str(path)],
        "teiwright_relaxng": [*TEIWRIGHT, "--layers", "wellformed,relaxng", str(path)],
    }
    if shutil.which("jing"):
        commands["jing"] = ["jing", rng, str(path)]
    rounds: dict[str, list[float]] = {name: [] for name in commands}
    result: dict[str, Any] = {}
    for _ in range(repeat):
        for name, command in commands.items():
            seconds, result[f"{name}_exit"] = process_time(command, 1)
            rounds[name].append(seconds)
    for name, times in rounds.items():
        result[f"{name}_s"] = statistics.median(times)
    if "jing" in rounds:
        result["default_vs_jing_per_round"] = statistics.median(
            ours / theirs for ours, theirs in zip(rounds["teiwright_default"], rounds["jing"],
                                                  strict=True))
    if shutil.which("xmllint"):
        result["xmllint_relaxng_s"], result["xmllint_exit"] = process_time(
            ["xmllint", "--noout", "--relaxng", rng, str(path)], 1)
    return result


def _rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return 0.0
    line = next((x for x in status.splitlines() if x.startswith("VmRSS:")), "VmRSS: 0 kB")
    return int(line.split()[1]) / 1024


def peak_memory(command: list[str]) -> dict[str, float]:
    """Peak resident memory of a process and of its children, polled every 10 ms from /proc
    (the Schematron process is not waited for, so rusage would not see it); Linux only."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               cwd=ROOT)
    peaks: dict[int, float] = {}
    while process.poll() is None:
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        try:
            kids = [int(pid) for pid in children.read_text(encoding="utf-8").split()]
        except OSError:
            kids = []
        for pid in (process.pid, *kids):
            peaks[pid] = max(peaks.get(pid, 0.0), _rss_mb(pid))
        time.sleep(0.01)
    main = peaks.pop(process.pid, 0.0)
    return {"main_mb": main, "children_mb": sum(peaks.values()), "total_mb": main + sum(
        peaks.values())}


def run(megabytes: float = 10, repeat: int = 3) -> dict[str, Any]:
    """Everything, as one JSON-able dict (``benchmarks/run`` calls this)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = big_file(folder, megabytes)
        tree = parse_file(path)
        report: dict[str, Any] = {
            "file_mb": round(path.stat().st_size / 1_000_000, 2),
            "elements": sum(1 for _ in tree.iter()),
            "documents": len(tree.getroot().findall(f".//{{{TEI}}}div[@type='document']")),
        }
        report["tools"] = tools(path, repeat)
        if Path("/proc/self/status").is_file():
            report["memory"] = {"teiwright_default": peak_memory([*TEIWRIGHT, str(path)])}
            if shutil.which("jing"):
                report["memory"]["jing"] = peak_memory(["jing", str(relaxng.tei_all().path),
                                                        str(path)])
        report["in_process"] = in_process(path, repeat)
        report["corpus"] = corpus_run(folder)
        report["register"] = register_run()
    base = report["in_process"]["parse_s"]
    tools_ = report["tools"]
    report["ratios"] = {
        "relaxng_layer_over_parse": report["in_process"]["relaxng_layer_s"] / base,
        "teiwright_default_over_jing": (tools_["teiwright_default_s"] / tools_["jing_s"]
                                        if "jing_s" in tools_ else None),
        "tei_all_compile_over_specialised_first_pass": (
            report["in_process"]["tei_all_compile_s"]
            / report["in_process"]["relaxng_layer_first_s"]),
        "register_plain_over_teiwright": (report["register"]["plain_libxml2_s"]
                                          / report["register"]["teiwright_s"]),
    }
    return report


def table(report: dict[str, Any]) -> str:
    base = report["in_process"]["parse_s"]
    jing_s = report["tools"].get("jing_s")
    rows = [("bare lxml parse (in process)", base)]
    inside = report["in_process"]
    rows += [("teiwright RELAX NG layer, warm (in process)", inside["relaxng_layer_s"]),
             ("teiwright RELAX NG layer, first file (in process)",
              inside["relaxng_layer_first_s"]),
             ("whole tei_all compile in libxml2 (avoided)", inside["tei_all_compile_s"]),
             ("python process: lxml parse only", report["tools"]["python_lxml_parse_s"]),
             ("teiwright validate (default layers)", report["tools"]["teiwright_default_s"]),
             ("teiwright validate --layers wellformed,relaxng",
              report["tools"]["teiwright_relaxng_s"])]
    if jing_s:
        rows.append(("jing tei_all.rng", jing_s))
    if "xmllint_relaxng_s" in report["tools"]:
        rows.append(("xmllint --relaxng tei_all.rng", report["tools"]["xmllint_relaxng_s"]))
    lines = [f"validate: {report['file_mb']} MB, {report['elements']} elements, "
             f"{report['documents']} documents",
             "| what | seconds | × parse | × jing |", "|---|---:|---:|---:|"]
    for name, seconds in rows:
        versus = f"{seconds / jing_s:.2f}" if jing_s else "–"
        lines.append(f"| {name} | {seconds:.3f} | {seconds / base:.1f} | {versus} |")
    lines.append("teiwright RELAX NG layer ÷ a bare parse timed in turns with it (heap grown), "
                 f"median of the rounds: {inside['relaxng_layer_over_warm_parse_per_round']:.2f}")
    if "default_vs_jing_per_round" in report["tools"]:
        lines.append("teiwright validate (default) ÷ jing, median of the rounds: "
                     f"{report['tools']['default_vs_jing_per_round']:.2f}")
    memory = report.get("memory", {})
    if "teiwright_default" in memory:
        ours = memory["teiwright_default"]
        line = (f"peak memory: teiwright validate {ours['main_mb']:.0f} MB + "
                f"{ours['children_mb']:.0f} MB (Schematron process)")
        if "jing" in memory:
            line += f"; jing {memory['jing']['total_mb']:.0f} MB"
        lines.append(line)
    corpus = report["corpus"]
    lines.append(f"corpus (31 documents, after {corpus['startup_s']:.2f} s start-up): complete "
                 f"files {corpus['complete_files_s']:.2f} s; extracts "
                 f"{corpus['extracts_fast_messages_s']:.2f} s (fast messages), "
                 f"{corpus['extracts_default_s']:.2f} s (default: whole-grammar messages for "
                 "invalid files)")
    register = report["register"]
    lines.append(f"register of {register['persons']} persons: plain libxml2 "
                 f"{register['plain_libxml2_s']:.2f} s, teiwright {register['teiwright_s']:.3f} s")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report = run(args.mb, args.repeat)
    print(json.dumps(report, indent=2) if args.json else table(report))


if __name__ == "__main__":
    main()
