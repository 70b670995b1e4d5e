"""Person-first language: the words that label people by their drug or alcohol use, which no content uses.

The list and its exceptions are the content rule of issue #16 (brief CONTENT-FORMAT, "Language check"); every
text field of the modules and quizzes is checked against it (assessments/quizzes/language.py, the
`check_language` command). Words are matched whole, in any case, with their plurals, on the plain text: HTML
tags are taken out first. What is refused, and what is not:

- addict, junkie, druggie, misuser, drunkard; "drunk" as a noun ("a drunk.", "the drunks"), not "was drunk";
- alcoholic as a noun or of a person ("alcoholic parent"); as the adjective of a thing it is fine before the
  nouns in ALCOHOLIC_THINGS ("alcoholic drinks", "alcoholic liver disease");
- substance, drug or alcohol abuse and abuser; drug, alcohol or substance user (never "user" alone, so "users
  of the service" is fine; "domestic abuse" is not a drug term);
- clean or dirty of a person or a test: next to urine, test, sample, person or time ("a clean sample", "the
  test came back dirty"), and "get/stay clean";
- "drug habit" and feeding or funding "a habit"; "suffering from addiction"; "non-compliant";
- "addiction", except inside the proper name of a team or service ("Community Addiction Team").

Official titles are quoted as published, so a reference's title may contain the abuse and misuse terms
(NICE CG51 "Drug misuse in over 16s", a report on "substance abuse"): `field` names a reference title when it
starts with "references" and ends with "title", as content_language_findings names them.
"""

import html
import re
from dataclasses import dataclass

from django.utils.html import strip_tags

SEP = r"[\s\-]+"  # between the words of a phrase: spaces or a hyphen ("drug-user")
# Things, not people: "alcoholic" before one of these is the adjective of a drink or an illness.
ALCOHOLIC_THINGS = (
    "drinks? beverages? liquors? spirits? content strength products? liver hepatitis cirrhosis "
    "cardiomyopathy pancreatitis ketoacidosis"
)
DETERMINERS = "a an the this that one another every any some"
# Words after which "a drunk" is a person and not the start of "a drunk driver".
FUNCTION_WORDS = (
    "who whose and or but is was are were has had have in at on of with to from for by as than that when "
    "while after before"
)
TEST_WORDS = "urine urines tests? samples? persons? people times?"
LINKING_WORDS = (
    "is was were are be been being came comes come back tested tests test showed shows show looked looks "
    "returned returns"
)
FEEDING = "feed feeds fed feeding fund funds funded funding"
TEAM_WORDS = {"team", "teams", "service", "services"}


def _any(words: str) -> str:
    return "(?:" + "|".join(words.split()) + ")"


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    quoted_in_titles: bool = False  # an abuse or misuse term: allowed in a reference's title


def _rule(pattern: str, *, quoted_in_titles=False) -> Rule:
    return Rule(re.compile(pattern, re.IGNORECASE), quoted_in_titles)


RULES = [
    _rule(r"\baddicts?\b"),
    _rule(r"\bjunk(?:ie|y|ies)\b"),
    _rule(r"\bdrugg(?:ie|y|ies)\b"),
    _rule(r"\bdrunkards?\b"),
    _rule(r"\bdrunks\b"),
    _rule(rf"\b{_any(DETERMINERS)}\s+drunk\b(?=\s*(?:$|[.,;:!?)\"'’”]|{_any(FUNCTION_WORDS)}\b))"),
    _rule(r"\balcoholics\b"),
    _rule(rf"(?<!non-)\balcoholic\b(?!{SEP}{_any(ALCOHOLIC_THINGS)}\b)"),
    _rule(rf"\b(?:substances?|drugs?|alcohol){SEP}abus(?:e|ers?)\b", quoted_in_titles=True),
    _rule(r"\bmisusers?\b", quoted_in_titles=True),
    _rule(rf"\b(?:substances?|drugs?|alcohol){SEP}users?\b"),
    _rule(rf"\b(?:clean|dirty){SEP}{_any(TEST_WORDS)}\b"),
    _rule(rf"\b{_any(TEST_WORDS)}\s+(?:{_any(LINKING_WORDS)}\s+){{0,2}}(?:clean|dirty)\b"),
    _rule(r"\b(?:get|gets|got|gotten|getting|stay|stays|stayed|staying)\s+clean\b"),
    _rule(rf"\bdrugs?{SEP}habits?\b"),
    _rule(rf"\b{_any(FEEDING)}\s+(?:a|his|her|their|the|your|my)\s+habits?\b"),
    _rule(r"\bsuffer(?:s|ed|ing)?\s+from\s+(?:an?\s+)?addictions?\b"),
    _rule(r"\bnon[\s\-]?compliant\b"),
]
ADDICTION = re.compile(r"\baddictions?\b", re.IGNORECASE)
# A run of capitalised words (with "and", "of", "for" or "&" between them): a proper name.
NAME_WORD = r"[A-Z][\w’'-]*"
JOINER = r"(?:\s+(?:and|of|for|&))?"
PROPER_NAME = re.compile(rf"(?:{NAME_WORD}{JOINER}\s+)*Addictions?(?:{JOINER}\s+{NAME_WORD})*")


def plain_text(text: str) -> str:
    """The words a reader sees: tags out (a space where each was, so paragraphs do not run together),
    entities decoded, hyphens and spaces made plain."""
    text = html.unescape(strip_tags(text.replace(">", "> ")))
    text = re.sub(r"[\u2010\u2011\u2012\u2013]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def is_reference_title(field: str) -> bool:
    return field.startswith("references") and field.endswith("title")


def _addiction_outside_names(text: str):
    named = [
        m.span()
        for m in PROPER_NAME.finditer(text)
        if TEAM_WORDS & {word.lower() for word in m.group().split()}
    ]
    for match in ADDICTION.finditer(text):
        if not any(start <= match.start() and match.end() <= end for start, end in named):
            yield match


def stigmatising_terms(text: str, *, field: str = "") -> list[str]:
    """The refused words and phrases in `text` (HTML or plain): as written, lower case, in order, once."""
    text = plain_text(text or "")
    in_title = is_reference_title(field)
    matches = [
        match
        for rule in RULES
        if not (in_title and rule.quoted_in_titles)
        for match in rule.pattern.finditer(text)
    ]
    matches += list(_addiction_outside_names(text))
    matches.sort(key=lambda m: (m.start(), -m.end()))
    found, covered_to = [], -1
    for match in matches:
        if match.end() <= covered_to:  # inside a longer phrase already found ("suffering from addiction")
            continue
        covered_to = match.end()
        term = re.sub(r"\s+", " ", match.group().lower())
        if term not in found:
            found.append(term)
    return found
