from .agenda import Agenda, AgendaPolicy, AgendaTerm, District, Evidence, StateChange
from .participation import Comment, CommentReport, Endorsement, Follow
from .taxonomy import SdgGoal, SdgTarget, Theme

__all__ = [
    "Agenda",
    "AgendaPolicy",
    "AgendaTerm",
    "Comment",
    "CommentReport",
    "District",
    "Endorsement",
    "Evidence",
    "Follow",
    "SdgGoal",
    "SdgTarget",
    "StateChange",
    "Theme",
]
