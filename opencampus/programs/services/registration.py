"""Registering for a cohort admitted first come or by public lottery, and cancelling.

First come: admitted at once while places remain, otherwise onto the waiting list in the
order people registered. Lottery: an entry with a public entrant number, decided by the draw
(``lottery_draw``); those not drawn wait in draw order. A place given back before the cohort
starts (cancelled by its holder, or a withdrawal staff record) goes to the next in line.
Every change holds the cohort's row lock.
"""

import secrets

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity

from ..models import Cohort, LotteryDraw, Participant, Registration
from .errors import AdmissionError
from .letters import DEFAULT_BASE_URL, draft_registration_letter
from .roster import (
    in_campus_language,
    join_cohort,
    leave_cohort,
    lock_cohort,
    places_left,
    today_on,
    withdraw_participant,
)

Admission = Cohort.Admission
State = Registration.State
# Entrant numbers are read out and typed: no 0/O or 1/I to confuse.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
OPEN_ADMISSIONS = (Admission.FIRST_COME, Admission.LOTTERY)
SOURCE_FOR = {
    Admission.FIRST_COME: Participant.Source.FIRST_COME,
    Admission.LOTTERY: Participant.Source.LOTTERY,
}
CANCELLED_REGISTRATION = _("Cancelled their registration.")


def registration_phase(cohort, now=None):
    """``"upcoming"``, ``"open"`` or ``"closed"``; ``None`` for a cohort without registration."""
    if cohort.admission not in OPEN_ADMISSIONS or not (
        cohort.registration_opens_at and cohort.registration_closes_at
    ):
        return None
    now = now or timezone.now()
    if now < cohort.registration_opens_at:
        return "upcoming"
    return "open" if now < cohort.registration_closes_at else "closed"


def format_moment(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def ensure_registration_open(cohort, now=None):
    if cohort.admission not in OPEN_ADMISSIONS:
        raise AdmissionError(_("This cohort is filled through a call; apply to the call instead."))
    phase = registration_phase(cohort, now)
    if not cohort.is_published or phase is None:
        raise AdmissionError(_("Registration for this cohort is not open."))
    if phase == "upcoming":
        raise AdmissionError(
            _("Registration opens on %(date)s.") % {"date": format_moment(cohort.registration_opens_at)}
        )
    if phase == "closed":
        raise AdmissionError(
            _("Registration closed on %(date)s.") % {"date": format_moment(cohort.registration_closes_at)}
        )


def new_code(cohort):
    """A short entrant number, unique in the cohort, that says nothing about the person."""
    taken = set(Registration.objects.filter(cohort=cohort).values_list("code", flat=True))
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _position in range(CODE_LENGTH))
        if code not in taken:
            return code


def waiting_order(registrations, draw=None):
    """The registrations waiting for a place, next first: by draw order after a lottery,
    else by the time they registered."""
    if draw is not None:
        rank = {code: position for position, code in enumerate(draw.order)}
        waiting = [r for r in registrations if r.state == State.NOT_DRAWN and r.code in rank]
        return sorted(waiting, key=lambda r: rank[r.code])
    waiting = [r for r in registrations if r.state == State.WAITING]
    return sorted(waiting, key=lambda r: (r.created, r.pk))


def waiting_line(cohort):
    registrations = Registration.objects.filter(
        cohort=cohort, state__in=[State.WAITING, State.NOT_DRAWN]
    ).select_related("user")
    draw = LotteryDraw.objects.filter(cohort=cohort).first()
    return waiting_order(registrations, draw)


def waiting_position(registration):
    """1 for the next in line; ``None`` when the registration is not waiting."""
    for position, waiting in enumerate(waiting_line(registration.cohort), start=1):
        if waiting.pk == registration.pk:
            return position
    return None


def _log(registration, actor, **data):
    log_activity(
        campus=registration.campus,
        actor=actor,
        action=f"registration.{registration.state}",
        subject=registration,
        data={"cohort": registration.cohort.slug, "code": registration.code, **data},
    )


def _join(registration, cohort, *, actor, now):
    return join_cohort(
        cohort=cohort,
        user=registration.user,
        source=SOURCE_FOR[Admission(cohort.admission)],
        joined_on=today_on(cohort.campus, now),
        actor=actor,
    )


