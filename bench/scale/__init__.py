"""The scale benchmark of issue #17 (`make bench-scale`, scripts/bench-scale).

Each group of rows writes var/bench/results/<group>.json: {"rows": [{"what", "value", "unit", "ceiling",
"ceiling_what", "ratio", "target", "met", "command", "raw"}], "machine", "date", "method"}; report.py renders
every JSON present into bench/RESULTS.md. A row's target is either a number (the ratio must reach it, as the
HTTP rows have it) or a text with `target_op` ("<=" or ">=") and `target_on` ("value" or "ratio") saying
what it bounds; `why` says what a missed row spends its time on.
"""

import os
import platform
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS_DIR = ROOT / "var" / "bench" / "results"


def _first(path, prefix):
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return ""
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith(prefix)), "")


def machine() -> dict:
    """What the figures were measured on: cores, CPU, memory, PostgreSQL and Python."""
    memory_kb = _first("/proc/meminfo", "MemTotal").split()
    try:
        postgres = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", "show server_version"],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        postgres = ""
    return {
        "nproc": os.cpu_count(),
        "cpu": _first("/proc/cpuinfo", "model name") or platform.processor(),
        "ram_gb": round(int(memory_kb[0]) / 1024 / 1024, 1) if memory_kb else None,
        "postgresql": postgres or "unknown",
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": [round(load, 1) for load in os.getloadavg()],  # others' work on the same cores
    }
