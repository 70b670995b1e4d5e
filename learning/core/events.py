"""The events a lower layer sends so that a higher one can act, without importing it.

Imports flow one way, bottom to top: progress and assessments sit below the completion rule, which sits below
certificates and coverage. When something below happens that a layer above must hear about, the lower layer
sends one of these signals; the layer above connects a receiver in its AppConfig.ready. A receiver writes
nothing: it only queues a task once the sender's transaction commits (`queue_after_commit`,
learning.core.tasks_queue), so the sender's change stands on its own, and the follow-up is idempotent, retried
and, when the work matters, owed in the database until done (learning.core.owed).

Arguments are ids, never model instances: they are what the receivers hand on to tasks.
"""

from django.dispatch import Signal

# A person's completion rule for a module may now be met (the last lesson done, a quiz graded, a reflection
# signed off). Sent by learning.progress once the check is owed (Enrolment.completion_check_due_at).
# Arguments: user_id, module_id. Received by learning.completion, which queues the evaluation.
completion_check_due = Signal()

# A module completion was recorded. Sent by learning.completion. Argument: completion_id (a ModuleCompletion).
# Received by certificates, which queues the certificate, and learning.lti, which queues the score for the LMS
# gradebook the module was launched from.
module_completed = Signal()

# A person's progress on a module moved (a lesson or the module completed). Sent by learning.progress and
# learning.completion. Arguments: user_id, module_id. Received by learning.coverage, which queues recounts.
learner_progress_changed = Signal()
