#!/usr/bin/env python3
"""teiwright's benchmarks in one run: a table on stdout, JSON in out/bench/.

    benchmarks/run [--sizes 1,10,30,100] [--pdf-docs 3] [--no-extra] [--out out/bench]

Measured here, so the table exists even if no other benchmark does:

* convert: documents/s over the corpus transcriptions, against reading and decoding alone;
* validate: MB/s against tei_all (teiwright's layer, and all its layers), beside a bare lxml
  parse, lxml's RELAX NG engine called directly, Jing and xmllint when installed;
* render: HTML and PDF documents/s;
* peak memory of every phase (each runs in a fresh process, so peaks do not mix);
* scaling: the same work for 1 … 100 documents, a line per size, with the marginal cost per
  document between sizes, where a non-linear cost shows up as a growing number;
* parallel: validation of the largest size on 1 and 2 local processes.

Then every ``benchmarks/bench_*.py`` is run in its own process: its ``run() -> dict`` if it has
one, else the script itself (with ``--json`` when it offers it); what it returns or prints is
kept in the JSON. Times are wall-clock; ratios against a baseline measured in the same process
are the numbers to compare across machines.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SHARED = Path(os.environ.get("TEIWRIGHT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "frus"
SEED = ROOT / "sources" / "frus1969-76v09-d163.txt"
TEI_ALL = ROOT / "schemas" / "tei" / "tei_all.rng"
EXTRA_TIMEOUT = 900.0

Result = dict[str, Any]


# --- measuring -----------------------------------------------------------------------------

def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB.

    Linux's ``VmHWM`` belongs to the address space made at exec; ``ru_maxrss`` would also carry
    the parent's peak from before the fork.
    """
    with contextlib.suppress(OSError, StopIteration), Path("/proc/self/status").open() as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_fresh_process(function: Callable[..., Result], *args: Any) -> Result:
    """Run one phase in a new interpreter: its caches, its compile costs, its own peak memory."""
    with ProcessPoolExecutor(1, mp_context=get_context("spawn"), max_tasks_per_child=1) as pool:
        try:
            return pool.submit(function, *args).result()
        except Exception as exc:  # one broken phase must not lose the others' numbers
            return {"error": f"{type(exc).__name__}: {exc}"}


