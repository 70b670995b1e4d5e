"""The axe check every browser test relies on fails on what it should: a violation (an unlabelled field),
and a result axe could not decide whose impact is critical (an aria-describedby that points nowhere)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGE = """<!doctype html><html lang="en"><title>Check</title><main><h1>Check</h1>
<label for="code">Code</label><input id="code" aria-describedby="nowhere">
<label for="name">Name</label><input id="name" aria-describedby="nowhere">
</main></html>"""


def test_a_critical_result_axe_cannot_decide_fails_the_check(page, axe_check):
    page.set_content(PAGE)
    assert axe_check(page) == [("aria-valid-attr-value (incomplete)", "critical", [["#code"], ["#name"]])]


def test_an_unlabelled_field_fails_the_check(page, axe_check):
    page.set_content(PAGE.replace('<label for="name">Name</label>', ""))
    assert ("label", "critical", [["#name"]]) in axe_check(page)
