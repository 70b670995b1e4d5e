"""Records about one person kept in Django's cache: what every signed-in page needs to know of them (their
roles, for the two-factor check and the navigation; the navigation's counts), read from the database once
and then from the cache.

Each layer that caches such a record registers its kind here. Any layer, however low, may forget a person's
records after a write that changes them: the receivers of model signals do, and so does a service whose bulk
update sends no signal. Forgetting leaves a marker for FORGOTTEN_SECONDS instead of nothing: meanwhile the
record is read from the database on every request and not cached, so a request that read the state before the
write's transaction committed cannot put it back. PERSON_CACHE_SECONDS bounds what a missed event leaves."""

import logging
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)
FORGOTTEN = "forgotten"
FORGOTTEN_SECONDS = 10  # longer than any transaction that changes a person's roles or counts
_KINDS: set[str] = set()


def person_cache_register(kind: str) -> None:
    _KINDS.add(kind)


def person_cache_key(kind: str, user_id: int) -> str:
    return f"person:{kind}:{user_id}"


def person_cache_get(kind: str, user_id: int, build: Callable[[], object]):
    """The cached record of this kind for the person, built (and cached, unless just forgotten) if none."""
    key = person_cache_key(kind, user_id)
    record = cache.get(key)
    if record is None or record == FORGOTTEN:
        record = build()
        cache.add(key, record, settings.PERSON_CACHE_SECONDS)  # not over a marker
    return record


def person_cache_forget(user_ids: Iterable[int | None]) -> None:
    """Forget every registered record of these people. A save never fails because the cache cannot be reached
    (the records expire on their own)."""
    keys = [person_cache_key(kind, pk) for pk in set(user_ids) if pk is not None for kind in _KINDS]
    if not keys:
        return
    try:
        cache.set_many(dict.fromkeys(keys, FORGOTTEN), FORGOTTEN_SECONDS)
    except Exception:  # the cache backend's own errors (e.g. Redis down) have no common base class
        logger.warning("Could not forget cached records %s", keys, exc_info=True)
