"""The in-process measurements as rows of the results table: each with its target, whether it is met, and
for a missed one what the time goes on."""

COMMAND = "BENCH_SCALE={scale} make bench-scale"


def judge(actual, op, limit) -> bool | None:
    if actual is None or op is None:
        return None
    return actual <= limit if op == "<=" else actual >= limit


def row(
    what,
    *,
    value,
    unit,
    op=None,
    limit=None,
    on="value",
    target=None,
    ceiling=None,
    ceiling_what="",
    ratio=None,
    command,
    raw,
    why="",
):
    """One row; its target bounds the value or the ratio (`on`) with `op` and `limit`."""
    compared = ratio if on == "ratio" else value
    return {
        "what": what,
        "value": value,
        "unit": unit,
        "ceiling": ceiling,
        "ceiling_what": ceiling_what,
        "ratio": ratio,
        "target": target or (f"{op} {limit:g}{' ' + unit if on == 'value' else 'x'}" if op else "-"),
        "target_op": op,
        "target_limit": limit,
        "target_on": on,
        "met": judge(compared, op, limit),
        "command": command,
        "raw": raw,
        "why": why,
    }


def _why_queries(measured):
    slowest = measured["slowest"][0] if measured.get("slowest") else None
    if not slowest:
        return ""
    return (
        f"{measured['queries']} queries take {measured.get('query_ms', '?')} ms of the warm-up call "
        f"(the rest is Python: views, templates, workbook); "
        f"the slowest takes {slowest['ms']} ms: {slowest['sql'][:160]}"
    )


def _ratio(a, b, digits=2):
    return round(a / b, digits) if a is not None and b else None


def coverage_rows(first, last, *, command, large) -> list[dict]:
    a, b = first["coverage"], last["coverage"]
    sizes = f"{first['learners']:,} -> {last['learners']:,} learners"
    dashboard = {
        "ms_by_size": {first["learners"]: a["dashboard"]["ms"], last["learners"]: b["dashboard"]["ms"]},
        "queries_by_size": {
            first["learners"]: a["dashboard"]["queries"],
            last["learners"]: b["dashboard"]["queries"],
        },
        "rounds_ms": b["dashboard"]["rounds_ms"],
        "slowest_queries": b["dashboard"]["slowest"],
    }
    what = f"coverage dashboard, {large:,}-person organisation"
    page_ms = b["dashboard"]["ms"]
    return [
        row(
            f"{what}, at {last['learners']:,} learners",
            value=page_ms,
            unit="ms",
            op="<=",
            limit=150,
            command=command,
            raw=dashboard,
            why=_why_queries(b["dashboard"]),
        ),
        row(
            f"{what}: naive per-person count / page",
            value=page_ms,
            unit="ms",
            op=">=",
            limit=20,
            on="ratio",
            ceiling=b["naive"]["ms"],
            ceiling_what="naive per-person count (bench/scale/naive.py), same run",
            ratio=_ratio(b["naive"]["ms"], page_ms, 1),
            command=command,
            raw={
                "naive_ms": b["naive"]["ms"],
                "naive_queries": b["naive"]["queries"],
                "naive_rounds_ms": b["naive"]["rounds_ms"],
            },
            why=_why_queries(b["dashboard"]),
        ),
        row(
            f"{what}: growth {sizes}",
            value=page_ms,
            unit="ms",
            op="<=",
            limit=1.3,
            on="ratio",
            ceiling=a["dashboard"]["ms"],
            ceiling_what=f"the same page at {first['learners']:,} learners",
            ratio=_ratio(page_ms, a["dashboard"]["ms"]),
            command=command,
            raw=dashboard,
            why=_why_queries(b["dashboard"]),
        ),
        row(
            "XLSX export of that dashboard / the page",
            value=b["export_xlsx"]["ms"],
            unit="ms",
            op="<=",
            limit=2,
            on="ratio",
            ceiling=page_ms,
            ceiling_what="the dashboard page, same run",
            ratio=_ratio(b["export_xlsx"]["ms"], page_ms),
            command=command,
            raw={
                "export_ms": b["export_xlsx"]["ms"],
                "export_queries": b["export_xlsx"]["queries"],
                "rounds_ms": b["export_xlsx"]["rounds_ms"],
                "page_ms": page_ms,
            },
            why=f"{b['export_xlsx']['ms'] - page_ms:.0f} ms more than the page, beyond its queries "
            f"({b['export_xlsx']['queries']} vs {b['dashboard']['queries']}): building the workbook",
        ),
        row(
            f"one recount after a lesson (task body), growth {sizes}",
            value=b["recount"]["ms"],
            unit="ms",
            op="<=",
            limit=1.3,
            on="ratio",
            ceiling=a["recount"]["ms"],
            ceiling_what=f"the same task body at {first['learners']:,} learners (flat)",
            ratio=_ratio(b["recount"]["ms"], a["recount"]["ms"]),
            command=command,
            raw={
                "ms_by_size": {first["learners"]: a["recount"]["ms"], last["learners"]: b["recount"]["ms"]},
                "queries": b["recount"]["queries"],
                "tasks": b["recount"]["tasks"],
                "slowest_queries": b["recount"]["slowest"],
            },
            why=_why_queries(b["recount"]),
        ),
    ]


