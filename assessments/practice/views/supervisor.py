"""The supervisor's pages: the supervision overview and the review queue (reflections and follow-ups on
practice) across all their supervisees."""

import rules
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from assessments.practice.selectors import follow_ups as follow_up_selectors
from assessments.practice.selectors import reflections as reflection_selectors
from assessments.practice.selectors import supervision as supervision_selectors
from learning.core.pagination import page_of

RECENT_SESSIONS = 5
FOLLOW_UPS_PAGE = "follow_ups_page"  # the follow-ups' own pages, beside the reflections'


def _supervisor_only(request):
    if not rules.test_rule("assessments.record_sessions", request.user):
        raise PermissionDenied


@login_required
def supervision_home(request):
    _supervisor_only(request)
    queue = reflection_selectors.review_queue(user=request.user)
    return render(
        request,
        "assessments/supervision_home.html",
        {
            "waiting": queue.count(),
            "overdue": queue.filter(submitted_at__lt=reflection_selectors.review_cutoff()).count(),
            "sessions": supervision_selectors.sessions_visible_to(user=request.user).filter(
                supervisor__user=request.user
            )[:RECENT_SESSIONS],
            "supervisees": reflection_selectors.supervisee_overview(user=request.user),
            "follow_ups_waiting": follow_up_selectors.follow_ups_waiting(user=request.user).count(),
        },
    )


@login_required
def review_queue(request):
    """Reflections waiting for this supervisor, oldest first, overdue ones marked; then the follow-ups on
    practice waiting for their observation, each with what the learner wrote."""
    _supervisor_only(request)
    page = page_of(request, reflection_selectors.review_queue(user=request.user))
    follow_ups = follow_up_selectors.follow_ups_to_review(user=request.user)
    return render(
        request,
        "assessments/supervision/queue.html",
        {
            "page_obj": page,
            "review_days": settings.REFLECTION_REVIEW_DAYS,
            "follow_ups": page_of(request, follow_ups, param=FOLLOW_UPS_PAGE),
            "follow_ups_page": FOLLOW_UPS_PAGE,
        },
    )
