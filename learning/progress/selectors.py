"""Reads of learner progress, built so that a page costs the same number of queries for 5 or 50 modules."""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, Q

from modules.caching import content_version
from modules.models import FrameworkMapping, LessonPage, ModulePage

from .models import Enrolment, LessonCompletion, ModuleCompletion

# How long content cached under a content version is kept (a new version ends it sooner).
OUTLINE_SECONDS = 3600


@dataclass
class ModuleProgress:
    lessons: list = field(default_factory=list)
    done_ids: set = field(default_factory=set)

    @property
    def total(self):
        return len(self.lessons)

    @property
    def done(self):
        return sum(1 for lesson in self.lessons if lesson.pk in self.done_ids)

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_complete(self):
        return self.total > 0 and self.done == self.total

    @property
    def next_lesson(self):
        """Where to resume: the first lesson not yet completed, else the first lesson."""
        remaining = [lesson for lesson in self.lessons if lesson.pk not in self.done_ids]
        return (remaining or self.lessons or [None])[0]

    @property
    def minutes_left(self):
        return sum(lesson.estimated_minutes for lesson in self.lessons if lesson.pk not in self.done_ids)


def lessons_by_module(modules):
    """Live lessons of each module, in editor order, in one query."""
    modules = list(modules)
    result = {module.pk: [] for module in modules}
    if not modules:
        return result
    by_path = {module.path: module.pk for module in modules}
    steplen = ModulePage.steplen
    prefix_filter = reduce(or_, (Q(path__startswith=path) for path in by_path))
    depths = {module.depth + 1 for module in modules}
    lessons = LessonPage.objects.live().filter(prefix_filter, depth__in=depths).order_by("path")
    for lesson in lessons.only(
        "id", "title", "path", "depth", "url_path", "slug", "estimated_minutes", "live"
    ):
        module_id = by_path.get(lesson.path[: len(lesson.path) - steplen])
        if module_id is not None:
            result[module_id].append(lesson)
    return result


def live_lessons(*, version) -> dict:
    """{module id: its live lessons in editor order} for every live module, cached under the content version
    (modules.caching): the lessons a catalogue or My learning shows cost no query."""
    return cache.get_or_set(
        f"progress:live-lessons:{version}",
        lambda: lessons_by_module(ModulePage.objects.live().only("id", "path", "depth")),
        OUTLINE_SECONDS,
    )


# What a module card or a list row shows of a module: its title and URL, topic, summary and minutes.
CARD_FIELDS = ("title", "slug", "url_path", "path", "depth", "live", "locale", "summary", "estimated_minutes")


def live_modules(*, version) -> dict:
    """{module id: module} of every live module in title order, read with only the fields of a card and its
    topic, cached under the content version: the catalogue, My learning and the assigned panel show their
    modules without reading the page tree or parsing a module's content."""

    def read():
        modules = ModulePage.objects.live().select_related("topic").only(*CARD_FIELDS, "topic")
        return {module.pk: module for module in modules.order_by("title")}

    return cache.get_or_set(f"progress:live-modules:{version}", read, OUTLINE_SECONDS)


def progress_for_modules(*, user, modules):
    """{module id: ModuleProgress} for one person: one query for their completions whatever the number of
    modules, and one more only for a module not live (an editor's preview of a draft)."""
    if not modules:
        return {}
    known = live_lessons(version=content_version())
    lessons = {module.pk: known[module.pk] for module in modules if module.pk in known}
    lessons.update(lessons_by_module([module for module in modules if module.pk not in known]))
    return _progress(user=user, lessons=lessons)


def _progress(*, user, lessons):
    """{module id: ModuleProgress} from each module's lessons, with the person's completions (one query)."""
    done = {}
    if user.is_authenticated:
        rows = LessonCompletion.objects.filter(
            enrolment__user=user, enrolment__module__in=list(lessons), cycle=F("enrolment__cycle")
        ).values_list("enrolment__module_id", "lesson_id")
        for module_id, lesson_id in rows:
            done.setdefault(module_id, set()).add(lesson_id)
    return {
        module_id: ModuleProgress(items, done.get(module_id, set())) for module_id, items in lessons.items()
    }


def module_progress(*, enrolment):
    return progress_for_modules(user=enrolment.user, modules=[enrolment.module])[enrolment.module_id]


def enrolments_without_completion():
    """Enrolments with a lesson done in their current cycle but no completion recorded for it: where the
    nightly repair looks for a completion rule met but not recorded."""
    this_cycle = {"enrolment": OuterRef("pk"), "cycle": OuterRef("cycle")}
    recorded = {"user": OuterRef("user"), "module": OuterRef("module"), "cycle": OuterRef("cycle")}
    return Enrolment.objects.filter(
        Exists(LessonCompletion.objects.filter(**this_cycle)),
        ~Exists(ModuleCompletion.objects.filter(**recorded)),
    ).order_by("pk")


