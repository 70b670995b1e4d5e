"""wrk, the HTTP load generator of the HTTP rows: the command line and a parser for its text report."""

import re
import shutil
import subprocess

_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_LATENCY = r"([\d.]+)(us|ms|s|m|h)"


def _ms(number, unit):
    return float(number) * _UNIT_MS[unit]


def parse_wrk(text: str) -> dict:
    """The figures of one `wrk --latency` report: requests per second, the latency distribution in ms
    (keys "50", "75", "90", "99"), mean latency, requests, duration, non-2xx/3xx responses, socket errors."""
    found = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.MULTILINE)
    if not found:
        raise ValueError("no Requests/sec line in wrk's output")
    result = {"requests_per_sec": float(found.group(1)), "latency_ms": {}, "non_2xx_3xx": 0}
    result["socket_errors"] = {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    distribution = text.split("Latency Distribution", 1)
    if len(distribution) == 2:
        for percent, number, unit in re.findall(r"^\s*(\d+(?:\.\d+)?)%\s+" + _LATENCY, distribution[1], re.M):
            result["latency_ms"][percent.removesuffix(".000").removesuffix(".0")] = _ms(number, unit)
    mean = re.search(r"^\s*Latency\s+" + _LATENCY, text, re.MULTILINE)
    if mean:
        result["latency_mean_ms"] = _ms(*mean.groups())
    total = re.search(r"^\s*(\d+) requests in " + _LATENCY, text, re.MULTILINE)
    if total:
        result["requests"] = int(total.group(1))
        result["duration_s"] = _ms(total.group(2), total.group(3)) / 1000
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    if bad:
        result["non_2xx_3xx"] = int(bad.group(1))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if errors:
        kinds = ("connect", "read", "write", "timeout")
        result["socket_errors"] = dict(zip(kinds, map(int, errors.groups()), strict=True))
    return result


def wrk_command(url, *, cookie, seconds, connections=20, threads=2) -> list[str]:
    return [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        "-H",
        f"Cookie: {cookie}",
        url,
    ]


def wrk_run(url, *, cookie, seconds) -> tuple[dict, str]:
    """(figures, wrk's text) of one run of `seconds` against url, signed in with the cookie."""
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is not installed (scripts/ensure-wrk installs it)")
    command = wrk_command(url, cookie=cookie, seconds=seconds)
    done = subprocess.run(command, capture_output=True, text=True)  # noqa: S603 (our own arguments)
    if done.returncode:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr.strip()}")
    return parse_wrk(done.stdout), done.stdout
