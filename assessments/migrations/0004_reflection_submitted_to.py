"""Reflections stay with the supervisor they were submitted to: `submitted_to` and `shared_with`.

Existing entries are filled in from the best record there is of who was sent them (status by status):
- signed off: the signer's membership in the entry's organisation (they read it to sign it);
- changes requested: the membership of whoever last asked for changes (they reviewed it);
- submitted, or when the above person has no membership there: the membership's current supervisor. Nothing
  records who a waiting entry was sent to, and that supervisor could read it the day before this migration, so
  nobody gains access by it. A supervisor who took a learner over before this release therefore keeps only the
  entries waiting for review, not the signed-off or reviewed history (finding 4 of the security issue).
Entries left without anyone (no supervisor recorded) are readable by their author only; the author can withdraw
and resubmit them. Drafts stay empty. Nothing is shared with anyone (`shared_with` starts empty).
"""
from django.db import migrations, models
import django.db.models.deletion


def _member(Membership, user_id, organisation_id):
    if user_id is None:
        return None
    return Membership.objects.filter(user_id=user_id, organisation_id=organisation_id).first()


def fill_submitted_to(apps, schema_editor):
    Entry = apps.get_model("assessments", "ReflectiveEntry")
    Comment = apps.get_model("assessments", "ReflectionComment")
    Membership = apps.get_model("organisations", "Membership")
    entries = (Entry.objects.exclude(status="draft").filter(submitted_to__isnull=True)
               .select_related("membership").order_by("pk"))
    for entry in entries.iterator():
        organisation_id, reviewer_id = entry.membership.organisation_id, None
        if entry.status == "signed_off":
            reviewer_id = entry.signed_off_by_id
        elif entry.status == "changes":
            asked = Comment.objects.filter(entry=entry, kind="changes").order_by("-created_at", "-pk").first()
            reviewer_id = asked.author_id if asked else None
        target = _member(Membership, reviewer_id, organisation_id)
        target_id = target.pk if target else entry.membership.supervisor_id
        if target_id is not None:
            Entry.objects.filter(pk=entry.pk).update(submitted_to_id=target_id)


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0003_reflective_practice'),
        ('organisations', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='reflectiveentry',
            name='shared_with',
            field=models.ManyToManyField(blank=True, help_text='Later supervisors the author chose to let read the entry (read only).', related_name='+', to='organisations.membership'),
        ),
        migrations.AddField(
            model_name='reflectiveentry',
            name='submitted_to',
            field=models.ForeignKey(blank=True, help_text='The supervisor the entry was submitted to: the one person who reviews it. Empty for a draft.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='organisations.membership'),
        ),
        migrations.AlterField(
            model_name='reflectiveentry',
            name='membership',
            field=models.ForeignKey(help_text='The organisation the entry is filed under; it is submitted to the supervisor there.', on_delete=django.db.models.deletion.CASCADE, related_name='reflections', to='organisations.membership'),
        ),
        migrations.AddConstraint(
            model_name='reflectiveentry',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'draft'), _negated=True), ('submitted_to__isnull', True), _connector='OR'), name='reflection_draft_is_with_nobody'),
        ),
        migrations.RunPython(fill_submitted_to, migrations.RunPython.noop),
    ]
