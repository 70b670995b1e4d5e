"""GIFT (Moodle's plain-text quiz format) import and export.

Parsing follows Moodle's own qformat_gift so files exported by Moodle import
the same way here: a question with ``~`` is multiple choice, and it is
*multiple response* ("multi") when no option is marked ``=`` but weights
(``~%50%``) are used. Only single/multi/true-false map onto the bank;
essay, numerical, matching, short answer and description questions are
reported in ``ParseReport.skipped``.

Moodle's ``// [id:x]`` comment gives a question its ID number (the one stable
key: names may repeat). Besides that and Moodle's ``// [tag:x]`` comments,
export writes ``// [shuffle:false]`` for unshuffled questions; Moodle ignores that comment, this parser reads
it, so every bank field survives a round trip.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from assessments.quizzes.formats.bank import (
    HUNDRED,
    MAX_OPTIONS,
    MAX_QUESTIONS,
    Option,
    ParseReport,
    Problem,
    Question,
    category_tag,
    clean_name,
    clean_tag,
    match_grades,
    truefalse_options,
)
from assessments.quizzes.formats.sanitise import clean_html, html_to_plain, plain_to_html, strip_invalid_chars

# Escaped characters are swapped for control characters before any structural
# splitting (Moodle uses "&&058;"-style placeholders for the same purpose).
# Controls are stripped from the input first and can never appear in a valid
# question, so the placeholders cannot collide with real text.
_ESCAPABLE = "\\~=#{}:n"
_PLACEHOLDER = {ch: chr(1 + i) for i, ch in enumerate(_ESCAPABLE)}
_RESTORE = {ord(v): ("\n" if k == "n" else k) for k, v in _PLACEHOLDER.items()}
_ESCAPE_RE = re.compile(r"\\([\\~=#{}:n])")
_FORMAT_RE = re.compile(r"\s*\[(html|moodle|plain|markdown)\]")
_WEIGHT_RE = re.compile(r"\s*%([^%]*)%")
# Moodle's tag syntax: "]" inside a tag is escaped as "\]".
_TAG_RE = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f])+)\]")
_ID_RE = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f])+)\]")
_SHUFFLE_OFF_RE = re.compile(r"\[shuffle:false\]")
_TF_WORDS = {"T": True, "TRUE": True, "F": False, "FALSE": False}


class _Unsupported(Exception):
    """The question is well formed but of a type the bank cannot hold."""


class _Invalid(Exception):
    """The question is malformed."""


def _protect(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _PLACEHOLDER[m.group(1)], text)


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


def _rich(raw: str, default_format: str) -> str:
    """Convert one text field (still protected) into sanitised HTML."""
    match = _FORMAT_RE.match(raw)
    fmt = match.group(1) if match else default_format
    text = _restore(raw[match.end() :] if match else raw).strip()
    # Moodle's "moodle" auto-format allows HTML, so only plain/markdown escape.
    return plain_to_html(text) if fmt in ("plain", "markdown") else clean_html(text)


def _blocks(text: str):
    """Yield ([(line number, line), ...], comment lines) per question block.

    Blank lines separate questions; ``//`` lines are comments belonging to
    the block they sit in."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    content: list[tuple[int, str]] = []
    comments: list[str] = []
    for number, line in enumerate(lines + [""], 1):
        stripped = line.strip()
        if stripped.startswith("//"):
            comments.append(stripped)
        elif stripped:
            content.append((number, line))
        else:
            if content:
                yield content, comments
            content, comments = [], []


