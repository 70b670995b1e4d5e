"""What axe finds in Wagtail's own admin widgets, fixed from our side until Wagtail fixes it (issue #15,
finding 10): a script that names the rich-text box, the tag input, StreamField block inputs and the
dashboard summary, and a style that keeps the folded minimap from scrolling out of the keyboard's reach.

Here in learning.core, the lowest layer, because the faults are Wagtail's and reach every app's forms alike
(modules, quizzes, snippets); it knows nothing of any of them. Registered by importing it from this app's
wagtail_hooks.py. static/js/admin-a11y.js says which upstream issue each fix stands in for."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def admin_a11y_script():
    return format_html('<script src="{}" defer></script>', static("js/admin-a11y.js"))


@hooks.register("insert_global_admin_css")
def admin_a11y_style():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-a11y.css"))
