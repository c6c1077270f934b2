from .participants import LotteryDraw, Participant, Registration
from .tracks import Cohort, Track

__all__ = ["Cohort", "LotteryDraw", "Participant", "Registration", "Track"]