def _parse_options(body: str, fmt: str) -> tuple[str, list[Option]]:
    """Options of a ``~``/``=`` answer block, and whether it is single or multi."""
    chunks = re.split(r"(?=[=~])", body)
    if len(chunks) - 1 > MAX_OPTIONS:  # before any option is sanitised
        raise _Invalid(f"more than {MAX_OPTIONS} options")
    if chunks[0].strip():
        raise _Invalid(f"text {_restore(chunks[0].strip())!r} before the first ~ or =")
    options, weighted = [], False
    for chunk in chunks[1:]:
        marker, rest = chunk[0], chunk[1:]
        fraction = HUNDRED if marker == "=" else Decimal(0)
        weight = _WEIGHT_RE.match(rest) if marker == "~" else None
        if weight:
            try:
                fraction = Decimal(weight.group(1).strip())
            except InvalidOperation:
                raise _Invalid(f"bad weight %{_restore(weight.group(1))}%") from None
            weighted, rest = True, rest[weight.end() :]
        text, _, feedback = rest.partition("#")
        options.append(Option(_rich(text, fmt), fraction, _rich(feedback, fmt)))
    # Moodle: no "=" answer means several answers may be ticked.
    qtype = "multi" if weighted and "=" not in body else "single"
    return qtype, options


def _parse_truefalse(body: str, fmt: str) -> list[Option]:
    head, _, feedback = body.partition("#")
    wrong, _, right = feedback.partition("#")
    correct = _TF_WORDS[head.strip().upper()]
    right, wrong = _rich(right, fmt), _rich(wrong, fmt)
    return truefalse_options(correct, *((right, wrong) if correct else (wrong, right)))


def _classify(body: str) -> str:
    """Moodle's type detection order, applied to the answer block."""
    if not body:
        return "essay"
    if body.startswith("#"):
        return "numerical"
    if "~" in body:
        return "multichoice"
    if "=" in body and "->" in body:
        return "matching"
    if body.partition("#")[0].strip().upper() in _TF_WORDS:
        return "truefalse"
    return "short answer"


def _parse_question(raw: str, comments: list[str]) -> Question:
    text = _protect(strip_invalid_chars(raw)).strip()
    name = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            raise _Invalid("question name is missing its closing '::'")
        name, text = clean_name(_restore(text[2:end])), text[end + 2 :].strip()
    start, end = text.find("{"), text.find("}")
    if start < 0 and end < 0:
        raise _Unsupported("description (no answer block) is not supported")
    if end < 0 or (start >= 0 and "{" in text[start + 1 : end]):
        raise _Invalid("unclosed '{' in answer block")
    if start < 0 or end < start:
        raise _Invalid("'}' without a matching '{'")
    body, after = text[start + 1 : end], text[end + 1 :].strip()
    if "{" in after or "}" in after:
        raise _Invalid("more than one answer block")
    before = text[:start].strip()
    # Missing-word questions keep a blank where the answer block stood.
    stem = f"{before} _____ {after}".strip() if after else before
    match = _FORMAT_RE.match(stem)
    fmt = match.group(1) if match else "moodle"
    body, sep, general = body.rpartition("####") if "####" in body else (body, "", "")
    question = Question(name, "", _rich(stem, fmt), [], _rich(general, fmt) if sep else "")
    question.name = name or clean_name(html_to_plain(question.text)[:80])
    for comment in comments:
        question.tags += [clean_tag(t.replace("\\]", "]")) for t in _TAG_RE.findall(comment)]
        if found := _ID_RE.search(_TAG_RE.sub("", comment)):  # not an "[id:" inside a tag's own text
            question.idnumber = clean_name(found.group(1).replace("\\]", "]"))
        question.shuffle &= not _SHUFFLE_OFF_RE.search(_ID_RE.sub("", _TAG_RE.sub("", comment)))
    body = body.strip()
    kind = _classify(body)
    if kind == "multichoice":
        question.qtype, question.options = _parse_options(body, fmt)
    elif kind == "truefalse":
        question.qtype, question.options = "truefalse", _parse_truefalse(body, fmt)
    else:
        raise _Unsupported(f"{kind} questions are not supported")
    return question


