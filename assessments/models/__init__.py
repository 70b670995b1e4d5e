from .notification import Notification
from .quiz import Attempt, AttemptQuestion, Option, Question, QuestionTag, Quiz
from .reflection import ReflectionComment, ReflectionExport, ReflectiveEntry
from .supervision import SessionAction, SessionNote, SupervisionSession

__all__ = [
    "Attempt", "AttemptQuestion", "Notification", "Option", "Question", "QuestionTag", "Quiz", "ReflectionComment",
    "ReflectionExport", "ReflectiveEntry", "SessionAction", "SessionNote", "SupervisionSession",
]
