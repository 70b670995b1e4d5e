"""People with a record in every part of the platform, for the "Download my data" tests.

`person_with_records(key, n)` gives a person n of each kind of row the export gathers, each text marked with
`key`, so a test can tell whose data ended up in a ZIP. Rows are made directly where the service that would
make them is not under test (a certificate's PDF rendering, for one)."""

import random
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from assessments.models import Notification, Quiz, ReflectionComment, ReflectionExport
from assessments.models.supervision import SessionAction, SessionNote, SupervisionSession
from assessments.quizzes.factories import ReflectiveEntryFactory
from assessments.quizzes.formats import bank
from assessments.quizzes.services import attempts
from assessments.quizzes.services.imports import questions_write
from certificates.models import Certificate, CertificateEvent
from learning.coverage.models import NotificationSent, Requirement
from learning.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory
from learning.organisations.models import Invitation
from learning.progress.models import Enrolment, LessonCompletion, ModuleCompletion
from modules.factories import LessonPageFactory, ModulePageFactory, TopicFactory
from modules.seed import site_structure_ensure


def _quiz(key):
    quiz = Quiz.objects.create(title=f"Quiz {key}", pass_mark=50, questions_per_attempt=2)
    questions_write(
        quiz=quiz,
        questions=[
            bank.Question(
                name=f"q{n}",
                qtype="single",
                text=f"Question {n} {key}?",
                options=[bank.Option(f"Right {key}", 100), bank.Option("Wrong", 0)],
            )
            for n in range(2)
        ],
    )
    return quiz


def _learning(user, membership, index, key, i):
    module = ModulePageFactory(parent=index, title=f"Module {key} {i}")
    lesson = LessonPageFactory(parent=module, title=f"Lesson {key} {i}")
    enrolment = Enrolment.objects.create(user=user, module=module, last_lesson=lesson)
    LessonCompletion.objects.create(enrolment=enrolment, lesson=lesson)
    completion = ModuleCompletion.objects.create(user=user, module=module, completed_at=timezone.now())
    certificate = Certificate.objects.create(
        completion=completion,
        user=user,
        learner_name=str(user),
        module_title=module.title,
        cpd_minutes=30,
        completed_at=completion.completed_at,
        pdf=ContentFile(f"%PDF certificate {key} {i}".encode(), name="c.pdf"),
    )
    CertificateEvent.objects.create(certificate=certificate, action=CertificateEvent.Action.ISSUED)
    Requirement.objects.create(
        membership=membership,
        organisation=membership.organisation,
        module=module,
        due_on=date.today() + timedelta(days=30),
    )


def _practice(user, membership, key, i):
    entry = ReflectiveEntryFactory(
        membership=membership,
        title=f"Reflection {key} {i}",
        stages={"description": f"What happened {key} {i}."},
    )
    ReflectionComment.objects.create(
        entry=entry, author=membership.supervisor.user, body=f"Comment for {key} {i}"
    )
    session = SupervisionSession.objects.create(
        supervisor=membership.supervisor, held_on=date.today(), summary=f"Session {key} {i}"
    )
    session.supervisees.add(membership)
    session.topics.add(TopicFactory())
    SessionAction.objects.create(session=session, description=f"Action {key} {i}", owner=membership)
    SessionNote.objects.create(session=session, author=membership, body=f"Note {key} {i}")
    export = ReflectionExport.objects.create(
        author=user,
        status="ready",
        file_path=default_storage.save(
            "reflection-exports/r.pdf", ContentFile(f"%PDF reflections {key} {i}".encode())
        ),
    )
    export.entries.add(entry)


def person_with_records(key, n=1, *, organisation=None):
    """A person (`<key>@example.org`) with n memberships, modules, attempts, reflections, sessions, ..."""
    index = site_structure_ensure()
    user = UserFactory(email=f"{key}@example.org", first_name=key.capitalize(), last_name="Tester")
    quiz = _quiz(key)
    for i in range(n):
        place = organisation if (organisation and i == 0) else OrganisationFactory(name=f"Org {key} {i}")
        supervisor = MembershipFactory(
            organisation=place,
            is_supervisor=True,
            user__first_name="Supervisor",
            user__last_name=f"{key} {i}",
        )
        membership = MembershipFactory(user=user, organisation=place, supervisor=supervisor)
        _learning(user, membership, index, key, i)
        _practice(user, membership, key, i)
        attempts.attempt_submit(attempt=attempts.attempt_start(user=user, quiz=quiz, rng=random.Random(i)))
        Notification.objects.create(user=user, message=f"Notification {key} {i}", url="/reflections/")
        NotificationSent.objects.create(user=user, kind=NotificationSent.Kind.DUE_SOON, key=f"{key}-{i}")
        Invitation.objects.create(
            organisation=OrganisationFactory(),
            email=user.email.upper(),
            first_name=key,
            expires_at=timezone.now() + timedelta(days=7),
        )
    return user
