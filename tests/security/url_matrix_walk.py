"""Walk the whole URL resolver and say which patterns the matrix does not cover, so a new view cannot be
forgotten: the project's own views (and the Wagtail admin screens for the project's models) need an entry by
URL name; third-party patterns need an entry or a prefix rule."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

PROJECT_PACKAGES = ("learning", "modules", "assessments", "certificates")
# Wagtail's admin screens for the project's own models (snippets and their choosers) are project patterns too.
PROJECT_SNIPPETS = re.compile(
    rf"^wagtailsnippet(?:s|choosers)_(?:{'|'.join(PROJECT_PACKAGES)}|organisations|"
    r"coverage|progress|accounts|core)_\w+:"
)


@dataclass(frozen=True)
class Route:
    name: str | None  # "namespace:name" for namespaced patterns
    route: str  # the full pattern text, e.g. "reflections/<int:entry_id>/"
    module: str  # where the view is defined
    urlconf: str  # the URLconf that lists it ("" for the root one)

    @property
    def key(self):
        """What an entry names: the URL name, or the pattern text of an unnamed pattern."""
        return self.name or self.route

    @property
    def is_project(self):
        return any(part.split(".")[0] in PROJECT_PACKAGES for part in (self.module, self.urlconf)) or bool(
            self.name and PROJECT_SNIPPETS.match(self.name)
        )


def _module_name(urlconf):
    return urlconf if isinstance(urlconf, str) else getattr(urlconf, "__name__", "")


def _view_module(callback):
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None) or callback
    return getattr(view, "__module__", "") or ""


def routes(urlconf=None):
    """Every pattern the resolver knows, includes followed."""
    found = []

    def walk(resolver, prefix, namespace, urlconf_name):
        for pattern in resolver.url_patterns:
            text = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = ":".join(part for part in (namespace, pattern.namespace) if part) or None
                walk(pattern, text, inner, _module_name(pattern.urlconf_name))
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
                module = _view_module(pattern.callback)
                found.append(Route(name=name, route=text, module=module, urlconf=urlconf_name))

    walk(get_resolver(urlconf), "", None, "")
    return found


def coverage_problems(entry_names, prefix_rules, urlconf=None):
    """(missing, stale): patterns without an entry, and entries naming no pattern."""
    all_routes = routes(urlconf)
    known = {r.key for r in all_routes}
    missing = []
    for route in all_routes:
        if route.key in entry_names:
            continue
        if route.is_project or not route.route.startswith(tuple(prefix_rules)):
            missing.append(f"{route.key} [{route.route}] from {route.module}")
    stale = sorted(name for name in entry_names if name not in known)
    return sorted(set(missing)), stale
