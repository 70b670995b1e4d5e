"""A module as a cmi5 course package: a ZIP with cmi5.xml at its root and the AU under au/, every file it
needs inside (no CDN: the importing LMS may sit inside an NHS network)."""

import io
import zipfile
from pathlib import Path

from django.template.loader import render_to_string

from assessments.models import Quiz

from ..facts import page_activity_id
from .content import Assets, lesson_html, lessons, quiz_data
from .course import course_structure

AU_FILES = Path(__file__).resolve().parent / "au"


def cmi5_package(*, module) -> bytes:
    """The ZIP of `module`'s cmi5 package."""
    quiz = Quiz.objects.filter(module=module).first()
    assets = Assets()
    sections = [{"title": lesson.title, "html": lesson_html(lesson, assets)} for lesson in lessons(module)]
    index = render_to_string(
        "xapi/cmi5/au.html",
        {
            "module": module,
            "module_url": page_activity_id(module),
            "lessons": sections,
            "quiz": quiz,
            "quiz_data": quiz_data(quiz),
        },
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("cmi5.xml", course_structure(module=module, quiz=quiz))
        package.writestr("au/index.html", index)
        for path in sorted(AU_FILES.iterdir()):
            package.write(path, f"au/{path.name}")
        for name, content in assets.read():
            package.writestr(f"au/{name}", content)
    return buffer.getvalue()
