"""Deleting pages, and deleting snippets in bulk, is refused with the reason while records that must be kept
refer to them (kept_records.py), instead of failing with a server error. A snippet's own delete screen says so
itself (snippets.DeleteView)."""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from . import admin_a11y  # noqa: F401  (registers its admin hooks)
from .kept_records import kept_message, kept_reason


def _refuse(request, message, fallback_url):
    messages.error(request, message)
    return redirect(get_valid_next_url_from_request(request) or fallback_url)


@hooks.register("before_delete_page")
def refuse_deleting_kept_pages(request, page):
    """Runs before the page's delete screen, on GET and POST: back to the page's editor, saying why."""
    if reason := kept_reason(page):
        editor = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return _refuse(request, kept_message([reason], Page), editor)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_kept_records(request, action_type, objects, action_class_instance):
    """Runs when a bulk delete of pages or snippets is confirmed: nothing is deleted if anything is kept."""
    model = action_class_instance.model
    if action_type != "delete" or not (issubclass(model, Page) or model in get_snippet_models()):
        return None  # people are learning/accounts/wagtail_hooks.py's
    if reasons := [reason for obj in objects if (reason := kept_reason(obj))]:
        return _refuse(request, kept_message(reasons, model, several=True), action_class_instance.next_url)
    return None
