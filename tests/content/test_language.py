"""The language check (issue #16): the refused words and their exceptions, every text field of the content
walked, the `check_language` command, and the seed content passing it."""

import pytest
from django.core.management import CommandError, call_command

from assessments.models import Quiz
from assessments.quizzes.factories import OptionFactory, QuestionFactory
from assessments.quizzes.language import content_language_findings
from assessments.quizzes.seed import seed_quizzes_install
from learning.core.language import stigmatising_terms
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.models import FrameworkLevel, FrameworkMapping
from modules.seed import seed_modules_install, site_structure_ensure


@pytest.mark.parametrize(
    "text,term",
    [
        ("He was an addict for years.", "addict"),
        ("Addicts deserve care.", "addicts"),
        ("not a junkie", "junkie"),
        ("called them junkies", "junkies"),
        ("the druggies on the corner", "druggies"),
        ("She is an alcoholic.", "alcoholic"),
        ("Alcoholics often hide it.", "alcoholics"),
        ("children of an alcoholic parent", "alcoholic"),
        ("a drunk.", "a drunk"),
        ("the drunk who shouted", "the drunk"),
        ("drunks in the street", "drunks"),
        ("a substance abuser", "substance abuser"),
        ("drug abusers", "drug abusers"),
        ("drug abuse services", "drug abuse"),
        ("alcohol abuse", "alcohol abuse"),
        ("Substance abuse in families", "substance abuse"),
        ("a drug user", "drug user"),
        ("injecting drug users", "drug users"),
        ("alcohol users", "alcohol users"),
        ("substance users", "substance users"),
        ("drug-users", "drug-users"),
        ("a misuser of drugs", "misuser"),
        ("she had a clean test", "clean test"),
        ("a dirty urine", "dirty urine"),
        ("the sample came back dirty", "sample came back dirty"),
        ("his urine was clean", "urine was clean"),
        ("two years clean time", "clean time"),
        ("he got clean last year", "got clean"),
        ("to stay clean", "stay clean"),
        ("a drug habit", "drug habit"),
        ("stealing to feed their habit", "feed their habit"),
        ("suffering from addiction", "suffering from addiction"),
        ("marked non-compliant", "non-compliant"),
        ("noncompliant with treatment", "noncompliant"),
        ("the addiction took hold", "addiction"),
        ("refer to addiction services", "addiction"),
        ("<p>Some <strong>drug</strong> users</p>", "drug users"),
        ("<p>a drug</p><p>user</p>", "drug user"),
        ("a&nbsp;drug&nbsp;user", "drug user"),
    ],
)
def test_each_refused_term_is_caught(text, term):
    assert stigmatising_terms(text) == [term]


@pytest.mark.parametrize(
    "text",
    [
        "users of the service",
        "service users told us",
        "domestic abuse",
        "Domestic Abuse (Scotland) Act 2018",
        "child abuse and neglect",
        "a person who uses drugs",
        "a person with a drug or alcohol problem",
        "a person in recovery",
        "a family member or concerned significant other",
        "alcoholic drinks and non-alcoholic ones",
        "alcoholic liver disease",
        "he was drunk when he arrived; a drunk driver",
        "keep the kitchen clean",
        "a clean towel and a dirty cup",
        "drinking habits",
        "the Community Addiction Team",
        "NHS Lothian Addiction Services",
        "drug misuse",
        "",
    ],
)
def test_exceptions_and_person_first_words_are_allowed(text):
    assert stigmatising_terms(text) == []


def test_reference_titles_may_quote_abuse_and_misuse_as_published():
    title = "Drug misuse in over 16s: psychosocial interventions; substance abuse and misusers"
    assert stigmatising_terms(title, field="references[0].reference.title") == []
    assert stigmatising_terms(title, field="references[0].reference.publisher") == [
        "substance abuse",
        "misusers",
    ]
    assert stigmatising_terms("Addicts", field="references[0].reference.title") == ["addicts"]


def test_every_term_is_reported_once_in_order():
    assert stigmatising_terms("Addicts, junkies and more addicts") == ["addicts", "junkies"]


TERM = "junkie"