def repair_row(first, last, *, command) -> dict:
    a, b = first["repair"], last["repair"]
    return row(
        f"nightly repair, per organisation of 500 ({a['organisations']} -> {b['organisations']} "
        f"organisations, {first['learners']:,} -> {last['learners']:,} learners)",
        value=b["per_organisation_median_ms"],
        unit="ms",
        op="<=",
        limit=1.3,
        on="ratio",
        ceiling=a["per_organisation_median_ms"],
        ceiling_what="the same at the first size (flat)",
        ratio=_ratio(b["per_organisation_median_ms"], a["per_organisation_median_ms"]),
        command=command,
        raw={"first": a, "last": b},
        why=f"all {b['organisations']} organisations took {b['total_s']} s; the large one "
        f"{b['large_organisation_ms']:.0f} ms in {b['queries_large']} queries, the slowest "
        f"{b['slowest'][0]['ms'] if b['slowest'] else '?'} ms",
    )


def certificate_row(certificates, *, command) -> dict:
    render, celery = certificates["render"], certificates["celery"]
    overhead = 1000 / celery["per_s"] - 1000 / render["with_qr"] if celery["per_s"] else None
    return row(
        "certificates through Celery (Redis, PostgreSQL), one worker process",
        value=celery["per_s"],
        unit="/s",
        op=">=",
        limit=0.7,
        on="ratio",
        ceiling=render["with_qr"],
        ceiling_what=f"raw render_certificate_pdf with QR, same run ({render['without_qr']}/s without QR)",
        ratio=_ratio(celery["per_s"], render["with_qr"]),
        command=command,
        raw=certificates,
        why=f"{overhead:.0f} ms per certificate spent outside the render (queries, storage, Celery)"
        if overhead is not None
        else "",
    )


def quiz_rows(quiz, *, command) -> list[dict]:
    one, many = quiz["one"], quiz["many"]
    all_stored = many["errors"] == 0 and many["stored"] == many["at_once"]
    return [
        row(
            "quiz submit (attempt_submit, answers of a started attempt), ms each",
            value=one["ms"],
            unit="ms",
            op="<=",
            limit=12,
            command=command,
            raw=one,
            why=f"{one['queries']} queries each, taking {one.get('query_ms', '?')} ms of one submit; "
            f"starting the attempt (drawing its questions, not in the target): {one.get('start_ms', '?')} ms",
        ),
        row(
            "quiz submit, queries each",
            value=one["queries"],
            unit="queries",
            op="<=",
            limit=12,
            command=command,
            raw=one,
        ),
        {
            **row(
                f"quiz submit, {many['at_once']} at once (threads): p95",
                value=many["p95_ms"],
                unit="ms",
                target="0 errors, all stored",
                command=command,
                raw=many,
            ),
            "met": all_stored,
            "missed_by": ""
            if all_stored
            else f"{many['errors']} errors, {many['stored']}/{many['at_once']} stored",
        },
    ]


def generator_row(last, *, command) -> dict:
    generated = last["generated"]
    return {
        **row(
            f"data generator (generate_population), up to {last['learners']:,} learners",
            value=sum(step["seconds"] for step in last["all_generated"]),
            unit="s",
            command=command,
            raw=last["all_generated"],
        ),
        "why": f"{generated['lesson_progress_rows']:,} lesson-progress rows, "
        f"{generated['completions']:,} completions",
    }


def failed_row(what, error, *, command) -> dict:
    return {**row(what, value=None, unit="", target="measured", command=command, raw=error), "met": False,
            "missed_by": f"not measured: {error}"}  # fmt: skip


def all_rows(steps, *, certificates, quiz, scale, large) -> list[dict]:
    command = COMMAND.format(scale=scale)
    first, last = steps[0], steps[-1]
    last = {**last, "all_generated": [step["generated"] for step in steps]}
    return [
        *coverage_rows(first, last, command=command, large=large),
        repair_row(first, last, command=command),
        failed_row("certificates through Celery", certificates["error"], command=command)
        if "error" in certificates
        else certificate_row(certificates, command=command),
        *(
            [failed_row("quiz submit", quiz["error"], command=command)]
            if "error" in quiz
            else quiz_rows(quiz, command=command)
        ),
        generator_row(last, command=command),
    ]
