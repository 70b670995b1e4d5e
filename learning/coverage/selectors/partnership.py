"""An Alcohol and Drug Partnership's view: the whole-organisation totals of the partners that chose to share,
combined and side by side. Never a team, a name or a person's record of a partner organisation."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Sum

from learning.organisations.models import Organisation
from modules.models import FrameworkLevel, ModulePage

from ..models import WHOLE_ORGANISATION, CoverageRollup, FrameworkRollup
from .aggregates import rollup_sum


@dataclass
class PartnershipCoverage:
    partnership: object
    sharing: list  # organisations whose figures are included
    not_sharing: int  # how many partners keep theirs to themselves
    modules: list
    combined: dict  # module id -> CoverageRollup summed over the sharing partners
    by_organisation: list  # (organisation, {module id: CoverageRollup})
    levels: list  # FrameworkRollup-shaped, summed


def partnership_coverage(*, partnership) -> PartnershipCoverage:
    partners = list(Organisation.objects.filter(partnership=partnership).order_by("name"))
    sharing = [o for o in partners if o.shares_with_partnership]
    totals = CoverageRollup.objects.filter(organisation__in=sharing, team_key=WHOLE_ORGANISATION)
    by_module, by_organisation = defaultdict(list), defaultdict(dict)
    for row in totals:
        by_module[row.module_id].append(row)
        by_organisation[row.organisation_id][row.module_id] = row
    levels = (
        FrameworkRollup.objects.filter(organisation__in=sharing, team_key=WHOLE_ORGANISATION)
        .values("level")
        .annotate(staff=Sum("staff"), trained=Sum("trained"))
    )
    level_objects = FrameworkLevel.objects.in_bulk([row["level"] for row in levels])
    return PartnershipCoverage(
        partnership=partnership,
        sharing=sharing,
        not_sharing=len(partners) - len(sharing),
        modules=list(ModulePage.objects.filter(pk__in=by_module).order_by("title")),
        combined={m: rollup_sum(rows, module_id=m) for m, rows in by_module.items()},
        by_organisation=[(o, by_organisation[o.pk]) for o in sharing],
        levels=sorted(
            (
                FrameworkRollup(level=level_objects[row["level"]], staff=row["staff"], trained=row["trained"])
                for row in levels
            ),
            key=lambda r: (r.level.framework, r.level.order),
        ),
    )
