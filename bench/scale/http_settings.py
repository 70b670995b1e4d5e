"""Settings for the HTTP rows: the production settings (DEBUG off, database sessions, Redis cache, the whole
middleware) with the bench URLconf, which adds the bare ceiling view. Plain HTTP on 127.0.0.1: the bench sets
DJANGO_SECURE_SSL_REDIRECT=False and sends the session cookie itself (it is Secure, so a browser would not).
"""

from learning.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.scale.ceiling_urls"
