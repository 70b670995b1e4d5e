"""The learner's way to the certificate (#15, finding 4): the quiz result page says the module is complete
(or being recorded) and the certificate is being prepared, then shows its links; the status it polls is each
person's own."""

import re

import pytest
from django.urls import reverse

from assessments.quizzes import scoring
from assessments.quizzes.services.attempts import attempt_start, attempt_submit
from assessments.quizzes.services.imports import questions_write
from certificates.models import Certificate
from learning.organisations.factories import MembershipFactory, UserFactory
from learning.progress.services import enrolment_create
from tests.assessments.conftest import make_bank_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(module, quiz_for):
    quiz = quiz_for(module)
    questions_write(quiz=quiz, questions=[make_bank_question(i) for i in range(3)])
    return quiz


def _take(user, quiz, right=True):
    attempt = attempt_start(user=user, quiz=quiz)
    answers = {i.position: scoring.correct_keys(i.snapshot) for i in attempt.items.all()} if right else {}
    return attempt_submit(attempt=attempt, answers=answers)


def _status(client, module):
    return client.get(reverse("certificate_status", args=[module.pk]))


def test_the_status_follows_the_completion_and_then_the_certificate(
    client, member, module, quiz, complete_lessons, django_capture_on_commit_callbacks
):
    complete_lessons(member.user, module)
    client.force_login(member.user)
    assert _status(client, module).json() == {"state": "incomplete", "links": None}  # the quiz is owed

    with django_capture_on_commit_callbacks() as check_owed:  # committed; the completion task not yet run
        _take(member.user, quiz)
    assert _status(client, module).json() == {"state": "recording", "links": None}

    with django_capture_on_commit_callbacks() as certificate_owed:
        for callback in check_owed:
            callback()
    assert _status(client, module).json() == {"state": "preparing", "links": None}

    for callback in certificate_owed:
        callback()
    code = Certificate.objects.get(user=member.user).code
    assert _status(client, module).json() == {
        "state": "ready",
        "links": {
            "page": f"/certificates/{code}/",
            "pdf": f"/certificates/{code}/pdf/",
            "badge": f"/certificates/{code}/badge/",
        },
    }


def test_the_status_is_each_persons_own(client, member, module, quiz, complete_lessons):
    complete_lessons(member.user, module)
    _take(member.user, quiz)
    url = reverse("certificate_status", args=[module.pk])
    assert client.get(url)["Location"] == f"/accounts/login/?next={url}"
    lead = MembershipFactory(organisation=member.organisation, is_lead=True).user
    for someone in (lead, UserFactory(is_superuser=True)):  # not enrolled: nothing to say, nothing revealed
        client.force_login(someone)
        assert _status(client, module).status_code == 404
    colleague = MembershipFactory(organisation=member.organisation).user
    enrolment_create(user=colleague, module=module)
    client.force_login(colleague)  # enrolled too: their own state, never the learner's
    assert _status(client, module).json() == {"state": "incomplete", "links": None}
    client.force_login(member.user)
    assert client.get(reverse("certificate_status", args=[module.pk + 1000])).status_code == 404


def _review(client, attempt):
    return client.get(reverse("attempt_review", args=[attempt.pk])).content.decode()


def test_the_result_page_says_the_module_is_complete_and_links_the_certificate(
    client, member, module, quiz, complete_lessons, django_capture_on_commit_callbacks
):
    complete_lessons(member.user, module)
    with django_capture_on_commit_callbacks(execute=True):
        attempt = _take(member.user, quiz)
    client.force_login(member.user)
    html = _review(client, attempt)
    code = Certificate.objects.get(user=member.user).code
    assert re.search(r"<strong>100%</strong> —\s+you passed", html) and "100.00" not in html
    assert "Module complete: you have completed Safe and Together basics." in html
    assert f'href="/certificates/{code}/"' in html and f'href="/certificates/{code}/pdf/"' in html
    assert f'href="/certificates/{code}/badge/"' in html
    assert f'>Back to the module</a> <a href="{reverse("my_certificates")}">My certificates</a>' in html
    assert "Back to the quiz" not in html and "Check again" not in html  # nothing left to wait for


def test_while_the_worker_runs_the_result_page_says_so_in_a_live_region(
    client, member, module, quiz, complete_lessons, django_capture_on_commit_callbacks
):
    complete_lessons(member.user, module)
    with django_capture_on_commit_callbacks():
        attempt = _take(member.user, quiz)
    client.force_login(member.user)
    html = _review(client, attempt)
    live = html.split('<div role="status" aria-live="polite" data-certificate-message>')[1].split("</div>")[0]
    assert "Recording your completion of the module" in live
    assert f'data-certificate-status-url="/certificates/status/{module.pk}/"' in html
    assert 'data-state="recording"' in html and "js/certificate-progress.js" in html
    # Without script, a link that reloads the page; the states the script shows next, ready to fill in.
    assert f'<noscript><p><a href="{reverse("attempt_review", args=[attempt.pk])}">Check again</a>' in html
    assert '<template data-state="ready">' in html and 'data-link="pdf"' in html


def test_a_pass_before_the_lessons_are_done_says_the_module_is_not_complete_yet(
    client, member, module, quiz, django_capture_on_commit_callbacks
):
    enrolment_create(user=member.user, module=module)
    with django_capture_on_commit_callbacks(execute=True):
        attempt = _take(member.user, quiz)
    client.force_login(member.user)
    live = (
        _review(client, attempt).split('aria-live="polite" data-certificate-message>')[1].split("</div>")[0]
    )
    assert "Safe and Together basics is not complete yet." in live
    assert f'<a href="{module.url}">See what is left to do</a>' in live


def test_a_fail_offers_to_try_again_and_no_certificate(client, member, module, quiz, complete_lessons):
    complete_lessons(member.user, module)
    attempt = _take(member.user, quiz, right=False)
    client.force_login(member.user)
    html = _review(client, attempt)
    assert re.search(r"<strong>0%</strong> —\s+not yet a pass", html) and ">Try again</a>" in html
    assert "data-certificate-status-url" not in html and "My certificates</a>" not in html.split("<main")[1]


def test_a_pass_on_a_quiz_of_no_module_goes_back_to_the_quiz(client, member, quiz):
    quiz.module = None
    quiz.save()
    attempt = _take(member.user, quiz)
    client.force_login(member.user)
    html = _review(client, attempt)
    assert ">Back to the quiz</a>" in html and "data-certificate-status-url" not in html
