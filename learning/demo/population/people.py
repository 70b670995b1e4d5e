"""The generated staff of one organisation: teams, accounts and memberships, each team with a supervisor."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from learning.organisations.models import Membership, Team

from .names import FIRST_NAMES, LAST_NAMES, TEAMS


def email_domain(organisation) -> str:
    """Generated people's addresses end with this: it marks an organisation as populated."""
    return f"@{slugify(organisation.name)}.example.org"


def teams_ensure(organisation, *, count):
    """The organisation's teams, topped up from the list to `count` (existing teams are kept)."""
    for name, _titles, _lead in TEAMS[:count]:
        Team.objects.get_or_create(organisation=organisation, name=name)
    return list(Team.objects.filter(organisation=organisation).order_by("pk"))


def _titles_for(team):
    for name, titles, supervisor_title in TEAMS:
        if name == team.name:
            return titles, supervisor_title
    return ["Practitioner"], "Team leader"


def people_create(organisation, *, teams, staff, rng, today, history_days):
    """`staff` new accounts (no usable password: they exist to be counted) and their memberships: the first
    person of each team without a supervisor becomes its supervisor. Joining dates reach back three years;
    about one in ten joined within the history, some of them in the last weeks (new starters)."""
    User = get_user_model()
    unusable = make_password(None)
    domain = email_domain(organisation)
    users = User.objects.bulk_create(
        [
            User(
                email=f"{first.lower()}.{last.lower()}.{i}{domain}",
                first_name=first,
                last_name=last,
                password=unusable,
            )
            for i, (first, last) in enumerate(
                (rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)) for _ in range(staff)
            )
        ],
        batch_size=2000,
    )
    per_team = [users[i :: len(teams)] for i in range(len(teams))]
    supervisors = {
        m.team_id: m for m in Membership.objects.filter(organisation=organisation, is_supervisor=True)
    }
    new_supervisors = [
        Membership(
            user=members[0],
            organisation=organisation,
            team=team,
            job_title=_titles_for(team)[1],
            is_supervisor=True,
            joined_on=today - timedelta(days=3 * 365),
        )
        for team, members in zip(teams, per_team, strict=True)
        if team.pk not in supervisors and members
    ]
    for membership in Membership.objects.bulk_create(new_supervisors):
        supervisors[membership.team_id] = membership
    taken = {m.user_id for m in new_supervisors}
    rows = []
    for team, members in zip(teams, per_team, strict=True):
        titles = _titles_for(team)[0]
        for user in members:
            if user.pk in taken:
                continue
            recent = rng.random() < 0.1
            joined = today - timedelta(
                days=rng.randint(3, history_days) if recent else rng.randint(history_days, 3 * 365)
            )
            rows.append(
                Membership(
                    user=user,
                    organisation=organisation,
                    team=team,
                    job_title=rng.choice(titles),
                    supervisor=supervisors[team.pk],
                    joined_on=joined,
                )
            )
    Membership.objects.bulk_create(rows, batch_size=2000)
    return list(
        Membership.objects.filter(organisation=organisation, user__email__endswith=domain).select_related(
            "user"
        )
    )
