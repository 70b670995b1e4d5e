"""Writes for assessments: quiz attempts and question import (reflective practice joins later)."""
