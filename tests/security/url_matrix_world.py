"""The world the URL matrix runs in: organisations A and B, each with a workforce lead, a supervisor, a
learner they supervise and every object a URL takes (made through the services, as people would make them); an
editor and a platform admin who also belong to A; and content every organisation shares (modules, a quiz).

Every identity the matrix signs in as belongs to A, so A's objects are "ours" and B's are "another
organisation's"."""

import random
from datetime import date, timedelta
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from assessments.models import FollowUp, Notification, Quiz
from assessments.practice.services import exports, reflections, reviews
from assessments.practice.services.follow_ups import follow_up_submit, follow_ups_schedule
from assessments.practice.services.supervision import session_note_save, session_save
from assessments.quizzes.factories import ReflectiveEntryFactory
from assessments.quizzes.formats import bank
from assessments.quizzes.services import attempts
from assessments.quizzes.services.imports import questions_write
from certificates.bundles import bundle_request
from certificates.models import Certificate
from learning.coverage.services import assignment_create, staff_import_check
from learning.events.services import booking_create, event_create, session_add
from learning.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
    TeamFactory,
    UserFactory,
)
from learning.organisations.models import Organisation
from learning.organisations.services import invitation_create
from learning.privacy.services import data_export_request
from learning.progress.services import lesson_complete
from learning.records.services import equivalence_create, record_submit
from learning.sso.models import OrganisationSignOn
from learning.sso.services import sign_on_save
from modules.factories import LessonPageFactory, ModulePageFactory, TopicFactory
from modules.models import FrameworkLevel, LessonPage
from modules.seed import site_structure_ensure


def _content():
    """Modules, lessons (behind the learning index's sign-in restriction) and a quiz: content every
    organisation shares."""
    index = site_structure_ensure()
    topic = TopicFactory(name="Whole family", slug="whole-family")
    certified = ModulePageFactory(
        parent=index,
        title="Certified module",
        topic=topic,
        validity_months=36,
        require_quiz_pass=False,
        follow_up_after_weeks=4,
    )
    LessonPageFactory(parent=certified, title="Certified lesson")
    # A second module that asks for a follow-up on practice, so each learner has one due and one sent.
    practice = ModulePageFactory(
        parent=index, title="Practice module", topic=topic, require_quiz_pass=False, follow_up_after_weeks=4
    )
    LessonPageFactory(parent=practice, title="Practice lesson")
    assigned = ModulePageFactory(parent=index, title="Assigned module", topic=topic)
    lesson = LessonPageFactory(parent=assigned, title="Open lesson")
    quiz = Quiz.objects.create(title="Matrix quiz", pass_mark=50, questions_per_attempt=2)
    questions_write(
        quiz=quiz,
        questions=[
            bank.Question(
                name=f"q{n}",
                qtype="single",
                text=f"Question {n}?",
                options=[bank.Option("Right", 100), bank.Option("Wrong", 0)],
            )
            for n in range(3)
        ],
    )
    document = Document.objects.create(title="Handout", file=ContentFile(b"A handout.", name="handout.txt"))
    return SimpleNamespace(
        certified=certified,
        practice=practice,
        assigned=assigned,
        lesson=lesson,
        quiz=quiz,
        topic=topic,
        question=quiz.questions.first(),
        document=document,
        sign_in_only=PageViewRestriction.objects.get(page=index),
        level=FrameworkLevel.objects.create(name="Informed", slug="informed"),
    )


STAFF_CSV = "name,email,job title\nNew Person,new.person.{key}@example.org,Nurse\n"


def _submitted(learner):
    return reflections.reflection_submit(entry=ReflectiveEntryFactory(membership=learner), user=learner.user)


