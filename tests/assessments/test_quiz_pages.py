from decimal import Decimal

import pytest
from django.urls import reverse

from assessments.models import Attempt
from assessments.quizzes import scoring
from learning.organisations.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [4, 20])
def test_taking_and_submitting_costs_the_same_queries(
    client, quiz, fill_bank, learner, count, django_assert_max_num_queries
):
    fill_bank(quiz, count=count)
    quiz.questions_per_attempt = count
    quiz.save()
    client.force_login(learner)
    client.post(reverse("attempt_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    answers = {f"q{i.position}": scoring.correct_keys(i.snapshot) for i in attempt.items.all()}
    with django_assert_max_num_queries(12):
        page = client.get(reverse("attempt_take", args=[attempt.pk]))
    assert page.content.decode().count("<fieldset") == count
    with django_assert_max_num_queries(12):
        client.post(reverse("attempt_save", args=[attempt.pk]), answers)
    with django_assert_max_num_queries(16):
        client.post(reverse("attempt_submit", args=[attempt.pk]), answers)
    attempt.refresh_from_db()
    assert attempt.score == 100


def test_fail_see_feedback_retry_pass(client, quiz, fill_bank, learner):
    fill_bank(quiz, count=4, qtypes=("single",))
    client.force_login(learner)
    client.post(reverse("attempt_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    wrong = {
        f"q{i.position}": [o["key"] for o in i.snapshot["options"] if Decimal(o["fraction"]) == 0][:1]
        for i in attempt.items.all()
    }
    review = client.post(reverse("attempt_submit", args=[attempt.pk]), wrong, follow=True).content.decode()
    assert "not yet a pass" in review and "No." in review and "Because." in review
    client.post(reverse("attempt_start", args=[quiz.pk]))
    second = Attempt.objects.get(user=learner, number=2)
    right = {f"q{i.position}": scoring.correct_keys(i.snapshot) for i in second.items.all()}
    review = client.post(reverse("attempt_submit", args=[second.pk]), right, follow=True).content.decode()
    assert "you passed" in review


def test_score_only_review_hides_answers(client, quiz, fill_bank, learner):
    fill_bank(quiz, count=4, qtypes=("single",))
    quiz.review = "score"
    quiz.save()
    client.force_login(learner)
    client.post(reverse("attempt_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    html = client.post(reverse("attempt_submit", args=[attempt.pk]), {}, follow=True).content.decode()
    assert "shows your score only" in html and "Because." not in html


def test_nobody_else_can_see_or_submit_an_attempt(client, quiz, fill_bank, learner):
    fill_bank(quiz, count=4)
    client.force_login(learner)
    client.post(reverse("attempt_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    client.force_login(UserFactory())
    for name in ("attempt_take", "attempt_review"):
        assert client.get(reverse(name, args=[attempt.pk])).status_code == 404
    assert client.post(reverse("attempt_submit", args=[attempt.pk]), {}).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == "in_progress"
