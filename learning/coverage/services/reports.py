"""The monthly coverage report to workforce leads, and the invitation sent to people a staff import added."""

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.core.links import absolute_reverse, absolute_url
from learning.organisations.models import Membership, Organisation

from ..exports import XLSX_TYPE, dashboard_workbook
from ..models import CoverageRollup, NotificationSent
from ..selectors.dashboard import dashboard_for
from ..selectors.scope import Scope
from .mail import Frequency, frequency_of, send_once

Kind = NotificationSent.Kind


def monthly_reports_send(*, now=None) -> int:
    """On the first of the month, to each lead of an organisation with required training (unless they turned
    emails off): the headline figures in the email and the full dashboard as a spreadsheet. Once a month."""
    now = now or timezone.now()
    month, sent = timezone.localdate(now).strftime("%Y-%m"), 0
    for organisation in Organisation.objects.filter(pk__in=CoverageRollup.objects.values("organisation_id")):
        leads = [
            m.user
            for m in Membership.objects.active()
            .leads()
            .in_organisation(organisation)
            .filter(user__is_active=True)
            .select_related("user__email_preference")
            if frequency_of(m.user) != Frequency.OFF
        ]
        if not leads:
            continue
        dashboard = dashboard_for(Scope(organisation=organisation), now=now)
        attachment = (f"coverage-{organisation.pk}-{month}.xlsx", dashboard_workbook(dashboard), XLSX_TYPE)
        for user in leads:
            sent += bool(
                send_once(
                    user=user,
                    occasions={(Kind.MONTHLY, f"{organisation.pk}:{month}"): organisation},
                    subject=_("Training coverage at %(org)s") % {"org": organisation},
                    template="coverage/email/monthly",
                    context={
                        "dashboard": dashboard,
                        "organisation": organisation,
                        "url": absolute_reverse("coverage_dashboard", organisation.pk),
                    },
                    attachments=[attachment],
                )
            )
    return sent


def staff_invitation_send(*, user_id, organisation_id) -> bool:
    """Invite a person a staff import added: a link to set their password (allauth's password-reset key) and
    sign in. Sent once per organisation; not at all once they have a password."""
    user = get_user_model().objects.get(pk=user_id)
    organisation = Organisation.objects.get(pk=organisation_id)
    if user.has_usable_password():
        return False
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    return bool(
        send_once(
            user=user,
            occasions={(Kind.INVITATION, f"organisation:{organisation.pk}"): organisation},
            subject=_("You are invited to join %(org)s") % {"org": organisation},
            template="coverage/email/invitation",
            context={
                "organisation": organisation,
                "url": absolute_url(path),
                "reset_url": absolute_reverse("account_reset_password"),
            },
        )
    )
