"""Quiz submits: one person starting and submitting an attempt (ms and queries), and 50 people submitting at
the same moment from threads, each with its own database connection."""

import random
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from django.contrib.auth import get_user_model
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from assessments.models import Attempt, Quiz
from assessments.quizzes.services.attempts import attempt_start, attempt_submit
from learning.organisations.models import Membership


def _people(organisation, count, *, tag):
    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(email=f"bench.quiz.{tag}.{n}@example.org", first_name="Bench", last_name=f"Quiz {n}")
            for n in range(count)
        ]
    )
    Membership.objects.bulk_create([Membership(user=u, organisation=organisation) for u in users])
    return users


def _quiz():
    return (
        Quiz.objects.filter(module__isnull=False, questions__isnull=False).distinct().order_by("pk").first()
    )


def _start(user, quiz, seed):
    attempt = attempt_start(user=user, quiz=quiz, rng=random.Random(seed))  # noqa: S311 (made-up answers)
    answers = {item.position: [item.snapshot["options"][0]["key"]] for item in attempt.items.all()}
    return attempt, answers


def _take(user, quiz, seed):
    attempt, answers = _start(user, quiz, seed)
    return attempt_submit(attempt=attempt, answers=answers)


def submit_costs(*, organisation, count: int) -> dict:
    """The submit alone (attempt_submit: what the target is for), median ms over `count` people and the
    queries of one more; the start (attempt_start, drawing the questions) beside it, for the record."""
    quiz = _quiz()
    users = _people(organisation, count + 2, tag="one")
    _take(users[0], quiz, 0)  # warm-up
    attempt, answers = _start(users[1], quiz, 1)
    with CaptureQueriesContext(connection) as queries:
        attempt_submit(attempt=attempt, answers=answers)
    submits, starts = [], []
    for n, user in enumerate(users[2:]):
        started = time.perf_counter()
        attempt, answers = _start(user, quiz, n)
        starts.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        attempt_submit(attempt=attempt, answers=answers)
        submits.append((time.perf_counter() - started) * 1000)
    return {
        "ms": round(statistics.median(submits), 1),
        "queries": len(queries),
        "query_ms": round(sum(float(q["time"]) for q in queries.captured_queries) * 1000, 1),
        "start_ms": round(statistics.median(starts), 1),
        "quiz": quiz.title,
        "submits": count,
    }


def _p95(values):
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def submits_at_once(*, organisation, count: int = 50) -> dict:
    """`count` threads wait at a barrier, then each starts and submits an attempt for its own person."""
    quiz = _quiz()
    users = _people(organisation, count, tag="many")
    barrier = threading.Barrier(count)

    def one(n):
        try:
            barrier.wait()
            started = time.perf_counter()
            _take(users[n], quiz, n)
            return (time.perf_counter() - started) * 1000, None
        except Exception as error:  # counted as an error of the row
            return None, repr(error)
        finally:
            close_old_connections()
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        outcomes = list(pool.map(one, range(count)))
    latencies = [ms for ms, _ in outcomes if ms is not None]
    errors = [error for _, error in outcomes if error]
    stored = Attempt.objects.filter(user__in=users, status=Attempt.Status.GRADED).count()
    return {
        "at_once": count,
        "p95_ms": round(_p95(latencies), 1) if latencies else None,
        "median_ms": round(statistics.median(latencies), 1) if latencies else None,
        "errors": len(errors),
        "error_examples": errors[:3],
        "stored": stored,
    }
