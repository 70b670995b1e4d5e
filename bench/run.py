"""Benchmarks: per-operation costs and how they scale, as ratios and query counts (never timed tests).

Run with `make bench`. Builds its own throwaway SQLite database under var/bench/, so it never touches the
demo data. Prints a table; quote medians and ratios, since shared machines are noisy.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = ROOT / "var" / "bench" / "bench.sqlite3"
BENCH_DB.parent.mkdir(parents=True, exist_ok=True)
BENCH_DB.unlink(missing_ok=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.test")
os.environ["DATABASE_URL"] = f"sqlite:///{BENCH_DB}"
os.environ["DJANGO_MEDIA_ROOT"] = str(BENCH_DB.parent / "media")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

REPEATS = 7


def measure(fn):
    """(median seconds, queries) of calling fn, after one warm-up call."""
    fn()
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(queries)


def main():
    call_command("migrate", verbosity=0)
    from bench import scenarios

    rows = []
    for name, small, large, run in scenarios.ALL:
        (t_small, q_small), (t_large, q_large) = measure(run(small)), measure(run(large))
        rows.append((name, small, large, t_small, t_large, q_small, q_large))
    print(f"{'benchmark':<42}{'n':>6}{'N':>6}{'ms (n)':>10}{'ms (N)':>10}{'N/n time':>10}{'queries n/N':>13}")
    for name, small, large, t_small, t_large, q_small, q_large in rows:
        print(
            f"{name:<42}{small:>6}{large:>6}{t_small * 1000:>10.1f}{t_large * 1000:>10.1f}"
            f"{t_large / t_small:>10.2f}{q_small:>7}/{q_large:<5}"
        )


if __name__ == "__main__":
    main()
