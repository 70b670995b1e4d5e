"""Reflective entries: start, save as you type, submit to the supervisor (with a privacy check), withdraw,
delete.

Every write locks the row and asks assessments/rules.py first, so a signed-off entry cannot be changed however
the request arrives (an old tab's autosave, a replayed form). The review steps are in services/reviews.py.
"""

import rules
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import ReflectionComment, ReflectionExport, ReflectiveEntry
from assessments.practice.identifiers import Finding, identifiers_in_entry
from assessments.practice.reflection_templates import CODE_RELEVANCE, stages_of
from assessments.practice.selectors.reflections import reflection_reviewer
from assessments.practice.services.notifications import notification_send
from learning.core.errors import ServiceError
from learning.core.retention import stored_files_delete

STAGE_MAX_CHARS = 20000


class IdentifiersFound(ServiceError):
    """The entry may identify someone; the author is asked to anonymise it or confirm."""

    def __init__(self, findings: list[Finding]):
        super().__init__(_("Your reflection may include details that identify someone."), code="identifiers")
        self.findings = findings


class IncompleteReflection(ServiceError):
    """Some stages are empty; a reflection is submitted whole."""

    def __init__(self, stages):
        super().__init__(
            _("Write something for each part before you submit: %(parts)s.")
            % {"parts": ", ".join(str(stage.label) for stage in stages)},
            code="incomplete",
        )
        self.stages = stages


def locked_entry(entry) -> ReflectiveEntry:
    # of=("self",): PostgreSQL refuses FOR UPDATE on the nullable side of the join to the supervisor.
    return (
        ReflectiveEntry.objects.select_for_update(of=("self",))
        .select_related(
            "membership__supervisor__user",
            "membership__organisation",
            "module",
            "author",
            "submitted_to__user",
            "submitted_to__organisation",
        )
        .get(pk=entry.pk)
    )


def require_rule(rule, user, entry):
    if rules.test_rule(rule, user, entry):
        return
    if entry.is_locked and rules.test_rule("assessments.view_entry", user, entry):
        raise ServiceError(
            _("This reflection has been signed off, so it can no longer be changed."), code="locked"
        )
    raise ServiceError(_("You cannot do that with this reflection now."), code="forbidden")


def about(entry) -> str:
    """How notifications name an entry without repeating anything the author wrote."""
    if entry.module_id:
        return _("your reflection on %(module)s") % {"module": entry.module.title}
    return _("your reflection from practice")


@transaction.atomic
def reflection_create(*, author, membership, template, module=None, title="") -> ReflectiveEntry:
    """Start a private draft filed under one of the author's memberships, answering `module`'s prompt if
    given."""
    if membership.user_id != author.pk or not membership.is_active:
        raise ServiceError(_("Choose one of your own organisations."))
    entry = ReflectiveEntry(
        author=author,
        membership=membership,
        template=template,
        module=module,
        title=title.strip(),
        prompt=module.reflective_prompt if module else "",
    )
    try:
        entry.full_clean()
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages)) from exc
    entry.save()
    return entry


@transaction.atomic
def reflection_save(*, entry, user, title: str, stages: dict, code_themes=None) -> ReflectiveEntry:
    """Save the author's text as it stands (the autosave and the Save draft button both call this).

    Only the template's stages and the optional relevance to a professional code are kept; a partial draft is
    fine. `code_themes` (NMC Code theme keys) replaces the choice when given. Refused once the entry is
    submitted or signed off."""
    entry = locked_entry(entry)
    require_rule("assessments.edit_entry", user, entry)
    keys = [stage.key for stage in stages_of(entry.template)]
    cleaned = {key: (stages.get(key) or "").replace("\r\n", "\n") for key in keys}
    relevance = (stages.get(CODE_RELEVANCE.key) or "").replace("\r\n", "\n")
    if relevance:  # optional: stored only when written
        cleaned[CODE_RELEVANCE.key] = relevance
    if any(len(text) > STAGE_MAX_CHARS for text in cleaned.values()):
        raise ServiceError(
            _("Each part can be up to %(n)s characters.") % {"n": STAGE_MAX_CHARS}, code="too_long"
        )
    entry.title = (title or "").strip()[:200] or entry.title
    entry.stages = cleaned
    if code_themes is not None:
        entry.code_themes = list(code_themes)
        try:
            entry.clean()
        except ValidationError as exc:
            raise ServiceError(" ".join(exc.messages), code="invalid") from exc
    entry.save(update_fields=["title", "stages", "code_themes", "updated_at"])
    return entry


@transaction.atomic
def reflection_submit(*, entry, user, anonymised_confirmed=False) -> ReflectiveEntry:
    """Send the entry to the author's current supervisor in its organisation, who alone then reviews it (a
    resubmission after changes goes to whoever supervises the author now, which may be someone new).

    Every stage must be written. If the text looks as if it names or identifies someone, IdentifiersFound is
    raised unless the author has confirmed they checked it: a warning, never a block."""
    entry = locked_entry(entry)
    require_rule("assessments.submit_entry", user, entry)
    missing = [stage for stage, text in entry.stage_rows if not text.strip()]
    if missing:
        raise IncompleteReflection(missing)
    supervisor = reflection_reviewer(entry=entry)
    if supervisor is None:
        raise ServiceError(
            _(
                "You have no supervisor recorded at %(org)s, so this cannot be sent for review yet. "
                "Your workforce lead can add one."
            )
            % {"org": entry.membership.organisation},
            code="no_supervisor",
        )
    findings = identifiers_in_entry(title=entry.title, stages=entry.stages)
    if findings and not anonymised_confirmed:
        raise IdentifiersFound(findings)
    entry.status, entry.submitted_at = ReflectiveEntry.Status.SUBMITTED, timezone.now()
    entry.submitted_to = supervisor
    entry.save(update_fields=["status", "submitted_at", "submitted_to", "updated_at"])
    ReflectionComment.objects.create(entry=entry, author=user, kind=ReflectionComment.Kind.SUBMITTED)
    notification_send(
        user=supervisor.user,
        url=reverse("reflection_detail", args=[entry.pk]),
        message=_("%(name)s sent you a reflection to review.") % {"name": entry.author},
    )
    return entry


@transaction.atomic
def reflection_withdraw(*, entry, user) -> ReflectiveEntry:
    """Take a submitted entry back to draft (for example, to remove a name) before the supervisor reviews
    it."""
    entry = locked_entry(entry)
    require_rule("assessments.withdraw_entry", user, entry)
    reviewer = entry.submitted_to  # told, since it was with them; a draft is then with nobody
    entry.status, entry.submitted_to = ReflectiveEntry.Status.DRAFT, None
    entry.save(update_fields=["status", "submitted_to", "updated_at"])
    ReflectionComment.objects.create(entry=entry, author=user, kind=ReflectionComment.Kind.WITHDRAWN)
    if reviewer is not None:
        notification_send(
            user=reviewer.user,
            url=reverse("review_queue"),
            message=_("%(name)s withdrew a reflection they had sent you.") % {"name": entry.author},
        )
    return entry


@transaction.atomic
def reflection_delete(*, entry, user) -> None:
    """Delete a draft (one withdrawn from review included); nothing in review or signed off is ever deleted.
    Every PDF export that holds its text goes with it, files included, even one made of several entries."""
    entry = locked_entry(entry)
    require_rule("assessments.delete_entry", user, entry)
    exports = list(ReflectionExport.objects.filter(entries=entry).values_list("pk", "file_path"))
    ReflectionExport.objects.filter(pk__in=[pk for pk, _path in exports]).delete()
    stored_files_delete(path for _pk, path in exports)
    entry.delete()
