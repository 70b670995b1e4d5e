"""Events for an organisation's workforce leads: create and change events and their sessions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from learning.core.errors import ServiceError
from learning.organisations.access import organisation_for

from .. import selectors, services
from ..forms import EventForm, SessionForm
from ..models import EventSession
from ._common import event_for, session_for


def _event_fields(form):
    fields = dict(form.cleaned_data)
    return fields.pop("framework_levels"), fields


@login_required
def organisation_events(request, org_id):
    organisation = organisation_for(request, org_id, "events.manage_events")
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        levels, fields = _event_fields(form)
        event = services.event_create(
            organisation=organisation, created_by=request.user, framework_levels=levels, **fields
        )
        messages.success(request, _("Event created. Now add its sessions."))
        return redirect("event_session_new", event_id=event.pk)
    return render(
        request,
        "events/organisation.html",
        {
            "organisation": organisation,
            "events": selectors.events_of_organisation(organisation=organisation),
            "form": form,
        },
    )


@login_required
def event_edit(request, event_id):
    event = event_for(request, event_id, "events.manage_events")
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        levels, fields = _event_fields(form)
        services.event_update(event=event, framework_levels=levels, **fields)
        messages.success(request, _("Event saved."))
        return redirect("event_detail", event_id=event.pk)
    return render(request, "events/event_form.html", {"event": event, "form": form})


def _session_form(request, event, session):
    form = SessionForm(
        request.POST or None, instance=session or EventSession(event=event), organisation=event.organisation
    )
    if request.method == "POST" and form.is_valid():
        try:
            if session:
                services.session_update(session=session, **form.session_fields())
            else:
                services.session_add(event=event, **form.session_fields())
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Session saved."))
            return redirect("event_detail", event_id=event.pk)
    return render(request, "events/session_form.html", {"event": event, "session": session, "form": form})


@login_required
def session_new(request, event_id):
    return _session_form(request, event_for(request, event_id, "events.manage_events"), None)


@login_required
def session_edit(request, session_id):
    session = session_for(request, session_id, "events.manage_events")
    return _session_form(request, session.event, session)
