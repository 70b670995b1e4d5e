"""Spotting identifiers before a reflection is shared: what should be flagged, what should not, and how the
warning works (the author may anonymise, or confirm and submit anyway)."""

import pytest
from django.urls import reverse

from assessments.models import ReflectiveEntry
from assessments.practice.identifiers import identifiers_find
from assessments.practice.services import reflections

FLAGGED = [
    ("Her CHI is 0106851234.", "chi", "0106851234"),
    ("CHI 010 685 1234 on the referral", "chi", "010 685 1234"),
    ("The baby was born 04/06/2016.", "date", "04/06/2016"),
    ("DOB 4.6.16", "date", "4.6.16"),
    ("born on 12 March 1985 in Dundee", "date", "12 March 1985"),
    ("born on the 3rd of May 2019", "date", "3rd of May 2019"),
    ("since March 12th, 1985", "date", "March 12th, 1985"),
    ("recorded as 2016-06-04", "date", "2016-06-04"),
    ("The family live at G12 8QQ.", "postcode", "G12 8QQ"),
    ("near eh1 1yz", "postcode", "eh1 1yz"),
    ("I met Sarah McDonald at the clinic.", "name", "Sarah McDonald"),
    ("When Sarah McDonald arrived she was upset.", "name", "Sarah McDonald"),
    ("Mary-Jane O'Neil phoned.", "name", "Mary-Jane O'Neil"),
    ("Mrs. Brown said no.", "name", "Mrs Brown"),
    ("I wrote to Dr Patel.", "name", "Dr Patel"),
]

NOT_FLAGGED = [
    "Call 0141 496 0000 or 07700 900123.",  # phone numbers: 11 digits
    "Reference 9912345678 is not a date of birth.",  # 10 digits, but no real day and month
    "On 3 May I visited the family.",  # no year
    "In May 2019 the service changed.",  # no day
    "The meeting was at 10.30 and lasted 1.5 hours.",
    "I scored 10/10 on version 1.2.3.",
    "EH1 is the area we cover.",  # a district, not a postcode
    "The Family Support Team at NHS Riverside.",
    "Getting It Right For Every Child and the Named Person.",
    "I used the Gibbs Reflective Cycle after a Child Protection Case Conference.",
    "Afterwards Mum said she felt listened to.",
    "Sarah said she felt listened to.",  # a first name alone is not a full name
    "a mother in her thirties and her two children",
]


@pytest.mark.parametrize("text,kind,found", FLAGGED)
def test_flags_identifiers(text, kind, found):
    assert [(f.kind, f.text) for f in identifiers_find(text)] == [(kind, found)]


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_does_not_flag_ordinary_text(text):
    assert identifiers_find(text) == []


def test_findings_come_in_order_without_repeats():
    text = "Sarah McDonald (DOB 01/02/2003) of G1 1AA. Later, Sarah McDonald called."
    assert [f.kind for f in identifiers_find(text)] == ["name", "date", "postcode"]


@pytest.mark.django_db
def test_submit_warns_then_submits_once_confirmed(world, make_entry):
    entry = make_entry("draft", title="Visit to the McDonald family")
    entry.stages["description"] = "I visited Sarah McDonald at G12 8QQ."
    entry.save()
    with pytest.raises(reflections.IdentifiersFound) as caught:
        reflections.reflection_submit(entry=entry, user=world.author.user)
    assert {f.text for f in caught.value.findings} == {"Sarah McDonald", "G12 8QQ"}
    entry.refresh_from_db()
    assert entry.status == ReflectiveEntry.Status.DRAFT
    entry = reflections.reflection_submit(entry=entry, user=world.author.user, anonymised_confirmed=True)
    assert entry.status == ReflectiveEntry.Status.SUBMITTED


@pytest.mark.django_db
def test_the_warning_page_asks_to_anonymise_and_the_box_must_be_ticked(world, make_entry, client):
    entry = make_entry("draft")
    entry.stages["feelings"] = "Her CHI 0106851234 was on the form."
    entry.save()
    client.force_login(world.author.user)
    response = client.post(reverse("reflection_submit", args=[entry.pk]))
    html = response.content.decode()
    assert "Check your reflection before you submit" in html and "0106851234" in html and "CHI number" in html
    response = client.post(reverse("reflection_submit", args=[entry.pk]), {"step": "confirm"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_confirm_error"' in html
    response = client.post(
        reverse("reflection_submit", args=[entry.pk]), {"step": "confirm", "confirm": "on"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == ReflectiveEntry.Status.SUBMITTED
