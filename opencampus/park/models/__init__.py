from .bookings import Booking, Occurrence, SpaceClaim
from .residency import Residency
from .spaces import ClosedDay, Feature, OpeningHours, Space, SpacePhoto
from .trainings import Training, TrainingRecord
from .visits import TourSlot, VisitRequest, VisitSurvey

__all__ = [
    "Booking",
    "ClosedDay",
    "Feature",
    "Occurrence",
    "OpeningHours",
    "Residency",
    "Space",
    "SpaceClaim",
    "SpacePhoto",
    "TourSlot",
    "Training",
    "TrainingRecord",
    "VisitRequest",
    "VisitSurvey",
]
