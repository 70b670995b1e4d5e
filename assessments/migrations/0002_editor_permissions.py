"""Let Wagtail's Editors and Moderators manage quizzes, question banks, topics and framework levels."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = {"assessments": ["quiz", "question"], "modules": ["topic", "frameworklevel"]}
GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    for label in MODELS:
        # Permissions are normally made after migrate; make them now (the usual workaround for app stubs).
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(
        content_type__app_label__in=list(MODELS),
        content_type__model__in=[m for models in MODELS.values() for m in models],
        codename__regex=r"^(add|change|delete|view)_",
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        ("modules", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
