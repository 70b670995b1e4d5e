import pytest

from assessments.models import Quiz
from certificates.models import Certificate
from learning.organisations.factories import MembershipFactory
from learning.progress import services as progress
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure


@pytest.fixture
def module(db):
    index = site_structure_ensure()
    module = ModulePageFactory(
        parent=index, title="Safe and Together basics", validity_months=36, estimated_minutes=45
    )
    for _ in range(2):
        LessonPageFactory(parent=module)
    return module


@pytest.fixture
def member(db):
    return MembershipFactory(user__first_name="Alex", user__last_name="Morgan")


@pytest.fixture
def complete_lessons(django_capture_on_commit_callbacks):
    """Complete every lesson as the learner would, running what is queued on commit (the certificate task)."""

    def run(user, module):
        from modules.models import LessonPage

        with django_capture_on_commit_callbacks(execute=True):
            for lesson in LessonPage.objects.child_of(module).live():
                progress.lesson_complete(user=user, lesson=lesson)

    return run


@pytest.fixture
def certificate(member, module, complete_lessons):
    """The learner's certificate for the module, issued as the lessons' completion queues it."""
    complete_lessons(member.user, module)
    return Certificate.objects.get(user=member.user)


@pytest.fixture
def quiz_for(db):
    def make(module, pass_mark=80):
        return Quiz.objects.create(
            title=f"{module.title} quiz", module=module, pass_mark=pass_mark, questions_per_attempt=2
        )

    return make
