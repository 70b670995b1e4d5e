"""The production cache (learning.core.redis_cache) on the real Redis: one client kept per connection pool,
and everything a page caches read back as it was written, expiring and forgotten as Django's own backend
would."""

import time

import pytest
from django.core.cache.backends.redis import RedisCache

from learning.core.redis_cache import KeptClientRedisCache

pytestmark = pytest.mark.integration


@pytest.fixture
def redis_cache(real_services):
    cache = KeptClientRedisCache(
        "redis://127.0.0.1:6379/11", {"KEY_PREFIX": f"kept-client-test-{time.time()}"}
    )
    yield cache
    cache.clear()


def test_one_client_serves_every_call(redis_cache):
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client
    # Django's own backend builds a new client for every call: the cost this backend removes.
    django_own = RedisCache("redis://127.0.0.1:6379/11", {})._cache
    assert django_own.get_client() is not django_own.get_client()


def test_values_round_trip_expire_and_are_deleted(redis_cache):
    redis_cache.set("record", {"roles": ["lead"], "counts": (1, 2)}, timeout=60)
    redis_cache.set("brief", "gone soon", timeout=1)
    assert redis_cache.add("record", "not over a value") is False
    assert redis_cache.get("record") == {"roles": ["lead"], "counts": (1, 2)}
    assert redis_cache.get_many(["record", "missing"]) == {"record": {"roles": ["lead"], "counts": (1, 2)}}
    time.sleep(1.2)
    assert redis_cache.get("brief") is None
    redis_cache.delete("record")
    assert redis_cache.get("record", "absent") == "absent"


def test_the_settings_choose_it_for_a_redis_url(monkeypatch):
    from learning.settings.base import cache_from_env

    monkeypatch.delenv("CACHE_URL", raising=False)  # the default given (production: the broker's Redis)
    assert cache_from_env("rediscache://127.0.0.1:6379/1")["default"]["BACKEND"] == (
        "learning.core.redis_cache.KeptClientRedisCache"
    )
    monkeypatch.setenv("CACHE_URL", "rediscache://127.0.0.1:6379/2")  # or CACHE_URL, which wins
    assert cache_from_env("locmemcache://")["default"]["BACKEND"].endswith("KeptClientRedisCache")
    monkeypatch.setenv("CACHE_URL", "locmemcache://")
    assert cache_from_env("rediscache://127.0.0.1:6379/1")["default"]["OPTIONS"]["MAX_ENTRIES"] == 10000
