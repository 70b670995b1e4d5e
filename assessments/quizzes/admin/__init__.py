"""The quiz pages of the Wagtail admin: quizzes and questions as snippets, and the quiz tools viewset."""
