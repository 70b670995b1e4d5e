"""Wagtail content: the home page, the learning index, modules and their lessons, topics and framework levels,
and the mappings that say (and justify) which framework levels a module meets.

Pages hold content only; learner records live in learning.progress and are written by its services. What a
learner sees of them on these pages (progress, the quiz) comes from template tags those apps own
(learning/progress/templatetags/progress_panels.py, assessments/templatetags/quiz_panels.py).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import LessonBodyBlock, ReferenceBlock
from .routing import DirectRouteMixin, OneQueryViewRestrictions


class Topic(index.Indexed, models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class FrameworkLevel(models.Model):
    """A practice level of a national framework, e.g. the NES trauma framework's Trauma-Informed level, or the
    introduction to the Safe and Together Model. A module meets one only through a FrameworkMapping."""

    framework = models.CharField(max_length=100, default="NES Transforming Psychological Trauma")
    name = models.CharField(max_length=100)
    slug = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["framework", "order"]

    def __str__(self):
        # The framework too: levels of different frameworks may share a name ("Introduction").
        return f"{self.framework}: {self.name}"


class FrameworkMapping(Orderable):
    """A module's claim to meet a framework level, and the editor's account of how its content was checked
    against that level's outcomes. Certificates and the coverage dashboard count a module at a level only
    through one of these (ModulePage.framework_levels runs through this table)."""

    module = ParentalKey("modules.ModulePage", on_delete=models.CASCADE, related_name="framework_mappings")
    level = models.ForeignKey(FrameworkLevel, on_delete=models.PROTECT, related_name="mappings")
    justification = models.TextField(
        help_text=_(
            "Which outcomes of this framework level the module's content was checked against, and which "
            "lessons teach them."
        )
    )
    checked_by = models.CharField(
        max_length=200, blank=True, help_text=_("Who checked the content against the framework.")
    )
    checked_on = models.DateField(null=True, blank=True)

    panels = [
        FieldPanel("level"),
        FieldPanel("justification"),
        FieldPanel("checked_by"),
        FieldPanel("checked_on"),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["module", "level"], name="framework_mapping_once_per_level"),
            # Not blank, nor only spaces (clean() also refuses other white space, e.g. new lines).
            models.CheckConstraint(
                condition=GreaterThan(Length(Trim("justification")), 0),
                name="framework_mapping_justified",
                violation_error_message=_("Say which outcomes of the framework level the content meets."),
            ),
        ]

    def __str__(self):
        return f"{self.module} meets {self.level}"

    def clean(self):
        super().clean()
        if not self.justification.strip():
            raise ValidationError(
                {"justification": _("Say which outcomes of the framework level the content meets.")}
            )


class ModulePageTag(TaggedItemBase):
    content_object = ParentalKey("modules.ModulePage", on_delete=models.CASCADE, related_name="tagged_items")


class HomePage(DirectRouteMixin, OneQueryViewRestrictions, Page):
    """The site's root: routes a request to any page below it in one query (modules/routing.py)."""

    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["modules.LearningIndexPage"]
    max_count = 1


class LearningIndexPage(OneQueryViewRestrictions, Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["modules.HomePage"]
    subpage_types = ["modules.ModulePage"]


class ModulePage(OneQueryViewRestrictions, Page):
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="modules")
    summary = models.TextField(help_text=_("One or two sentences shown in the catalogue."))
    learning_outcomes = StreamField([("outcome", blocks.CharBlock(label=_("Learning outcome")))], blank=True)
    estimated_minutes = models.PositiveIntegerField(default=30)
    # Read-only: editors add framework_mappings (each with its justification); this follows them.
    framework_levels = models.ManyToManyField(
        FrameworkLevel, through="FrameworkMapping", related_name="modules", editable=False
    )
    tags = ClusterTaggableManager(
        through=ModulePageTag, blank=True, help_text=_("e.g. GIRFEC, Quality Principles")
    )
    content_note = RichTextField(
        blank=True, help_text=_("What the module discusses that may be difficult, and where to find support.")
    )
    prerequisites = ParentalManyToManyField("self", blank=True, symmetrical=False, related_name="unlocks")
    reflective_prompt = models.TextField(blank=True)
    references = StreamField([("reference", ReferenceBlock())], blank=True)
    # The completion rule: every lesson always; these add to it.
    require_quiz_pass = models.BooleanField(
        default=True, help_text=_("Learners must pass the module's quiz, if it has one.")
    )
    require_signed_reflection = models.BooleanField(
        default=False,
        help_text=_("Learners must have a reflection on this module signed off by their supervisor."),
    )
    cpd_minutes = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=_(
            "CPD time a completion records; only for a module that requires a signed-off reflection. Empty "
            "means the estimated minutes."
        ),
    )
    follow_up_after_weeks = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_(
            "Weeks after completing that learners are asked what they now do differently; empty means no "
            "follow-up."
        ),
    )
    validity_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_("Certificates expire after this many months (e.g. 36); empty means they do not expire."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("reflective_prompt"),
        index.RelatedFields("topic", [index.SearchField("name")]),
        index.FilterField("topic_id"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("topic"),
        FieldPanel("summary"),
        FieldPanel("learning_outcomes"),
        MultiFieldPanel(
            [FieldPanel("estimated_minutes"), FieldPanel("tags")],
            heading=_("Time and tags"),
        ),
        InlinePanel(
            "framework_mappings",
            heading=_("Framework mappings"),
            label=_("Framework mapping"),
            help_text=_(
                "Map the module only to a framework level whose outcomes its content was checked against."
            ),
        ),
        FieldPanel("content_note"),
        FieldPanel("prerequisites"),
        FieldPanel("reflective_prompt"),
        FieldPanel("references"),
        MultiFieldPanel(
            [
                FieldPanel("require_quiz_pass"),
                FieldPanel("require_signed_reflection"),
                FieldPanel("cpd_minutes"),
                FieldPanel("follow_up_after_weeks"),
                FieldPanel("validity_months"),
            ],
            heading=_("Completion and certificate"),
        ),
    ]
    parent_page_types = ["modules.LearningIndexPage"]
    subpage_types = ["modules.LessonPage"]

    def clean(self):
        super().clean()
        if self.cpd_minutes is not None and not self.require_signed_reflection:
            raise ValidationError(
                {
                    "cpd_minutes": _(
                        "CPD time needs a reflection signed off by a supervisor: tick “Require signed "
                        "reflection”, or leave CPD minutes empty."
                    )
                }
            )

    @property
    def framework_claims(self) -> list:
        """The module's framework mappings with their levels, in framework order: the live rows, or a draft's
        own in a preview."""
        mappings = self.framework_mappings.select_related("level")
        return sorted(mappings, key=lambda mapping: (mapping.level.framework, mapping.level.order))

    @property
    def cpd_claim_minutes(self) -> int:
        """The CPD time a completion records: the stated CPD minutes (or else the estimated minutes) when
        completing asks for a signed-off reflection; none otherwise (reading alone is not CPD here)."""
        if not self.require_signed_reflection:
            return 0
        return self.cpd_minutes if self.cpd_minutes is not None else self.estimated_minutes


class LessonPage(OneQueryViewRestrictions, Page):
    body = StreamField(LessonBodyBlock())
    estimated_minutes = models.PositiveIntegerField(default=10)

    search_fields = Page.search_fields + [index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("estimated_minutes"), FieldPanel("body")]
    parent_page_types = ["modules.ModulePage"]
    subpage_types = []
