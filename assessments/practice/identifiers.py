"""Spot text that may identify someone (CHI numbers, dates of birth, postcodes, full names) before a
reflection is shared, so the author can anonymise it.

These are warnings, not a filter: patterns cannot be sure, and the author may confirm and submit anyway. The
rules lean towards warning (a false alarm costs a second look; a missed name costs someone's privacy), but
skip the commonest false alarms: service names, days and months, phone numbers, undated days.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str

    @property
    def label(self):
        return KIND_LABELS[self.kind]


KIND_LABELS = {
    "chi": _("looks like a CHI number"),
    "date": _("a full date, which could be a date of birth"),
    "postcode": _("looks like a postcode"),
    "name": _("looks like a person's full name"),
}

# Ten digits, optionally spaced 3-3-4, that are not part of a longer number (UK phone numbers have 11 digits).
CHI = re.compile(r"(?<!\d)(?<!\d )(\d{3}) ?(\d{3}) ?(\d{4})(?! ?\d)")
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b")  # 04/06/2016, 4.6.16
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
WRITTEN_DATES = [
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?,?\s+\d{{4}}\b", re.IGNORECASE),
    re.compile(rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b", re.IGNORECASE),
]
# Outward code, optional space, inward code; the inward letters never include C, I, K, M, O or V.
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)
WORD = r"(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
CAPITALISED_RUN = re.compile(rf"\b{WORD}(?: {WORD})+\b")
HONORIFIC_STOP = re.compile(r"\b(Mr|Mrs|Ms|Mx|Dr)\.(?= [A-Z])")

# Words that start sentences, name services, roles, relatives, days or months: a run of capitalised words is
# split at these, and what is left is taken for a name only when two or more words remain together.
NOT_NAMES = frozenset(
    """
a an and as at after afterwards also although because before but by during each eventually every finally first
for from he her his however i if in initially it its last later my next now on once or our overall she since
so that the their then there these they this those today tomorrow until we what when where which while who
with without yesterday you your
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december christmas easter
mum dad mother father gran granny grandad grandma grandpa nana papa auntie aunt uncle brother sister son
daughter partner baby
nhs adp gp team service services support family families council partnership scotland scottish government
health care social work worker workers children child young people person protection recovery alcohol drug
drugs mental community addictions addiction trauma informed skilled enhanced specialist practice plan planning
getting right named lead professional safe together model gibbs driscoll reflective cycle housing police
school nursery hospital infirmary royal university college court hearing hearings panel unit centre center
board trust agency house road street ward clinic practitioner nurse doctor manager supervisor officer action
description feelings evaluation analysis conclusion whole approach quality principles girfec shanarri
wellbeing assessment meeting review case conference core group brief intervention training course programme
framework aid women's
""".split()
)


def _plausible_day_month(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _chi_numbers(text):
    for match in CHI.finditer(text):
        digits = "".join(match.groups())
        # A CHI number begins with the person's date of birth as DDMMYY.
        if _plausible_day_month(digits[0:2], digits[2:4]):
            yield match.start(), match.group(0)


def _dates(text):
    for match in NUMERIC_DATE.finditer(text):
        if _plausible_day_month(match.group(1), match.group(2)):
            yield match.start(), match.group(0)
    for match in ISO_DATE.finditer(text):
        if _plausible_day_month(match.group(3), match.group(2)):
            yield match.start(), match.group(0)
    for pattern in WRITTEN_DATES:
        for match in pattern.finditer(text):
            yield match.start(), match.group(0)


def _names(text):
    text = HONORIFIC_STOP.sub(r"\1", text)  # "Mr. Brown" is read as "Mr Brown"
    for match in CAPITALISED_RUN.finditer(text):
        run = []
        for word in [*match.group(0).split(" "), None]:
            if word is not None and word.lower() not in NOT_NAMES:
                run.append(word)
                continue
            if len(run) >= 2:
                yield match.start(), " ".join(run)
            run = []


def identifiers_find(text: str) -> list[Finding]:
    """Every stretch of `text` that may identify a person, in order of appearance, without repeats."""
    found = [(start, Finding("chi", match)) for start, match in _chi_numbers(text)]
    found += [(start, Finding("date", match)) for start, match in _dates(text)]
    found += [(match.start(), Finding("postcode", match.group(0))) for match in POSTCODE.finditer(text)]
    found += [(start, Finding("name", match)) for start, match in _names(text)]
    return list(dict.fromkeys(finding for _start, finding in sorted(found, key=lambda pair: pair[0])))


def identifiers_in_entry(*, title: str, stages: dict) -> list[Finding]:
    return identifiers_find("\n".join([title, *[text or "" for text in stages.values()]]))
