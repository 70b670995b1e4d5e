from django.db import migrations, models


def invitations_already_sent(apps, schema_editor):
    """Invitations made before sending was recorded were emailed as they were made: not owed again."""
    Invitation = apps.get_model("organisations", "Invitation")
    Invitation.objects.filter(sent_at__isnull=True).update(sent_at=models.F("created_at"))


class Migration(migrations.Migration):

    dependencies = [
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="sent_at",
            field=models.DateTimeField(blank=True, help_text="When the email with the current link went out.", null=True),
        ),
        migrations.RunPython(invitations_already_sent, migrations.RunPython.noop),
    ]
