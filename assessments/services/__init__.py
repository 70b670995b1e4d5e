"""Writes for assessments: quiz attempts and question import; reflections, their review, supervision sessions,
reflective-account exports and the notifications they send."""