def parse_gift(text: str, *, grades: str = "error") -> ParseReport:
    """Parse a GIFT file into a report of questions, skipped and invalid ones.

    ``grades`` is Moodle's "match grades" option: "error" refuses a grade Moodle does not list,
    "nearest" rounds it to the nearest listed grade and reports it in ``report.rounded``."""
    report, category = ParseReport(), ""
    for content, comments in _blocks(text.lstrip("\ufeff")):
        if len(report.questions) + len(report.skipped) + len(report.invalid) >= MAX_QUESTIONS:
            report.invalid.append(
                Problem(
                    "",
                    content[0][0],
                    f"a file can hold at most {MAX_QUESTIONS} questions: split it into smaller files",
                )
            )
            break
        first = content[0][1].strip()
        if first.startswith("$CATEGORY:"):
            # Categories become a tag on every following question.
            category = clean_tag(category_tag(first[len("$CATEGORY:") :]))
            content = content[1:]
            if not content:
                continue
        line = content[0][0]
        raw = "\n".join(part for _, part in content)
        try:
            question = _parse_question(raw, comments)
        except (_Unsupported, _Invalid) as exc:
            bucket = report.skipped if isinstance(exc, _Unsupported) else report.invalid
            bucket.append(Problem(_guess_name(raw), line, str(exc)))
            continue
        question.line = line
        question.tags = [t for t in dict.fromkeys([category, *question.tags]) if t]
        report.add(question, match_grades(question, grades))
    return report


def _guess_name(raw: str) -> str:
    """Best-effort name for a problem report (the ``::name::`` if present)."""
    match = re.match(r"\s*::(.*?)::", _protect(raw), re.S)
    return clean_name(_restore(match.group(1))) if match else raw.strip()[:40]


def _escape(text: str) -> str:
    for ch in "\\~=#{}:":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", "\\n")


def _field(text: str) -> str:
    # A field that itself starts with "[" would be read as a format marker.
    return ("[html]" if text.startswith("[") else "") + _escape(text)


def _export_question(q: Question) -> str:
    lines = ["// [id:{}]".format(q.idnumber.replace("]", "\\]"))] if q.idnumber else []
    lines += ["// [tag:{}]".format(tag.replace("]", "\\]")) for tag in q.tags]
    if not q.shuffle:
        lines.append("// [shuffle:false]")
    head = f"::{_escape(q.name)}::[html]{_escape(q.text)}"
    general = "####" + _field(q.explanation) if q.explanation else ""
    if q.qtype == "truefalse":
        correct = q.options[0].fraction == HUNDRED
        right, wrong = (q.options[0], q.options[1]) if correct else (q.options[1], q.options[0])
        answer = "TRUE" if correct else "FALSE"
        if wrong.feedback or right.feedback:
            answer += "#" + _field(wrong.feedback)
        if right.feedback:
            answer += "#" + _field(right.feedback)
        return "\n".join(lines + [head + "{" + answer + general + "}"])
    lines.append(head + "{")
    # "=" only in single choice, and never on every option: with no "~" at
    # all the block would read back as a short-answer question.
    all_full = q.qtype == "single" and all(o.fraction == HUNDRED for o in q.options)
    for index, option in enumerate(q.options, 1):
        if q.qtype == "single" and option.fraction == HUNDRED and not (all_full and index == len(q.options)):
            marker = "="
        elif option.fraction == 0 and not option.text.startswith("%"):
            marker = "~"  # text starting with % needs an explicit weight
        else:
            marker = f"~%{format(option.fraction.normalize(), 'f')}%"
        feedback = "#" + _field(option.feedback) if option.feedback else ""
        lines.append(f"\t{marker}{_field(option.text)}{feedback}")
    if general:
        lines.append("\t" + general)
    return "\n".join(lines + ["}"])


def export_gift(questions: list[Question]) -> str:
    """Serialise questions as GIFT; ``parse_gift`` reads the result back unchanged."""
    return "".join(_export_question(q) + "\n\n" for q in questions)
