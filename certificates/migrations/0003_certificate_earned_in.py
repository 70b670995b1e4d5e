from django.db import migrations, models
from django.utils import timezone


def fill_earned_in(apps, schema_editor):
    """Certificates issued before this was recorded: the organisations the person belonged to on the day they
    completed the module (membership begun on or before it). A membership added later, as the old staff
    import added accounts from other organisations, does not count."""
    Certificate = apps.get_model("certificates", "Certificate")
    Membership = apps.get_model("organisations", "Membership")
    joined = {}
    for user_id, organisation, joined_on in Membership.objects.values_list("user_id", "organisation_id", "joined_on"):
        joined.setdefault(user_id, []).append((organisation, joined_on))
    for certificate in Certificate.objects.only("pk", "user_id", "completed_at").iterator():
        completed_on = timezone.localdate(certificate.completed_at)
        organisations = [org for org, joined_on in joined.get(certificate.user_id, ()) if joined_on <= completed_on]
        if organisations:
            certificate.earned_in.set(organisations)


class Migration(migrations.Migration):

    dependencies = [
        ("certificates", "0002_reliability"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="earned_in",
            field=models.ManyToManyField(
                blank=True, related_name="+", to="organisations.organisation",
                help_text=(
                    "Where the person was a member when they earned it: only leads there may revoke or re-issue it."
                ),
            ),
        ),
        migrations.RunPython(fill_earned_in, migrations.RunPython.noop),
    ]
