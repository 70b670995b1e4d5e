"""Django's Redis cache with one client per connection pool instead of one per operation.

Django's RedisCacheClient.get_client builds a new redis.Redis for every cache call; each one fills its table
of about 170 response callbacks before it sends anything, which costs more than the round trip itself (a page
makes six to nine cache calls). A redis.Redis over a pool is safe to share between threads, so keep one."""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class KeptClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return self._clients[index]


class KeptClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = KeptClientRedisCacheClient
