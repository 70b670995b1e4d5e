"""Quizzes, their question banks, and learners' attempts.

An attempt copies the questions it draws (text, options, fractions, feedback) into its own rows when it
starts, so editing or deleting bank questions later never changes a past attempt or its score.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from assessments.quizzes.bank_mapping import question_to_bank
from assessments.quizzes.editor_form import QuestionForm
from assessments.quizzes.formats.bank import (
    IDNUMBER_MAX_LENGTH,
    MOODLE_GRADES,
    nearest_moodle_grade,
    percent,
    validate_fields,
)

QUESTION_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class Quiz(index.Indexed, models.Model):
    class Grading(models.TextChoices):
        HIGHEST = "highest", _("Highest attempt")
        LAST = "last", _("Last attempt")

    class Review(models.TextChoices):
        ANSWERS = "answers", _("Show correct answers and feedback after submitting")
        SCORE = "score", _("Show the score only")

    class Draw(models.TextChoices):
        BY_LESSON = "by_lesson", _("By lesson: at least one question from every lesson")
        RANDOM = "random", _("At random from the whole bank")

    title = models.CharField(max_length=200)
    module = models.OneToOneField(
        "modules.ModulePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="quiz"
    )
    intro = RichTextField(blank=True, features=QUESTION_FEATURES)
    pass_mark = models.PositiveSmallIntegerField(
        default=80, validators=[MaxValueValidator(100)], help_text="%"
    )
    questions_per_attempt = models.PositiveSmallIntegerField(default=5, validators=[MinValueValidator(1)])
    # New quizzes draw by lesson (random by category, as Moodle does), so that no attempt can leave a lesson
    # out; quizzes that existed before drawing by lesson kept drawing at random (migration 0008).
    draw = models.CharField(
        max_length=10,
        choices=Draw.choices,
        default=Draw.BY_LESSON,
        help_text=_(
            "By lesson: every attempt asks at least one question from each lesson of the module (a question "
            "belongs to a lesson through a tag equal to the lesson's slug), the rest spread evenly across "
            "the lessons. A quiz without a module draws at random."
        ),
    )
    draw_from_tag = models.CharField(
        max_length=100, blank=True, help_text=_("Draw only questions with this tag.")
    )
    attempts_allowed = models.PositiveSmallIntegerField(default=0, help_text=_("0 means unlimited."))
    grading = models.CharField(max_length=10, choices=Grading.choices, default=Grading.HIGHEST)
    time_limit_minutes = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_("Off by default: timers are not trauma-informed. Use only when needed."),
    )
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.ANSWERS)

    panels = [
        FieldPanel("title"),
        FieldPanel("module"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("questions_per_attempt"), FieldPanel("draw"), FieldPanel("draw_from_tag")],
            heading=_("Questions"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("attempts_allowed"),
                FieldPanel("grading"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("review"),
            ],
            heading=_("Rules"),
        ),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "quizzes"

    def __str__(self):
        return self.title

    def clean(self):
        if self.draw == self.Draw.BY_LESSON and self.module_id is None:
            self.draw = self.Draw.RANDOM  # no lessons to draw by: the help text says so
        if self.draw == self.Draw.BY_LESSON and self.pk:
            # Imported here: the selectors import these models (an import cycle inside the app).
            from assessments.quizzes.selectors import quiz_lesson_coverage

            lessons = quiz_lesson_coverage(quizzes=[self])[self.pk].lessons_with_questions
            if self.questions_per_attempt < len(lessons):
                raise ValidationError(
                    {
                        "questions_per_attempt": _(
                            "Drawing by lesson asks at least one question from each of the %(n)s lessons "
                            "with questions: set at least %(n)s questions per attempt, or draw at random."
                        )
                        % {"n": len(lessons)}
                    }
                )


class QuestionTag(TaggedItemBase):
    content_object = ParentalKey(
        "assessments.Question", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Question(index.Indexed, ClusterableModel):
    class Type(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTI = "multi", _("Multiple response")
        TRUEFALSE = "truefalse", _("True/false")

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    # Not a key: Moodle's files repeat names, and every question in them is a question of its own.
    name = models.CharField(max_length=200)
    idnumber = models.CharField(
        _("ID number"),
        max_length=IDNUMBER_MAX_LENGTH,
        blank=True,
        help_text=_(
            "Optional, as in Moodle. Importing a file with a question of this ID number updates this "
            "question instead of adding another."
        ),
    )
    qtype = models.CharField(_("type"), max_length=10, choices=Type.choices, default=Type.SINGLE)
    text = RichTextField(features=QUESTION_FEATURES)
    explanation = RichTextField(blank=True, features=QUESTION_FEATURES, help_text=_("Shown after an answer."))
    shuffle = models.BooleanField(default=True, help_text=_("Show options in a random order."))
    tags = ClusterTaggableManager(through=QuestionTag, blank=True)

    panels = [
        FieldPanel("quiz"),
        FieldPanel("name"),
        FieldPanel("idnumber"),
        FieldPanel("qtype"),
        FieldPanel("text"),
        FieldPanel("tags"),
        FieldPanel("shuffle"),
        FieldPanel("explanation"),
        InlinePanel(
            "options",
            min_num=2,
            heading=_("Options"),
            help_text=_(
                "Fractions in %, one of Moodle's grades (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, "
                "40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 or minus one of "
                "these): single choice needs one at 100; multiple response positives add to 100."
            ),
        ),
    ]
    base_form_class = QuestionForm  # checks the question with the options and tags being saved
    # Autocomplete on both, so the admin's question bank search finds part of a name or a word of the text.
    search_fields = [
        index.SearchField("name"),
        index.SearchField("text"),
        index.AutocompleteField("name"),
        index.AutocompleteField("text"),
        index.FilterField("quiz_id"),
    ]

    class Meta:
        ordering = ["quiz", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "idnumber"],
                condition=~Q(idnumber=""),
                name="question_unique_idnumber_per_quiz",
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        # This row's own fields only: options and tags are rows of their own, checked together with the
        # question by questions_write and, in the admin, by QuestionForm (they are not attached yet here).
        errors = validate_fields(question_to_bank(self, options=[], tags=[]))
        if errors:
            raise ValidationError("; ".join(errors).capitalize() + ".")


def validate_moodle_grade(value):
    """Only Moodle's grades, so that every exported question imports into Moodle (formats/bank.py)."""
    if value is not None and Decimal(value) not in MOODLE_GRADES:
        raise ValidationError(
            _("%(grade)s is not a grade Moodle accepts: the nearest is %(nearest)s."),
            params={
                "grade": percent(Decimal(value)),
                "nearest": percent(nearest_moodle_grade(Decimal(value))),
            },
        )


