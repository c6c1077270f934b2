"""A cohort's roster: who joins and how, who leaves, and the places left.

Whoever adds a participant holds the cohort's row lock (``lock_cohort``) while counting the
places, so two requests at once cannot overfill the cohort.
"""

from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity
from opencampus.people.models import CampusRole
from opencampus.people.roles import forget_roles

from ..models import Cohort, Participant, Registration
from .errors import AdmissionError

State = Participant.State
Source = Participant.Source


def today_on(campus, now=None):
    """The date in the campus's time zone (joining and leaving dates are the campus's days)."""
    return timezone.localdate(now or timezone.now(), campus.tz)


def lock_cohort(cohort):
    """``cohort`` read again with its row locked until the transaction ends."""
    return Cohort.objects.select_for_update(of=("self",)).select_related("campus").get(pk=cohort.pk)


def active_count(cohort):
    return Participant.objects.filter(cohort=cohort, state=State.ACTIVE).count()


def places_left(cohort):
    return max(0, cohort.size - active_count(cohort))


def ensure_place(cohort):
    if places_left(cohort) == 0:
        raise AdmissionError(_("The cohort is full: all %(size)s places are taken.") % {"size": cohort.size})


def in_campus_language(campus, text):
    """``text`` translated once for the record, in the campus's language, whoever caused it."""
    with translation.override(campus.default_language):
        return str(text)


def grant_participant_role(*, campus, user, actor):
    # The admission letter already tells them, so unlike ``grant_role`` no separate notice is drafted.
    _grant, created = CampusRole.objects.get_or_create(
        campus=campus, user=user, role=CampusRole.Role.PARTICIPANT
    )
    if created:
        forget_roles(user)
        log_activity(
            campus=campus, actor=actor, action="role.granted", subject=user, data={"role": "participant"}
        )


def join_cohort(*, cohort, user, source, joined_on, actor, application=None):
    """Add ``user`` to ``cohort``'s roster; the caller holds the cohort lock and checked the places."""
    participant = Participant.objects.create(
        campus=cohort.campus,
        cohort=cohort,
        user=user,
        application=application,
        source=source,
        joined_on=joined_on,
    )
    log_activity(
        campus=cohort.campus,
        actor=actor,
        action="participant.joined",
        subject=participant,
        data={"cohort": cohort.slug, "source": source, "joined_on": joined_on.isoformat()},
    )
    grant_participant_role(campus=cohort.campus, user=user, actor=actor)
    return participant


def leave_cohort(participant, *, left_on, reason, actor):
    """Record that ``participant`` left on ``left_on``; the caller holds the participant's row lock."""
    participant.state, participant.left_on, participant.leave_reason = State.WITHDRAWN, left_on, reason
    participant.save(update_fields=["state", "left_on", "leave_reason"])
    log_activity(
        campus=participant.campus,
        actor=actor,
        action="participant.withdrawn",
        subject=participant,
        data={"cohort": participant.cohort.slug, "left_on": left_on.isoformat(), "reason": reason},
    )


def lock_participant(participant):
    return (
        Participant.objects.select_for_update(of=("self",))
        .select_related("campus", "cohort", "user")
        .get(pk=participant.pk)
    )


@transaction.atomic
def withdraw_participant(*, participant, left_on, reason, actor):
    """The campus team records that ``participant`` left the cohort on ``left_on``, and why."""
    participant = lock_participant(participant)
    if participant.state == State.WITHDRAWN:
        raise AdmissionError(
            _("%(person)s already left the cohort on %(date)s.")
            % {"person": participant.user, "date": formats.date_format(participant.left_on)}
        )
    reason = reason.strip()
    if not reason:
        raise AdmissionError(_("Say why they leave the cohort."), field="reason")
    if left_on < participant.joined_on:
        raise AdmissionError(
            _("They joined on %(date)s, so they cannot leave before that.")
            % {"date": formats.date_format(participant.joined_on)},
            field="left_on",
        )
    leave_cohort(participant, left_on=left_on, reason=reason, actor=actor)
    return participant


def is_person_of(campus, user):
    return CampusRole.objects.filter(campus=campus, user=user).exists()


@transaction.atomic
def add_late_joiner(*, cohort, user, joined_on, actor):
    """Add a person of the campus to the roster from ``joined_on`` (source: joined late)."""
    cohort = lock_cohort(cohort)
    if not is_person_of(cohort.campus, user):
        raise AdmissionError(
            _("This person holds no role on this campus. Ask them to sign up here first."), field="person"
        )
    existing = Participant.objects.filter(cohort=cohort, user=user).first()
    if existing is not None and existing.state == State.ACTIVE:
        raise AdmissionError(_("This person already takes part in the cohort."), field="person")
    if existing is not None:
        raise AdmissionError(
            _("This person left the cohort on %(date)s; a participant who left cannot join again.")
            % {"date": formats.date_format(existing.left_on)},
            field="person",
        )
    if joined_on > cohort.ends_on:
        raise AdmissionError(
            _("The cohort ends on %(date)s; nobody can join after that.")
            % {"date": formats.date_format(cohort.ends_on)},
            field="joined_on",
        )
    ensure_place(cohort)
    participant = join_cohort(cohort=cohort, user=user, source=Source.LATE, joined_on=joined_on, actor=actor)
    # A registration still waiting (or entered in a lottery) is settled: they now hold a place.
    Registration.objects.filter(
        cohort=cohort,
        user=user,
        state__in=[Registration.State.ENTERED, Registration.State.WAITING, Registration.State.NOT_DRAWN],
    ).update(state=Registration.State.ADMITTED)
    return participant