def _organisation(key, content, committed):
    """One organisation with its people and one of every object, owned by its learner, supervisor or lead.
    Each step runs what it queues on commit (eager Celery) before the next step reads its result."""
    with committed():
        adp = OrganisationFactory(name=f"Partnership {key}", kind=Organisation.Kind.ADP)
        organisation = OrganisationFactory(
            name=f"Organisation {key}", partnership=adp, shares_with_partnership=True
        )
        team = TeamFactory(organisation=organisation, name=f"Team {key}")
        lead = MembershipFactory(
            organisation=organisation,
            is_learner=False,
            is_lead=True,
            job_title="Lead",
            user__email=f"lead.{key}@example.org",
        )
        supervisor = MembershipFactory(
            organisation=organisation,
            team=team,
            is_supervisor=True,
            job_title="Team leader",
            user__email=f"supervisor.{key}@example.org",
        )
        learner = MembershipFactory(
            organisation=organisation,
            team=team,
            supervisor=supervisor,
            job_title="Nurse",
            user__email=f"learner.{key}@example.org",
        )
    o = SimpleNamespace(
        key=key,
        organisation=organisation,
        adp=adp,
        team=team,
        lead=lead,
        supervisor=supervisor,
        learner=learner,
        content=content,
    )

    # Learning: a certificate for the certified module, a graded attempt and one in progress.
    with committed():
        for page in LessonPage.objects.child_of(content.certified).live():
            lesson_complete(user=learner.user, lesson=page)
    o.certificate = Certificate.objects.get(user=learner.user)
    with committed():
        for page in LessonPage.objects.child_of(content.practice).live():
            lesson_complete(user=learner.user, lesson=page)
    graded = attempts.attempt_start(user=learner.user, quiz=content.quiz, rng=random.Random(1))
    o.attempt_graded = attempts.attempt_submit(attempt=graded)
    o.attempt = attempts.attempt_start(user=learner.user, quiz=content.quiz, rng=random.Random(2))

    # Reflective practice: a draft, a submitted and a signed-off reflection; a supervision session with the
    # learner's note; the notifications the services sent on the way; a PDF export of the signed-off one.
    with committed():
        o.entry_draft = ReflectiveEntryFactory(membership=learner, title=f"Draft {key}")
        o.entry_submitted = _submitted(learner)
        o.entry_signed_off = reviews.reflection_sign_off(entry=_submitted(learner), user=supervisor.user)
        o.session = session_save(
            user=supervisor.user,
            supervisees=[learner],
            kind="individual",
            held_on=date.today() - timedelta(days=1),
            reflections=[o.entry_signed_off],
            summary=f"Session {key}",
        )
        session_note_save(session=o.session, user=learner.user, body="My note.")
        o.notification = Notification.objects.filter(user=learner.user).order_by("-pk").first()
    with committed():
        o.export = exports.export_request(author=learner.user, entries=[o.entry_signed_off])
        o.data_export = data_export_request(user=learner.user)

    # Workforce: an assignment, an open invitation, a staff import to confirm, a ready ZIP bundle.
    with committed():
        o.assignment = assignment_create(
            organisation=organisation,
            module=content.assigned,
            created_by=lead.user,
            due_on=date.today() + timedelta(days=30),
        )
        o.invitation = invitation_create(
            organisation=organisation, email=f"invited.{key}@example.org", invited_by=lead.user
        )
        _file, o.staff_import = staff_import_check(
            organisation=organisation,
            uploaded_by=lead.user,
            filename="staff.csv",
            text=STAFF_CSV.format(key=key),
        )
    with committed():
        o.bundle = bundle_request(organisation=organisation, team=None, requested_by=lead.user)
    # Learning done elsewhere: the learner's record waiting for verification, with its evidence; a course the
    # organisation recognises.
    with committed():
        o.external_record = record_submit(
            user=learner.user,
            membership=learner,
            data={
                "title": f"Outside course {key}",
                "provider": "NES",
                "completed_on": date.today() - timedelta(days=7),
                "hours": 2,
            },
            evidence=SimpleUploadedFile("certificate.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
        )
        o.equivalence = equivalence_create(
            organisation=organisation,
            module=content.assigned,
            title=f"Course {key}",
            provider="NES",
            user=None,
        )
    # Events (learning/events): a session the supervisor facilitates with the learner's place, and one whose
    # booking waits for the supervisor's approval.
    with committed():
        o.event, o.event_session, o.booking = _event_booked(organisation, supervisor, learner, approval=False)
        _event, _session, o.booking_pending = _event_booked(organisation, supervisor, learner, approval=True)
    return o


def _event_booked(organisation, supervisor, learner, *, approval):
    event = event_create(
        organisation=organisation,
        created_by=None,
        title=f"Matrix event {organisation.pk}",
        delivery="in_person",
        needs_supervisor_approval=approval,
    )
    starts = timezone.now() + timedelta(days=7)
    session = session_add(
        event=event,
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        place="Matrix hall",
        capacity=5,
        facilitator=supervisor.user,
    )
    return event, session, booking_create(session=session, user=learner.user)


def world_build(capture_on_commit):
    """The whole world, with what each step queues on commit run as if it had committed (eager Celery)."""

    def committed():
        return capture_on_commit(execute=True)

    with committed():
        content = _content()
    a, b = _organisation("A", content, committed), _organisation("B", content, committed)
    editor = UserFactory(email="editor@example.org", is_staff=True)
    editor.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    admin = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    with committed():
        for person in (editor, admin):
            MembershipFactory(user=person, organisation=a.organisation, job_title="Staff")
    # Follow-ups on practice, made by the daily schedule once the modules' weeks have passed: the practice
    # module's still due, the certified module's sent to the learner's supervisor.
    with committed():
        follow_ups_schedule(today=date.today() + timedelta(weeks=5))
    for o in (a, b):
        o.follow_up_due = FollowUp.objects.get(user=o.learner.user, module=content.practice)
        with committed():
            o.follow_up_submitted = follow_up_submit(
                follow_up=FollowUp.objects.get(user=o.learner.user, module=content.certified),
                user=o.learner.user,
                text=f"Follow-up {o.key}: I now plan with families.",
                supervisor=o.supervisor,
            )
    for o in (a, b):
        for name in ("export", "bundle", "attempt", "attempt_graded", "data_export"):
            getattr(o, name).refresh_from_db()
        states = (
            o.export.status,
            o.bundle.status,
            o.attempt.status,
            o.attempt_graded.status,
            o.data_export.status,
        )
        assert states == ("ready", "ready", "in_progress", "graded", "ready"), (
            f"the world is not ready: {states}"
        )
    # Single sign-on (learning/sso): A's organisation through OpenID Connect, B's through SAML; the addresses
    # point at nothing, as no matrix line goes as far as the identity provider.
    a.sign_on = sign_on_save(
        sign_on=OrganisationSignOn(
            organisation=a.organisation, key="matrix-a", email_domains="a.example.org",
            server_url="http://127.0.0.1:9/", client_id="matrix", client_secret="matrix",
        )
    )  # fmt: skip
    b.sign_on = sign_on_save(
        sign_on=OrganisationSignOn(
            organisation=b.organisation, protocol="saml", key="matrix-b", email_domains="b.example.org",
            idp_entity_id="urn:matrix", idp_sso_url="http://127.0.0.1:9/sso", idp_x509cert="MIIB",
        )
    )  # fmt: skip
    users = {
        "learner": a.learner.user,
        "supervisor": a.supervisor.user,
        "lead": a.lead.user,
        "editor": editor,
        "admin": admin,
    }
    return SimpleNamespace(A=a, B=b, content=content, users=users)
