"""Writes for the LTI tool: registering an LMS, signing in the people it launches, remembering the gradebook
column a launch came from, and sending a completion's score back to it (owed work until sent)."""

import hashlib
import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from lti_tool.models import Key, LtiDeployment, LtiRegistration, LtiUser

from learning.core.errors import ServiceError
from learning.core.tasks_queue import queue_after_commit
from learning.organisations.services import membership_upsert
from learning.progress.models import ModuleCompletion

from . import protocol, tasks
from .models import GradeLink, LmsRegistration, ScoreSent

logger = logging.getLogger(__name__)


@transaction.atomic
def lms_register(
    *, organisation, name, issuer, client_id, deployment_id, auth_url, token_url, keyset_url, actor
) -> LmsRegistration:
    """Register an LMS for `organisation`: its issuer and client id (unique together), the one deployment it
    launches from, and its login, token and key-set URLs. The tool's key pair is made on first use; the LMS
    reads its public half from the tool's JWKS URL."""
    if LtiRegistration.objects.filter(issuer=issuer, client_id=client_id).exists():
        raise ServiceError(_("An LMS with this issuer and client ID is registered already."), code="taken")
    registration = LtiRegistration(
        name=name,
        issuer=issuer,
        client_id=client_id,
        auth_url=auth_url,
        token_url=token_url,
        keyset_url=keyset_url,
    )
    try:
        registration.full_clean()
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages)) from exc
    registration.save()
    LtiDeployment.objects.create(registration=registration, deployment_id=deployment_id, is_active=True)
    if not Key.objects.active().exists():
        Key.objects.generate()
    return LmsRegistration.objects.create(
        registration=registration, organisation=organisation, registered_by=actor
    )


def _email_for(lti_user) -> str:
    """The address the LMS gave, when it is valid and nobody here uses it; otherwise one that can receive
    nothing (.invalid), unique to this LMS person. An LMS never claims an existing account by its address."""
    User = get_user_model()
    email = (lti_user.email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        email = ""
    if email and not User.objects.filter(email__iexact=email).exists():
        return email
    digest = hashlib.sha256(f"{lti_user.registration_id}:{lti_user.sub}".encode()).hexdigest()[:24]
    return f"lti-{digest}@lti.invalid"


@transaction.atomic
def launch_user_account(*, lti_user_id: int):
    """The account an LMS person signs in as: the one linked to their LTI `sub` for this registration, or a
    learner account in the organisation that registered the LMS (linked from then on)."""
    lti_user = LtiUser.objects.select_for_update(of=("self",)).select_related("auth_user").get(pk=lti_user_id)
    if lti_user.auth_user_id:
        if not lti_user.auth_user.is_active:
            raise ServiceError(_("The account this LMS links you to is closed."), code="inactive")
        return lti_user.auth_user
    lms = LmsRegistration.objects.select_related("organisation").filter(
        registration_id=lti_user.registration_id
    )
    lms = lms.first()
    if lms is None:
        raise ServiceError(_("This LMS is not registered with an organisation."), code="unregistered")
    user = get_user_model().objects.create_user(
        email=_email_for(lti_user), first_name=lti_user.given_name[:150], last_name=lti_user.family_name[:150]
    )
    membership_upsert(user=user, organisation=lms.organisation, is_learner=True)
    lti_user.auth_user = user
    lti_user.save(update_fields=["auth_user", "datetime_modified"])
    return user


def grade_link_record(*, lti_user, user, module, ags_claim) -> GradeLink | None:
    """Remember the gradebook column (AGS line item) a module was launched from, when the LMS lets the tool
    post scores to it. A module already completed owes its score there at once."""
    ags_claim = ags_claim or {}
    lineitem_url = ags_claim.get("lineitem")
    if not lineitem_url or protocol.SCORE_SCOPE not in ags_claim.get("scope", []):
        return None
    try:
        with transaction.atomic():
            link, _created = GradeLink.objects.update_or_create(
                lti_user=lti_user, module=module, lineitem_url=lineitem_url, defaults={"user": user}
            )
    except IntegrityError:  # the same launch twice at once
        link = GradeLink.objects.get(lti_user=lti_user, module=module, lineitem_url=lineitem_url)
    completion = (
        ModuleCompletion.objects.filter(user=user, module=module, status=ModuleCompletion.Status.ACTIVE)
        .order_by("-cycle")
        .first()
    )
    if completion and not link.scores_sent.filter(completion=completion).exists():
        queue_after_commit(tasks.lti_scores_send, completion.pk)
    return link


def scores_send(*, completion_id: int) -> int:
    """Send a completion's score to every line item it is owed to (each GradeLink of that person and module
    without a ScoreSent for it); returns how many were sent now. Each send holds its link's row lock until the
    ScoreSent commits, so two runs never both send."""
    completion = ModuleCompletion.objects.filter(
        pk=completion_id, status=ModuleCompletion.Status.ACTIVE
    ).first()
    if completion is None:
        return 0
    owed = GradeLink.objects.filter(user_id=completion.user_id, module_id=completion.module_id).exclude(
        scores_sent__completion=completion
    )
    sent = 0
    for link_id in owed.values_list("pk", flat=True):
        with transaction.atomic():
            link = (
                GradeLink.objects.select_for_update().select_related("lti_user__registration").get(pk=link_id)
            )
            if ScoreSent.objects.filter(grade_link=link, completion=completion).exists():
                continue
            protocol.score_publish(
                registration=link.lti_user.registration,
                lineitem_url=link.lineitem_url,
                sub=link.lti_user.sub,
                score_given=completion.quiz_score,
                timestamp=completion.completed_at,
            )
            ScoreSent.objects.create(
                grade_link=link, completion=completion, score_given=completion.quiz_score
            )
        sent += 1
    return sent
