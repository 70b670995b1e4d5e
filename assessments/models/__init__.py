from assessments.models.follow_up import FollowUp
from assessments.models.notification import Notification
from assessments.models.quiz import Attempt, AttemptQuestion, Option, Question, QuestionTag, Quiz
from assessments.models.reflection import ReflectionComment, ReflectionExport, ReflectiveEntry
from assessments.models.supervision import SessionAction, SessionNote, SupervisionSession

__all__ = [
    "Attempt",
    "AttemptQuestion",
    "FollowUp",
    "Notification",
    "Option",
    "Question",
    "QuestionTag",
    "Quiz",
    "ReflectionComment",
    "ReflectionExport",
    "ReflectiveEntry",
    "SessionAction",
    "SessionNote",
    "SupervisionSession",
]