LAUNCHER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:], stdout=sys.stdout, stderr=subprocess.STDOUT)
_, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run_tool(command: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak MB, exit code and output of an external command.

    The command is started from a small launcher process, so its peak memory is its own and not
    inflated by this (larger) process's, which a forked child's ``ru_maxrss`` starts from.
    """
    with tempfile.TemporaryDirectory() as scratch, tempfile.TemporaryFile() as output:
        numbers = Path(scratch) / "usage"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", LAUNCHER, str(numbers), *command], stdout=output,
                       stderr=subprocess.STDOUT, check=False)
        seconds = time.perf_counter() - start
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
        peak_kb, code = (int(n) for n in numbers.read_text().split())
    return seconds, peak_kb / 1024, code, text


# --- inputs ----------------------------------------------------------------------------------

def transcriptions() -> list[Path]:
    """The corpus's dN.txt files (with the seed), or the seed alone without the corpus."""
    found = sorted(CORPUS.glob("*/d*.txt")) if CORPUS.is_dir() else []
    return [SEED, *found]


def repeated(sources: list[Path], count: int, folder: Path) -> list[Path]:
    """``count`` transcriptions in ``folder``, cycling through ``sources``."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for index in range(count):
        source = sources[index % len(sources)]
        target = folder / f"{index:04d}-{source.parent.name}-{source.name}"
        shutil.copyfile(source, target)  # without its metadata: its paths are relative
        made.append(target)
    return made


def convert_to(sources: list[Path], folder: Path) -> list[Path]:
    """Convert each transcription to TEI in ``folder``; the paths written."""
    from teiwright.fileio import write_bytes
    from teiwright.pipeline import convert_file
    from teiwright.tei.build import serialise

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sources:
        target = folder / source.with_suffix(".xml").name
        write_bytes(target, serialise(convert_file(source).tree), force=True)
        written.append(target)
    return written


def megabytes(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1e6


# --- phases (each runs in its own process) ---------------------------------------------------

def phase_convert(sources: list[Path]) -> Result:
    from teiwright.fileio import read_text
    from teiwright.pipeline import convert_file
    from teiwright.tei.build import serialise

    convert_file(sources[0])  # imports and first-use costs outside the timing
    base = timed(lambda: [read_text(p) for p in sources])
    seconds = timed(lambda: [serialise(convert_file(p).tree) for p in sources])
    n = len(sources)
    return {"documents": n, "seconds": seconds, "docs_per_s": n / seconds,
            "baseline": "read + decode", "baseline_docs_per_s": n / base,
            "ratio_to_baseline": seconds / base, "peak_mb": peak_mb()}


def phase_validate(files: list[Path]) -> Result:
    from lxml import etree

    from teiwright.validate import Options, validate_file
    from teiwright.xmlsafe import parse_file

    size = megabytes(files)
    parse_s = timed(lambda: [parse_file(p) for p in files])
    start = time.perf_counter()
    grammar = etree.RelaxNG(parse_file(TEI_ALL))  # the bare engine teiwright's layer builds on
    compile_s = time.perf_counter() - start
    engine_s = timed(lambda: [grammar.validate(parse_file(p)) for p in files])
    only = Options(layers=frozenset({"wellformed", "relaxng"}))
    first_s = timed(lambda: [validate_file(p, only) for p in files])  # grammars built here
    layer_s = timed(lambda: [validate_file(p, only) for p in files])
    validate_file(files[0])  # compile the other layers' schemas outside the timing
    all_s = timed(lambda: [validate_file(p) for p in files])
    invalid = sum(bool(validate_file(p, only).findings) for p in files)
    return {"documents": len(files), "megabytes": size, "tei_all_compile_s": compile_s,
            "mb_per_s": {"lxml parse (baseline)": size / parse_s,
                         "lxml RelaxNG tei_all": size / engine_s,
                         "teiwright tei_all layer, first pass": size / first_s,
                         "teiwright tei_all layer": size / layer_s,
                         "teiwright all layers": size / all_s},
            "files_with_findings": invalid, "peak_mb": peak_mb()}


def phase_render(files: list[Path], pdf_docs: int) -> Result:
    from teiwright.render import render_html, render_pdf

    render_html(files[0])  # compile the stylesheets
    html_s = timed(lambda: [render_html(p) for p in files])
    render_pdf(files[0])
    pdf_files = files[:pdf_docs]
    pdf_s = timed(lambda: [render_pdf(p) for p in pdf_files])
    return {"html_documents": len(files), "html_docs_per_s": len(files) / html_s,
            "pdf_documents": len(pdf_files), "pdf_docs_per_s": len(pdf_files) / pdf_s,
            "pdf_over_html_per_doc": (pdf_s / len(pdf_files)) / (html_s / len(files)),
            "peak_mb": peak_mb()}


def phase_size(sources: list[Path], work: Path) -> Result:
    """Convert, validate and render N documents; set-up (compiles) is timed apart."""
    from teiwright.render import render_html
    from teiwright.validate import validate_file

    n = len(sources)
    setup = timed(lambda: (convert_to(sources[:1], work / "warm"),
                           validate_file(work / "warm" / sources[0].with_suffix(".xml").name),
                           render_html(work / "warm" / sources[0].with_suffix(".xml").name)))
    tei: list[Path] = []
    convert_s = timed(lambda: tei.extend(convert_to(sources, work / "tei")))
    validate_s = timed(lambda: [validate_file(p) for p in tei])
    html_s = timed(lambda: [render_html(p) for p in tei])
    row: Result = {"documents": n, "megabytes": megabytes(tei), "setup_s": setup,
                   "convert_s": convert_s, "validate_s": validate_s, "html_s": html_s}
    with contextlib.suppress(ImportError):
        from teiwright.render.site import write_site

        row["site_s"] = timed(lambda: write_site(work / "tei", work / "site", force=True))
    row["peak_mb"] = peak_mb()
    return row


def phase_long(copies: list[int]) -> list[Result]:
    """One transcription made long: the seed's body repeated, as a volume-sized document.

    Batches of short documents cannot show a cost that grows with one document's length
    (markers × page breaks, say); this can: the time per copy should stay flat.
    """
    from teiwright.convert import convert_text

    head, _, body = SEED.read_text(encoding="utf-8").rstrip("\n").partition("\n\n")
    rows = []
    for count in copies:
        text = head + "\n\n" + "\n\n".join([body] * count)
        seconds = timed(lambda text=text: convert_text(text))
        rows.append({"copies": count, "megabytes": len(text.encode()) / 1e6,
                     "convert_s": seconds, "ms_per_copy": seconds / count * 1000,
                     "peak_mb": peak_mb()})
    return rows


def _long_phase(copies: list[int]) -> Result:
    return {"rows": phase_long(copies)}


def phase_parallel(files: list[Path], jobs: int) -> Result:
    from teiwright.parallel import Plan, run_all
    from teiwright.validate import validate_file

    seconds = timed(lambda: list(run_all(validate_file, files, Plan(jobs=jobs))))
    return {"jobs": jobs, "documents": len(files), "seconds": seconds,
            "docs_per_s": len(files) / seconds, "peak_mb_parent": peak_mb()}


# --- external engines -------------------------------------------------------------------------

def engines(files: list[Path], repeat: int = 20) -> Result:
    """Jing and xmllint on the same files: the whole run, and MB/s of validation alone.

    The whole run (JVM start, grammar compile, the files once) is what a user waits for. The
    validation rate is taken over ``repeat`` copies of the file list, net of start-up and
    compile as the tools themselves report them (``jing -t``: load + validation;
    ``xmllint --timing``: the schema compile), so neither swamps it on a small corpus.
    """
    size = megabytes(files) * repeat
    names = [str(p) for p in files]
    found: Result = {}
    for name, command, net_of in (
            ("jing", ["jing", "-t", str(TEI_ALL)], _jing_validation_s),
            ("xmllint", ["xmllint", "--noout", "--timing", "--relaxng", str(TEI_ALL)],
             _xmllint_validation_s)):
        if shutil.which(command[0]) is None:
            found[name] = {"absent": True}
            continue
        whole, peak, code, _ = run_tool([*command, *names])
        many, _, _, report = run_tool([*command, *(names * repeat)])
        net = net_of(report, many)
        found[name] = {"whole_run_s": whole, "exit": code, "peak_mb": peak,
                       "mb_per_s_net": size / net if net and net > 0 else None}
    return found


def _jing_validation_s(report: str, _wall: float) -> float | None:
    """``Elapsed time LOAD+VALIDATE=TOTAL milliseconds``: the validation part."""
    match = re.search(r"Elapsed time (\d+)\+(\d+)=", report)
    return int(match.group(2)) / 1000 if match else None


def _xmllint_validation_s(report: str, wall: float) -> float | None:
    """The run's wall time less ``Compiling the schemas took N ms`` (per-file timings are in
    whole milliseconds, too coarse for documents that take less)."""
    match = re.search(r"Compiling the schemas took (\d+) ms", report)
    return wall - int(match.group(1)) / 1000 if match else None


# --- other engineers' benchmarks ---------------------------------------------------------------

DRIVER = """
import importlib.util, inspect, json, sys
path = sys.argv[1]
sys.path.insert(0, sys.argv[2])
spec = importlib.util.spec_from_file_location("bench_module", path)
module = importlib.util.module_from_spec(spec)
sys.modules["bench_module"] = module  # dataclasses look their module up while it loads
spec.loader.exec_module(module)
needed = [p for p in inspect.signature(module.run).parameters.values()
          if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
if needed:
    sys.exit(3)  # run() wants arguments: the caller runs the script instead
print("@@RUN@@" + json.dumps(module.run(), default=str))
"""
NO_PLAIN_RUN = 3


def has_run(path: Path) -> bool:
    return re.search(r"^def run\(", path.read_text(encoding="utf-8"), re.M) is not None


def extra_benchmarks() -> Iterator[tuple[str, Result]]:
    """Each ``benchmarks/bench_*.py``: its ``run()`` dict, else its own output as a script."""
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        source = path.read_text(encoding="utf-8")
        if has_run(path):
            result = run_extra([sys.executable, "-c", DRIVER, str(path), str(ROOT / "src")])
            if result.get("exit") != NO_PLAIN_RUN:
                yield path.stem, result
                continue
        if "def main(" in source:
            json_flag = ["--json"] if '"--json"' in source else []
            yield path.stem, run_extra([sys.executable, str(path), *json_flag])


def run_extra(command: list[str]) -> Result:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=EXTRA_TIMEOUT,
                              env=env, cwd=ROOT, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"did not finish in {EXTRA_TIMEOUT:.0f} s"}
    result: Result = {"seconds": time.perf_counter() - start, "exit": done.returncode}
    out = done.stdout
    marker = out.rfind("@@RUN@@")
    if marker >= 0:
        result["result"] = json.loads(out[marker + len("@@RUN@@"):])
    else:
        try:
            result["result"] = json.loads(out)
        except ValueError:
            result["output"] = out.strip().splitlines()[-40:]
    if done.returncode != 0:
        result["stderr"] = done.stderr.strip().splitlines()[-5:]
    return result


# --- report ------------------------------------------------------------------------------------

def machine() -> Result:
    model = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    from lxml import etree

    return {"nproc": os.cpu_count(), "cpu": model, "python": platform.python_version(),
            "platform": platform.platform(), "lxml": etree.__version__,
            "libxml2": ".".join(map(str, etree.LIBXML_VERSION))}


def fmt(value: Any, digits: int = 2) -> str:
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return "–" if value is None else str(value)


def table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(fmt(c) for c in row) + " |" for row in rows]
    return lines


def core_table(report: Result) -> list[str]:
    conv, val, ren = report["convert"], report["validate"], report["render"]
    rows: list[list[Any]] = []
    if "docs_per_s" in conv:
        rows.append(["convert", f"{conv['docs_per_s']:.1f} docs/s",
                     f"read+decode {conv['baseline_docs_per_s']:.0f} docs/s",
                     f"{conv['ratio_to_baseline']:.0f}×", conv["peak_mb"]])
    if "mb_per_s" in val:
        rates = val["mb_per_s"]
        parse = rates["lxml parse (baseline)"]
        for name, rate in rates.items():
            rows.append([f"validate: {name}", f"{rate:.2f} MB/s", f"parse {parse:.1f} MB/s",
                         f"{parse / rate:.1f}×", val["peak_mb"]])
    for name, tool in report["engines"].items():
        if tool.get("mb_per_s_net"):
            rows.append([f"validate: {name} tei_all", f"{tool['mb_per_s_net']:.2f} MB/s",
                         f"whole run {tool['whole_run_s']:.2f} s", "", tool["peak_mb"]])
    if "html_docs_per_s" in ren:
        rows.append(["render HTML", f"{ren['html_docs_per_s']:.1f} docs/s", "", "",
                     ren["peak_mb"]])
        rows.append(["render PDF", f"{ren['pdf_docs_per_s']:.2f} docs/s",
                     f"{ren['pdf_over_html_per_doc']:.0f}× an HTML page", "", ren["peak_mb"]])
    return table(["task", "rate", "baseline", "cost vs baseline", "peak MB"], rows)


def scaling_table(rows: list[Result]) -> list[str]:
    out: list[list[Any]] = []
    previous: Result | None = None
    for row in rows:
        if "documents" not in row:
            out.append(["error", row.get("error"), "", "", "", "", "", ""])
            continue
        total = row["convert_s"] + row["validate_s"] + row["html_s"]
        marginal = None
        if previous is not None:
            added = row["documents"] - previous["documents"]
            before = previous["convert_s"] + previous["validate_s"] + previous["html_s"]
            marginal = (total - before) / added * 1000
        out.append([row["documents"], row["megabytes"], row["convert_s"], row["validate_s"],
                     row["html_s"], row.get("site_s"), marginal, row["peak_mb"]])
        previous = row
    return table(["documents", "MB", "convert s", "validate s", "HTML s", "site s",
                  "marginal ms/doc", "peak MB"], out)


def long_table(rows: list[Result]) -> list[str]:
    return table(["seed body copies", "MB", "convert s", "ms per copy", "peak MB"],
                 [[r["copies"], r["megabytes"], r["convert_s"], r["ms_per_copy"], r["peak_mb"]]
                  for r in rows if "copies" in r])


def parallel_table(rows: list[Result]) -> list[str]:
    base = rows[0].get("seconds") if rows else None
    return table(["validate on", "documents", "seconds", "docs/s", "speed-up"],
                 [[f"{r['jobs']} process(es)", r["documents"], r["seconds"], r["docs_per_s"],
                   base / r["seconds"] if base else None] for r in rows if "seconds" in r])


def render_report(report: Result) -> str:
    m = report["machine"]
    lines = [f"Measured {report['when']} on {m['nproc']} × {m['cpu']}, Python {m['python']}, "
             f"lxml {m['lxml']} (libxml2 {m['libxml2']}); corpus: {report['corpus_documents']} "
             "documents.", "", *core_table(report), "",
             "Scaling (documents cycled from the corpus; set-up such as schema compiles "
             "excluded; a growing marginal cost means a non-linear step):", "",
             *scaling_table(report["scaling"]), "",
             "One transcription growing long (flat ms per copy means linear):", "",
             *long_table(report["long"]), "", *parallel_table(report["parallel"])]
    for name, extra in report["extra"].items():
        state = "error" if "error" in extra else f"exit {extra.get('exit')}"
        lines.append(f"\n{name}: {state}, {fmt(extra.get('seconds'), 1)} s (details in the JSON)")
    return "\n".join(lines) + "\n"


# --- main ----------------------------------------------------------------------------------------

def say(text: str) -> None:
    sys.stderr.write(f"bench: {text}\n")


def measure(args: argparse.Namespace, work: Path) -> Result:
    sources = transcriptions()
    report: Result = {"when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                      "machine": machine(), "corpus_documents": len(sources)}
    say(f"convert {len(sources)} documents")
    report["convert"] = in_fresh_process(phase_convert, sources)
    tei = convert_to(sources, work / "corpus-tei")
    say("validate")
    report["validate"] = in_fresh_process(phase_validate, tei)
    report["engines"] = engines(tei)
    say("render")
    report["render"] = in_fresh_process(phase_render, tei, args.pdf_docs)
    report["scaling"] = []
    for size in args.sizes:
        say(f"scaling: {size} documents")
        batch = repeated(sources, size, work / f"size-{size}" / "txt")
        report["scaling"].append(in_fresh_process(phase_size, batch, work / f"size-{size}"))
    say("long documents")
    long_rows = in_fresh_process(_long_phase, args.long)
    report["long"] = long_rows.get("rows", [long_rows])
    largest = convert_to(repeated(sources, max(args.sizes), work / "par" / "txt"),
                         work / "par" / "tei")
    report["parallel"] = [in_fresh_process(phase_parallel, largest, jobs) for jobs in (1, 2)]
    report["extra"] = {}
    if not args.no_extra:
        for name, result in extra_benchmarks():
            say(f"{name}: {'error' if 'error' in result else 'done'}")
            report["extra"][name] = result
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,30,100",
                        type=lambda text: [int(n) for n in text.split(",")])
    parser.add_argument("--pdf-docs", type=int, default=3, help="documents typeset as PDF")
    parser.add_argument("--long", default="32,64,128,256",
                        type=lambda text: [int(n) for n in text.split(",")],
                        help="copies of the seed's body in one long transcription")
    parser.add_argument("--no-extra", action="store_true", help="skip benchmarks/bench_*.py")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="teiwright-bench-") as tmp:
        report = measure(args, Path(tmp))
    text = render_report(report)
    sys.stdout.write(text)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    for name in (f"bench-{stamp}.json", "latest.json"):
        (args.out / name).write_text(json.dumps(report, indent=2, default=str) + "\n")
    (args.out / "latest.md").write_text(text)
    sys.stderr.write(f"bench: JSON in {args.out / f'bench-{stamp}.json'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