class Option(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    text = models.TextField()
    fraction = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        default=0,
        validators=[MinValueValidator(-100), MaxValueValidator(100), validate_moodle_grade],
        help_text=_("% of the question's mark"),
    )
    feedback = models.TextField(blank=True)

    panels = [FieldPanel("text"), FieldPanel("fraction"), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(fraction__in=MOODLE_GRADES),
                name="option_fraction_is_a_moodle_grade",
                violation_error_message=_("Use one of Moodle's grades (see the help above the options)."),
            )
        ]

    def __str__(self):
        return self.text


class Attempt(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        GRADED = "graded", _("Graded")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField(auto_now_add=True)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True)
    pass_mark = models.PositiveSmallIntegerField(help_text=_("The pass mark when the attempt started."))
    timed_out = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz", "number"], name="attempt_unique_number"),
            models.UniqueConstraint(
                fields=["user", "quiz"], condition=Q(status="in_progress"), name="attempt_one_in_progress"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="attempt_score_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.quiz} #{self.number}"


class AttemptQuestion(models.Model):
    """One drawn question, frozen: `snapshot` holds its text, options (with ids), fractions and feedback."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    question = models.ForeignKey(Question, null=True, on_delete=models.SET_NULL, related_name="attempt_items")
    snapshot = models.JSONField()
    option_order = models.JSONField(help_text=_("Option keys in the order this learner sees them."))
    selected = models.JSONField(default=list, blank=True)
    mark = models.DecimalField(max_digits=6, decimal_places=5, null=True, blank=True, help_text=_("0..1"))

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="attempt_item_unique_position")
        ]

    def __str__(self):
        return f"{self.attempt} Q{self.position}"

    @property
    def options_in_order(self):
        by_key = {o["key"]: o for o in self.snapshot["options"]}
        return [by_key[key] for key in self.option_order]

    @property
    def mark_percent(self):
        return None if self.mark is None else (self.mark * 100).quantize(Decimal("1"))
