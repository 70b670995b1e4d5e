"""Follow-ups on practice: the learner's list, the page to write one (and read it back), and the supervisor's
observation and sign-off.

Anything the user may not read answers 404, so nobody learns that someone else's follow-up exists.
"""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments.practice.forms.follow_ups import FollowUpForm, ObservationForm
from assessments.practice.selectors import follow_ups as selectors
from assessments.practice.services import follow_ups as services
from assessments.practice.services import notifications
from assessments.practice.services.reflections import IdentifiersFound
from learning.core.errors import ServiceError
from learning.core.pagination import page_of


def _follow_up(request, follow_up_id):
    follow_up = selectors.follow_up_for(follow_up_id=follow_up_id, user=request.user)
    if follow_up is None:
        raise Http404
    return follow_up


def _render(request, follow_up, *, form=None, observe_form=None, findings=(), status=200):
    user = request.user
    can_submit = rules.test_rule("assessments.submit_follow_up", user, follow_up)
    memberships = list(selectors.follow_up_supervisors(user=user)) if can_submit else []
    if can_submit and form is None:
        form = FollowUpForm(memberships=memberships)
    can_observe = rules.test_rule("assessments.observe_follow_up", user, follow_up)
    if can_observe and observe_form is None:
        observe_form = ObservationForm(initial={"observation": follow_up.observation})
    return render(
        request,
        "assessments/follow_ups/detail.html",
        {
            "follow_up": follow_up,
            "is_learner": follow_up.user_id == user.pk,
            "memberships": memberships,
            "form": form if can_submit else None,
            "observe_form": observe_form if can_observe else None,
            "findings": findings,
        },
        status=status,
    )


@login_required
def follow_up_list(request):
    return render(
        request,
        "assessments/follow_ups/list.html",
        {"page_obj": page_of(request, selectors.follow_ups_of(user=request.user))},
    )


@login_required
def follow_up_detail(request, follow_up_id):
    follow_up = _follow_up(request, follow_up_id)
    notifications.notifications_mark_read(user=request.user, url=request.path)
    return _render(request, follow_up)


@login_required
@require_POST
def follow_up_submit(request, follow_up_id):
    follow_up = _follow_up(request, follow_up_id)
    memberships = list(selectors.follow_up_supervisors(user=request.user))
    form = FollowUpForm(request.POST, memberships=memberships)
    if not form.is_valid():
        return _render(request, follow_up, form=form, status=400)
    try:
        submitted = services.follow_up_submit(
            follow_up=follow_up,
            user=request.user,
            text=form.cleaned_data["text"],
            supervisor=form.cleaned_data["supervisor"],
            anonymised_confirmed=form.cleaned_data["confirm"],
        )
    except IdentifiersFound as exc:
        return _render(request, follow_up, form=form, findings=exc.findings)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("follow_up_detail", follow_up_id=follow_up.pk)
    messages.success(
        request,
        _("Your follow-up has been sent to %(name)s. Thank you.") % {"name": submitted.submitted_to.user},
    )
    return redirect("follow_up_detail", follow_up_id=follow_up.pk)


@login_required
@require_POST
def follow_up_observe(request, follow_up_id):
    follow_up = _follow_up(request, follow_up_id)
    form = ObservationForm(request.POST)
    if not form.is_valid():
        return _render(request, follow_up, observe_form=form, status=400)
    sign_off = form.cleaned_data["action"] == "sign_off"
    try:
        services.follow_up_observe(
            follow_up=follow_up,
            supervisor_user=request.user,
            observation=form.cleaned_data["observation"],
            sign_off=sign_off,
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("follow_up_detail", follow_up_id=follow_up.pk)
    if not sign_off:
        messages.success(request, _("Your observation is saved. You can sign the follow-up off when ready."))
        return redirect("follow_up_detail", follow_up_id=follow_up.pk)
    messages.success(request, _("Signed off. The follow-up is now locked, and its author has been told."))
    return redirect("review_queue")  # a decision made: on to the next in the queue
