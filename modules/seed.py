"""Install the site structure and the seed modules from modules/seed_content/*.json.

Idempotent: existing pages (matched by slug) are left as editors made them; only what is missing is added.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Page, PageViewRestriction, Site

from .models import FrameworkLevel, HomePage, LearningIndexPage, LessonPage, ModulePage, Topic

SEED_DIR = Path(__file__).resolve().parent / "seed_content"
NES_LEVELS = [
    ("informed", "Trauma-informed"),
    ("skilled", "Trauma-skilled"),
    ("enhanced", "Trauma-enhanced"),
    ("specialist", "Trauma-specialist"),
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


def _module_from(data, index, report):
    topic, _ = Topic.objects.get_or_create(name=data["topic"], defaults={"slug": slugify(data["topic"])})
    module = ModulePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if module is None:
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
        )
        module.framework_levels = list(
            FrameworkLevel.objects.filter(slug__in=data.get("framework_levels", []))
        )
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
    for order, (slug, name) in enumerate(NES_LEVELS):
        FrameworkLevel.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
    index = site_structure_ensure()
    documents = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(seed_dir.glob("*.json"))]
    modules = {data["slug"]: _module_from(data, index, report) for data in documents}
    for data in documents:
        wanted = [modules[s] for s in data.get("prerequisites", []) if s in modules]
        if wanted and not modules[data["slug"]].prerequisites.exists():
            modules[data["slug"]].prerequisites.set(wanted)
            _publish(modules[data["slug"]])
    return report