def completed_module_ids(*, user):
    """Modules this person has completed (met the completion rule), now or in an earlier cycle."""
    if not user.is_authenticated:
        return set()
    return set(ModuleCompletion.objects.filter(user=user).values_list("module_id", flat=True))


def prerequisites_missing(*, user, module):
    done = completed_module_ids(user=user)
    # Read ids through the page's own relation (it may hold unsaved edits), then fetch the live pages.
    wanted = [m.pk for m in module.prerequisites.all()]
    return [m for m in ModulePage.objects.live().filter(pk__in=wanted).order_by("title") if m.pk not in done]


def _modules_queryset():
    return (
        ModulePage.objects.live()
        .select_related("topic")
        .prefetch_related("framework_levels", "prerequisites")
    )


def _filtered_modules(*, topic, level):
    modules = _modules_queryset().order_by("title")
    if topic:
        modules = modules.filter(topic=topic)
    if level:
        modules = modules.filter(framework_levels=level)
    return modules


def module_overview(*, module_id):
    """A published module as the public catalogue describes it, with its number of lessons; None if there is
    no such module."""
    module = _modules_queryset().filter(pk=module_id).first()
    if module is not None:
        module.lesson_count = LessonPage.objects.child_of(module).live().count()
    return module


def catalogue_search(*, user, query="", topic=None, level=None):
    """Published modules matching the filters, with this person's progress on each."""
    if query:
        modules = list(_filtered_modules(topic=topic, level=level).search(query, operator="or"))
    else:  # the same for everyone until the content changes: filtered in memory
        at_level = set(
            FrameworkMapping.objects.filter(level=level).values_list("module_id", flat=True) if level else ()
        )
        modules = [
            module
            for module in live_modules(version=content_version()).values()
            if (not topic or module.topic_id == topic.pk) and (not level or module.pk in at_level)
        ]
    progress = progress_for_modules(user=user, modules=modules)
    enrolled = (
        set(Enrolment.objects.filter(user=user).values_list("module_id", flat=True))
        if user.is_authenticated
        else set()
    )
    return [{"module": m, "progress": progress[m.pk], "enrolled": m.pk in enrolled} for m in modules]


def my_learning(*, user):
    """The dashboard: modules in progress and completed, each with progress and where to resume. (The
    training assigned to the person is coverage's panel on the page: coverage_tags.assigned_panel.)"""
    modules = live_modules(version=content_version())
    enrolments = list(
        Enrolment.objects.filter(user=user, module__in=list(modules)).order_by("-last_activity_at")
    )
    for enrolment in enrolments:
        enrolment.module = modules[enrolment.module_id]
    progress = progress_for_modules(user=user, modules=[e.module for e in enrolments])
    completions = {
        (c.module_id, c.cycle): c
        for c in ModuleCompletion.objects.filter(user=user, module__in=[e.module_id for e in enrolments])
    }
    rows = [
        {
            "enrolment": e,
            "module": e.module,
            "progress": progress[e.module_id],
            "completion": completions.get((e.module_id, e.cycle)),
        }
        for e in enrolments
    ]
    # Completed means the module's whole rule is met (lessons, quiz, reflection), not only its lessons.
    return {
        "in_progress": [r for r in rows if r["completion"] is None],
        "completed": [r for r in rows if r["completion"] is not None],
    }


def module_detail_for(*, module, user):
    progress = progress_for_modules(user=user, modules=[module])[module.pk]
    enrolment = Enrolment.objects.filter(user=user, module=module).first() if user.is_authenticated else None
    completion = (
        ModuleCompletion.objects.filter(user=user, module=module, cycle=enrolment.cycle).first()
        if enrolment
        else None
    )
    return {
        "progress": progress,
        "enrolment": enrolment,
        "completion": completion,
        "prerequisites_missing": prerequisites_missing(user=user, module=module)
        if user.is_authenticated
        else [],
    }


def module_outline(*, lesson, version):
    """The lesson's module and its live lessons in editor order (what a lesson page shows of them), cached
    under the content version: publishing, moving or deleting any page gives a new one."""
    parent_path = lesson.path[: -ModulePage.steplen]
    key = f"progress:outline:{parent_path}:{version}"
    outline = cache.get(key)
    if outline is None:
        module = ModulePage.objects.only("id", "title", "path", "depth", "url_path", "slug", "live")
        module = module.get(path=parent_path)
        outline = (module, lessons_by_module([module])[module.pk])
        cache.set(key, outline, OUTLINE_SECONDS)
    return outline


def lesson_detail_for(*, lesson, user):
    version = content_version()
    module, lessons = module_outline(lesson=lesson, version=version)
    progress = _progress(user=user, lessons={module.pk: lessons})[module.pk]
    position = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), 0)
    return {
        "module": module,
        "progress": progress,
        "lesson_number": position + 1,
        "previous_lesson": lessons[position - 1] if position > 0 else None,
        "next_lesson_in_order": lessons[position + 1] if position + 1 < len(lessons) else None,
        "is_done": lesson.pk in progress.done_ids,
        "content_version": version,  # the lesson body's cached rendering is keyed by it
    }
