"""Invitation.issued_at: when the current link was issued; existing invitations take their creation time."""
import django.utils.timezone
from django.db import migrations, models


def issued_when_created(apps, schema_editor):
    Invitation = apps.get_model("organisations", "Invitation")
    Invitation.objects.update(issued_at=models.F("created_at"))


class Migration(migrations.Migration):
    dependencies = [("organisations", "0003_invitation_answers")]

    operations = [
        migrations.AddField(
            model_name="invitation", name="issued_at", field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.RunPython(issued_when_created, migrations.RunPython.noop),
    ]
