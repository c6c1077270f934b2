"""The planner's reasons for leaving a session unplaced, worded for staff in their language."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from opencampus.park.models import Space
from opencampus.people.models import User

from ..models import Session


def describe_unplaced(entries):
    """``(entry, sentences)`` for unplaced timetable entries, from their stored reasons
    (``{"code": …, "detail": …, fields…}``)."""
    names = _Names([reason for entry in entries for reason in entry.reasons])
    return [(entry, [_sentence(reason, names) for reason in entry.reasons]) for entry in entries]


class _Names:
    """Names of the people, rooms and sessions the reasons mention, read in three queries at most."""

    def __init__(self, reasons):
        people, rooms, sessions = set(), set(), set()
        for reason in reasons:
            people.update(filter(None, [reason.get("instructor"), *reason.get("instructors", [])]))
            rooms.update(reason.get("rooms") or [])
            sessions.update(filter(None, [reason.get("predecessor"), *reason.get("sessions", [])]))
        self.people = {
            user.pk: user.get_full_name() or user.email for user in User.objects.filter(pk__in=people)
        }
        self.rooms = {space.pk: space.name for space in Space.objects.filter(pk__in=rooms)} if rooms else {}
        self.sessions = (
            {session.pk: session.title for session in Session.objects.filter(pk__in=sessions)}
            if sessions
            else {}
        )

    def person(self, pk):
        return self.people.get(pk, str(pk))

    def listed(self, kind, pks):
        table = getattr(self, kind)
        return ", ".join(table.get(pk, str(pk)) for pk in pks or [])


def _sentence(reason, names):
    code = reason["code"]
    if code == "no_room":
        features = ", ".join(reason.get("features") or [])
        if features:
            return _("No room holds %(capacity)d people with %(features)s.") % {
                "capacity": reason["capacity"],
                "features": features,
            }
        return _("No room holds %(capacity)d people.") % {"capacity": reason["capacity"]}
    if code == "no_slot_fits":
        return {
            "weeks": _("Its weeks lie outside the cohort's weeks."),
            "duration": _("No weekly slot is long enough for %(minutes)d minutes.")
            % {"minutes": reason["duration"]},
            "days": ngettext(
                "No weekly slot leaves %(days)d day before the week ends.",
                "No weekly slot leaves %(days)d days in a row before the week ends.",
                reason["days"],
            )
            % {"days": reason["days"]},
        }[reason["cause"]]
    if code == "instructor_never_available":
        return _("%(person)s is never available for %(minutes)d minutes in any weekly slot.") % {
            "person": names.person(reason["instructor"]),
            "minutes": reason["duration"],
        }
    if code == "instructor_unavailable":
        return _("%(person)s is away or teaching elsewhere at every time that would fit.") % {
            "person": names.person(reason["instructor"])
        }
    if code == "instructors_never_together":
        return _("%(people)s are never available at the same time.") % {
            "people": names.listed("people", reason["instructors"])
        }
    if code == "unknown_instructor":
        return _("%(person)s has given no weekly availability.") % {
            "person": names.person(reason["instructor"])
        }
    if code == "rooms_booked":
        return _("Every fitting room (%(rooms)s) is booked or closed at every time that would fit.") % {
            "rooms": names.listed("rooms", reason["rooms"])
        }
    if code == "precedence":
        predecessor = names.listed("sessions", [reason["predecessor"]])
        return {
            "unplaceable": _("It comes after “%(session)s”, which cannot be placed."),
            "too_late": _("No time is left after “%(session)s”."),
            "not_placed": _("It comes after “%(session)s”, which is not placed."),
        }[reason["cause"]] % {"session": predecessor}
    if code == "crowded":
        return _("Every time that would fit is taken by other sessions: %(sessions)s.") % {
            "sessions": names.listed("sessions", reason.get("sessions"))
        }
    return reason.get("detail", code)
