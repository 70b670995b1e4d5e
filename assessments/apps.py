from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Quizzes and reflective practice"

    def ready(self):
        from assessments.practice import owed, retention

        owed.register()
        retention.register()
