"""What can be created where in the page tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from modules.models import HomePage, LearningIndexPage, LessonPage, ModulePage


class PageCreationRulesTest(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {LearningIndexPage})

    def test_modules_live_in_a_learning_index(self):
        self.assertAllowedParentPageTypes(ModulePage, {LearningIndexPage})
        self.assertAllowedSubpageTypes(LearningIndexPage, {ModulePage})

    def test_lessons_live_in_modules_and_have_no_children(self):
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_lessons_cannot_be_created_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, LessonPage)
        self.assertCanNotCreateAt(LearningIndexPage, LessonPage)
        self.assertCanCreateAt(ModulePage, LessonPage)
