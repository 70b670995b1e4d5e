"""Learning done off the platform: a person's external learning records (with evidence, verified by their
supervisor or a lead), the equivalences an organisation declares between outside courses and its modules, and
the reasons leads give when they record a completion for someone."""

import uuid
from decimal import Decimal
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

# Hours on one record: more than a year's full-time study is a typing error, not a course.
MAX_HOURS = Decimal("1000")
EVIDENCE_DIR = "private/records-evidence"


def evidence_path(record, filename):
    """Private and unguessable: MEDIA_URL serves nothing under private/, only the permission-checked view."""
    suffix = PurePosixPath(filename).suffix.lower()[:6]
    return f"{EVIDENCE_DIR}/{record.user_id}/{uuid.uuid4().hex}{suffix}"


class Equivalence(models.Model):
    """An organisation's declaration that an outside course (this title from this provider) counts for one of
    its modules: a verified record of it completes the module (ModuleCompletion.Source.EXTERNAL)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="equivalences"
    )
    module = models.ForeignKey("modules.ModulePage", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("course title"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "provider"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "title", "provider"], name="equivalence_unique_course_per_org"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.provider})"


class ExternalRecordQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(status=ExternalRecord.Status.VERIFIED)

    def pending(self):
        return self.filter(status=ExternalRecord.Status.SUBMITTED)


class ExternalRecord(models.Model):
    """Learning a person did elsewhere, recorded by them for one of their organisations (the membership),
    whose supervisor or leads verify or decline it. Editable by its owner until verified."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for verification")
        VERIFIED = "verified", _("Verified")
        DECLINED = "declined", _("Declined")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    membership = models.ForeignKey(
        "organisations.Membership", on_delete=models.CASCADE, related_name="external_records"
    )
    title = models.CharField(_("title"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200)
    completed_on = models.DateField(_("completed on"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(MAX_HOURS)],
    )
    participatory_hours = models.DecimalField(
        _("participatory hours"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_HOURS)],
        help_text=_(
            "Time spent learning with others (a workshop, a group, a discussion): NMC revalidation "
            "asks for these separately."
        ),
    )
    level = models.ForeignKey(
        "modules.FrameworkLevel",
        verbose_name=_("framework level"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    module = models.ForeignKey(
        "modules.ModulePage",
        verbose_name=_("related module"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    equivalence = models.ForeignKey(
        Equivalence,
        verbose_name=_("recognised course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="records",
    )
    evidence = models.FileField(_("evidence"), upload_to=evidence_path, blank=True, max_length=200)
    evidence_name = models.CharField(max_length=200, blank=True)  # the uploaded file's own name
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True)
    # The completion a verified record made through its equivalence, if any.
    completion = models.ForeignKey(
        "progress.ModuleCompletion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExternalRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0, hours__lte=MAX_HOURS), name="external_record_hours_in_range"
            ),
            models.CheckConstraint(
                condition=Q(participatory_hours__gte=0, participatory_hours__lte=F("hours")),
                name="external_record_participatory_within_hours",
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="external_record_decline_has_reason",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_editable(self):
        return self.status != self.Status.VERIFIED


class RecordedCompletion(models.Model):
    """Why a lead recorded a completion for someone (ModuleCompletion.Source.RECORDED): the reason is text
    about a person, so it lives here, and the audit log names only this row."""

    membership = models.ForeignKey("organisations.Membership", on_delete=models.CASCADE, related_name="+")
    completion = models.OneToOneField(
        "progress.ModuleCompletion", on_delete=models.CASCADE, related_name="recorded_reason"
    )
    reason = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("recorded completion")

    def __str__(self):
        return f"{self.completion} ({self.membership})"
