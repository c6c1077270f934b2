from .formation import AgendaChoice, CohortAgenda, FormationRun, FormationSettings, Trait
from .group import GroupFile, GroupMember, GroupNote, GroupTask, WorkingGroup

__all__ = [
    "AgendaChoice",
    "CohortAgenda",
    "FormationRun",
    "FormationSettings",
    "GroupFile",
    "GroupMember",
    "GroupNote",
    "GroupTask",
    "Trait",
    "WorkingGroup",
]