@pytest.fixture
def planted(db):
    """One module, one lesson and one quiz with the refused word planted in every kind of text field."""
    module = ModulePageFactory(
        parent=site_structure_ensure(),
        slug="planted",
        title=f"Helping a {TERM}",
        summary=f"About the {TERM}.",
        learning_outcomes=[("outcome", "Name a safe question."), ("outcome", f"Speak to a {TERM}.")],
        content_note=f"<p>If a {TERM} is in your family, call a helpline.</p>",
        reflective_prompt=f"When did you last meet a {TERM}?",
        references=[
            ("reference", {"title": "A fair title", "publisher": "A publisher", "year": "", "url": ""}),
            (
                "reference",
                {
                    "title": f"The {TERM} report",
                    "publisher": f"{TERM} press",
                    "year": "2020",
                    "url": "https://example.org/addict",  # an address, not text: not checked
                },
            ),
        ],
    )
    FrameworkMapping.objects.create(
        module=module,
        level=FrameworkLevel.objects.create(framework="A framework", name="Introduction", slug="intro"),
        justification=f"The lessons teach how to talk with a {TERM}.",
    )
    LessonPageFactory(
        parent=module,
        slug="lesson",
        title=f"Meeting a {TERM}",
        body=[
            ("heading", f"The {TERM}"),
            ("rich_text", f"<p>Some text, then a {TERM}.</p>"),
            ("callout", {"title": f"{TERM} alert", "text": f"<p>A {TERM}.</p>"}),
            ("case_study", {"title": "Ana", "text": f"<p>A {TERM}.</p>", "questions": ["Fine?", f"{TERM}?"]}),
            ("quote", {"text": f"I was a {TERM}.", "attribution": f"A former {TERM}"}),
            ("reflect", f"Think of a {TERM}."),
            ("accordion", [{"title": f"A {TERM}", "text": f"<p>The {TERM}.</p>"}]),
        ],
    )
    quiz = Quiz.objects.create(
        title=f"The {TERM} quiz", intro=f"<p>On the {TERM}.</p>", module=module, pass_mark=50
    )
    question = QuestionFactory(
        quiz=quiz, name="q1", text=f"<p>What does a {TERM} need?</p>", explanation=f"<p>A {TERM}.</p>"
    )
    OptionFactory(question=question, text=f"Call them a {TERM}", feedback=f"No: {TERM} is a label.")
    return module


def test_a_term_in_any_text_field_is_reported(planted):
    found = {(f.obj, f.field) for f in content_language_findings() if f.term == TERM}
    module, lesson, quiz = (
        "module planted",
        "lesson planted/lesson",
        f"quiz {Quiz.objects.get().pk} (The {TERM} quiz)",
    )
    assert found == {
        (module, "title"),
        (module, "summary"),
        (module, "learning_outcomes[1].outcome"),
        (module, "content_note"),
        (module, "reflective_prompt"),
        (module, "references[1].reference.title"),
        (module, "references[1].reference.publisher"),
        (module, "framework_mappings[0].justification"),
        (lesson, "title"),
        (lesson, "body[0].heading"),
        (lesson, "body[1].rich_text"),
        (lesson, "body[2].callout.title"),
        (lesson, "body[2].callout.text"),
        (lesson, "body[3].case_study.text"),
        (lesson, "body[3].case_study.questions[1]"),
        (lesson, "body[4].quote.text"),
        (lesson, "body[4].quote.attribution"),
        (lesson, "body[5].reflect"),
        (lesson, "body[6].accordion[0].title"),
        (lesson, "body[6].accordion[0].text"),
        (quiz, "title"),
        (quiz, "intro"),
        (f"{quiz} question q1", "text"),
        (f"{quiz} question q1", "explanation"),
        (f"{quiz} question q1", "options[2].text"),
        (f"{quiz} question q1", "options[2].feedback"),
    }


def test_draft_pages_are_not_checked_until_published(planted):
    planted.get_children().update(live=False)
    planted.__class__.objects.filter(pk=planted.pk).update(live=False)
    assert {f.obj.split()[0] for f in content_language_findings()} == {"quiz"}


def test_the_command_lists_findings_and_fails(planted, capsys):
    with pytest.raises(CommandError, match=r"\d+ stigmatising terms found"):
        call_command("check_language")
    assert f"module planted\tsummary\t{TERM}" in capsys.readouterr().out


def test_the_command_passes_on_clean_content(db, capsys):
    call_command("check_language")
    assert "No stigmatising terms found." in capsys.readouterr().out


def test_the_seed_content_passes_the_check(db):
    """Fails until the content of issue #16 is rewritten (modules/seed_content/*.json)."""
    seed_modules_install()
    seed_quizzes_install()
    assert content_language_findings() == []
