"""Seed quizzes for the seed modules, from the "quiz" part of modules/seed_content/*.json. Idempotent."""

import json

from django.db import transaction

from assessments.models import Question, Quiz
from assessments.quizzes.formats import bank
from assessments.quizzes.formats.sanitise import plain_to_html
from assessments.quizzes.services.imports import questions_write
from modules.models import ModulePage
from modules.seed import SEED_DIR

# How every seed quiz was set before the seed asked for a draw by lesson (issue #16). A seed quiz still set so
# has not been changed by an editor, and takes the seed's draw; one an editor has changed is left alone.
OLD_SEED_SETTINGS = {"draw": Quiz.Draw.RANDOM, "questions_per_attempt": 5}


def _bank_question(data) -> bank.Question:
    return bank.Question(
        name=data["name"],
        qtype=data["type"],
        text=plain_to_html(data["text"]),
        explanation=plain_to_html(data.get("explanation", "")),
        tags=sorted(set(data.get("tags", []))),
        options=[
            bank.Option(
                plain_to_html(o["text"]) if data["type"] != "truefalse" else o["text"],
                o["fraction"],
                plain_to_html(o.get("feedback", "")),
            )
            for o in data["options"]
        ],
    )


def _settings_from(spec) -> dict:
    return {
        "draw": spec.get("draw", Quiz.Draw.BY_LESSON),
        "questions_per_attempt": spec["questions_per_attempt"],
    }


def _bring_settings_up_to_date(quiz: Quiz, spec) -> None:
    """A quiz seeded before the draw by lesson, with settings no editor has changed, takes the seed's."""
    if all(getattr(quiz, name) == value for name, value in OLD_SEED_SETTINGS.items()):
        wanted = _settings_from(spec)
        if any(getattr(quiz, name) != value for name, value in wanted.items()):
            Quiz.objects.filter(pk=quiz.pk).update(**wanted)


@transaction.atomic
def seed_quizzes_install(*, seed_dir=SEED_DIR) -> int:
    """Create each seed module's quiz and any bank questions it lacks, and bring the draw of a quiz seeded
    before the draw by lesson up to date; returns how many questions were added."""
    added = 0
    for path in sorted(seed_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        module = ModulePage.objects.filter(slug=data["slug"]).first()
        if module is None or "quiz" not in data:
            continue
        spec = data["quiz"]
        quiz, created = Quiz.objects.get_or_create(
            module=module,
            defaults={"title": spec["title"], "pass_mark": spec["pass_mark"], **_settings_from(spec)},
        )
        if not created:
            _bring_settings_up_to_date(quiz, spec)
        have = set(Question.objects.filter(quiz=quiz).values_list("name", flat=True))
        missing = [_bank_question(q) for q in spec["questions"] if q["name"] not in have]
        questions_write(quiz=quiz, questions=missing)
        added += len(missing)
    return added
