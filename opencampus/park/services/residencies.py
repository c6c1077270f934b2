"""Residencies: an organisation's tenancy, its spaces, term, fee, quota and state, each change logged.

A residency moves applied → resident → leaving → left, or applied → left when it never
started. An organisation holds at most one residency that is not left (a database
constraint too); the representatives are told when theirs starts, is ending or has ended.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity
from opencampus.core.services.outbox import draft_mail
from opencampus.people.models import Membership

from ..models import Residency

State = Residency.State
TRANSITIONS = {
    State.APPLIED: {State.RESIDENT, State.LEFT},
    State.RESIDENT: {State.LEAVING},
    State.LEAVING: {State.LEFT},
    State.LEFT: set(),
}
OPEN_STATES = (State.APPLIED, State.RESIDENT, State.LEAVING)
EDITABLE_FIELDS = ("starts_on", "ends_on", "monthly_fee", "monthly_booking_hours", "note")
MAILED_STATES = {State.RESIDENT, State.LEAVING, State.LEFT}


class ResidencyError(ValidationError):
    """A residency change the rules do not allow; the message is for people."""


def may_change_state(residency, state):
    return state in TRANSITIONS[residency.state]


def open_residency(organisation):
    """The organisation's residency that is not left, or None."""
    return Residency.objects.filter(organisation=organisation, state__in=OPEN_STATES).first()


def _check_term(starts_on, ends_on):
    if ends_on is not None and starts_on is not None and ends_on <= starts_on:
        raise ResidencyError(_("The term must end after it starts."), code="term")


def _check_amounts(fields):
    if fields.get("monthly_fee", 0) < 0:
        raise ResidencyError(_("The monthly fee cannot be negative."), code="fee")
    if fields.get("monthly_booking_hours", 0) < 0:
        raise ResidencyError(_("The booking quota cannot be negative."), code="quota")


def _check_spaces(campus, spaces):
    foreign = [space for space in spaces if space.campus_id != campus.pk]
    if foreign:
        raise ResidencyError(_("Only spaces of this campus can be held."), code="foreign_space")
    return list(spaces)


def _check_no_other_open(organisation, exclude=None):
    others = Residency.objects.filter(organisation=organisation, state__in=OPEN_STATES)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    if others.exists():
        raise ResidencyError(
            _("“%(organisation)s” already has a residency that has not ended.")
            % {"organisation": organisation.name},
            code="open_residency",
        )


@transaction.atomic
def create_residency(*, organisation, actor, starts_on, spaces=(), state=State.APPLIED, **fields):
    """A residency of ``organisation`` on its campus; ``fields`` are among ``EDITABLE_FIELDS``."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not an editable residency field: {', '.join(sorted(unknown))}")
    campus = organisation.campus
    held = _check_spaces(campus, spaces)
    _check_term(starts_on, fields.get("ends_on"))
    _check_amounts(fields)
    if state in OPEN_STATES:
        _check_no_other_open(organisation)
    residency = Residency.objects.create(
        campus=campus, organisation=organisation, starts_on=starts_on, state=state, **fields
    )
    residency.spaces.set(held)
    log_activity(
        campus=campus,
        actor=actor,
        action="residency.created",
        subject=residency,
        data={"state": state, "spaces": sorted(space.pk for space in held)},
    )
    return residency


def _lock(residency):
    return Residency.objects.select_for_update().select_related("organisation").get(pk=residency.pk)


@transaction.atomic
def update_residency(*, residency, actor, spaces=None, **changes):
    """Change the given fields and, if given, the spaces held; log what changed. True if anything did."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not an editable residency field: {', '.join(sorted(unknown))}")
    current = _lock(residency)
    changed = sorted(name for name, value in changes.items() if getattr(current, name) != value)
    for name in changed:
        setattr(current, name, changes[name])
    _check_term(current.starts_on, current.ends_on)
    _check_amounts(changes)
    spaces_changed = False
    if spaces is not None:
        held = _check_spaces(current.campus, spaces)
        spaces_changed = {space.pk for space in held} != set(current.spaces.values_list("pk", flat=True))
        if spaces_changed:
            current.spaces.set(held)
            changed.append("spaces")
    if not changed:
        return False
    saved = [name for name in changed if name != "spaces"]
    if saved:
        current.save(update_fields=saved)
    log_activity(
        campus=current.campus,
        actor=actor,
        action="residency.updated",
        subject=current,
        data={"fields": changed},
    )
    return True


def _mail_representatives(residency, link):
    representatives = Membership.objects.filter(
        organisation=residency.organisation, role=Membership.Role.REPRESENTATIVE
    ).select_related("user")
    for membership in representatives:
        person = membership.user
        draft_mail(
            campus=residency.campus,
            to=person.email,
            recipient=person,
            template=f"park/mail/residency_{residency.state}.txt",
            context={
                "residency": residency,
                "organisation": residency.organisation,
                "person": person,
                "link": link,
            },
            language=person.preferred_language,
            reason=f"residency.{residency.state}",
        )


@transaction.atomic
def set_residency_state(*, residency, state, actor, link=""):
    """Move the residency to ``state`` if its current state allows; representatives get a draft mail."""
    current = _lock(residency)
    if state == current.state:
        return current
    if not may_change_state(current, state):
        raise ResidencyError(
            _("A residency that is %(current)s cannot become %(state)s.")
            % {"current": current.get_state_display(), "state": State(state).label},
            code="transition",
        )
    previous = current.state
    current.state = state
    current.save(update_fields=["state"])
    log_activity(
        campus=current.campus,
        actor=actor,
        action="residency.state_changed",
        subject=current,
        data={"from": previous, "to": state},
    )
    if state in MAILED_STATES:
        _mail_representatives(current, link)
    return current
