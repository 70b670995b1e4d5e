"""Install the site structure and the seed modules from modules/seed_content/*.json.

Idempotent: existing pages (matched by slug) are left as editors made them; only what is missing is added.
One exception: a seed module with no framework mapping at all gets the JSON's mappings, so a database seeded
before framework mappings existed (their migration dropped the old, unjustified claims) claims its levels
again.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Page, PageViewRestriction, Site

from .models import (
    FrameworkLevel,
    FrameworkMapping,
    HomePage,
    LearningIndexPage,
    LessonPage,
    ModulePage,
    Topic,
)

SEED_DIR = Path(__file__).resolve().parent / "seed_content"
NES_TRAUMA = "NES Transforming Psychological Trauma"
# (slug, framework, level name), in each framework's order. The seed JSON's framework_mappings name the slugs.
FRAMEWORK_LEVELS = [
    ("informed", NES_TRAUMA, "Trauma-informed"),
    ("skilled", NES_TRAUMA, "Trauma-skilled"),
    ("enhanced", NES_TRAUMA, "Trauma-enhanced"),
    ("specialist", NES_TRAUMA, "Trauma-specialist"),
    ("safe-and-together-introduction", "Safe and Together Model", "Introduction"),
    ("girfec-introduction", "GIRFEC National Practice Model", "Introduction"),
    (
        "whole-family-introduction",
        "Whole Family Approach and Family Inclusive Practice framework (2021)",
        "Introduction",
    ),
]
HOME_INTRO = (
    "<p>Whole Family Learning is the training platform for people in Scotland who work with families "
    "affected by alcohol and drugs. Take short modules on family-inclusive practice, trauma-informed care, "
    "the Safe and Together model and GIRFEC; check your understanding with a quiz; reflect on your practice "
    "with your supervisor; and download a certificate when you complete.</p>"
)


@dataclass
class SeedReport:
    created: list = field(default_factory=list)

    def add(self, page):
        self.created.append(page)


def _publish(page):
    page.save_revision().publish()
    return page


def site_structure_ensure() -> LearningIndexPage:
    """A HomePage as the default site's root, with a sign-in-only learning index below it."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        for default in root.get_children().filter(content_type__model="page", slug="home"):
            default.delete()
        home = root.add_child(instance=HomePage(title="Whole Family Learning", slug="home", intro=HOME_INTRO))
        _publish(home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Whole Family Learning"},
    )
    index = LearningIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=LearningIndexPage(
                title="Learning modules",
                slug="learning",
                intro="<p>Modules for the whole workforce. Sign in to start one.</p>",
            )
        )
        _publish(index)
        PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    return index


def _rich(text):
    return text if text.lstrip().startswith("<") else f"<p>{escape(text)}</p>"


def _block(item):
    """Turn one JSON body item into a StreamField (type, value) pair."""
    kind, value = item["type"], item["value"]
    if kind == "paragraph":
        return ("rich_text", value)
    if kind in ("callout", "case_study"):
        value = {**value, "text": _rich(value["text"])}
        return (kind, value)
    if kind == "accordion":
        return ("accordion", [{"title": v["title"], "text": _rich(v["text"])} for v in value])
    return (kind, value)


def _mappings_from(data):
    """Unsaved FrameworkMappings for the JSON's `framework_mappings`, checked as the admin form checks
    them."""
    items = data.get("framework_mappings", [])
    levels = FrameworkLevel.objects.in_bulk([item["level"] for item in items], field_name="slug")
    mappings = []
    for order, item in enumerate(items):
        if item["level"] not in levels:
            raise ValueError(f"{data['slug']}: no framework level {item['level']!r}")
        mapping = FrameworkMapping(
            level=levels[item["level"]],
            justification=item["justification"],
            sort_order=order,
        )
        mapping.full_clean(exclude=["module"])
        mappings.append(mapping)
    return mappings


def _mappings_restore(module, data):
    """Give an existing seed module the JSON's mappings when it has none (see the module docstring). Written
    as rows, not as a new revision, so an editor's pending draft is left alone; a revision saved before the
    mappings existed holds none of its own, so the edit form shows these rows."""
    if module.framework_mappings.exists():
        return
    for mapping in _mappings_from(data):
        mapping.module = module
        mapping.save()


def _module_from(data, index, report):
    topic, _ = Topic.objects.get_or_create(name=data["topic"], defaults={"slug": slugify(data["topic"])})
    module = ModulePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if module is not None:
        _mappings_restore(module, data)
    else:
        module = ModulePage(
            title=data["title"],
            slug=data["slug"],
            topic=topic,
            summary=data["summary"],
            learning_outcomes=[("outcome", o) for o in data["learning_outcomes"]],
            estimated_minutes=data["estimated_minutes"],
            content_note=_rich(data.get("content_note", "")),
            reflective_prompt=data.get("reflective_prompt", ""),
            references=[("reference", r) for r in data.get("references", [])],
            require_signed_reflection=data.get("require_signed_reflection", False),
            cpd_minutes=data.get("cpd_minutes"),
            follow_up_after_weeks=data.get("follow_up_after_weeks"),
            validity_months=data.get("validity_months"),
        )
        module.framework_mappings = _mappings_from(data)
        module.tags.add(*data.get("framework_tags", []))
        index.add_child(instance=module)
        _publish(module)
        report.add(module)
    for lesson_data in data["lessons"]:
        if not LessonPage.objects.child_of(module).filter(slug=lesson_data["slug"]).exists():
            lesson = module.add_child(
                instance=LessonPage(
                    title=lesson_data["title"],
                    slug=lesson_data["slug"],
                    estimated_minutes=lesson_data["estimated_minutes"],
                    body=[_block(item) for item in lesson_data["body"]],
                )
            )
            _publish(lesson)
            report.add(lesson)
    return module


@transaction.atomic
def seed_modules_install(*, seed_dir: Path = SEED_DIR) -> SeedReport:
    report = SeedReport()
    for order, (slug, framework, name) in enumerate(FRAMEWORK_LEVELS):
        FrameworkLevel.objects.get_or_create(
            slug=slug, defaults={"framework": framework, "name": name, "order": order}
        )
    index = site_structure_ensure()
    documents = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(seed_dir.glob("*.json"))]
    modules = {data["slug"]: _module_from(data, index, report) for data in documents}
    for data in documents:
        wanted = [modules[s] for s in data.get("prerequisites", []) if s in modules]
        if wanted and not modules[data["slug"]].prerequisites.exists():
            modules[data["slug"]].prerequisites.set(wanted)
            _publish(modules[data["slug"]])
    return report
