"""The seed modules: loaded by `load_seed_modules`, idempotently, with real content."""

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags

from learning.core.language import stigmatising_terms
from modules.models import LessonPage, ModulePage

pytestmark = pytest.mark.django_db


def _snapshot():
    return sorted(LessonPage.objects.values_list("url_path", "live", "latest_revision_id"))


def test_loader_is_idempotent():
    call_command("load_seed_modules")
    first = _snapshot()
    call_command("load_seed_modules")
    assert _snapshot() == first


def test_four_modules_published_with_lessons_of_substance(seeded_site):
    modules = list(seeded_site)
    assert {m.topic.name for m in modules} == {
        "Family-inclusive practice",
        "Trauma-informed care",
        "Safe and Together",
        "GIRFEC",
    }
    for module in modules:
        lessons = LessonPage.objects.child_of(module).live()
        assert lessons.count() == 5, module.title  # four to teach, the fifth to practise on cases
        assert len(module.references) >= 1, module.title
        assert all(reference.value["url"] for reference in module.references), module.title
        for lesson in lessons:
            words = len(strip_tags(lesson.body.render_as_block()).split())
            assert words >= 300, (lesson.title, words)


def test_seed_text_uses_person_first_language(seeded_site):
    for lesson in LessonPage.objects.live():
        assert stigmatising_terms(lesson.body.render_as_block()) == [], lesson.title
    for module in ModulePage.objects.live():
        assert stigmatising_terms(f"{module.summary}\n{module.reflective_prompt}") == [], module.title
