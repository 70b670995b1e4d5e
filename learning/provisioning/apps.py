from django.apps import AppConfig


class ProvisioningConfig(AppConfig):
    name = "learning.provisioning"
    label = "provisioning"
    verbose_name = "Provisioning (SCIM)"
    default_auto_field = "django.db.models.BigAutoField"
