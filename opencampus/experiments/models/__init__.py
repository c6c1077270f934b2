from .experiment import Attachment, Experiment, Milestone, Update
from .site import FieldSite

__all__ = ["Attachment", "Experiment", "FieldSite", "Milestone", "Update"]
