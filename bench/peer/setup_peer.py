"""Build the peer's data: migrate, one course with one H5P lesson page of rich text, one enrolled learner.

Run with the peer's own interpreter (var/bench/peer/venv/bin/python bench/peer/setup_peer.py); prints one
line of JSON: the lesson's path and the learner's username and password. Running it again reuses the data.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer_project.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402
from wagtail_lms.models import CourseEnrollment, CoursePage, H5PLessonPage  # noqa: E402

USERNAME = "peer-learner"
PASSWORD = "peer-bench-password-2026"  # noqa: S105 (a throwaway bench account on 127.0.0.1)
PARAGRAPH = (
    "<p>Talking with a parent about how alcohol use affects the family starts with listening. Ask open "
    "questions, reflect back what you hear, and agree small, realistic next steps together. Notice what "
    "is already going well and say so; people change more readily when their strengths are named.</p>"
)


def course_and_lesson():
    lesson = H5PLessonPage.objects.filter(slug="bench-lesson").first()
    if lesson:
        return lesson.get_parent().specific, lesson
    home = Site.objects.get(is_default_site=True).root_page
    course = home.add_child(instance=CoursePage(title="Bench course", slug="bench-course"))
    body = [{"type": "paragraph", "value": PARAGRAPH} for _ in range(8)]
    lesson = course.add_child(
        instance=H5PLessonPage(title="Bench lesson", slug="bench-lesson", intro=PARAGRAPH, body=body)
    )
    return course, lesson


def main():
    call_command("migrate", verbosity=0)
    course, lesson = course_and_lesson()
    user, created = get_user_model().objects.get_or_create(username=USERNAME)
    if created:
        user.set_password(PASSWORD)
        user.save()
    CourseEnrollment.objects.get_or_create(user=user, course=course)
    if not Page.objects.filter(pk=lesson.pk).live().exists():
        raise SystemExit("the bench lesson is not live")
    print(json.dumps({"lesson_path": lesson.url, "username": USERNAME, "password": PASSWORD}))


if __name__ == "__main__":
    main()
