"""Wagtail content: the home page, the learning index, modules and their lessons, topics and framework levels.

Pages hold content only; learner records live in learning.progress and are written by its services. What a
learner sees of them on these pages (progress, the quiz) comes from template tags those apps own
(learning/progress/templatetags/progress_panels.py, assessments/templatetags/quiz_panels.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import LessonBodyBlock, ReferenceBlock


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
    """A practice level of a national framework, e.g. the NES trauma framework's Trauma-Informed level."""

    framework = models.CharField(max_length=100, default="NES Transforming Psychological Trauma")
    name = models.CharField(max_length=100)
    slug = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["framework", "order"]

    def __str__(self):
        return self.name


class ModulePageTag(TaggedItemBase):
    content_object = ParentalKey("modules.ModulePage", on_delete=models.CASCADE, related_name="tagged_items")


class HomePage(Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["modules.LearningIndexPage"]
    max_count = 1


class LearningIndexPage(Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["modules.HomePage"]
    subpage_types = ["modules.ModulePage"]


class ModulePage(Page):
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="modules")
    summary = models.TextField(help_text=_("One or two sentences shown in the catalogue."))
    learning_outcomes = StreamField([("outcome", blocks.CharBlock())], blank=True)
    estimated_minutes = models.PositiveIntegerField(default=30)
    framework_levels = ParentalManyToManyField(FrameworkLevel, blank=True, related_name="modules")
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
        null=True, blank=True, help_text=_("CPD time recorded; defaults to the estimated minutes.")
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
            [FieldPanel("estimated_minutes"), FieldPanel("framework_levels"), FieldPanel("tags")],
            heading=_("Level and time"),
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


class LessonPage(Page):
    body = StreamField(LessonBodyBlock())
    estimated_minutes = models.PositiveIntegerField(default=10)

    search_fields = Page.search_fields + [index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("estimated_minutes"), FieldPanel("body")]
    parent_page_types = ["modules.ModulePage"]
    subpage_types = []
