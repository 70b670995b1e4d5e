"""`python -m bench.scale`: build the data set in steps and measure the in-process rows at each size, then the
certificate and quiz rows at the last; writes var/bench/results/inprocess.json. Run by scripts/bench-scale,
which sets the database, the broker and BENCH_SCALE (quick or full)."""

import json
import os
import time
from datetime import UTC, datetime

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.test")
django.setup()

from bench.scale import RESULTS_DIR, machine  # noqa: E402
from bench.scale.data import (  # noqa: E402
    SCALES,
    database_prepare,
    large_organisation,
    lead_of,
    population_grow,
    regular_organisations,
)
from bench.scale.inprocess import coverage_step, repair_step  # noqa: E402
from bench.scale.issuing import celery_rate, render_rates  # noqa: E402
from bench.scale.rows import all_rows  # noqa: E402
from bench.scale.submits import submit_costs, submits_at_once  # noqa: E402

METHOD = (
    "In one Python process (settings learning.settings.test with a real broker: DEBUG off, Celery not "
    "eager, Redis db 15 on the bench's own queue, PostgreSQL database bench_scale). The data set grows in "
    "two steps with `generate_population` (bulk inserts); each coverage figure is taken at both sizes. Each "
    "figure is the median of {rounds} interleaved rounds (time.perf_counter; the naive count {naive} rounds) "
    "after one warm-up call whose queries are counted with CaptureQueriesContext. Pages go through Django's "
    "test Client signed in as the organisation's workforce lead (the whole middleware; no template "
    "instrumentation). The recount is the task body coverage queues for a lesson completion, called "
    "directly; the nightly repair is coverage_repair for every organisation in turn. Certificates: "
    "render_certificate_pdf ten at a time vs a `celery -A learning worker -c 1` subprocess issuing the "
    "certificates of completions committed at once, timed until the last certificate row exists. Quiz: "
    "attempt_submit timed alone on attempts just started (attempt_start) for fresh people, and 50 threads "
    "(each starting and submitting) released together by a barrier, each "
    "with its own connection."
)


def log(message):
    print(f"[bench-scale {datetime.now(UTC):%H:%M:%S}] {message}", flush=True)


def attempt(measure):
    """The measurements, or why there are none: one group failing leaves the others' rows."""
    try:
        return measure()
    except Exception as error:  # the reason goes into the results
        log(f"failed: {error!r}")
        return {"error": repr(error)}


def main():
    scale = SCALES[os.environ.get("BENCH_SCALE", "quick")]
    rounds = int(os.environ.get("BENCH_ROUNDS", "5"))
    started = time.perf_counter()
    log(f"{scale.name}: migrate and seed modules")
    prepared = database_prepare()
    steps = []
    for learners in scale.steps:
        log(f"generating up to {learners:,} learners")
        generated = population_grow(scale=scale, learners=learners)
        log(f"generated {generated}")
        organisation = large_organisation()
        coverage = coverage_step(organisation=organisation, lead=lead_of(organisation), rounds=rounds)
        log("coverage: " + ", ".join(f"{k} {v['ms']} ms / {v['queries']} q" for k, v in coverage.items()))
        repair = repair_step(
            organisation_ids=[organisation.pk, *regular_organisations()], large_id=organisation.pk
        )
        log(f"repair: {repair['total_s']} s, {repair['per_organisation_median_ms']} ms per organisation")
        steps.append({"learners": learners, "generated": generated, "coverage": coverage, "repair": repair})
    organisation = large_organisation()
    certificates = attempt(
        lambda: {
            "render": render_rates(rounds=rounds),
            "celery": celery_rate(organisation=organisation, count=100 if scale.name == "full" else 50),
        }
    )
    log(f"certificates: {certificates}")
    quiz = attempt(
        lambda: {
            "one": submit_costs(organisation=organisation, count=30),
            "many": submits_at_once(organisation=organisation),
        }
    )
    log(f"quiz: {quiz}")
    document = {
        "rows": all_rows(steps, certificates=certificates, quiz=quiz, scale=scale.name, large=scale.large),
        "machine": machine(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "method": METHOD.format(rounds=rounds, naive=max(1, rounds // 2)),
        "scale": scale.name,
        "seconds": {
            "migrate_and_seed": round(prepared, 1),
            "whole_run": round(time.perf_counter() - started, 1),
        },
        "steps": steps,
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / "inprocess.json").write_text(json.dumps(document, indent=2, default=str) + "\n")
    log(f"wrote {RESULTS_DIR / 'inprocess.json'}")


if __name__ == "__main__":
    main()
