"""The in-process rows: what one Python process spends on the coverage dashboard, its export, a recount, the
nightly repair, certificates and quiz submits. Each figure is the median of interleaved rounds
(time.perf_counter), after one warm-up call whose queries are counted (CaptureQueriesContext) and whose
slowest queries are kept as the "why" of a missed target."""

import statistics
import time

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning.coverage.models import Requirement
from learning.coverage.services import coverage_repair
from learning.coverage.services.events import coverage_changed

from .naive import naive_dashboard


def _slowest(queries, n=3):
    ranked = sorted(queries, key=lambda q: float(q["time"]), reverse=True)[:n]
    return [{"ms": round(float(q["time"]) * 1000, 1), "sql": q["sql"][:300]} for q in ranked]


def interleaved(calls: dict, *, rounds: int, rounds_of: dict | None = None) -> dict:
    """{name: {"ms": median, "rounds_ms": [...], "queries": n, "slowest": [...]}}: each call is warmed up once
    with its queries counted, then timed once per round, the calls taking turns within every round."""
    results = {}
    for name, call in calls.items():
        with CaptureQueriesContext(connection) as queries:
            call()
        results[name] = {
            "rounds_ms": [],
            "queries": len(queries),
            "query_ms": round(sum(float(q["time"]) for q in queries.captured_queries) * 1000, 1),
            "slowest": _slowest(queries.captured_queries),
        }
    for number in range(rounds):
        for name, call in calls.items():
            if number < (rounds_of or {}).get(name, rounds):
                started = time.perf_counter()
                call()
                results[name]["rounds_ms"].append(round((time.perf_counter() - started) * 1000, 2))
    for result in results.values():
        result["ms"] = round(statistics.median(result["rounds_ms"]), 2)
    return results


def _get(client, url):
    def call():
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        if response.streaming:
            b"".join(response.streaming_content)

    return call


def recount_tasks(*, user_id, module_id):
    """The coverage tasks a lesson completion queues for this person and module, as (task, args): the event
    is sent in a transaction that is then rolled back, so the tasks are read from it, never sent."""
    with transaction.atomic():
        coverage_changed(user_id=user_id, module_id=module_id)
        queued = [(c.task, c.args) for _sids, c, _robust in transaction.get_connection().run_on_commit]
        transaction.set_rollback(True)
    return queued


def _someone_required(organisation):
    requirement = Requirement.objects.filter(organisation=organisation).order_by("pk").first()
    return requirement.membership.user_id, requirement.module_id


def coverage_step(*, organisation, lead, rounds: int) -> dict:
    """The dashboard of `organisation` (as its lead sees it), its XLSX export, the naive count and one
    recount, at the current size."""
    client = Client()
    client.force_login(lead)
    user_id, module_id = _someone_required(organisation)
    tasks = recount_tasks(user_id=user_id, module_id=module_id)
    if not tasks:
        raise RuntimeError("a lesson completion queued no coverage task")

    def recount():
        for task, args in tasks:
            task(*args)

    measured = interleaved(
        {
            "dashboard": _get(client, reverse("coverage_dashboard", args=[organisation.pk])),
            "export_xlsx": _get(client, reverse("coverage_export_xlsx", args=[organisation.pk])),
            "recount": recount,
            "naive": lambda: naive_dashboard(organisation),
        },
        rounds=rounds,
        rounds_of={"naive": max(1, rounds // 2)},
    )
    measured["recount"]["tasks"] = [f"{task.name}{tuple(args)}" for task, args in tasks]
    return measured


def repair_step(*, organisation_ids, large_id) -> dict:
    """The nightly repair (coverage_repair) of every organisation, one after another, each timed."""
    seconds = {}
    with CaptureQueriesContext(connection) as queries:
        coverage_repair(organisation_id=large_id)
    for organisation_id in organisation_ids:
        started = time.perf_counter()
        coverage_repair(organisation_id=organisation_id)
        seconds[organisation_id] = time.perf_counter() - started
    regular = [s for pk, s in seconds.items() if pk != large_id]
    return {
        "organisations": len(seconds),
        "total_s": round(sum(seconds.values()), 2),
        "per_organisation_median_ms": round(statistics.median(regular) * 1000, 1),
        "large_organisation_ms": round(seconds[large_id] * 1000, 1),
        "queries_large": len(queries),
        "slowest": _slowest(queries.captured_queries),
    }
