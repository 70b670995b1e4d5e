"""What a module's AU shows, made to work away from the platform: its lessons' HTML with every image inside
the package (no request leaves the importing LMS but the xAPI ones), and its quiz as data the AU scores."""

import posixpath
import re

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

from learning.core.links import absolute_url
from modules.models import LessonPage

SRC = re.compile(r'\s(src|srcset)="([^"]*)"')
IFRAME = re.compile(r'<iframe[^>]*\ssrc="([^"]*)"[^>]*>.*?</iframe>', re.S)
SITE_LINK = re.compile(r'\shref="(/[^/"][^"]*)"')


def lessons(module) -> list:
    return list(LessonPage.objects.live().child_of(module).specific().order_by("path"))


class Assets:
    """The media files the lessons show, gathered into the package under au/media/."""

    def __init__(self):
        self.names = {}  # path in storage -> name in the package

    def local(self, url: str) -> str:
        if not url.startswith(settings.MEDIA_URL):
            return ""  # not one of ours: the package would have to fetch it, so it is left out
        stored = url[len(settings.MEDIA_URL) :]
        return self.names.setdefault(stored, f"media/{len(self.names) + 1}-{posixpath.basename(stored)}")

    def read(self):
        for stored, name in self.names.items():
            if default_storage.exists(stored):
                with default_storage.open(stored) as handle:
                    yield name, handle.read()


def lesson_html(lesson, assets: Assets) -> str:
    """The lesson's body as it reads on the platform, with images packaged, videos as links (an embedded
    player would load from another site) and the platform's own links made full."""
    html = str(lesson.body)

    def video_link(match):
        return f'<p><a href="{match.group(1)}">{escape(_("Watch the video (opens another website)"))}</a></p>'

    def packaged(match):
        attribute, value = match.groups()
        if attribute == "srcset":
            return ""  # the src alone is packaged: one size is enough offline
        return f' src="{assets.local(value)}"'

    html = IFRAME.sub(video_link, html)
    html = SRC.sub(packaged, html)
    return SITE_LINK.sub(lambda match: f' href="{absolute_url(match.group(1))}"', html)


def quiz_data(quiz) -> dict | None:
    """The quiz as the AU needs it: its pass mark, how many questions an attempt draws, and every question
    with its options' marks (Moodle's fractions, as the platform scores them)."""
    if quiz is None:
        return None
    questions = quiz.questions.prefetch_related("options").order_by("pk")
    return {
        "passMark": quiz.pass_mark,
        "perAttempt": quiz.questions_per_attempt,
        "questions": [
            {
                "id": question.pk,
                "type": question.qtype,
                "text": expand_db_html(question.text),
                "options": [
                    {"key": str(option.pk), "text": option.text, "fraction": float(option.fraction)}
                    for option in question.options.all()
                ],
            }
            for question in questions
        ],
    }
