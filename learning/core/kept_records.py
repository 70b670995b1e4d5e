"""Why the Wagtail admin may not delete a snippet or a page: records that must be kept refer to it (learners'
attempts keep a quiz, enrolments and completions keep a module page, module pages keep a topic). The database
would refuse (on_delete=PROTECT) with a server error; Wagtail's own check, its reference index, sees pages and
snippets but never learners' records.

Django's deletion collector (the one Django's admin uses to show what a delete would take) finds every
protected or restricted row however deep, so this module names no other app. A snippet viewset may add a
sentence of advice as `kept_records_advice`."""

from collections import Counter

from django.contrib.admin.utils import NestedObjects, model_ngettext
from django.db import router
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext as _
from wagtail.models import Page


def _kept_by(objects) -> str:
    """The records that keep `objects` (one model's) from being deleted, e.g. "2 attempts"; "" if none."""
    objects = list(objects)
    collector = NestedObjects(using=router.db_for_write(type(objects[0])))
    collector.collect(objects)
    counts = Counter(type(record) for record in collector.protected)
    return get_text_list(
        sorted(f"{count} {model_ngettext(model, count)}" for model, count in counts.items()), _("and")
    )


def kept_reason(thing) -> str:
    """Why deleting `thing` (a snippet; or a page, which goes with its subpages) would be refused, or ""."""
    if isinstance(thing, Page):
        name = thing.specific_class._meta.verbose_name
        deleted = Page.objects.descendant_of(thing, inclusive=True)
    else:
        name, deleted = thing._meta.verbose_name, [thing]
    if not (kept := _kept_by(deleted)):
        return ""
    return _("%(model)s “%(object)s” cannot be deleted: it has %(records)s, which must be kept.") % {
        "model": capfirst(name),
        "object": thing,
        "records": kept,
    }


def kept_advice(model) -> str:
    """What to do instead of deleting."""
    if issubclass(model, Page):
        return _("Unpublish instead.")
    return str(getattr(getattr(model, "snippet_viewset", None), "kept_records_advice", ""))


def kept_message(reasons, model, *, several=False) -> str:
    """The message for the person: the reasons, and what to do instead; `several` for a bulk delete."""
    parts = [_("Nothing was deleted.")] if several else []
    return " ".join([*parts, *reasons, kept_advice(model)]).strip()
