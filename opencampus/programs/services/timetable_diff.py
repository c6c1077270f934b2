"""What changed between two versions of a cohort's timetable, session by session."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Change:
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    LABELS = {ADDED: _("new"), REMOVED: _("removed"), MOVED: _("moved")}

    kind: str
    session: object
    before: object  # TimetableEntry or None
    after: object  # TimetableEntry or None

    @property
    def label(self):
        return self.LABELS[self.kind]


def same_place(before, after):
    return (before.starts_at, before.days, before.room_id) == (after.starts_at, after.days, after.room_id)


def placed_entries(timetable):
    if timetable is None:
        return {}
    return {
        entry.session_id: entry
        for entry in timetable.entries.filter(starts_at__isnull=False).select_related("session", "room")
    }


def diff_timetables(before, after):
    """Changes from ``before`` (None: nothing published yet) to ``after``, in the order of the new plan."""
    old, new = placed_entries(before), placed_entries(after)
    changes = []
    for session_id, entry in sorted(new.items(), key=lambda item: (item[1].starts_at, item[0])):
        if session_id not in old:
            changes.append(Change(Change.ADDED, entry.session, None, entry))
        elif not same_place(old[session_id], entry):
            changes.append(Change(Change.MOVED, entry.session, old[session_id], entry))
    for session_id, entry in sorted(old.items(), key=lambda item: (item[1].starts_at, item[0])):
        if session_id not in new:
            changes.append(Change(Change.REMOVED, entry.session, entry, None))
    return changes
