"""Render every var/bench/results/*.json into bench/RESULTS.md: machine, date, method, each row with its raw
numbers, ceiling, ratio, target, whether it is met (and if not, by how much and why) and its command.

    .venv/bin/python -m bench.scale.report [--results-dir DIR] [--output FILE] [--scale quick|full]
"""

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path

from bench.scale import RESULTS_DIR, ROOT

OUTPUT = ROOT / "bench" / "RESULTS.md"
ORDER = ("http", "inprocess")  # groups in this order, any others after them


def _number(value):
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 10 else f"{value:,.1f}".removesuffix(".0")
    return f"{value:,}" if isinstance(value, int) else str(value)


def _target(row):
    """(op, limit, on) of a row, or None: a bare number bounds the ratio from below (the HTTP rows)."""
    target = row.get("target")
    if isinstance(target, int | float) and not isinstance(target, bool):
        return ">=", float(target), "ratio"
    if row.get("target_op") in ("<=", ">=") and row.get("target_limit") is not None:
        return row["target_op"], float(row["target_limit"]), row.get("target_on", "value")
    return None


def target_text(row):
    target = row.get("target")
    if isinstance(target, int | float) and not isinstance(target, bool):
        return f">= {target:g}x"
    return str(target) if target not in (None, "") else "-"


def _factor(factor):
    """1.03x rather than 1.0x for a near miss."""
    return f"{factor:.1f}x" if factor >= 1.5 else f"{factor:.2f}x"


def missed_by(row) -> str:
    """How far a missed target is: the factor and the difference, in the row's unit (or as a ratio)."""
    if row.get("missed_by"):
        return row["missed_by"]
    bound = _target(row)
    if bound is None:
        return "missed"
    op, limit, on = bound
    actual = row.get("ratio") if on == "ratio" else row.get("value")
    if actual is None:
        return "not measured"
    unit = "x" if on == "ratio" else f" {row.get('unit', '')}".rstrip()
    if op == "<=":
        factor = actual / limit if limit else float("inf")
        return f"{_factor(factor)} over ({_number(actual)}{unit} vs {op} {_number(limit)}{unit})"
    factor = limit / actual if actual else float("inf")
    return f"{_factor(factor)} short ({_number(actual)}{unit} vs {op} {_number(limit)}{unit})"


def verdict(row) -> str:
    met = row.get("met")
    if met is None:
        return "-" if _target(row) is None and target_text(row) == "-" else "not measured"
    return "met" if met else f"**missed** by {missed_by(row)}"


def _machine(machine):
    if isinstance(machine, dict):
        return (
            f"{machine.get('nproc')} cores ({machine.get('cpu')}), {machine.get('ram_gb')} GB RAM, "
            f"PostgreSQL {machine.get('postgresql')}, Python {machine.get('python')}, "
            f"{machine.get('platform')}"
            + (
                f"; load average {machine['load_average']} when written"
                if machine.get("load_average")
                else ""
            )
        )
    return str(machine)


def _cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(documents: dict, *, scale=None, seconds=None, note=None) -> str:
    """Markdown for {group: document}."""
    groups = sorted(documents, key=lambda g: (ORDER.index(g) if g in ORDER else len(ORDER), g))
    lines = ["# Scale benchmark results (issue #17)", ""]
    if scale:
        size = "QUICK trial size (10,000 learners), not the issue's" if scale == "quick" else "full size"
        lines.append(f"Run: `BENCH_SCALE={scale} make bench-scale`, {size}.")
    if seconds:
        lines.append(f"The whole run took {int(seconds) // 60} min {int(seconds) % 60} s.")
    if len(groups) > 1:
        dates = ", ".join(f"{group} {documents[group].get('date', '-')}" for group in groups)
        lines.append(f"Each group of rows was measured at its own time: {dates}.")
    if note:
        lines.append(note)
    lines += [
        "Produced by `make bench-scale` (scripts/bench-scale, bench/scale/); rendered by "
        "bench/scale/report.py from var/bench/results/*.json. Ratios are against a ceiling or peer measured "
        "in the same run.",
        "",
        "| what | value | ceiling or peer, same run | ratio | target | result |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for group in groups:
        for row in documents[group].get("rows", []):
            ceiling = f"{_number(row.get('ceiling'))} {row.get('unit', '')}: {row.get('ceiling_what', '')}"
            lines.append(
                "| "
                + " | ".join(
                    _cell(c)
                    for c in (
                        row["what"],
                        f"{_number(row.get('value'))} {row.get('unit', '')}",
                        ceiling if row.get("ceiling") is not None else "-",
                        _number(row.get("ratio")),
                        target_text(row),
                        verdict(row),
                    )
                )
                + " |"
            )
    for group in groups:
        document = documents[group]
        lines += ["", f"## {group}", "", f"- Machine: {_machine(document.get('machine'))}"]
        lines += [f"- Date: {document.get('date', '-')}", f"- Method: {document.get('method', '-')}", ""]
        for row in document.get("rows", []):
            lines += [f"### {row['what']}", ""]
            lines.append(f"- Value: {_number(row.get('value'))} {row.get('unit', '')}")
            if row.get("ceiling") is not None:
                lines.append(
                    f"- Ceiling: {_number(row['ceiling'])} {row.get('unit', '')} ({row.get('ceiling_what')})"
                )
            lines.append(f"- Ratio: {_number(row.get('ratio'))}; target {target_text(row)}: {verdict(row)}")
            if row.get("met") is False and row.get("why"):
                lines.append(f"- Why: {row['why']}")
            lines.append(f"- Command: `{row.get('command', '-')}`")
            lines.append(f"- Raw: `{json.dumps(row.get('raw'), default=str)}`")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def documents_in(results_dir: Path) -> dict:
    return {path.stem: json.loads(path.read_text()) for path in sorted(Path(results_dir).glob("*.json"))}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results-dir", default=str(RESULTS_DIR))
    parser.add_argument("--output", default=str(OUTPUT))
    parser.add_argument("--scale", default=None)
    parser.add_argument("--seconds", type=int, default=None)
    parser.add_argument("--note", default=None, help="a line for the top of the report")
    options = parser.parse_args()
    text = render(
        documents_in(options.results_dir), scale=options.scale, seconds=options.seconds, note=options.note
    )
    Path(options.output).write_text(text)
    print(f"wrote {options.output} ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)")


if __name__ == "__main__":
    main()
