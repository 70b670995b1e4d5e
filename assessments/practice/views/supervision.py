"""Supervision sessions: the list, recording and correcting a session, reading it, and a supervisee's note."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments.practice.forms.supervision import (
    ActionFormSet,
    SessionForm,
    SessionNoteForm,
    actions_initial,
)
from assessments.practice.selectors import supervision as selectors
from assessments.practice.services import notifications
from assessments.practice.services import supervision as services
from learning.core.errors import ServiceError
from learning.core.pagination import page_of
from learning.organisations.models import Membership

# Which field a service refusal is about, so the message sits next to it.
ERROR_FIELDS = {
    "no_supervisees": "supervisees",
    "not_supervisees": "supervisees",
    "inactive": "supervisees",
    "kind": "supervisees",
    "dates": "next_session_on",
    "reflections": "reflections",
}


def _session(request, session_id, rule="assessments.view_session"):
    session = selectors.session_for(session_id=session_id, user=request.user, rule=rule)
    if session is None:
        raise Http404
    return session


@login_required
def session_list(request):
    page = page_of(request, selectors.sessions_visible_to(user=request.user))
    return render(
        request,
        "assessments/supervision/sessions.html",
        {
            "page_obj": page,
            "can_record": rules.test_rule("assessments.record_sessions", request.user),
        },
    )


def _session_form(request, session=None):
    """The session form and its actions formset, bound to the POST or filled from the session."""
    user = request.user
    supervisees = selectors.supervisees_for_sessions(user=user)
    owners = Membership.objects.filter(
        pk__in=supervisees.values("pk")
    ) | Membership.objects.active().supervisors().filter(user=user)
    owners = owners.select_related("user", "organisation")
    reflections = selectors.reflections_for_sessions(
        user=user, include=session.reflections.all() if session else ()
    )
    initial = None
    if session is not None:
        initial = {
            "held_on": session.held_on,
            "kind": session.kind,
            "summary": session.summary,
            "next_session_on": session.next_session_on,
            "supervisees": list(session.supervisees.all()),
            "topics": list(session.topics.all()),
            "reflections": list(session.reflections.all()),
        }
    data = request.POST if request.method == "POST" else None
    form = SessionForm(data, initial=initial, supervisees=supervisees, reflections=reflections)
    formset = ActionFormSet(
        data,
        initial=actions_initial(session) if session else None,
        prefix="actions",
        form_kwargs={"owners": owners},
    )
    return form, formset


def _save_session(request, session=None):
    form, formset = _session_form(request, session)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        try:
            session = services.session_save(
                user=request.user,
                session=session,
                supervisees=data["supervisees"],
                held_on=data["held_on"],
                kind=data["kind"],
                topics=data["topics"],
                reflections=data["reflections"],
                summary=data["summary"],
                next_session_on=data["next_session_on"],
                actions=[f.to_input() for f in formset if f.cleaned_data],
            )
        except ServiceError as exc:
            form.add_error(ERROR_FIELDS.get(exc.code), exc.message)
        else:
            messages.success(request, _("Supervision session saved. The people who took part can read it."))
            return redirect("session_detail", session_id=session.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "assessments/supervision/session_form.html",
        {"form": form, "formset": formset, "session": session},
        status=status,
    )


@login_required
def session_new(request):
    if not rules.test_rule("assessments.record_sessions", request.user):
        raise PermissionDenied
    return _save_session(request)


@login_required
def session_edit(request, session_id):
    return _save_session(request, _session(request, session_id, rule="assessments.edit_session"))


def _render_detail(request, session, note_form=None, status=200):
    parts = selectors.session_visible_parts(session=session, user=request.user)
    if note_form is None and parts["own_note"] is not None:
        note_form = SessionNoteForm(initial={"body": parts["own_note"].body})
    return render(
        request,
        "assessments/supervision/session_detail.html",
        {
            "session": session,
            **parts,
            "note_form": note_form or SessionNoteForm(),
            "can_edit": rules.test_rule("assessments.edit_session", request.user, session),
            "can_note": rules.test_rule("assessments.add_session_note", request.user, session),
        },
        status=status,
    )


@login_required
def session_detail(request, session_id):
    session = _session(request, session_id)
    notifications.notifications_mark_read(user=request.user, url=request.path)
    return _render_detail(request, session)


@login_required
@require_POST
def session_note(request, session_id):
    session = _session(request, session_id)
    form = SessionNoteForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, session, note_form=form, status=400)
    try:
        services.session_note_save(session=session, user=request.user, body=form.cleaned_data["body"])
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Your note has been saved."))
    return redirect("session_detail", session_id=session.pk)
