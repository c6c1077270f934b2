from .application import Answer, Application
from .call import Call
from .eligibility import EligibilityRule
from .form import FormVersion, Question, Section

__all__ = ["Answer", "Application", "Call", "EligibilityRule", "FormVersion", "Question", "Section"]
