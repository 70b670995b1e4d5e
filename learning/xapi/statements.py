"""An xAPI 1.0.3 statement from a learning fact (facts.Fact): plain data, no database writes.

The person is an account on this platform (homePage: the platform's address; name: their LearnerKey, stable
and opaque, never an email); verbs come from the ADL vocabulary that cmi5 also uses; the organisation is the
context's team; the registration is one UUID per person, module and recertification cycle.
"""

import uuid

from django.conf import settings

from learning.core.links import site_root

from .facts import module_activity

XAPI_VERSION = "1.0.3"
# The namespace of the UUIDs this platform derives (registrations, statement ids): fixed, never change it, or
# a resent statement would no longer be the same statement at the LRS.
NAMESPACE = uuid.UUID("6c1f4f0e-64a8-4c36-9a4f-3b1e0a5d9e21")

VERBS = {
    key: {"id": f"http://adlnet.gov/expapi/verbs/{key}", "display": {"en-GB": key}}
    for key in ("launched", "completed", "attempted", "passed", "failed", "attended")
}


def statement_id_for(*, organisation_id: int, kind: str, source_id: int) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"statement/{organisation_id}/{kind}/{source_id}")


def registration_for(*, learner_key, module_id: int, cycle: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"registration/{learner_key}/{module_id}/{cycle}"))


def actor(learner_key) -> dict:
    return {"objectType": "Agent", "account": {"homePage": site_root(), "name": str(learner_key)}}


def organisation_team(organisation) -> dict:
    return {
        "objectType": "Group",
        "name": organisation.name,
        "account": {"homePage": site_root(), "name": f"organisation-{organisation.pk}"},
    }


def statement_build(*, statement_id, fact, learner_key, organisation) -> dict:
    context = {
        "platform": settings.SITE_NAME,
        "language": "en-GB",
        "team": organisation_team(organisation),
    }
    if fact.module is not None:
        context["registration"] = registration_for(
            learner_key=learner_key, module_id=fact.module.pk, cycle=fact.cycle
        )
        parent = module_activity(fact.module)
        if parent["id"] != fact.activity["id"]:
            context["contextActivities"] = {"parent": [parent]}
    statement = {
        "id": str(statement_id),
        "actor": actor(learner_key),
        "verb": VERBS[fact.verb],
        "object": fact.activity,
        "context": context,
        "timestamp": fact.timestamp.isoformat(),
    }
    if fact.result:
        statement["result"] = fact.result
    return statement
