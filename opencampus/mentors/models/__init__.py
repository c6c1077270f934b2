from .matching import MatchingRound, MatchingRun, Mentee, MenteePreference, MentorPreference, PairRule
from .mentorship import OPEN_MENTORSHIP_STATES, MentoringSession, Mentorship
from .network import MENTORING_LANGUAGES, MentorField, MentorInvitation, MentorProfile

__all__ = [
    "MENTORING_LANGUAGES",
    "OPEN_MENTORSHIP_STATES",
    "MatchingRound",
    "MatchingRun",
    "Mentee",
    "MenteePreference",
    "MentorField",
    "MentorInvitation",
    "MentorPreference",
    "MentorProfile",
    "MentoringSession",
    "Mentorship",
    "PairRule",
]
