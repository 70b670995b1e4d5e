"""Whose figures a coverage page shows: an organisation's workforce (a lead), or a supervisor's own staff, cut
by team, job title and module."""

from dataclasses import dataclass

from django.db.models.functions import Lower

from learning.organisations.models import Membership, Organisation
from learning.organisations.selectors import memberships_for_user

from ..models import Requirement


def organisation_people(*, organisation_id):
    """The user ids of everyone with a membership of the organisation, as a subquery: what the status
    subqueries are restricted to, so that counting one organisation reads only its own people's rows."""
    return Membership.objects.filter(organisation_id=organisation_id).order_by().values("user_id")


def workforce(*, organisation_id):
    """The people required training applies to: active memberships with the learner role."""
    return Membership.objects.active().learners().in_organisation(organisation_id)


@dataclass
class Scope:
    organisation: object
    supervisor: object = None  # a user: only the people they supervise in the organisation
    team: object = None
    job_title: str = ""
    module: object = None

    @property
    def is_stored(self) -> bool:
        """True when the stored rollups hold these figures (organisation and team cuts); otherwise they are
        counted live, with the same aggregate, over the few people in the cut."""
        return self.supervisor is None and not self.job_title

    def memberships(self):
        people = workforce(organisation_id=self.organisation.pk)
        if self.supervisor is not None:
            people = people.supervised_by(self.supervisor)
        if self.team is not None:
            people = people.filter(team=self.team)
        if self.job_title:
            people = people.alias(title=Lower("job_title")).filter(title=self.job_title.lower())
        return people

    def people(self):
        """The user ids the scope's requirements can belong to (see `organisation_people`)."""
        return organisation_people(organisation_id=self.organisation.pk)

    def requirements(self):
        requirements = Requirement.objects.filter(organisation=self.organisation)
        if self.module is not None:
            requirements = requirements.filter(module=self.module)
        if self.supervisor is not None or self.job_title:
            return requirements.filter(membership__in=self.memberships())
        if self.team is not None:
            requirements = requirements.filter(membership__team=self.team)
        return requirements


def scope_for(*, user, organisation, **filters):
    """The scope `user` may see in `organisation`, or None: the whole workforce for its leads (and admins),
    their own supervisees for a supervisor. The choice follows the rules in coverage/rules.py."""
    if user.has_perm("coverage.view_organisation", organisation):
        return Scope(organisation=organisation, **filters)
    if user.has_perm("coverage.view_staff", organisation):
        return Scope(organisation=organisation, supervisor=user, **filters)
    return None


def coverage_places(*, user) -> list[tuple]:
    """[(organisation, is_partnership_view)]: the dashboards a person can open, and the partnership views of
    the Alcohol and Drug Partnerships they lead."""
    if user.is_superuser:
        organisations = list(Organisation.objects.order_by("name"))
        return [(o, False) for o in organisations] + [
            (o, True) for o in organisations if o.kind == Organisation.Kind.ADP
        ]
    places = []
    for membership in memberships_for_user(user=user).order_by("organisation__name"):
        if membership.is_lead or membership.is_supervisor:
            places.append((membership.organisation, False))
        if membership.is_lead and membership.organisation.kind == Organisation.Kind.ADP:
            places.append((membership.organisation, True))
    return places
