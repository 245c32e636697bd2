"""``python -m benchmarks [NAME ...]``: run the benchmarks and print one report.

``make bench`` runs them all; naming some runs just those, so a change to one
area can be checked without waiting for the rest. The exit status is 0 only
when every benchmark that ran met its target, so CI can gate on it.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import signal
import sqlite3
import sys
import time
import traceback
from collections.abc import Sequence
from types import ModuleType

from benchmarks import BenchmarkError, BenchmarkResult, Settings

# Module names under ``benchmarks``, in the order ``make bench`` runs them.
BENCHMARKS: tuple[str, ...] = (
    "change_feed",
    "initial_sync",
    "palette",
    "table_filter",
    "cold_start",
    "hashing",
    "intake_drop",
    "watched_folder",
    "gui_stalls",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Run AdvisorOS performance benchmarks against the real server.",
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help=f"benchmarks to run (default: all of {', '.join(BENCHMARKS)})",
    )
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument(
        "--runs",
        type=int,
        metavar="N",
        help="repetitions of each measurement (default: each benchmark's own)",
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        metavar="F",
        help="multiply data set sizes, e.g. 0.1 for a quick check (default 1)",
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        default=900.0,
        metavar="SECONDS",
        help="give up on a benchmark after this long (default 900)",
    )
    return parser


def load(name: str) -> ModuleType:
    return importlib.import_module(f"benchmarks.{name}")


def machine_summary() -> str:
    return (
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{platform.system()} {platform.machine()}"
    )


def run_one(module: ModuleType, settings: Settings) -> BenchmarkResult | None:
    """Run one benchmark; a failure to measure is reported, not raised."""
    started = time.perf_counter()
    print(f"\n>>> {module.NAME}: {module.TITLE}", flush=True)
    try:
        result: BenchmarkResult = module.run(settings)
    except BenchmarkError as err:
        print(f"!!! {module.NAME} could not measure: {err}", flush=True)
        return None
    except Exception:
        traceback.print_exc()
        print(f"!!! {module.NAME} failed with an unexpected error", flush=True)
        return None
    print(f"<<< {module.NAME} done in {time.perf_counter() - started:.1f} s", flush=True)
    return result


def print_result(result: BenchmarkResult) -> None:
    width = max((len(f.label) for f in result.figures), default=0)
    print(f"\n{result.title}")
    print("-" * len(result.title))
    for figure in result.figures:
        print(f"  {figure.label.ljust(width)}  {figure.value}")
    for note in result.notes:
        print(f"  * {note}")
    verdict = "PASS" if result.passed else "FAIL"
    print(f"  {'target'.ljust(width)}  {result.target}  ->  {verdict}")


def print_summary(outcomes: dict[str, BenchmarkResult | None]) -> None:
    print("\nSummary")
    print("-------")
    for name, result in outcomes.items():
        verdict = "ERROR" if result is None else "PASS" if result.passed else "FAIL"
        print(f"  {name:<24} {verdict}")


def _exit_on_sigterm(signum: int, _frame: object) -> None:
    # Turn a CI runner's SIGTERM into SystemExit, so cleanup (stopping servers) still runs.
    sys.exit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    if args.list:
        for name in BENCHMARKS:
            print(f"{name:<24} {load(name).TITLE}")
        return 0
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}",
            file=sys.stderr,
        )
        return 2
    if args.runs is not None and args.runs < 1:
        print("--runs must be at least 1", file=sys.stderr)
        return 2
    settings = Settings(runs=args.runs, scale=args.scale, time_limit=args.time_limit)
    print(f"AdvisorOS benchmarks on {machine_summary()}")
    outcomes = {name: run_one(load(name), settings) for name in args.names or BENCHMARKS}
    for result in outcomes.values():
        if result is not None:
            print_result(result)
    print_summary(outcomes)
    return 0 if all(r is not None and r.passed for r in outcomes.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
