"""Production settings pass `manage.py check --deploy` and refuse to start without their secrets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _check(env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CELERY_"))}
    env.update(env_overrides)
    return subprocess.run(["bash", "scripts/check-deploy"], cwd=ROOT, env=env, capture_output=True, text=True)


def test_check_deploy_reports_no_issues():
    result = _check({})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_has_no_secret_default():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "learning.settings.production",
            "DATABASE_URL": "postgres://x@127.0.0.1/x",
            "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
            "EMAIL_HOST": "smtp.example.org",
            "DJANGO_ALLOWED_HOSTS": "example.org",
            "WAGTAILADMIN_BASE_URL": "https://example.org",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr
