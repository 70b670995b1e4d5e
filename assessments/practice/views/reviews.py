"""Reading a reflection and its review thread; commenting, asking for changes and signing off."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from assessments.practice.forms.reflections import CommentForm, ReviewForm
from assessments.practice.selectors import reflections as selectors
from assessments.practice.services import notifications
from assessments.practice.services import reviews as services
from learning.core.errors import ServiceError


def _entry(request, entry_id):
    entry = selectors.reflection_for(entry_id=entry_id, user=request.user)
    if entry is None:
        raise Http404
    return entry


def _render(request, entry, *, review_form=None, comment_form=None, status=200):
    user = request.user
    return render(
        request,
        "assessments/reflections/detail.html",
        {
            "entry": entry,
            "thread": selectors.reflection_thread(entry=entry),
            "is_author": entry.author_id == user.pk,
            "review_form": review_form or ReviewForm(),
            "comment_form": comment_form or CommentForm(),
            "can_review": rules.test_rule("assessments.review_entry", user, entry),
            "can_comment": rules.test_rule("assessments.comment_entry", user, entry),
        },
        status=status,
    )


@login_required
def reflection_detail(request, entry_id):
    entry = _entry(request, entry_id)
    notifications.notifications_mark_read(user=request.user, url=request.path)
    return _render(request, entry)


@login_required
@require_POST
def reflection_comment(request, entry_id):
    entry = _entry(request, entry_id)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _render(request, entry, comment_form=form, status=400)
    try:
        services.reflection_comment(entry=entry, user=request.user, body=form.cleaned_data["body"])
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Comment added."))
    return redirect("reflection_detail", entry_id=entry.pk)


REVIEW_ACTIONS = {
    "comment": (services.reflection_comment, gettext_lazy("Comment added. The author has been told.")),
    "changes": (
        services.reflection_request_changes,
        gettext_lazy("You asked for changes. The reflection is back with its author, who has been told."),
    ),
    "sign_off": (
        services.reflection_sign_off,
        gettext_lazy("Signed off. The reflection is now locked, and its author has been told."),
    ),
}


@login_required
@require_POST
def reflection_review(request, entry_id):
    entry = _entry(request, entry_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _render(request, entry, review_form=form, status=400)
    service, done = REVIEW_ACTIONS[form.cleaned_data["decision"]]
    try:
        service(entry=entry, user=request.user, body=form.cleaned_data["body"])
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("reflection_detail", entry_id=entry.pk)
    messages.success(request, done)
    if form.cleaned_data["decision"] == "comment":
        return redirect("reflection_detail", entry_id=entry.pk)
    return redirect("review_queue")  # a decision made: on to the next in the queue
