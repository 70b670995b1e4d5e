"""A learner's journey through a module, made through the platform's own services: enrolment, every lesson,
a quiz passed, a reflection signed off by their supervisor, and so the module completed."""

from types import SimpleNamespace

from assessments.practice.reflection_templates import stages_of
from assessments.practice.services import reflections, reviews
from assessments.quizzes import scoring
from assessments.quizzes.factories import QuizFactory
from assessments.quizzes.services.attempts import attempt_start, attempt_submit
from learning.organisations.factories import MembershipFactory
from learning.progress.services import lesson_complete
from learning.xapi.models import LrsConfig
from learning.xapi.services import lrs_config_save
from modules.factories import LessonPageFactory, ModulePageFactory
from tests.xapi.ralph_peer import KEY, SECRET

REFLECTION_TEXT = "A private thought about a home visit that must never leave the platform."


def lrs_for(organisation, url, *, key=KEY, secret=SECRET) -> LrsConfig:
    """Turn sending on for `organisation`, to the LRS at `url`."""
    config = LrsConfig(organisation=organisation, endpoint=url, key=key, enabled=True)
    lrs_config_save(config=config, secret=secret)
    return config


def module_with_quiz(learning_index, *, lessons=2):
    module = ModulePageFactory(
        parent=learning_index,
        require_quiz_pass=True,
        require_signed_reflection=True,
        reflective_prompt="Why?",
    )
    pages = [LessonPageFactory(parent=module) for _ in range(lessons)]
    quiz = QuizFactory(module=module, pass_mark=50, questions_per_attempt=2)
    return SimpleNamespace(module=module, lessons=pages, quiz=quiz)


def learner_in(organisation):
    supervisor = MembershipFactory(organisation=organisation, is_supervisor=True)
    return MembershipFactory(organisation=organisation, supervisor=supervisor)


def journey(*, membership, content, correct=True):
    """Walk `membership`'s person through `content` (module_with_quiz); returns the attempt and reflection.
    Run it with the on-commit callbacks executed (the completion rule is evaluated in a task)."""
    user = membership.user
    for lesson in content.lessons:
        lesson_complete(user=user, lesson=lesson)
    attempt = attempt_start(user=user, quiz=content.quiz)
    answers = {
        item.position: scoring.correct_keys(item.snapshot) if correct else ["wrong"]
        for item in attempt.items.all()
    }
    attempt = attempt_submit(attempt=attempt, answers=answers)
    entry = reflections.reflection_create(
        author=user, membership=membership, template="gibbs", module=content.module, title="After the module"
    )
    stages = {stage.key: REFLECTION_TEXT for stage in stages_of("gibbs")}
    reflections.reflection_save(entry=entry, user=user, title="After the module", stages=stages)
    reflections.reflection_submit(entry=entry, user=user, anonymised_confirmed=True)
    entry = reviews.reflection_sign_off(entry=entry, user=membership.supervisor.user, body="Well reflected.")
    return SimpleNamespace(attempt=attempt, reflection=entry)
