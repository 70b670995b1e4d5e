"""The cmi5 export in the Wagtail admin: a "Download as cmi5 package" item in a live module's menu, for
those the export permission lets in (rules.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from modules.models import ModulePage


def _cmi5_button(page, user, priority):
    module_page = page.specific_class is not None and issubclass(page.specific_class, ModulePage)
    if module_page and page.live and user.has_perm("xapi.export_cmi5", page):
        yield Button(
            _("Download as cmi5 package"),
            reverse("cmi5_export", args=[page.pk]),
            icon_name="download",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def cmi5_header_button(page, user, view_name=None, next_url=None):
    yield from _cmi5_button(page, user, priority=80)


@hooks.register("register_page_listing_more_buttons")
def cmi5_listing_button(page, user, next_url=None):
    yield from _cmi5_button(page, user, priority=70)
