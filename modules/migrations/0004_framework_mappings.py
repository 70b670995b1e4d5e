"""Framework levels become explicit, justified mappings (issue #16).

A module used to claim framework levels through a plain many-to-many field, with no account of why: the
family-inclusive practice, Safe and Together and GIRFEC modules claimed the NES trauma framework's
Trauma-informed and Trauma-skilled levels, so their certificates printed "Trauma-informed, Trauma-skilled"
and the coverage dashboard counted their completers as trained at Trauma-skilled. Now a module meets a level
only through a FrameworkMapping that says which of the level's outcomes its content was checked against.

Django cannot add `through` to an existing many-to-many field, so the old field is removed and the new one
added. The old claims are deliberately NOT carried over: they had no justification, and they were the
mislabelled claims. `load_seed_modules` adds the justified mappings back to the seed modules that have none;
an editor maps any other module in its "Framework mappings" panel. Certificates already issued keep the text
they were issued with; the stored coverage figures are recounted by the nightly repair.

Revisions saved before hold the old claims as a "framework_levels" list; restored as they are (the edit view,
reverting, publishing an old draft) Django would refuse to assign it to a many-to-many field with a `through`
table. The list is removed from those revisions, for the same reason the claims are not carried over.

CPD minutes are now only for a module that requires a signed-off reflection (ModulePage.clean); the new help
text says so.
"""

import django.db.models.deletion
import django.db.models.functions.text
import django.db.models.lookups
import modelcluster.fields
from django.db import migrations, models


def revisions_forget_old_claims(apps, schema_editor):
    Revision = apps.get_model("wagtailcore", "Revision")
    revisions = Revision.objects.filter(
        content_type__app_label="modules",
        content_type__model="modulepage",
        content__has_key="framework_levels",
    )
    for revision in revisions.iterator(chunk_size=500):
        revision.content.pop("framework_levels")
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0003_modulepage_follow_up_after_weeks"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(revisions_forget_old_claims, migrations.RunPython.noop),
        migrations.RemoveField(model_name="modulepage", name="framework_levels"),
        migrations.CreateModel(
            name="FrameworkMapping",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "justification",
                    models.TextField(
                        help_text="Which outcomes of this framework level the module's content was checked "
                        "against, and which lessons teach them."
                    ),
                ),
                (
                    "checked_by",
                    models.CharField(
                        blank=True, help_text="Who checked the content against the framework.", max_length=200
                    ),
                ),
                ("checked_on", models.DateField(blank=True, null=True)),
                (
                    "level",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="mappings",
                        to="modules.frameworklevel",
                    ),
                ),
                (
                    "module",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="framework_mappings",
                        to="modules.modulepage",
                    ),
                ),
            ],
            options={
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="modulepage",
            name="framework_levels",
            field=models.ManyToManyField(
                editable=False,
                related_name="modules",
                through="modules.FrameworkMapping",
                to="modules.frameworklevel",
            ),
        ),
        migrations.AddConstraint(
            model_name="frameworkmapping",
            constraint=models.UniqueConstraint(
                fields=("module", "level"), name="framework_mapping_once_per_level"
            ),
        ),
        migrations.AddConstraint(
            model_name="frameworkmapping",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.GreaterThan(
                    django.db.models.functions.text.Length(
                        django.db.models.functions.text.Trim("justification")
                    ),
                    0,
                ),
                name="framework_mapping_justified",
                violation_error_message="Say which outcomes of the framework level the content meets.",
            ),
        ),
        migrations.AlterField(
            model_name="modulepage",
            name="cpd_minutes",
            field=models.PositiveIntegerField(
                blank=True,
                help_text="CPD time a completion records; only for a module that requires a signed-off "
                "reflection. Empty means the estimated minutes.",
                null=True,
            ),
        ),
    ]
