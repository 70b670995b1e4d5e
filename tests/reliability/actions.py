"""The eight actions the reliability promise names, each done through its page by the person who does it.

`prepare(client)` builds what the action needs, as committed data (the fault tests use real transactions), and
signs the right person in; `act(client, state)` sends the request; `done(state)` reads, from the database
alone, whether the follow-up the action owes has happened, so work done by a worker in another process counts
too. `broker_unreachable()` points Celery at a closed port for the requests made inside it.
"""

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from types import SimpleNamespace

from django.urls import reverse
from django.utils import timezone

from assessments.models import Notification, Quiz, ReflectionExport
from assessments.practice.services import reflections
from assessments.quizzes import scoring
from assessments.quizzes.factories import ReflectiveEntryFactory
from assessments.quizzes.formats import bank
from assessments.quizzes.services import attempts
from assessments.quizzes.services.imports import questions_write
from certificates import services as certificate_services
from certificates.models import Certificate, CertificateBundle
from learning.coverage.models import NotificationSent
from learning.coverage.services import staff_import_check
from learning.organisations.factories import MembershipFactory
from learning.organisations.models import Invitation
from learning.progress import services as progress
from learning.progress.models import ModuleCompletion
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure

CLOSED_PORT_BROKER = "redis://127.0.0.1:6390/0"  # nothing listens there: every publish is refused


@contextmanager
def broker_unreachable():
    """Send tasks for real (not eagerly) to a broker that refuses connections, as when Redis is down."""
    from learning.celery import app

    # The URL tasks are sent to: Celery reads a CELERY_BROKER_URL environment variable before its settings,
    # but broker_write_url (when set) before either.
    saved = app.conf.broker_write_url, app.conf.task_always_eager
    app.conf.broker_write_url, app.conf.task_always_eager = CLOSED_PORT_BROKER, False
    _forget_connections(app)
    try:
        yield
    finally:
        app.conf.broker_write_url, app.conf.task_always_eager = saved
        _forget_connections(app)


def _forget_connections(app):
    # The app keeps a pool of broker connections made from the URL it first saw: drop it, as Celery does after
    # a fork.
    app._pool = None
    app.amqp._producer_pool = None


@dataclass(frozen=True)
class Action:
    name: str
    prepare: Callable
    act: Callable
    done: Callable
    status: int = 302


def _module(lessons=2, **kwargs):
    module = ModulePageFactory(parent=site_structure_ensure(), **kwargs)
    return module, [LessonPageFactory(parent=module) for _ in range(lessons)]


def _certified(state):
    """The certificate is issued and its email sent."""
    return Certificate.objects.filter(
        user=state.user, completion__module=state.module, emailed_at__isnull=False
    ).exists()


def _last_lesson_prepare(client):
    member = MembershipFactory()
    module, lessons = _module(2)
    progress.lesson_complete(user=member.user, lesson=lessons[0])
    client.force_login(member.user)
    return SimpleNamespace(user=member.user, module=module, last=lessons[1])


def _quiz_prepare(client):
    member = MembershipFactory()
    module, lessons = _module(1)
    quiz = Quiz.objects.create(title="Check", module=module, pass_mark=50, questions_per_attempt=2)
    questions_write(
        quiz=quiz,
        questions=[
            bank.Question(
                name=f"q{n}",
                qtype="single",
                text=f"Question {n}?",
                options=[bank.Option("Right", 100), bank.Option("Wrong", 0)],
            )
            for n in range(2)
        ],
    )
    progress.lesson_complete(user=member.user, lesson=lessons[0])
    attempt = attempts.attempt_start(user=member.user, quiz=quiz)
    client.force_login(member.user)
    answers = {f"q{item.position}": scoring.correct_keys(item.snapshot) for item in attempt.items.all()}
    return SimpleNamespace(user=member.user, module=module, attempt=attempt, answers=answers)


def _reflection_world():
    supervisor = MembershipFactory(is_supervisor=True)
    author = MembershipFactory(organisation=supervisor.organisation, supervisor=supervisor)
    return supervisor, author, ReflectiveEntryFactory(membership=author)


