"""Events run by an organisation (a workshop day, a live online course), their sessions, the bookings people
make on them (with a waiting list) and the attendance a facilitator marks."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    class Delivery(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Live online")

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # Attending completes this module (a requirement, rollups, a certificate); a standalone event only shows
    # in the person's record and CPD log.
    module = models.ForeignKey(
        "modules.ModulePage",
        verbose_name=_("module it completes"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    framework_levels = models.ManyToManyField(
        "modules.FrameworkLevel", verbose_name=_("framework levels"), blank=True, related_name="+"
    )
    cpd_minutes = models.PositiveIntegerField(_("CPD minutes"), default=0)
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices)
    needs_supervisor_approval = models.BooleanField(
        _("bookings need the supervisor's approval"), default=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title


class EventSession(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("places"))
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_sessions",
    )

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="event_session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="event_session_has_places",
                violation_error_message=_("A session needs at least one place."),
            ),
        ]

    def __str__(self):
        return f"{self.event} ({self.starts_at:%Y-%m-%d %H:%M})"

    def clean(self):
        if self.event_id is None:
            return
        if self.event.delivery == Event.Delivery.ONLINE and not self.online_url:
            raise ValidationError({"online_url": _("A live online session needs the link people join by.")})
        if self.event.delivery == Event.Delivery.IN_PERSON and not self.place:
            raise ValidationError({"place": _("Say where the session takes place.")})


class Booking(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        WAITLISTED = "waitlisted", _("On the waiting list")
        PENDING = "pending", _("Waiting for approval")
        CANCELLED = "cancelled", _("Cancelled")
        APOLOGIES = "apologies", _("Apologies sent")

    # Statuses that hold nothing: booking again reuses the row.
    CLOSED = (Status.CANCELLED, Status.APOLOGIES)

    session = models.ForeignKey(EventSession, on_delete=models.CASCADE, related_name="bookings")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_bookings"
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    waitlist_position = models.PositiveIntegerField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Owed email: what changed (one of EMAIL_KINDS in services) and since when; cleared once sent.
    email_kind = models.CharField(max_length=12, blank=True)
    email_owed_since = models.DateTimeField(null=True, blank=True, db_index=True)
    # The calendar invitation: sent once booked, so a cancellation sends METHOD:CANCEL for the same UID.
    invitation_sequence = models.PositiveIntegerField(default=0)
    invitation_sent = models.BooleanField(default=False)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["session__starts_at", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="booking_once_per_session"),
            models.UniqueConstraint(
                fields=["session", "waitlist_position"],
                condition=Q(status="waitlisted"),
                name="booking_waitlist_position_unique",
            ),
        ]

    def __str__(self):
        return f"{self.user} on {self.session}"


class Attendance(models.Model):
    session = models.ForeignKey(EventSession, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    attended = models.BooleanField()
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now=True)
    note = models.CharField(max_length=300, blank=True)  # e.g. "Entered from the printed sign-in sheet"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="attendance_once_per_session")
        ]

    def __str__(self):
        return f"{self.user} at {self.session}: {'attended' if self.attended else 'absent'}"
