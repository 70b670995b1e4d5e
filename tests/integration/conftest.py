"""The integration leg: the real PostgreSQL and Redis, and a real Celery worker process.

Under CI=true a missing service fails the run; on a developer's machine those tests skip with the reason.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
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
    _require(
        connection.vendor == "postgresql",
        "this leg needs DATABASE_URL pointing at PostgreSQL (see scripts/test-services)",
    )
    from django.conf import settings

    _require(
        settings.CELERY_BROKER_URL.startswith("redis://"),
        "this leg needs CELERY_BROKER_URL pointing at Redis",
    )
    _require(_reachable("127.0.0.1", 5432), "PostgreSQL is not reachable on 127.0.0.1:5432")
    _require(_reachable("127.0.0.1", 6379), "Redis is not reachable on 127.0.0.1:6379")


@pytest.fixture
def start_worker(real_services, transactional_db, django_db_serialized_rollback, settings, worker_id):
    """Start `celery worker` processes against this test database and a queue of their own, and send the
    test's tasks there; call it again to restart after `kill_worker`. Each worker logs to var/<queue>.log.
    Serialized rollback: the next test still finds the pages and groups the migrations made, though this one's
    commits are flushed."""
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
    started = []

    def start(concurrency=2):
        # The worker inherits its own copy of the descriptor, so ours is closed once it has started.
        log_path = ROOT / "var" / f"{queue}.log" if (ROOT / "var").is_dir() else os.devnull
        with open(log_path, "a") as log:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "learning",
                    "worker",
                    "-Q",
                    queue,
                    f"--concurrency={concurrency}",
                    "--loglevel=INFO",
                    f"--hostname={queue}-{len(started)}@%h",
                    "--without-gossip",
                    "--without-mingle",
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: kill_worker takes the pool processes with it
            )
        process.queue = queue
        started.append(process)
        return process

    previous = (app.conf.task_always_eager, app.conf.task_default_queue)
    app.conf.task_always_eager, app.conf.task_default_queue = False, queue
    try:
        yield start
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue = previous
        for process in started:
            _stop(process)
        _forget_queue(queue)


@pytest.fixture
def celery_worker_process(start_worker):
    return start_worker()


@pytest.fixture
def kill_worker():
    """SIGKILL a worker and its pool processes at once, as an OOM kill or a lost machine would."""

    def kill(process):
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=20)

    return kill


def _stop(process):
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _forget_queue(queue):
    """Drop the queue and the messages a killed worker left unacknowledged for it (Redis keeps them in the
    `unacked` hash until the visibility timeout), so nothing from this test is ever delivered again."""
    from django.conf import settings

    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    broker.delete(queue)
    for tag, payload in broker.hscan_iter("unacked"):
        if json.loads(payload)[-1] == queue:
            broker.hdel("unacked", tag)
            broker.zrem("unacked_index", tag)


@pytest.fixture
def queue_length():
    """How many messages wait in a worker's queue."""
    from django.conf import settings

    return lambda process: redis.Redis.from_url(settings.CELERY_BROKER_URL).llen(process.queue)


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