def _emailed(user):
    return Notification.objects.filter(user=user, emailed_at__isnull=False).exists()


def _submit_prepare(client):
    supervisor, author, entry = _reflection_world()
    client.force_login(author.user)
    return SimpleNamespace(reviewer=supervisor.user, entry=entry)


def _sign_off_prepare(client):
    supervisor, author, entry = _reflection_world()
    reflections.reflection_submit(entry=entry, user=author.user)
    client.force_login(supervisor.user)
    return SimpleNamespace(author=author.user, entry=entry)


def _export_prepare(client):
    _supervisor, author, entry = _reflection_world()
    client.force_login(author.user)
    return SimpleNamespace(author=author.user, entry=entry)


def _zip_prepare(client):
    member = MembershipFactory()
    lead = MembershipFactory(organisation=member.organisation, is_lead=True, is_learner=False)
    module, _lessons = _module(1)
    completion = ModuleCompletion.objects.create(
        user=member.user, module=module, completed_at=timezone.now(), cpd_minutes=30
    )
    certificate_services.certificate_issue(completion=completion)
    client.force_login(lead.user)
    return SimpleNamespace(organisation=member.organisation)


STAFF_CSV = (
    "Name,Email,Team,Job title,Supervisor email,Roles\n"
    "Robin Hay,robin.hay@example.org,,Recovery worker,,learner\n"
)


def _import_prepare(client):
    lead = MembershipFactory(is_lead=True, is_learner=False)
    _file, pending = staff_import_check(
        organisation=lead.organisation, uploaded_by=lead.user, filename="staff.csv", text=STAFF_CSV
    )
    client.force_login(lead.user)
    return SimpleNamespace(organisation=lead.organisation, pending=pending)


def _invite_prepare(client):
    lead = MembershipFactory(is_lead=True, is_learner=False)
    client.force_login(lead.user)
    return SimpleNamespace(organisation=lead.organisation)


ACTIONS = [
    Action(
        "last lesson completed",
        _last_lesson_prepare,
        lambda client, s: client.post(reverse("lesson_complete", args=[s.last.pk])),
        _certified,
    ),
    Action(
        "quiz submitted",
        _quiz_prepare,
        lambda client, s: client.post(reverse("attempt_submit", args=[s.attempt.pk]), s.answers),
        _certified,
    ),
    Action(
        "reflection submitted",
        _submit_prepare,
        lambda client, s: client.post(reverse("reflection_submit", args=[s.entry.pk])),
        lambda s: _emailed(s.reviewer),
    ),
    Action(
        "reflection signed off",
        _sign_off_prepare,
        lambda client, s: client.post(
            reverse("reflection_review", args=[s.entry.pk]), {"decision": "sign_off", "body": "Well done."}
        ),
        lambda s: _emailed(s.author),
    ),
    Action(
        "reflection PDF requested",
        _export_prepare,
        lambda client, s: client.post(reverse("reflection_export_new"), {"entries": [s.entry.pk]}),
        lambda s: ReflectionExport.objects.filter(
            author=s.author, status=ReflectionExport.Status.READY
        ).exists(),
    ),
    Action(
        "certificate ZIP requested",
        _zip_prepare,
        lambda client, s: client.post(reverse("bundle_create", args=[s.organisation.pk])),
        lambda s: CertificateBundle.objects.filter(
            organisation=s.organisation, status=CertificateBundle.Status.READY
        ).exists(),
    ),
    Action(
        "staff import confirmed",
        _import_prepare,
        lambda client, s: client.post(
            reverse("coverage_import_confirm", args=[s.organisation.pk, s.pending.pk])
        ),
        lambda s: NotificationSent.objects.filter(
            user__email="robin.hay@example.org", kind=NotificationSent.Kind.INVITATION
        ).exists(),
    ),
    Action(
        "invitation sent",
        _invite_prepare,
        lambda client, s: client.post(
            reverse("invitation_new", args=[s.organisation.pk]),
            {"email": "new.worker@example.org", "job_title": "Family support worker"},
        ),
        lambda s: Invitation.objects.filter(email="new.worker@example.org", sent_at__isnull=False).exists(),
    ),
]
