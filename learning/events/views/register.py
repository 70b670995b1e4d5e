"""A session's register, for its facilitator and the organisation's leads: attendance on a phone (one box
per person, or everyone at once), a sign-in sheet to print, and that sheet entered afterwards."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.core.errors import ServiceError
from learning.core.pdf import render_pdf

from .. import selectors, services
from ._common import session_for

SHEET_NOTE = "Entered from the printed sign-in sheet"


@login_required
def session_attendance(request, session_id):
    session = session_for(request, session_id, "events.run_session")
    if request.method == "POST":
        try:
            attended = [int(pk) for pk in request.POST.getlist("attended")]
            count = services.attendance_mark_bulk(
                session=session,
                attended_user_ids=attended,
                marked_by=request.user,
                note=SHEET_NOTE if request.POST.get("from_sheet") else "",
            )
        except (ValueError, ServiceError) as error:
            messages.error(request, getattr(error, "message", _("That register could not be read.")))
        else:
            messages.success(request, _("Attendance saved: %(count)s present.") % {"count": count})
            return redirect("event_attendance", session_id=session.pk)
    return render(
        request,
        "events/attendance.html",
        {"session": session, "event": session.event, "register": selectors.session_register(session=session)},
    )


@login_required
def session_sign_in_sheet(request, session_id):
    session = session_for(request, session_id, "events.run_session")
    pdf = render_pdf(
        "events/pdf/sign_in_sheet.html",
        {
            "session": session,
            "event": session.event,
            "register": selectors.session_register(session=session),
            "printed_at": timezone.now(),
        },
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sign-in-sheet-{session.pk}.pdf"'
    return response
