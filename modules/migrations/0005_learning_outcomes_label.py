"""Each learning outcome is labelled "Learning outcome" (issue #15, finding 10): the admin names each
outcome's input by this label (static/js/admin-a11y.js), since Wagtail renders no <label> for a block placed
directly in a StreamField. The stored outcomes do not change."""

import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0004_framework_mappings"),
    ]

    operations = [
        migrations.AlterField(
            model_name="modulepage",
            name="learning_outcomes",
            field=wagtail.fields.StreamField(
                [("outcome", 0)],
                blank=True,
                block_lookup={0: ("wagtail.blocks.CharBlock", (), {"label": "Learning outcome"})},
            ),
        ),
    ]
