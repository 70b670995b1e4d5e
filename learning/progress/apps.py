from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "learning.progress"
    label = "progress"
    verbose_name = "Learner progress"
