"""Updates: the in-app notifications about reflections and supervision, kept until read."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from assessments.practice.selectors import reflections as selectors
from assessments.practice.services import notifications as services
from learning.core.pagination import page_of


@login_required
def notification_list(request):
    """Every update, newest first; showing a page marks what is on it as read."""
    page = page_of(request, selectors.notifications_for(user=request.user))
    rows = list(page)
    services.notifications_mark_read(user=request.user, ids=[n.pk for n in rows if n.read_at is None])
    return render(request, "assessments/reflections/updates.html", {"page_obj": page, "rows": rows})


@login_required
def notification_open(request, notification_id):
    """Follow an update's link and mark it read on the way."""
    notification = get_object_or_404(selectors.notifications_for(user=request.user), pk=notification_id)
    services.notifications_mark_read(user=request.user, ids=[notification.pk])
    if not url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()}):
        return redirect("notification_list")
    return redirect(notification.url)
