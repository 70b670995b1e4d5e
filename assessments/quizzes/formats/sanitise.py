"""HTML sanitising for imported question text.

Question banks arrive from other systems (Moodle exports, hand-written GIFT
files) and their HTML is later rendered verbatim, so every rich-text field is
reduced to a small, inert subset of HTML before it enters a ``Question``.
"""

from __future__ import annotations

import html
import re

import nh3

# Formatting a question author plausibly needs; no images, tables, styles or
# scripts, because each of those is either an XSS vector or a layout hazard.
ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "b",
        "i",
        "u",
        "ul",
        "ol",
        "li",
        "a",
        "code",
        "pre",
        "sub",
        "sup",
        "blockquote",
    }
)
# "*": set() overrides ammonia's default generic attributes (lang, title).
ALLOWED_ATTRIBUTES = {"*": set(), "a": {"href"}}
# Relative links stay allowed; javascript:, data: and friends do not.
URL_SCHEMES = frozenset({"http", "https", "mailto"})

# Control characters (except tab/newline), lone surrogates and U+FFFE/U+FFFF
# are invalid in XML 1.0 or never meaningful in a question, so they are
# dropped rather than carried into exports.
_INVALID_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# The HTML parser may need several passes to settle (it drops one leading
# newline inside <pre> per pass); this bound is far above what real input needs.
_MAX_PASSES = 10


def strip_invalid_chars(text: str) -> str:
    """Remove characters that XML 1.0 cannot carry (tab and newline stay)."""
    return _INVALID_CHARS.sub("", text)


def _clean_once(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,  # we allow no target attribute, so rel is unnecessary
        strip_comments=True,
    )


def clean_html(fragment: str) -> str:
    """Return a sanitised, trimmed copy of an HTML fragment.

    ``<script>``/``<style>`` lose their content, ``on*`` and other attributes
    disappear, disallowed tags are unwrapped (their text kept), and bare text
    such as ``a < b & c`` comes back entity-escaped. The result is a fixed
    point: ``clean_html(clean_html(x)) == clean_html(x)``, which is what makes
    import/export round trips stable.
    """
    current = strip_invalid_chars(fragment.replace("\r\n", "\n").replace("\r", "\n")).strip()
    for _ in range(_MAX_PASSES):
        # Character references such as &#1; can reintroduce controls, so the
        # filter runs again on the parser's output.
        cleaned = strip_invalid_chars(_clean_once(current)).strip()
        if cleaned == current:
            return cleaned
        current = cleaned
    return current


def plain_to_html(text: str) -> str:
    """Convert plain text (GIFT ``[plain]``, Moodle ``plain_text``) to safe HTML.

    Like Moodle's own rendering of plain text, line breaks become ``<br>``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return clean_html(html.escape(text, quote=False).replace("\n", "<br>"))


def html_to_plain(fragment: str) -> str:
    """Text content of an HTML fragment, used to derive default question names."""
    return " ".join(html.unescape(nh3.clean(fragment, tags=set())).split())


def is_clean(fragment: str) -> bool:
    """True when ``fragment`` is already in sanitised canonical form."""
    return clean_html(fragment) == fragment
