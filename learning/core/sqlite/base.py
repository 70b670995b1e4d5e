"""Django's SQLite backend, except that an integer too large for SQLite is compared instead of crashing.

SQLite stores integers in 64 bits and Python's sqlite3 refuses to bind a larger one (OverflowError), while
PostgreSQL compares it and finds nothing. Django guards plain integer fields but not the keys of related
models or `__in` lists, so a form choice such as 99999999999999999999 (a ModelChoiceField of pages, a
multiple choice of reflections) was a server error on SQLite. Such a value is bound as a real number here:
it matches no row, as on PostgreSQL. Writing one is refused earlier, by field validation.
"""

from collections.abc import Mapping

from django.db.backends.sqlite3 import base, operations

SQLITE_INTEGERS = range(-(2**63), 2**63)


def _bindable(value):
    if isinstance(value, int) and not isinstance(value, bool) and value not in SQLITE_INTEGERS:
        return float(value)
    return value


def _bindable_params(params):
    if params is None:
        return None
    if isinstance(params, Mapping):
        return {key: _bindable(value) for key, value in params.items()}
    return [_bindable(value) for value in params]


class SQLiteCursorWrapper(base.SQLiteCursorWrapper):
    def execute(self, query, params=None):
        return super().execute(query, _bindable_params(params))

    def executemany(self, query, param_list):
        return super().executemany(query, (_bindable_params(params) for params in param_list))


class DatabaseOperations(operations.DatabaseOperations):
    def _quote_params_for_last_executed_query(self, params):  # the query log (DEBUG) binds them too
        return super()._quote_params_for_last_executed_query(_bindable_params(params))


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations

    def create_cursor(self, name=None):
        return self.connection.cursor(factory=SQLiteCursorWrapper)