@transaction.atomic
def register(*, cohort, user, now=None):
    """``user`` registers: first come, admitted or waiting; lottery, entered with an entrant number."""
    cohort = lock_cohort(cohort)
    ensure_registration_open(cohort, now)
    existing = Registration.objects.filter(cohort=cohort, user=user).first()
    if existing is not None and existing.state == State.CANCELLED:
        raise AdmissionError(
            _("You cancelled your registration; please contact the campus team to register again.")
        )
    if existing is not None:
        raise AdmissionError(_("You are already registered for this cohort."))
    if Participant.objects.filter(cohort=cohort, user=user).exists():
        raise AdmissionError(_("You are already on this cohort's list of participants."))
    registration = Registration(campus=cohort.campus, cohort=cohort, user=user, code=new_code(cohort))
    if cohort.admission == Admission.LOTTERY:
        registration.state = State.ENTERED
    elif places_left(cohort) > 0:
        registration.state = State.ADMITTED
    else:
        registration.state = State.WAITING
    registration.save()
    _log(registration, user)
    if registration.state == State.ADMITTED:
        _join(registration, cohort, actor=user, now=now)
    return registration


def ensure_cancellable(registration, cohort, now=None):
    if registration.state == State.CANCELLED:
        raise AdmissionError(_("This registration is already cancelled."))
    if today_on(cohort.campus, now) >= cohort.starts_on:
        raise AdmissionError(
            _("The cohort started on %(date)s; please ask the campus team if you need to leave it.")
            % {"date": formats.date_format(cohort.starts_on)}
        )
    # Entries are frozen once registration closes, so nobody can shape the list the draw sees.
    if registration.state == State.ENTERED and registration_phase(cohort, now) != "open":
        raise AdmissionError(_("Entries are frozen for the draw; you can cancel yours after the draw."))


@transaction.atomic
def cancel_registration(*, registration, actor, base_url=DEFAULT_BASE_URL, now=None):
    """Cancel before the cohort starts; a place given back goes to the next in line (who gets a letter)."""
    cohort = lock_cohort(registration.cohort)
    registration = (
        Registration.objects.select_for_update(of=("self",)).select_related("user").get(pk=registration.pk)
    )
    registration.cohort = cohort
    ensure_cancellable(registration, cohort, now)
    held_a_place = registration.state == State.ADMITTED
    registration.state = State.CANCELLED
    registration.save(update_fields=["state"])
    _log(registration, actor)
    if held_a_place:
        participant = (
            Participant.objects.select_for_update(of=("self",))
            .filter(cohort=cohort, user=registration.user, state=Participant.State.ACTIVE)
            .select_related("campus", "cohort")
            .first()
        )
        if participant is not None:
            left_on = max(today_on(cohort.campus, now), participant.joined_on)
            reason = in_campus_language(cohort.campus, CANCELLED_REGISTRATION)
            leave_cohort(participant, left_on=left_on, reason=reason, actor=actor)
        admit_next_in_line(cohort=cohort, base_url=base_url, now=now)
    return registration


@transaction.atomic
def withdraw_and_offer_place(*, participant, left_on, reason, actor, base_url=DEFAULT_BASE_URL, now=None):
    """Staff record a withdrawal; before a first-come or lottery cohort starts, the place goes to
    the next in line. Returns the registrations admitted from the waiting line."""
    cohort = lock_cohort(participant.cohort)
    withdraw_participant(participant=participant, left_on=left_on, reason=reason, actor=actor)
    if cohort.admission in OPEN_ADMISSIONS and today_on(cohort.campus, now) < cohort.starts_on:
        return admit_next_in_line(cohort=cohort, base_url=base_url, now=now)
    return []


def admit_next_in_line(*, cohort, base_url=DEFAULT_BASE_URL, now=None):
    """Give the locked ``cohort``'s free places to the waiting line, next first; returns those admitted."""
    free = places_left(cohort)
    admitted = waiting_line(cohort)[:free]
    for registration in admitted:
        registration.cohort, registration.state = cohort, State.ADMITTED
        registration.save(update_fields=["state"])
        _join(registration, cohort, actor=None, now=now)
        _log(registration, None, from_waiting_line=True)
        draft_registration_letter(registration, "admitted_from_waiting_line", base_url=base_url)
    return admitted
