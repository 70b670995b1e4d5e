"""Reflective practice: a person's written reflections, the review thread with their supervisor, and PDF
exports.

An entry is filed under one of the author's organisation memberships and submitted to that membership's
supervisor *at the time*; it stays with them (`submitted_to`) even if the author's supervisor changes later,
so a new supervisor never inherits the history. The author may share an entry with a later supervisor
(`shared_with`). Once signed off, the entry is locked: the services refuse every change, so what was signed is
what stays. Reflection text is private: who reads it is decided in assessments/rules.py.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from assessments.practice.reflection_templates import CODE_RELEVANCE, NMC_CODE_THEMES, TEMPLATES, stages_of


class ReflectiveEntry(models.Model):
    class Template(models.TextChoices):
        GIBBS = "gibbs", _("Gibbs' reflective cycle")
        DRISCOLL = "driscoll", _("Driscoll's model: What? So what? Now what?")
        FREE = "free", _("Free text")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for review")
        CHANGES_REQUESTED = "changes", _("Changes requested")
        SIGNED_OFF = "signed_off", _("Signed off")

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections")
    membership = models.ForeignKey(
        "organisations.Membership",
        on_delete=models.CASCADE,
        related_name="reflections",
        help_text=_("The organisation the entry is filed under; it is submitted to the supervisor there."),
    )
    module = models.ForeignKey(
        "modules.ModulePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="reflections"
    )
    # The module's prompt as it read when the entry was started: editors may reword it later.
    prompt = models.TextField(blank=True)
    title = models.CharField(max_length=200)
    template = models.CharField(max_length=10, choices=Template.choices, default=Template.GIBBS)
    stages = models.JSONField(default=dict, blank=True, help_text=_("The text of each stage, by stage key."))
    code_themes = models.JSONField(
        default=list,
        blank=True,
        help_text=_("The NMC Code themes the author chose, by key (optional)."),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Supervisor memberships, not users: the rules check the person still holds the role in this organisation.
    submitted_to = models.ForeignKey(
        "organisations.Membership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The supervisor the entry was submitted to: the one person who reviews it. Empty for a draft."
        ),
    )
    shared_with = models.ManyToManyField(
        "organisations.Membership",
        blank=True,
        related_name="+",
        help_text=_("Later supervisors the author chose to let read the entry (read only)."),
    )
    # The sign-off stamp: copied, not looked up, so a later change of name or job leaves the evidence as
    # signed.
    signed_off_at = models.DateTimeField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_off_name = models.CharField(max_length=300, blank=True)
    signed_off_role = models.CharField(max_length=400, blank=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name_plural = "reflective entries"
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="signed_off") | (Q(signed_off_at__isnull=False) & ~Q(signed_off_name="")),
                name="reflection_signed_off_has_stamp",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="reflection_shared_has_submitted_at",
            ),
            models.CheckConstraint(
                condition=~Q(status="draft") | Q(submitted_to__isnull=True),
                name="reflection_draft_is_with_nobody",
            ),
        ]
        indexes = [models.Index(fields=["status", "submitted_at"], name="reflection_queue_idx")]

    def __str__(self):
        return self.title or str(_("Untitled reflection"))

    def clean(self):
        if self.membership_id and self.author_id and self.membership.user_id != self.author_id:
            raise ValidationError(
                {"membership": _("A reflection is filed under one of its author's memberships.")}
            )
        if self.template not in TEMPLATES:
            raise ValidationError({"template": _("Choose a reflection template.")})
        themes = {key for key, _label in NMC_CODE_THEMES}
        if not isinstance(self.code_themes, list) or not set(self.code_themes) <= themes:
            raise ValidationError({"code_themes": _("Choose themes of the NMC Code from the list.")})

    @property
    def stage_rows(self):
        """[(stage, text)] in the template's order, for reading and for the PDF."""
        return [(stage, self.stages.get(stage.key, "")) for stage in stages_of(self.template)]

    @property
    def code_relevance(self) -> str:
        return self.stages.get(CODE_RELEVANCE.key, "")

    @property
    def code_theme_rows(self):
        """[(label, chosen)] for every NMC Code theme, in the Code's order, for reading and for the PDF."""
        return [(label, key in self.code_themes) for key, label in NMC_CODE_THEMES]

    @property
    def chosen_code_themes(self):
        return [label for label, chosen in self.code_theme_rows if chosen]

    @property
    def is_locked(self):
        return self.status == self.Status.SIGNED_OFF


class ReflectionComment(models.Model):
    """One step of the review thread: a comment, or a submission, a request for changes or the sign-off."""

    class Kind(models.TextChoices):
        COMMENT = "comment", _("Comment")
        SUBMITTED = "submitted", _("Submitted for review")
        WITHDRAWN = "withdrawn", _("Withdrawn to draft")
        CHANGES_REQUESTED = "changes", _("Asked for changes")
        SIGNED_OFF = "signed_off", _("Signed off")

    entry = models.ForeignKey(ReflectiveEntry, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.COMMENT)
    body = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind__in=["comment", "changes"]) | ~Q(body=""),
                name="reflection_comment_has_text",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.entry_id}"


class ReflectionExport(models.Model):
    """A PDF of one or more of a person's reflections, rendered by a Celery task into private storage."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Preparing")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    class Layout(models.TextChoices):
        ACCOUNT = "account", _("Reflective account (this site's layout)")
        NMC = "nmc", _("NMC revalidation: written reflective accounts form")
        SSSC = "sssc", _("SSSC continuous professional learning (CPL) record")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflection_exports"
    )
    entries = models.ManyToManyField(ReflectiveEntry, related_name="exports")
    layout = models.CharField(max_length=10, choices=Layout.choices, default=Layout.ACCOUNT)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    file_path = models.CharField(
        max_length=300, blank=True, help_text=_("Path in default storage; never a public URL.")
    )
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="ready") | ~Q(file_path=""), name="reflection_export_ready_has_file"
            )
        ]

    def __str__(self):
        return f"Export {self.pk} for {self.author}"
