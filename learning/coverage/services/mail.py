"""Sending coverage emails at most once per occasion, and honouring each person's chosen frequency."""
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from ..models import EmailPreference, NotificationSent

Frequency = EmailPreference.Frequency


def absolute(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


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
            body = render_to_string(template, {**context, "user": user, "items": [occasions[o] for o in new],
                                               "preferences_url": absolute("coverage_preferences")})
            message = EmailMessage(subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body=body, to=[user.email])
            for attachment in attachments:
                message.attach(*attachment)
            message.send()
    return new
