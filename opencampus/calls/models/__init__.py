from .application import Answer, Application
from .call import Call
from .eligibility import EligibilityRule
from .form import FormVersion, Question, Section
from .review import AssignmentOverride, AssignmentRun, Bid, Conflict, Criterion, Review, ReviewPhase, Score
from .selection import SelectionQuota

__all__ = [
    "Answer",
    "Application",
    "AssignmentOverride",
    "AssignmentRun",
    "Bid",
    "Call",
    "Conflict",
    "Criterion",
    "EligibilityRule",
    "FormVersion",
    "Question",
    "Review",
    "ReviewPhase",
    "Score",
    "Section",
    "SelectionQuota",
]
