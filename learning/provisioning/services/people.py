"""Joiners, movers and leavers, as an organisation's identity provider reports them through SCIM.

A joiner gets an account (or their existing one, found by email) and an active learner membership; a mover
changes team; a leaver's membership ends (kept for reports), their account is deactivated when they belong to
no other organisation, and they are signed out everywhere. Memberships are written through the organisations
services, so their audit and coverage follow as for any other change."""

from dataclasses import dataclass, fields

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from learning.core.audit import audit_log
from learning.core.errors import ServiceError
from learning.organisations.models import Membership, Team
from learning.organisations.services import membership_upsert

from .. import actions
from ..models import ScimPerson
from .accounts import (
    account_address_verify,
    account_email_set,
    account_is_theirs,
    email_checked,
    sessions_end,
)


@dataclass
class PersonChanges:
    """What a SCIM request said about a person; None is "not said", so a PATCH changes only what it names."""

    user_name: str | None = None
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    external_id: str | None = None
    active: bool | None = None
    department: str | None = None

    def said(self) -> list:
        return [f.name for f in fields(self) if getattr(self, f.name) is not None]


def _membership(person) -> Membership | None:
    return Membership.objects.filter(user_id=person.user_id, organisation_id=person.organisation_id).first()


def membership_keep(membership, **changes) -> Membership:
    """Save `membership` through membership_upsert with its current roles, team and supervisor, changed only
    by `changes` (membership_upsert sets every field it is given; this keeps the ones nobody asked to
    change)."""
    values = {
        "team": membership.team,
        "job_title": membership.job_title,
        "is_learner": membership.is_learner,
        "is_supervisor": membership.is_supervisor,
        "is_lead": membership.is_lead,
        "supervisor": membership.supervisor,
        **changes,
    }
    return membership_upsert(user=membership.user, organisation=membership.organisation, actor=None, **values)


def _team_named(organisation, name: str) -> Team | None:
    name = name.strip()[: Team._meta.get_field("name").max_length]
    return Team.objects.get_or_create(organisation=organisation, name=name)[0] if name else None


def membership_team_set(membership, team) -> None:
    if membership.team_id == (team.pk if team else None):
        return
    old = membership.team_id
    membership_keep(membership, team=team)
    audit_log(
        membership,
        actions.TEAM_CHANGED,
        organisation_id=membership.organisation_id,
        old=old,
        new=team and team.pk,
    )


def _account_for(changes: PersonChanges):
    email = email_checked(changes.email or changes.user_name or "")
    user = get_user_model().objects.filter(email__iexact=email).first()
    if user is None:
        user = get_user_model().objects.create_user(
            email, first_name=changes.first_name or "", last_name=changes.last_name or ""
        )
        account_address_verify(user=user)
    return user


@transaction.atomic
def person_join(*, organisation, changes: PersonChanges) -> ScimPerson:
    """A joiner: their account, found by email or made (no password: they sign in through the organisation
    or set one with a reset link), an active membership (learner by default; an ended one resumes with its
    roles), and the SCIM resource that the identity provider will address them by."""
    if not changes.user_name:
        raise ServiceError(_("userName is required."), code="invalid")
    user = _account_for(changes)
    try:
        with transaction.atomic():
            person = ScimPerson.objects.create(
                organisation=organisation,
                user=user,
                user_name=changes.user_name,
                external_id=changes.external_id or "",
            )
    except IntegrityError as exc:
        raise ServiceError(_("This person is already provisioned here."), code="conflict") from exc
    membership = _membership(person)
    if membership is None:
        membership = membership_upsert(user=user, organisation=organisation, actor=None)
    elif not membership.is_active:
        membership = membership_keep(membership)
    _account_reopen(person)
    audit_log(person, actions.PERSON_JOINED, organisation_id=organisation.pk, membership=membership.pk)
    changes.user_name = changes.email = changes.external_id = None  # applied above
    return person_update(person=person, changes=changes)


@transaction.atomic
def person_update(*, person, changes: PersonChanges) -> ScimPerson:
    """A change of names, address, identifiers, team (the enterprise department) or of being active."""
    person = ScimPerson.objects.select_for_update().select_related("user", "organisation").get(pk=person.pk)
    user = person.user
    if changes.active is True:
        person_rejoin(person=person)
    if account_is_theirs(user=user, organisation=person.organisation):
        for field in ("first_name", "last_name"):
            if getattr(changes, field) is not None:
                setattr(user, field, getattr(changes, field)[:150])
        if changes.email is not None:
            account_email_set(user=user, email=changes.email)
        user.save()
    if changes.user_name is not None:
        person.user_name = changes.user_name
    if changes.external_id is not None:
        person.external_id = changes.external_id
    try:
        with transaction.atomic():
            person.save()
    except IntegrityError as exc:
        message = _("Another person here already has that userName or externalId.")
        raise ServiceError(message, code="conflict") from exc
    membership = _membership(person)
    if changes.department is not None and membership is not None:
        membership_team_set(membership, _team_named(person.organisation, changes.department))
    if changes.said():
        audit_log(person, actions.PERSON_UPDATED, organisation_id=person.organisation_id, said=changes.said())
    if changes.active is False:
        person_leave(person=person)
    return person


def _account_reopen(person) -> None:
    """A leaver's account, closed by provisioning, opens again when they rejoin (only while it is theirs: a
    platform account or one another organisation has is not provisioning's to open or close)."""
    user = person.user
    if not user.is_active and account_is_theirs(user=user, organisation=person.organisation):
        user.is_active = True
        user.save(update_fields=["is_active"])


def person_rejoin(*, person) -> None:
    membership = _membership(person)
    if membership is not None and membership.is_active:
        return
    membership = (
        membership_keep(membership)
        if membership
        else membership_upsert(user=person.user, organisation=person.organisation, actor=None)
    )
    _account_reopen(person)
    audit_log(
        person, actions.PERSON_REJOINED, organisation_id=person.organisation_id, membership=membership.pk
    )


@transaction.atomic
def person_leave(*, person, delete: bool = False) -> None:
    """A leaver: the membership ends (kept, inactive, for reports), the account is deactivated when the person
    belongs to no other organisation, and every session they have ends. `delete` (a SCIM DELETE) also forgets
    the SCIM resource, so the provider may provision the person again later as a joiner."""
    user, organisation_id = person.user, person.organisation_id
    membership = _membership(person)
    if membership is not None and membership.is_active:
        membership.is_active = False
        membership.save(
            update_fields=["is_active"]
        )  # a save, so coverage recounts (learning/coverage/signals)
        audit_log(membership, actions.PERSON_LEFT, organisation_id=organisation_id, person=person.scim_id)
    if user.is_active and account_is_theirs(user=user, organisation=person.organisation):
        user.is_active = False
        user.save(update_fields=["is_active"])
        audit_log(person, actions.ACCOUNT_DEACTIVATED, organisation_id=organisation_id)
    sessions_end(user=user)
    if delete:
        audit_log(person, actions.PERSON_DELETED, organisation_id=organisation_id)
        person.delete()
