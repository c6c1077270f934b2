from .attendance import Attendance, Feedback
from .curriculum import CohortSlot, Session, SessionMaterial, Weekday
from .instructors import LECTURE_FEE_PER_DAY, Engagement, FeeRecord, InstructorAbsence, InstructorAvailability
from .participants import LotteryDraw, Participant, Registration
from .timetables import Timetable, TimetableEntry
from .tracks import Cohort, Track

__all__ = [
    "LECTURE_FEE_PER_DAY",
    "Attendance",
    "Cohort",
    "CohortSlot",
    "Engagement",
    "FeeRecord",
    "Feedback",
    "InstructorAbsence",
    "InstructorAvailability",
    "LotteryDraw",
    "Participant",
    "Registration",
    "Session",
    "SessionMaterial",
    "Timetable",
    "TimetableEntry",
    "Track",
    "Weekday",
]
