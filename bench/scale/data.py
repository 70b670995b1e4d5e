"""The data set: the seed modules and a generated workforce (`generate_population`, the living demo's
generator) grown in steps, so that each in-process row is measured at two sizes in one run.

Every size has one large organisation (the coverage dashboard's) and organisations of STAFF people each, as
many as make up the step's number of learners."""

import time
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from learning.organisations.models import Membership, Organisation
from learning.progress.models import LessonCompletion, ModuleCompletion

LARGE_PREFIX = "Large organisation"
PREFIX = "Generated organisation"
STAFF = 500


@dataclass(frozen=True)
class Scale:
    name: str
    large: int  # people in the dashboard's organisation
    steps: tuple  # learners in all, measured at each


SCALES = {
    "full": Scale("full", large=5000, steps=(10_000, 100_000)),
    "quick": Scale("quick", large=1000, steps=(2_000, 10_000)),
}


def database_prepare() -> float:
    """Migrate and install the seed modules with their quizzes; seconds taken."""
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_seed_modules", verbosity=0)
    return time.perf_counter() - started


def counts() -> dict:
    return {
        "organisations": Organisation.objects.count(),
        "learners": Membership.objects.filter(is_learner=True, is_lead=False).count(),
        "lesson_progress_rows": LessonCompletion.objects.count(),
        "completions": ModuleCompletion.objects.count(),
    }


def population_grow(*, scale: Scale, learners: int) -> dict:
    """Generate up to `learners` people (the large organisation first); the time it took and the sizes."""
    started = time.perf_counter()
    call_command("generate_population", organisations=1, staff=scale.large, prefix=LARGE_PREFIX, verbosity=0)
    organisations = max(0, (learners - scale.large) // STAFF)
    call_command("generate_population", organisations=organisations, staff=STAFF, prefix=PREFIX, verbosity=0)
    seconds = time.perf_counter() - started
    statistics_refresh()
    return {"seconds": round(seconds, 1), **counts()}


def statistics_refresh():
    """Give the planner statistics for the rows just loaded, as autovacuum would in a live database; measured
    without them, PostgreSQL plans for empty tables."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def large_organisation() -> Organisation:
    return Organisation.objects.get(name=f"{LARGE_PREFIX} 001")


def regular_organisations() -> list[int]:
    return list(
        Organisation.objects.filter(name__startswith=PREFIX).order_by("pk").values_list("pk", flat=True)
    )


def lead_of(organisation):
    """A workforce lead of `organisation`, created once (not a learner: the figures stay the generator's)."""
    user, _ = get_user_model().objects.get_or_create(
        email=f"bench.lead.{organisation.pk}@example.org",
        defaults={"first_name": "Bench", "last_name": "Lead"},
    )
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"is_lead": True, "is_learner": False}
    )
    return user
