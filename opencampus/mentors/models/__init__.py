from .matching import MatchingRound, MatchingRun, Mentee, MenteePreference, MentorPreference, PairRule
from .mentorship import MentoringSession, Mentorship
from .network import MENTORING_LANGUAGES, MentorField, MentorInvitation, MentorProfile

__all__ = [
    "MENTORING_LANGUAGES",
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
