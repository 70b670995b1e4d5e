import pytest

from learning.organisations.factories import UserFactory
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure


@pytest.fixture
def learning_index(db):
    return site_structure_ensure()


@pytest.fixture
def make_module(learning_index):
    def make(lessons=3, **kwargs):
        module = ModulePageFactory(parent=learning_index, **kwargs)
        for _ in range(lessons):
            LessonPageFactory(parent=module)
        return module

    return make


@pytest.fixture
def learner(db):
    return UserFactory()
