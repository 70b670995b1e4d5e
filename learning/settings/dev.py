"""Local development: debug on, emails to the console, the embedded Celery transport."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
