"""Certificates: the raw PDF render rate (without and with the QR code) against issuing through Celery, a real
worker process on Redis and PostgreSQL taking the tasks that recorded completions queue."""

import os
import statistics
import subprocess
import sys
import time
from functools import lru_cache

import redis
import segno
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from certificates.models import Certificate
from certificates.pdf import render_certificate_pdf, verify_url
from learning.core.events import module_completed
from learning.core.links import absolute_reverse
from learning.core.pdf import render_pdf
from learning.organisations.models import Membership
from learning.progress.models import ModuleCompletion
from modules.models import ModulePage

from . import ROOT

WORKER_READY_S = 120


@lru_cache(maxsize=1)
def _one_qr_image():
    return segno.make(verify_url("SAMPLE"), error="m").png_data_uri(scale=1, border=2)


def _without_qr(certificate):
    """The same render with a QR image made once beforehand: what the render costs without making the code."""
    return render_pdf(
        "certificates/pdf/certificate.html",
        {
            "certificate": certificate,
            "verify_url": verify_url(certificate.code),
            "qr_data_uri": _one_qr_image(),
            "site_name": settings.SITE_NAME,
            "page_url": absolute_reverse("certificate_page", certificate.code),
        },
    )


def render_rates(*, rounds: int) -> dict:
    """Certificates rendered per second by one process (ten per round), median of interleaved rounds."""
    certificates = list(Certificate.objects.order_by("pk")[:10])
    render_certificate_pdf(certificates[0])
    timed = {"with_qr": [], "without_qr": []}
    for _ in range(rounds):
        for name, render in (("with_qr", render_certificate_pdf), ("without_qr", _without_qr)):
            started = time.perf_counter()
            for certificate in certificates:
                render(certificate)
            timed[name].append(len(certificates) / (time.perf_counter() - started))
    return {name: round(statistics.median(rates), 1) for name, rates in timed.items()} | {
        "rounds_per_s": {name: [round(r, 1) for r in rates] for name, rates in timed.items()}
    }


def _queue_purge():
    """Drop what earlier rows left on the bench's own queue (recounts queued by quiz submits and the like)."""
    redis.Redis.from_url(settings.CELERY_BROKER_URL).delete(settings.CELERY_TASK_DEFAULT_QUEUE)


def _completions(organisation, count, *, tag):
    """`count` new people in `organisation`, each with a fresh completion of one module (no signals)."""
    User = get_user_model()
    module = ModulePage.objects.live().order_by("pk").first()
    users = User.objects.bulk_create(
        [
            User(email=f"bench.{tag}.{n}@example.org", first_name="Bench", last_name=f"Person {n}")
            for n in range(count)
        ]
    )
    Membership.objects.bulk_create([Membership(user=u, organisation=organisation) for u in users])
    return ModuleCompletion.objects.bulk_create(
        [ModuleCompletion(user=u, module=module, completed_at=timezone.now(), cpd_minutes=60) for u in users]
    )


def _issue_and_wait(organisation, count, *, tag, timeout):
    completions = _completions(organisation, count, tag=tag)
    ids = [c.pk for c in completions]
    started = time.perf_counter()
    with transaction.atomic():  # as learning.completion records them: the event, then the task after commit
        for completion_id in ids:
            module_completed.send(sender=ModuleCompletion, completion_id=completion_id)
    while Certificate.objects.filter(completion_id__in=ids).count() < count:
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"{count} certificates not issued within {timeout} s")
        time.sleep(0.05)
    return time.perf_counter() - started


def celery_rate(*, organisation, count: int) -> dict:
    """Certificates issued per second by one worker process (`celery -A learning worker -c 1`), from the
    completions' commit until the last certificate row exists."""
    _queue_purge()
    worker = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "learning",
            "worker",
            "-c",
            "1",
            "-l",
            "warning",
            "--without-gossip",
            "--without-mingle",
            "-Q",
            settings.CELERY_TASK_DEFAULT_QUEUE,
        ],
        cwd=ROOT,
        env=dict(os.environ),
    )
    try:
        _issue_and_wait(organisation, 2, tag="warm", timeout=WORKER_READY_S)
        seconds = _issue_and_wait(organisation, count, tag="run", timeout=max(120, count))
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    return {"per_s": round(count / seconds, 1), "certificates": count, "seconds": round(seconds, 2)}
