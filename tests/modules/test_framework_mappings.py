"""Framework mappings (issue #16): a module meets a framework level only through a mapping an editor
justified, and only content checked against the NES trauma framework claims one of its levels. A module claims
CPD time only when completing it asks for a signed-off reflection."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from learning.organisations.factories import UserFactory
from modules.factories import ModulePageFactory
from modules.models import FrameworkLevel, FrameworkMapping, ModulePage
from modules.seed import FRAMEWORK_LEVELS, NES_TRAUMA, SEED_DIR, seed_modules_install, site_structure_ensure

pytestmark = pytest.mark.django_db

JUSTIFIED = "Lessons 1 and 2 teach the Trauma-informed outcomes on recognising the impact of trauma."


@pytest.fixture
def levels(db):
    made = {}
    for order, (slug, framework, name) in enumerate(FRAMEWORK_LEVELS):
        made[slug] = FrameworkLevel.objects.create(slug=slug, framework=framework, name=name, order=order)
    return made


@pytest.fixture
def module(db):
    return ModulePageFactory(parent=site_structure_ensure(), title="Trauma-informed care")


# --- the mapping record -------------------------------------------------------------------------------------


@pytest.mark.parametrize("justification", ["", "   ", "\n\t "])
def test_a_mapping_without_a_justification_is_refused(module, levels, justification):
    mapping = FrameworkMapping(module=module, level=levels["informed"], justification=justification)
    with pytest.raises(ValidationError) as refused:
        mapping.full_clean()
    assert "justification" in refused.value.message_dict


def test_the_database_refuses_a_blank_justification_too(module, levels):
    with pytest.raises(IntegrityError), transaction.atomic():
        FrameworkMapping.objects.create(module=module, level=levels["informed"], justification="  ")


def test_a_level_is_mapped_once_per_module(module, levels):
    FrameworkMapping.objects.create(module=module, level=levels["informed"], justification=JUSTIFIED)
    with pytest.raises(IntegrityError), transaction.atomic():
        FrameworkMapping.objects.create(module=module, level=levels["informed"], justification=JUSTIFIED)


def test_framework_levels_follow_the_mappings(module, levels):
    other = ModulePageFactory(parent=site_structure_ensure())
    assert list(module.framework_levels.all()) == []
    FrameworkMapping.objects.create(module=module, level=levels["informed"], justification=JUSTIFIED)
    assert list(module.framework_levels.all()) == [levels["informed"]]
    assert list(ModulePage.objects.filter(framework_levels=levels["informed"])) == [module]
    assert other not in ModulePage.objects.filter(framework_levels=levels["informed"])


def test_a_level_is_named_with_its_framework(levels):
    assert str(levels["informed"]) == "NES Transforming Psychological Trauma: Trauma-informed"
    assert str(levels["safe-and-together-introduction"]) == "Safe and Together Model: Introduction"


def test_a_mapped_level_cannot_be_deleted(module, levels):
    from django.db.models import ProtectedError

    FrameworkMapping.objects.create(module=module, level=levels["informed"], justification=JUSTIFIED)
    with pytest.raises(ProtectedError):
        levels["informed"].delete()


# --- the editor's form --------------------------------------------------------------------------------------


def _edit_form(module, *, mappings, **fields):
    """The module's edit form as Wagtail's admin posts it, with `mappings` as (level, justification) rows."""
    data = {
        "title": module.title,
        "slug": module.slug,
        "topic": module.topic_id,
        "summary": module.summary,
        "learning_outcomes": streamfield([]),
        "estimated_minutes": module.estimated_minutes,
        "tags": "",
        "framework_mappings": inline_formset(
            [
                {"level": level.pk, "justification": text, "checked_by": "", "checked_on": ""}
                for level, text in mappings
            ]
        ),
        "content_note": rich_text(""),
        "reflective_prompt": "",
        "references": streamfield([]),
        "require_quiz_pass": "on",
        "cpd_minutes": "",
        "follow_up_after_weeks": "",
        "validity_months": "",
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_admin_form_refuses_a_mapping_without_justification(editor_client, module, levels):
    url = reverse("wagtailadmin_pages:edit", args=[module.pk])
    response = editor_client.post(url, _edit_form(module, mappings=[(levels["informed"], "  ")]))
    assert response.status_code == 200  # the form again, with the error
    assert "This field is required." in response.content.decode()
    assert not FrameworkMapping.objects.exists()


def test_the_admin_form_saves_a_justified_mapping(editor_client, module, levels):
    url = reverse("wagtailadmin_pages:edit", args=[module.pk])
    response = editor_client.post(url, _edit_form(module, mappings=[(levels["informed"], JUSTIFIED)]))
    assert response.status_code == 302
    mapping = FrameworkMapping.objects.get()
    assert (mapping.module_id, mapping.level, mapping.justification) == (
        module.pk,
        levels["informed"],
        JUSTIFIED,
    )
    assert list(ModulePage.objects.get(pk=module.pk).framework_levels.all()) == [levels["informed"]]


def test_the_admin_form_shows_the_framework_mappings_panel(editor_client, module):
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[module.pk])).content.decode()
    assert "Framework mappings" in html and "id_framework_mappings-TOTAL_FORMS" in html
    assert 'name="framework_levels"' not in html


# --- the CPD rule -------------------------------------------------------------------------------------------


def test_cpd_minutes_are_refused_without_a_signed_off_reflection(module):
    module.cpd_minutes, module.require_signed_reflection = 60, False
    with pytest.raises(ValidationError) as refused:
        module.full_clean()
    assert "signed off" in refused.value.message_dict["cpd_minutes"][0]
    module.require_signed_reflection = True
    module.full_clean()  # allowed with the reflection


def test_the_admin_form_refuses_cpd_minutes_without_a_reflection(editor_client, module):
    url = reverse("wagtailadmin_pages:edit", args=[module.pk])
    response = editor_client.post(url, _edit_form(module, mappings=[], cpd_minutes="60"))
    assert response.status_code == 200
    assert "CPD time needs a reflection signed off by a supervisor" in response.content.decode()
    assert ModulePage.objects.get(pk=module.pk).cpd_minutes is None


@pytest.mark.parametrize(
    ("reflection", "cpd", "claimed"), [(False, None, 0), (True, None, 30), (True, 75, 75)]
)
def test_cpd_time_is_claimed_only_with_a_signed_off_reflection(module, reflection, cpd, claimed):
    module.require_signed_reflection, module.cpd_minutes, module.estimated_minutes = reflection, cpd, 30
    assert module.cpd_claim_minutes == claimed


# --- the seed loader ----------------------------------------------------------------------------------------


def _seed_json(tmp_path, **extra):
    document = {
        "slug": "trauma-informed-care",
        "title": "Trauma-informed care",
        "topic": "Trauma-informed care",
        "summary": "A short summary.",
        "learning_outcomes": ["Describe the Trauma-informed level."],
        "estimated_minutes": 90,
        "framework_mappings": [{"level": "informed", "justification": JUSTIFIED}],
        "lessons": [
            {
                "slug": "what-trauma-is",
                "title": "What trauma is",
                "estimated_minutes": 15,
                "body": [{"type": "paragraph", "value": "<p>Lesson text.</p>"}],
            }
        ],
        **extra,
    }
    (tmp_path / "trauma-informed-care.json").write_text(json.dumps(document), encoding="utf-8")
    return tmp_path


def test_the_seed_loader_reads_mappings_and_the_completion_keys(tmp_path):
    seed_dir = _seed_json(tmp_path, require_signed_reflection=True, cpd_minutes=90, follow_up_after_weeks=8)
    seed_modules_install(seed_dir=seed_dir)
    module = ModulePage.objects.get(slug="trauma-informed-care")
    mapping = module.framework_mappings.get()
    assert (mapping.level.slug, mapping.level.framework, mapping.justification) == (
        "informed",
        NES_TRAUMA,
        JUSTIFIED,
    )
    assert (module.require_signed_reflection, module.cpd_minutes, module.follow_up_after_weeks) == (
        True,
        90,
        8,
    )
    assert set(FrameworkLevel.objects.values_list("slug", flat=True)) == {s for s, *_ in FRAMEWORK_LEVELS}


def test_the_seed_loader_refuses_a_mapping_without_justification(tmp_path):
    seed_dir = _seed_json(tmp_path, framework_mappings=[{"level": "informed", "justification": " "}])
    with pytest.raises(ValidationError):
        seed_modules_install(seed_dir=seed_dir)
    assert not ModulePage.objects.filter(slug="trauma-informed-care").exists()


def test_the_seed_loader_refuses_cpd_minutes_without_a_reflection(tmp_path):
    with pytest.raises(ValidationError):
        seed_modules_install(seed_dir=_seed_json(tmp_path, cpd_minutes=90))


def test_the_seed_loader_refuses_an_unknown_level(tmp_path):
    seed_dir = _seed_json(
        tmp_path, framework_mappings=[{"level": "trauma-skilled", "justification": JUSTIFIED}]
    )
    with pytest.raises(ValueError, match="trauma-skilled"):
        seed_modules_install(seed_dir=seed_dir)


def test_an_existing_seed_module_without_mappings_gets_them_once(tmp_path):
    """A database seeded before mappings existed: the migration dropped the old claims; the loader restores
    the justified ones, once, and leaves a module an editor has mapped alone."""
    seed_dir = _seed_json(tmp_path)
    seed_modules_install(seed_dir=seed_dir)
    FrameworkMapping.objects.all().delete()  # as the migration left it
    seed_modules_install(seed_dir=seed_dir)
    seed_modules_install(seed_dir=seed_dir)
    module = ModulePage.objects.get(slug="trauma-informed-care")
    assert list(module.framework_mappings.values_list("level__slug", "justification")) == [
        ("informed", JUSTIFIED)
    ]
    # the editor's edit form (the latest revision) shows the restored rows
    latest = module.get_latest_revision_as_object()
    assert [m.level.slug for m in latest.framework_mappings.all()] == ["informed"]

    FrameworkMapping.objects.update(justification="Checked again by the editor.")
    seed_modules_install(seed_dir=seed_dir)
    assert list(module.framework_mappings.values_list("justification", flat=True)) == [
        "Checked again by the editor."
    ]


# --- the rule over the real seed content --------------------------------------------------------------------


def test_only_the_trauma_module_claims_an_nes_level_and_each_claim_is_justified(seeded_site):
    """Fails until modules/seed_content/*.json carry `framework_mappings` (CONTENT-FORMAT.md, issue #16)."""
    seeded = {json.loads(path.read_text(encoding="utf-8"))["slug"] for path in SEED_DIR.glob("*.json")}
    claims = {}
    for module in ModulePage.objects.filter(slug__in=seeded):
        nes = [level for level in module.framework_levels.all() if level.framework == NES_TRAUMA]
        for level in nes:
            mapping = FrameworkMapping.objects.get(module=module, level=level)
            assert mapping.justification.strip(), (module.slug, level.slug)
        if nes:
            claims[module.slug] = sorted(level.slug for level in nes)
    assert claims == {"trauma-informed-care": ["informed"]}


def test_each_seed_module_maps_to_its_own_framework(seeded_site):
    """Fails until the seed JSON carries `framework_mappings` (CONTENT-FORMAT.md, issue #16)."""
    expected = {
        "trauma-informed-care": {"informed"},
        "safe-and-together": {"safe-and-together-introduction"},
        "girfec": {"girfec-introduction"},
        "family-inclusive-practice": {"whole-family-introduction"},
    }
    found = {
        module.slug: set(module.framework_levels.values_list("slug", flat=True))
        for module in ModulePage.objects.filter(slug__in=expected)
    }
    assert found == expected


# --- where people see it ------------------------------------------------------------------------------------


def test_the_catalogue_filter_lists_levels_under_their_framework(client, seeded_site):
    client.force_login(UserFactory())
    html = client.get(reverse("catalogue")).content.decode()
    assert '<optgroup label="Safe and Together Model">' in html
    assert f'<optgroup label="{NES_TRAUMA}">' in html
    safe = FrameworkLevel.objects.get(slug="safe-and-together-introduction")
    html = client.get(reverse("catalogue"), {"level": safe.pk}).content.decode()
    assert "1 module" in html and "Safe and Together" in html


def test_the_module_page_shows_its_mappings_with_framework_names(client, module, levels):
    FrameworkMapping.objects.create(module=module, level=levels["informed"], justification=JUSTIFIED)
    module.save_revision().publish()
    client.force_login(UserFactory())
    html = client.get(module.url).content.decode()
    assert '<span class="tag">NES Transforming Psychological Trauma: Trauma-informed</span>' in html
    assert JUSTIFIED in html
    client.logout()  # the public overview is for people not signed in
    overview = client.get(reverse("module_overview", args=[module.pk])).content.decode()
    assert "NES Transforming Psychological Trauma: Trauma-informed" in overview
