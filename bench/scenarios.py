"""What the benchmarks exercise: each scenario builds data of size n and returns the operation to time."""

from django.test import RequestFactory

from assessments.models import Quiz
from assessments.quizzes import scoring
from assessments.quizzes.services.attempts import attempt_start, attempt_submit
from assessments.quizzes.services.imports import questions_write
from learning.organisations.factories import UserFactory
from learning.progress import selectors, services
from learning.progress.views import my_learning
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure
from tests.assessments.conftest import make_bank_question

_modules = []


def _modules_up_to(n):
    index = site_structure_ensure()
    while len(_modules) < n:
        module = ModulePageFactory(parent=index)
        for _ in range(3):
            LessonPageFactory(parent=module)
        _modules.append(module)
    return _modules[:n]


def dashboard(n):
    modules = _modules_up_to(n)
    user = UserFactory(email=f"bench-dashboard-{n}@example.org")
    for module in modules:
        services.enrolment_create(user=user, module=module)
    request = RequestFactory().get("/my-learning/")
    request.user = user
    return lambda: my_learning(request)


def catalogue(n):
    _modules_up_to(n)
    user = UserFactory(email=f"bench-catalogue-{n}@example.org")
    return lambda: selectors.catalogue_search(user=user)


def submit_attempt(n):
    quiz = Quiz.objects.create(title=f"Bench {n}", pass_mark=50, questions_per_attempt=n, attempts_allowed=0)
    questions_write(quiz=quiz, questions=[make_bank_question(i) for i in range(n)])
    user = UserFactory(email=f"bench-quiz-{n}@example.org")

    def run():
        attempt = attempt_start(user=user, quiz=quiz)
        answers = {item.position: scoring.correct_keys(item.snapshot) for item in attempt.items.all()}
        attempt_submit(attempt=attempt, answers=answers)

    return run


ALL = [
    ("My learning page (modules enrolled)", 5, 50, dashboard),
    ("Catalogue search (published modules)", 5, 50, catalogue),
    ("Start + submit a quiz attempt (questions)", 5, 50, submit_attempt),
]
