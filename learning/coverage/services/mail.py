"""Sending coverage emails at most once per occasion, and honouring each person's chosen frequency."""

from django.db import IntegrityError, transaction

from learning.core.links import absolute_reverse
from learning.core.mail import email_send

from ..models import EmailPreference, NotificationSent

Frequency = EmailPreference.Frequency


def frequency_of(user) -> str:
    """The person's chosen frequency (as things fall due unless they chose otherwise). Select
    `email_preference` with the user to avoid a query per person."""
    try:
        return user.email_preference.frequency
    except EmailPreference.DoesNotExist:
        return Frequency.IMMEDIATE


def send_once(*, user, occasions, subject, template, context, attachments=()) -> list:
    """`occasions` maps (kind, key) to what the email says about it. Record each occasion not yet recorded for
    `user` and, if any is new, send one email naming the new ones (`items` in the template). The records and
    the send share a transaction: a failed send records nothing, so the next run tries again; a second run
    after a good send finds every occasion recorded and sends nothing. Returns the new occasions."""
    with transaction.atomic():
        new = []
        for kind, key in occasions:
            try:
                with transaction.atomic():
                    NotificationSent.objects.create(user=user, kind=kind, key=key)
            except IntegrityError:
                continue
            new.append((kind, key))
        if new:
            email_send(
                to=user.email,
                subject=subject,
                template=template,
                attachments=attachments,
                context={
                    **context,
                    "user": user,
                    "items": [occasions[o] for o in new],
                    "preferences_url": absolute_reverse("coverage_preferences"),
                },
            )
    return new
