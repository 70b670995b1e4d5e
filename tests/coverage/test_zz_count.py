import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from datetime import date
from learning.coverage import services

@pytest.mark.django_db
def test_count(client, org, make_module, committed):
    for n in range(3):
        committed(services.assignment_create, organisation=org.organisation, module=make_module(lessons=1), created_by=None, due_on=date.today())
    client.force_login(org.learners[0].user)
    with CaptureQueriesContext(connection) as q:
        client.get(reverse("my_learning"))
    print("MYLEARNING", len(q))
    client.force_login(org.lead.user)
    for name in ["coverage_dashboard", "coverage_assignments", "coverage_import"]:
        with CaptureQueriesContext(connection) as q:
            client.get(reverse(name, args=[org.organisation.pk]))
        print(name, len(q))
    with CaptureQueriesContext(connection) as q:
        client.get(reverse("coverage_record", args=[org.learners[0].pk]))
    print("record", len(q))
