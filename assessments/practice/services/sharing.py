"""Sharing a reflection with a later supervisor: the author's choice, never a side effect of a role change.

A reflection stays with the supervisor it was submitted to. When the author has a new supervisor, they may let
that person read an earlier entry. Sharing adds the supervisor to `shared_with` (read only: the review, if
any, stays with the supervisor it was submitted to), writes a Wagtail audit log entry and tells the author and
the supervisor in the app.
"""

import rules
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.practice.selectors.reflections import reflection_reviewer
from assessments.practice.services.notifications import notification_send
from assessments.practice.services.reflections import about, locked_entry
from learning.core.audit import audit_log
from learning.core.errors import ServiceError

SHARE_ACTION = "assessments.reflection_share"


@transaction.atomic
def reflection_share(*, entry, user):
    """Let the author's current supervisor read `entry`; returns that supervisor's membership.

    Refused unless `user` wrote the entry, it is not a draft (a draft is submitted, not shared) and the
    current supervisor cannot read it yet."""
    entry = locked_entry(entry)
    if not rules.test_rule("assessments.share_entry", user, entry):
        if entry.author_id != user.pk:
            raise ServiceError(_("You cannot do that with this reflection."), code="forbidden")
        raise ServiceError(
            _(
                "There is nobody new to share this reflection with: your current supervisor can "
                "already read it, or you have none recorded."
            ),
            code="nobody_new",
        )
    supervisor = reflection_reviewer(entry=entry)
    entry.shared_with.add(supervisor)
    audit_log(
        entry,
        SHARE_ACTION,
        user=user,
        organisation_id=entry.membership.organisation_id,
        author=entry.author_id,
        shared_with=supervisor.pk,
        supervisor_user=supervisor.user_id,
    )
    url = reverse("reflection_detail", args=[entry.pk])
    notification_send(
        user=entry.author,
        url=url,
        message=_("You shared %(about)s with %(name)s, who can now read it.")
        % {"about": about(entry), "name": supervisor.user},
    )
    notification_send(
        user=supervisor.user,
        url=url,
        message=_("%(name)s shared a reflection with you.") % {"name": entry.author},
    )
    return supervisor
