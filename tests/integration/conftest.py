"""The integration leg: the real PostgreSQL and Redis, and a real Celery worker process.

Under CI=true a missing service fails the run; on a developer's machine those tests skip with the reason.
"""
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def _reachable(host, port):
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def _require(condition, reason):
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def real_services():
    _require(connection.vendor == "postgresql", "this leg needs DATABASE_URL pointing at PostgreSQL (see scripts/test-services)")
    from django.conf import settings

    _require(settings.CELERY_BROKER_URL.startswith("redis://"), "this leg needs CELERY_BROKER_URL pointing at Redis")
    _require(_reachable("127.0.0.1", 5432), "PostgreSQL is not reachable on 127.0.0.1:5432")
    _require(_reachable("127.0.0.1", 6379), "Redis is not reachable on 127.0.0.1:6379")


@pytest.fixture
def celery_worker_process(real_services, transactional_db, settings, worker_id):
    """Start `celery worker` against this test database and a queue of its own; send tasks for real."""
    from learning.celery import app

    queue = f"test-{worker_id}-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning.settings.test",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "DATABASE_URL": _database_url(),
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "DJANGO_MEDIA_ROOT": settings.MEDIA_ROOT,  # files the worker writes land where this test reads
    }
    log = open(ROOT / "var" / f"{queue}.log", "w") if (ROOT / "var").is_dir() else subprocess.DEVNULL
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "learning", "worker", "-Q", queue, "--concurrency=2",
         "--loglevel=INFO", f"--hostname={queue}@%h", "--without-gossip", "--without-mingle"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    previous = (app.conf.task_always_eager, app.conf.task_default_queue)
    app.conf.task_always_eager, app.conf.task_default_queue = False, queue
    try:
        yield process
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue = previous
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _database_url():
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def _wait_for(predicate, *, timeout=60, interval=0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


@pytest.fixture
def wait_for():
    """Poll a condition a worker makes true; gives up after a minute."""
    return _wait_for
