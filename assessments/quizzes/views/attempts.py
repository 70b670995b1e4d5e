"""Taking a quiz: overview, the attempt form (answers saved as you go), submit, and review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments.models import Attempt, Quiz
from assessments.quizzes import scoring, selectors
from assessments.quizzes.forms import answers_from_post
from assessments.quizzes.services import attempts as attempt_services
from learning.core.errors import ServiceError


@login_required
def quiz_detail(request, quiz_id):
    quiz = get_object_or_404(Quiz.objects.select_related("module"), pk=quiz_id)
    attempts = selectors.attempts_of(user=request.user, quiz=quiz)
    used = len(attempts)
    return render(
        request,
        "assessments/quiz_detail.html",
        {
            "quiz": quiz,
            "attempts": attempts,
            "grade": selectors.quiz_grade(attempts=attempts, quiz=quiz),
            "open_attempt": next((a for a in attempts if a.status == Attempt.Status.IN_PROGRESS), None),
            "attempts_left": None if not quiz.attempts_allowed else max(0, quiz.attempts_allowed - used),
        },
    )


@login_required
@require_POST
def attempt_start(request, quiz_id):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    try:
        attempt = attempt_services.attempt_start(user=request.user, quiz=quiz)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("quiz_detail", quiz_id=quiz.pk)
    return redirect("attempt_take", attempt_id=attempt.pk)


def _own_attempt(request, attempt_id):
    attempt, items = selectors.attempt_with_items(attempt_id=attempt_id, user=request.user)
    if attempt is None:
        raise Http404
    return attempt, items


@login_required
def attempt_take(request, attempt_id):
    attempt, items = _own_attempt(request, attempt_id)
    if attempt.status == Attempt.Status.GRADED:
        return redirect("attempt_review", attempt_id=attempt.pk)
    return render(
        request, "assessments/attempt_take.html", {"attempt": attempt, "items": items, "quiz": attempt.quiz}
    )


@login_required
@require_POST
def attempt_save(request, attempt_id):
    """Autosave endpoint: the page posts the form here as answers change."""
    attempt, _items = _own_attempt(request, attempt_id)
    try:
        attempt_services.attempt_save_answers(attempt=attempt, answers=answers_from_post(request.POST))
    except ServiceError as exc:
        return JsonResponse({"saved": False, "message": exc.message}, status=409)
    return JsonResponse({"saved": True})


@login_required
@require_POST
def attempt_submit(request, attempt_id):
    attempt, _items = _own_attempt(request, attempt_id)
    was_graded = attempt.status == Attempt.Status.GRADED
    attempt = attempt_services.attempt_submit(attempt=attempt, answers=answers_from_post(request.POST))
    if attempt.timed_out and not was_graded:
        messages.warning(request, _("The time limit had passed, so the answers saved before it were marked."))
    return redirect("attempt_review", attempt_id=attempt.pk)


@login_required
def attempt_review(request, attempt_id):
    attempt, items = _own_attempt(request, attempt_id)
    if attempt.status != Attempt.Status.GRADED:
        return redirect("attempt_take", attempt_id=attempt.pk)
    show_answers = attempt.quiz.review == Quiz.Review.ANSWERS
    rows = [
        {"item": item, "correct": set(scoring.correct_keys(item.snapshot)), "chosen": set(item.selected)}
        for item in items
    ]
    return render(
        request,
        "assessments/attempt_review.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "rows": rows,
            "show_answers": show_answers,
        },
    )
