"""The signed-in learner the HTTP rows load pages as, and the pages: run under bench.scale.http_settings.

Picks a generated learner with an enrolment on a module that has live lessons (so the pages show their real
progress), gives them a usable password and a verified address (allauth asks for one), and prints one line of
JSON: email, password, lesson path and the SQL queries each measured page makes (Django's test client,
after one warm-up request). On a database without generated people (the SQLite one) it makes a learner
and enrols them on the first seed module. Running it again is harmless. Run it as a module from the
project's folder (`python -m bench.scale.http_setup`): as a script, bench/scale/http.py would hide the
standard library's `http`.
"""

import json
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.scale.http_settings")

import django

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from learning.progress.models import Enrolment  # noqa: E402
from learning.progress.services import enrolment_create  # noqa: E402
from modules.models import LessonPage, ModulePage  # noqa: E402

PASSWORD = "bench-http-password-2026"  # noqa: S105 (a throwaway bench account on 127.0.0.1)
FALLBACK_EMAIL = "bench-http-learner@example.org"


def learner_and_lesson():
    enrolment = (
        Enrolment.objects.filter(user__email__endswith=".example.org", user__memberships__is_supervisor=False)
        .exclude(user__email=FALLBACK_EMAIL)
        .select_related("user", "module")
        .order_by("pk")
        .first()
    )
    if enrolment:
        user, module = enrolment.user, enrolment.module
    else:
        user, _ = get_user_model().objects.get_or_create(
            email=FALLBACK_EMAIL, defaults={"first_name": "Bench", "last_name": "Learner"}
        )
        module = ModulePage.objects.live().order_by("path").first()
        enrolment_create(user=user, module=module)
    lesson = LessonPage.objects.live().child_of(module).order_by("path").first()
    return user, lesson


def queries_per_page(user, paths):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    counts = {}
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        counts[path] = {"status": response.status_code, "queries": len(queries)}
    return counts


def main():
    user, lesson = learner_and_lesson()
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    cache.clear()  # the bench's own Redis database: no pages cached from another run's database
    paths = ["/bench-bare/", lesson.url, "/my-learning/", "/catalogue/"]
    queries = queries_per_page(user, paths)
    print(
        json.dumps({"email": user.email, "password": PASSWORD, "lesson_path": lesson.url, "queries": queries})
    )


if __name__ == "__main__":
    main()
