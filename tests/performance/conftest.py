import pytest

from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure


@pytest.fixture
def make_module(db):
    """A published module with `lessons` live lessons under the learning index."""
    index = site_structure_ensure()

    def make(lessons=3, **kwargs):
        module = ModulePageFactory(parent=index, **kwargs)
        for _ in range(lessons):
            LessonPageFactory(parent=module)
        return module

    return make
