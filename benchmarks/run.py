"""Benchmark learning-cities: start-up against pycountry, load, lookups, search, memory.

Usage::

    python benchmarks/run.py              # prints a table; exits 1 if a target is missed
    python benchmarks/run.py --json out.json --rounds 40
    python benchmarks/run.py --instructions   # adds exact instruction counts (needs valgrind)

Every figure is a median over repeated runs. The whole-process comparison runs the two
commands alternately in one loop, so both see the same machine load, and reports the ratio
of their medians. Needs pycountry (in the ``test`` extra) for the comparison.

Wall-clock times on a shared virtual machine can move by a third between runs.
``--instructions`` also counts the instructions each start-up step executes, with
valgrind's callgrind tool: the same count on every run, whatever the machine's load, so
the cost of each step (attrs, the record classes, importlib.resources, parsing, indexing)
can be compared across changes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
import timeit
import tracemalloc
from collections.abc import Callable
from typing import Any

OURS = "import learning_cities as lc; lc.load().city('Bangkok')"
PYCOUNTRY = "import pycountry; pycountry.countries.get(alpha_2='TH')"
#: The floor of the required stack: what any attrs-based library that reads packaged JSON
#: through importlib.resources pays before it does anything of its own.
FLOOR = "import attrs, json, importlib.resources"
#: The floor of this job with these building blocks: the stack floor, plus what the answer
#: is made of and where it is read from, and nothing else of ours: the four record classes
#: of a lookup's answer (City, Country, Location, Population, with the datetime module and the
#: checks they use) and the data file's bytes read through importlib.resources. The package's
#: __init__ is left out, so nothing is parsed or indexed.
JOB_FLOOR = """
import attrs, json, importlib.resources, importlib.util, sys, types
package = types.ModuleType("learning_cities")
package.__path__ = importlib.util.find_spec("learning_cities").submodule_search_locations
sys.modules["learning_cities"] = package
import learning_cities.model
importlib.resources.files("learning_cities.data").joinpath("gnlc.json").read_bytes()
"""
FIRST_LOAD = """
import time, learning_cities as lc
t = time.perf_counter(); lc.load(); print(time.perf_counter() - t)
"""
FIRST_LOAD_STDLIB_READY = """
import time, json, importlib.readers, learning_cities as lc
from importlib.resources import files
t = time.perf_counter(); lc.load(); print(time.perf_counter() - t)
"""
IMPORT = """
import time; t = time.perf_counter()
import learning_cities
print(time.perf_counter() - t)
"""

#: name -> (target, unit, description)
TARGETS: dict[str, tuple[float, str, str]] = {
    "process_ratio": (1.15, "x", "whole job / the stack floor (medians, alternating)"),
    "first_load_ms": (10.0, "ms", "first load() in a fresh process"),
    "first_load_own_ms": (10.0, "ms", "  the same, stdlib modules it uses already imported"),
    "lookup_us": (5.0, "µs", "net.city('Bangkok')"),
    "search_ms": (1.0, "ms", "net.search('kon kaen')"),
    "gazetteer_lookup_us": (5.0, "µs", "net.city('曼谷'): a GeoNames name, from the second index"),
    "huge_city_ms": (50.0, "ms", "net.city() on a 1 MB string (bounded time)"),
    "huge_search_ms": (50.0, "ms", "net.search() on a 1 MB string (bounded time)"),
    "marks_country_ms": (1000.0, "ms", "net.country() on 1 MB of combining marks (bounded time)"),
    "marks_where_ms": (1000.0, "ms", "net.where(country=) on 1 MB of combining marks"),
    "document_round_trip_ms": (100.0, "ms", "lc.from_json(lc.to_json(net), lc.Network): one document"),
    "diff_ms": (100.0, "ms", "lc.diff(net, its round trip): two full networks"),
    "diff_every_city_ms": (100.0, "ms", "lc.diff of two networks that differ in every city"),
}


# Installed packages have bytecode compiled at install time; let an editable or source
# checkout write its own too, so both sides are measured as users run them.
CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _process_seconds(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=CHILD_ENV)
    return time.perf_counter() - start


def _child_seconds(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=CHILD_ENV)
    return float(out.stdout.strip())


#: Start-up steps, each a superset of the one before: (label, code).
STEPS = (
    ("Python start-up", "pass"),
    ("+ import attrs", "import attrs"),
    ("+ json, importlib.resources: the stack floor", FLOOR),
    ("+ the answer's record classes, the file read: job floor", JOB_FLOOR),
    (
        "+ the rest of import learning_cities",
        "import learning_cities; from learning_cities import _codec; _codec.read_bytes()",
    ),
    ("+ load(): checksum, the file's date", "import learning_cities as lc; lc.load()"),
    ("+ city('Bangkok'): the whole job", OURS),
)
#: Not a step of the job: what reading and checking the whole file costs (any file but the one the build checked).
FULL_READ = (
    "a full read and check of the file",
    "from learning_cities import _codec; _codec.parse(_codec.read_bytes())",
)


def _instructions(code: str) -> int:
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit("--instructions needs valgrind on the PATH")
    subprocess.run([sys.executable, "-c", code], check=True, env=CHILD_ENV)  # bytecode written first
    out = subprocess.run(
        [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env=CHILD_ENV,
    )
    for line in out.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    raise SystemExit(f"no instruction count in valgrind's output for {code!r}")


def instruction_counts() -> dict[str, int]:
    """Instructions executed by each start-up step and by the pycountry job."""
    counts = {label: _instructions(code) for label, code in (*STEPS, FULL_READ)}
    counts["pycountry: the whole job"] = _instructions(PYCOUNTRY)
    return counts


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def _per_call(func: Callable[[], object], number: int) -> float:
    return min(timeit.repeat(func, number=number, repeat=5)) / number


def measure(rounds: int) -> dict[str, Any]:
    """Run every measurement; return figures keyed as in :data:`TARGETS`, plus context."""
    for code in (OURS, PYCOUNTRY, FLOOR, JOB_FLOOR):  # warm up: bytecode and the OS file cache
        _process_seconds(code)
    ours: list[float] = []
    theirs: list[float] = []
    floor: list[float] = []
    job_floor: list[float] = []
    for _ in range(rounds):  # alternately, so all four see the same machine load
        floor.append(_process_seconds(FLOOR))
        ours.append(_process_seconds(OURS))
        job_floor.append(_process_seconds(JOB_FLOOR))
        theirs.append(_process_seconds(PYCOUNTRY))
    import_s = _median([_child_seconds(IMPORT) for _ in range(rounds)])
    load_s = _median([_child_seconds(FIRST_LOAD) for _ in range(rounds)])
    own_load_s = _median([_child_seconds(FIRST_LOAD_STDLIB_READY) for _ in range(rounds)])

    import learning_cities as lc
    from learning_cities import _codec

    text = _codec.read_bytes()  # imports done and file read: measure the records and indexes only
    tracemalloc.start()
    built = lc.Network(**_codec.parse(text))
    built.search("warm the fuzzy index")
    loaded_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    fresh = lc.Network(**_codec.parse(text), alternate_names=_codec.read_alternate_names)
    started = time.perf_counter()
    fresh.city("曼谷")  # the first miss reads the second index
    first_gazetteer_ms = (time.perf_counter() - started) * 1e3
    del fresh
    del built, text
    net = lc.load()

    document = lc.to_json(net)  # the converter and the document's codec made once, as in any session
    again = lc.from_json(document, lc.Network)
    edited = lc.unstructure(net)
    for city in edited["cities"]:
        city["notes"] += " (edited)"
    every_city = lc.structure(edited, lc.Network)
    if len(lc.diff(net, every_city)) != len(net.cities) or lc.diff(net, again):
        raise AssertionError("the diff benchmark's networks are not as built")

    huge = "x" * 1_000_000
    marks = "a" + "\u0301\u0316" * 500_000

    def bounded(call: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            with contextlib.suppress(LookupError):
                call()

        return run

    return {
        "process_ours_ms": _median(ours) * 1e3,
        "process_pycountry_ms": _median(theirs) * 1e3,
        "process_ratio": _median(ours) / _median(floor),
        "pycountry_ratio": _median(ours) / _median(theirs),
        "process_floor_ms": _median(floor) * 1e3,
        "process_job_floor_ms": _median(job_floor) * 1e3,
        "job_floor_ratio": _median(job_floor) / _median(floor),
        "import_ms": import_s * 1e3,
        "first_load_ms": load_s * 1e3,
        "first_load_own_ms": own_load_s * 1e3,
        "lookup_us": _per_call(lambda: net.city("Bangkok"), 20_000) * 1e6,
        "local_name_lookup_us": _per_call(lambda: net.city("ขอนแก่น"), 20_000) * 1e6,
        "search_ms": _per_call(lambda: net.search("kon kaen"), 500) * 1e3,
        "gazetteer_lookup_us": _per_call(lambda: net.city("曼谷"), 20_000) * 1e6,
        "first_gazetteer_lookup_ms": first_gazetteer_ms,
        "huge_city_ms": _per_call(bounded(lambda: net.city(huge)), 5) * 1e3,
        "huge_search_ms": _per_call(lambda: net.search(huge), 5) * 1e3,
        "marks_country_ms": _per_call(bounded(lambda: net.country(marks)), 3) * 1e3,
        "marks_where_ms": _per_call(bounded(lambda: net.where(country=marks)), 3) * 1e3,
        "document_round_trip_ms": _per_call(lambda: lc.from_json(lc.to_json(net), lc.Network), 5) * 1e3,
        "diff_ms": _per_call(lambda: lc.diff(net, again), 5) * 1e3,
        "diff_every_city_ms": _per_call(lambda: lc.diff(net, every_city), 5) * 1e3,
        "memory_kib": loaded_bytes / 1024,
        "cities": len(net.cities),
        "rounds": rounds,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.system()}",
    }


def report(figures: dict[str, Any]) -> tuple[str, bool]:
    """A plain-text table of the figures against their targets, and whether all are met."""
    lines = [
        f"learning-cities benchmark ({figures['rounds']} rounds, Python {figures['python']}, {figures['machine']})",
        f"  whole process: learning-cities {figures['process_ours_ms']:.1f} ms; the stack floor "
        f"({FLOOR}) {figures['process_floor_ms']:.1f} ms; pycountry {figures['process_pycountry_ms']:.1f} ms "
        f"({figures['pycountry_ratio']:.2f}x)",
        f"  the floor of this job (the stack floor + the answer's record classes + reading the file): "
        f"{figures['process_job_floor_ms']:.1f} ms = {figures['job_floor_ratio']:.2f}x the stack floor",
        f"  import learning_cities: {figures['import_ms']:.1f} ms (in process)",
        f"  lookup by local name: {figures['local_name_lookup_us']:.2f} µs; the first lookup by a GeoNames name "
        f"(reads the second index): {figures['first_gazetteer_lookup_ms']:.1f} ms",
        f"  memory of the loaded network with its indexes (tracemalloc): {figures['memory_kib']:.0f} KiB "
        f"for {figures['cities']} cities",
        "",
        f"  {'measure':58} {'value':>10} {'target':>10}  ok",
    ]
    all_met = True
    for key, (target, unit, description) in TARGETS.items():
        value = figures[key]
        met = value <= target
        all_met &= met
        lines.append(f"  {description:58} {value:>8.2f}{unit:>2} {target:>8.2f}{unit:>2}  {'yes' if met else 'NO'}")
    return "\n".join(lines), all_met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark learning-cities against its targets.")
    parser.add_argument("--rounds", type=int, default=30, help="subprocess runs per measure (default 30)")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    parser.add_argument("--instructions", action="store_true", help="also count instructions (needs valgrind)")
    args = parser.parse_args(argv)
    figures = measure(args.rounds)
    text, all_met = report(figures)
    print(text)
    if args.instructions:
        counts = instruction_counts()
        figures["instructions"] = counts
        pycountry = counts["pycountry: the whole job"]
        floor = counts[STEPS[2][0]]
        print("\n  instructions executed (millions; valgrind callgrind), as shares of the stack floor and of pycountry")
        for label, count in counts.items():
            print(f"  {label:58} {count / 1e6:>8.1f}M {count / floor:>8.2f}x {count / pycountry:>8.2f}x")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(figures, handle, indent=2)
    return 0 if all_met else 1


if __name__ == "__main__":
    raise SystemExit(main())
