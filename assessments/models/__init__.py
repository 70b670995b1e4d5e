from .quiz import Attempt, AttemptQuestion, Option, Question, QuestionTag, Quiz

__all__ = ["Attempt", "AttemptQuestion", "Option", "Question", "QuestionTag", "Quiz"]
