"""Writing history means writing past dates into fields Django fills with "now" (auto_now, auto_now_add)."""

from contextlib import contextmanager


@contextmanager
def stated_timestamps(*models):
    """Within the block, auto_now and auto_now_add fields of `models` keep the values given to them. Only for
    the generator, which runs alone in a management command: the switch is process-wide."""
    fields = [
        field
        for model in models
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add
