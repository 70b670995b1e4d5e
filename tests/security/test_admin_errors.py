"""No server error from the Wagtail admin's screens for the project's models: a snippet chooser's "create"
screen (there is no creation form: things are made on their own screens, people through the services), and
deleting something that learners' records or other content keep (a clear message instead, nothing deleted)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from assessments.models import Attempt, Quiz
from assessments.quizzes.factories import AttemptFactory, QuizFactory
from learning.organisations.factories import UserFactory
from learning.progress.services import enrolment_create
from modules.factories import ModulePageFactory, TopicFactory
from modules.models import ModulePage, Topic
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db

PEOPLE = [
    "organisations_organisation",
    "organisations_team",
    "organisations_membership",
    "organisations_invitation",
]
CONTENT = ["modules_topic", "modules_frameworklevel", "assessments_quiz", "assessments_question"]


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False


@pytest.fixture
def people():
    editor = UserFactory(email="editor@example.org", is_staff=True)
    editor.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    admin = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    return {"editor": editor, "admin": admin}


@pytest.fixture
def quiz_with_attempts():
    quiz = QuizFactory(title="Kept quiz", questions=1, questions_per_attempt=1)
    AttemptFactory.create_batch(2, quiz=quiz)
    return quiz


def _messages(response):
    return [str(message).strip() for message in response.context["messages"]]


def _followed_messages(client, response):
    """The messages the page a refusal redirects to shows."""
    assert response.status_code == 302
    return _messages(client.get(response["Location"]))


@pytest.mark.parametrize(
    ("who", "snippet"), [("admin", s) for s in PEOPLE + CONTENT] + [("editor", s) for s in CONTENT]
)
def test_a_chooser_create_screen_without_a_form_answers_404_and_writes_nothing(
    client, people, db_fingerprint, who, snippet
):
    client.raise_request_exception = False
    client.force_login(people[who])
    before = db_fingerprint()
    response = client.post(reverse(f"wagtailsnippetchoosers_{snippet}:create"), {})
    assert response.status_code == 404
    assert not before.changes(db_fingerprint())


def test_the_delete_screen_of_a_quiz_learners_have_attempted_says_why_and_deletes_nothing(
    client, people, db_fingerprint, quiz_with_attempts
):
    client.force_login(people["editor"])
    delete_url = reverse("wagtailsnippets_assessments_quiz:delete", args=[quiz_with_attempts.pk])
    before = db_fingerprint()
    screen = client.get(delete_url)
    assert screen.status_code == 200 and "Yes, delete" not in screen.content.decode()
    assert _messages(screen) == [
        "Quiz “Kept quiz” cannot be deleted: it has 2 attempts, which must be kept. "
        "To take it out of use, remove it from its module instead."
    ]
    response = client.post(delete_url)
    assert response["Location"] == delete_url
    assert not before.changes(db_fingerprint())
    assert _followed_messages(client, response)[0].startswith("Quiz “Kept quiz” cannot be deleted")


def test_bulk_deleting_quizzes_some_attempted_deletes_none_of_them(client, people, quiz_with_attempts):
    untouched = Quiz.objects.create(title="Untouched quiz")
    client.force_login(people["editor"])
    listing = reverse("wagtailsnippets_assessments_quiz:list")
    response = client.post(
        f"/admin/bulk/assessments/quiz/delete/?id={quiz_with_attempts.pk}&id={untouched.pk}&next={listing}"
    )
    assert response["Location"] == listing
    assert _followed_messages(client, response) == [
        "Nothing was deleted. Quiz “Kept quiz” cannot be deleted: it has 2 attempts, which must be kept. "
        "To take it out of use, remove it from its module instead."
    ]
    assert set(Quiz.objects.values_list("title", flat=True)) == {"Kept quiz", "Untouched quiz"}
    assert Attempt.objects.count() == 2


def test_a_quiz_nobody_has_attempted_is_still_deleted(client, people):
    """The guard refuses only what the database would refuse."""
    quiz = Quiz.objects.create(title="Unused quiz")
    client.force_login(people["editor"])
    response = client.post(reverse("wagtailsnippets_assessments_quiz:delete", args=[quiz.pk]))
    assert response.status_code == 302 and not Quiz.objects.exists()


def test_deleting_a_topic_modules_use_names_them_instead_of_a_permission_error(client, people):
    topic = TopicFactory(name="Used topic", slug="used-topic")
    ModulePageFactory(parent=site_structure_ensure(), title="A module", topic=topic)
    client.force_login(people["editor"])
    delete_url = reverse("wagtailsnippets_modules_topic:delete", args=[topic.pk])
    response = client.post(delete_url)
    assert response["Location"] == delete_url
    assert _followed_messages(client, response) == [
        "Topic “Used topic” cannot be deleted: it has 1 module page, which must be kept. "
        "Move those modules to another topic first."
    ]
    assert Topic.objects.filter(pk=topic.pk).exists()


def test_deleting_a_module_learners_are_enrolled_on_says_why_and_deletes_nothing(
    client, people, db_fingerprint
):
    index = site_structure_ensure()
    module = ModulePageFactory(parent=index, title="Started module", topic=TopicFactory(slug="t"))
    enrolment_create(user=UserFactory(), module=module)
    client.force_login(people["admin"])
    for target in (module, index):  # the module itself, or the index above it with every module in it
        before = db_fingerprint()
        response = client.post(reverse("wagtailadmin_pages:delete", args=[target.pk]))
        assert not before.changes(db_fingerprint())  # before following: the page editor records a session
        assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[target.pk])
        [message] = _followed_messages(client, response)
        assert message.endswith(
            f"“{target.title}” cannot be deleted: it has 1 enrolment, which must be kept. Unpublish instead."
        )
    assert ModulePage.objects.filter(pk=module.pk).exists()


def test_bulk_deleting_pages_learners_are_enrolled_on_deletes_none_of_them(client, people):
    index = site_structure_ensure()
    started = ModulePageFactory(parent=index, title="Started module", topic=TopicFactory(slug="t"))
    unused = ModulePageFactory(parent=index, title="Unused module", topic=started.topic)
    enrolment_create(user=UserFactory(), module=started)
    client.force_login(people["admin"])
    response = client.post(f"/admin/bulk/wagtailcore/page/delete/?id={started.pk}&id={unused.pk}")
    assert response.status_code == 302
    assert _followed_messages(client, response) == [
        "Nothing was deleted. Module page “Started module” cannot be deleted: it has 1 enrolment, which "
        "must be kept. Unpublish instead."
    ]
    assert ModulePage.objects.filter(pk__in=[started.pk, unused.pk]).count() == 2
