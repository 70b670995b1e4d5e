import factory
from django.utils import timezone

from assessments.models import Attempt, Option, Question, Quiz, ReflectiveEntry
from assessments.practice.reflection_templates import stages_of
from learning.organisations.factories import MembershipFactory, UserFactory


def _complete_stages(entry):
    return {stage.key: f"What I wrote for {stage.label}." for stage in stages_of(entry.template)}


class ReflectiveEntryFactory(factory.django.DjangoModelFactory):
    """A complete draft: every stage written, ready to submit. Move it on with the services."""

    class Meta:
        model = ReflectiveEntry

    membership = factory.SubFactory(MembershipFactory)
    author = factory.SelfAttribute("membership.user")
    title = factory.Sequence(lambda n: f"Reflection {n}")
    template = ReflectiveEntry.Template.GIBBS
    stages = factory.LazyAttribute(_complete_stages)


class QuizFactory(factory.django.DjangoModelFactory):
    """A quiz with a bank of `questions` (2 unless given) single-choice questions; `QuizFactory(questions=0)`
    for an empty bank."""

    class Meta:
        model = Quiz
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Quiz {n}")
    pass_mark = 50
    questions_per_attempt = 2

    @factory.post_generation
    def questions(quiz, create, count, **kwargs):
        if create:
            QuestionFactory.create_batch(2 if count is None else count, quiz=quiz, **kwargs)


class OptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Option

    text = factory.Sequence(lambda n: f"Option {n}")
    fraction = 0
    sort_order = factory.Sequence(lambda n: n)


class QuestionFactory(factory.django.DjangoModelFactory):
    """A single-choice question with one right option (100%) and one wrong one (0%)."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    quiz = factory.SubFactory(QuizFactory, questions=0)
    name = factory.Sequence(lambda n: f"q{n:03d}")
    text = factory.Sequence(lambda n: f"<p>Question {n}?</p>")
    right = factory.RelatedFactory(OptionFactory, "question", text="Right", fraction=100, feedback="Yes.")
    wrong = factory.RelatedFactory(OptionFactory, "question", text="Wrong", fraction=0, feedback="No.")


class AttemptFactory(factory.django.DjangoModelFactory):
    """An attempt row, numbered after the person's earlier attempts at the quiz. It draws no questions: a test
    that answers or scores them starts the attempt with `attempt_start` instead."""

    class Meta:
        model = Attempt

    user = factory.SubFactory(UserFactory)
    quiz = factory.SubFactory(QuizFactory)
    number = factory.LazyAttribute(lambda o: Attempt.objects.filter(user=o.user, quiz=o.quiz).count() + 1)
    pass_mark = factory.SelfAttribute("quiz.pass_mark")

    class Params:
        graded = factory.Trait(
            status=Attempt.Status.GRADED,
            submitted_at=factory.LazyFunction(timezone.now),
            score=100,
            passed=True,
        )
