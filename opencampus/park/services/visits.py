"""Group visits: requests, tour slots, state changes, reminders and the post-visit survey.

Every state change goes validate → save → log → draft a mail to the contact (in the
request's language). Seats in a tour are counted with the slot row locked, so two staff
confirming groups into the same tour at once cannot overfill it.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.links import campus_reverse
from opencampus.core.services.activity import log_activity
from opencampus.core.services.outbox import draft_mail

from ..models import TourSlot, VisitRequest, VisitSurvey

State = VisitRequest.State
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
REMINDER_WINDOW = timedelta(days=2)
MAX_REQUESTS_PER_ADDRESS_A_DAY = 3
MAX_REQUESTS_AN_HOUR = 60
# Groups that hold seats in a tour: confirmed ones, and the ones that came.
SEATED_STATES = (State.CONFIRMED, State.VISITED)

TRANSITIONS = {
    State.REQUESTED: {State.CONFIRMED, State.DECLINED, State.CANCELLED},
    State.CONFIRMED: {State.CONFIRMED, State.DECLINED, State.CANCELLED, State.VISITED, State.NO_SHOW},
    # A group marked as not come may still turn up late the same day.
    State.NO_SHOW: {State.VISITED},
    State.DECLINED: set(),
    State.CANCELLED: set(),
    State.VISITED: set(),
}


class VisitError(Exception):
    """A change the visit or tour does not allow; the text is shown to the person who tried."""


def seated_visitors(*, slot, exclude=None):
    """How many visitors the groups confirmed into ``slot`` bring (``exclude``: a visit left out)."""
    visits = VisitRequest.objects.filter(slot=slot, state__in=SEATED_STATES)
    if exclude is not None:
        visits = visits.exclude(pk=exclude.pk)
    return visits.aggregate(total=Sum("group_size"))["total"] or 0


def booked_visitors():
    """An annotation: the visitors the groups seated in each slot bring."""
    return Sum("visits__group_size", filter=Q(visits__state__in=SEATED_STATES), default=0)


def status_link(visit, base_url=DEFAULT_BASE_URL):
    return base_url.rstrip("/") + campus_reverse(visit.campus, "visits:status", token=visit.token)


def _draft(visit, template, base_url, **context):
    # Times in the mail are the campus's, also when a cron job drafts it.
    with timezone.override(visit.campus.tz):
        return draft_mail(
            campus=visit.campus,
            to=visit.contact_email,
            recipient=visit.requested_by,
            template=f"park/mail/{template}.txt",
            context={"visit": visit, "slot": visit.slot, "link": status_link(visit, base_url), **context},
            language=visit.language,
            reason=f"visit.{template.removeprefix('visit_')}",
        )


def _move(visit, state, *, actor, fields=(), action=None, data=None):
    """Validate the move to ``state``, save ``state`` and ``fields`` and log it as ``visit.<action>``."""
    old_state = visit.state
    if state not in TRANSITIONS[State(old_state)]:
        raise VisitError(
            _("A visit that is “%(old)s” cannot become “%(new)s”.")
            % {"old": State(old_state).label, "new": State(state).label}
        )
    visit.state = state
    visit.save(update_fields=["state", *fields])
    log_activity(
        campus=visit.campus,
        actor=actor,
        action=f"visit.{action or state}",
        subject=visit,
        data={"from": old_state, **(data or {})},
    )


def _lock(visit):
    """Lock ``visit``'s row and read its state again, so two staff cannot decide on it at once."""
    visit.state, visit.slot_id = (
        VisitRequest.objects.select_for_update().filter(pk=visit.pk).values_list("state", "slot_id").get()
    )


def _reserve(visit, slot):
    """Lock ``slot`` and make sure ``visit``'s group still fits; returns the locked slot."""
    if slot.campus_id != visit.campus_id:
        raise VisitError(_("This tour belongs to another campus."))
    locked = TourSlot.objects.select_for_update().get(pk=slot.pk)
    if locked.start <= timezone.now():
        raise VisitError(_("This tour has already started; choose a later one."))
    seated = seated_visitors(slot=locked, exclude=visit)
    if seated + visit.group_size > locked.capacity:
        raise VisitError(
            _(
                "The tour takes %(capacity)s visitors and %(seated)s are already confirmed; "
                "a group of %(size)s does not fit. Choose another tour or raise its capacity."
            )
            % {"capacity": locked.capacity, "seated": seated, "size": visit.group_size}
        )
    return locked


def _refuse_floods(campus, email, now):
    """The form needs no account, so a script could fill the outbox: cap it per address and per hour."""
    recent = VisitRequest.objects.filter(
        campus=campus, state=State.REQUESTED, created__gte=now - timedelta(days=1)
    )
    if recent.filter(contact_email__iexact=email).count() >= MAX_REQUESTS_PER_ADDRESS_A_DAY:
        raise VisitError(
            _("We already received %(count)d requests from this address today; we will answer them first.")
            % {"count": MAX_REQUESTS_PER_ADDRESS_A_DAY}
        )
    if recent.filter(created__gte=now - timedelta(hours=1)).count() >= MAX_REQUESTS_AN_HOUR:
        raise VisitError(_("We are receiving too many requests right now; please try again in an hour."))


def request_visit(*, campus, fields, requested_by=None, base_url=DEFAULT_BASE_URL, now=None):
    """Record an institution's request and draft the “we received it” mail to its contact."""
    _refuse_floods(campus, fields.get("contact_email", ""), now or timezone.now())
    visit = VisitRequest(campus=campus, **fields)
    if requested_by is not None and requested_by.is_authenticated:
        visit.requested_by = requested_by
    visit.full_clean(exclude=["token"])
    visit.save()
    log_activity(campus=campus, actor=requested_by, action="visit.requested", subject=visit)
    _draft(visit, "visit_received", base_url)
    return visit


@transaction.atomic
def confirm_visit(*, visit, slot, actor, note="", base_url=DEFAULT_BASE_URL):
    """Give a requested visit a place in ``slot``."""
    _lock(visit)
    if visit.state != State.REQUESTED:
        raise VisitError(_("Only a requested visit can be confirmed; move a confirmed one instead."))
    visit.slot = _reserve(visit, slot)
    visit.staff_note = note or visit.staff_note
    _move(visit, State.CONFIRMED, actor=actor, fields=["slot", "staff_note"], data={"slot": slot.pk})
    _draft(visit, "visit_confirmed", base_url)
    return visit


@transaction.atomic
def reschedule_visit(*, visit, slot, actor, note="", base_url=DEFAULT_BASE_URL):
    """Move a confirmed visit to another tour; a new reminder will be drafted for it."""
    _lock(visit)
    if visit.state != State.CONFIRMED:
        raise VisitError(_("Only a confirmed visit can be moved to another tour."))
    if slot.pk == visit.slot_id:
        raise VisitError(_("The visit is already in this tour."))
    previous = visit.slot_id
    visit.slot = _reserve(visit, slot)
    visit.staff_note = note or visit.staff_note
    visit.reminded_at = None
    _move(
        visit,
        State.CONFIRMED,
        actor=actor,
        fields=["slot", "staff_note", "reminded_at"],
        action="rescheduled",
        data={"slot": slot.pk, "previous_slot": previous},
    )
    _draft(visit, "visit_rescheduled", base_url)
    return visit


@transaction.atomic
def decline_visit(*, visit, actor, note, base_url=DEFAULT_BASE_URL):
    """Say no to a visit (requested or confirmed); ``note`` tells the institution why."""
    _lock(visit)
    if not note.strip():
        raise VisitError(_("Tell the institution why the visit is declined."))
    visit.staff_note = note
    visit.slot = None
    _move(visit, State.DECLINED, actor=actor, fields=["staff_note", "slot"])
    _draft(visit, "visit_declined", base_url)
    return visit


@transaction.atomic
def cancel_visit(*, visit, actor, note="", base_url=DEFAULT_BASE_URL):
    """Record that the visit will not take place (usually at the institution's wish)."""
    _lock(visit)
    visit.staff_note = note or visit.staff_note
    visit.slot = None
    _move(visit, State.CANCELLED, actor=actor, fields=["staff_note", "slot"])
    _draft(visit, "visit_cancelled", base_url)
    return visit


@transaction.atomic
def check_in_visit(*, visit, headcount, actor, base_url=DEFAULT_BASE_URL, now=None):
    """Record how many visitors came and draft the thank-you mail with the survey link."""
    _lock(visit)
    if headcount < 1:
        raise VisitError(
            _("Enter how many visitors came (at least one); otherwise mark the group as not come.")
        )
    visit.headcount = headcount
    visit.checked_in_at = now or timezone.now()
    _move(
        visit,
        State.VISITED,
        actor=actor,
        fields=["headcount", "checked_in_at"],
        data={"headcount": headcount, "group_size": visit.group_size},
    )
    _draft(visit, "visit_thanks", base_url)
    return visit


@transaction.atomic
def mark_no_show(*, visit, actor):
    """Record that the confirmed group did not come."""
    _lock(visit)
    _move(visit, State.NO_SHOW, actor=actor)
    return visit


@transaction.atomic
def draft_visit_reminders(*, campus, now, base_url=DEFAULT_BASE_URL):
    """Draft a reminder for each confirmed visit whose tour starts within two days; returns how many."""
    due = list(
        VisitRequest.objects.select_for_update(of=("self",))
        .filter(
            campus=campus,
            state=State.CONFIRMED,
            reminded_at__isnull=True,
            slot__start__gt=now,
            slot__start__lte=now + REMINDER_WINDOW,
        )
        .select_related("slot", "campus", "requested_by")
        .order_by("slot__start", "pk")
    )
    for visit in due:
        visit.reminded_at = now
        visit.save(update_fields=["reminded_at"])
        log_activity(campus=campus, actor=None, action="visit.reminded", subject=visit)
        _draft(visit, "visit_reminder", base_url)
    return len(due)


def can_answer_survey(visit):
    return visit.state == State.VISITED and not VisitSurvey.objects.filter(visit=visit).exists()


@transaction.atomic
def submit_survey(*, visit, rating, most_useful="", suggestions="", would_recommend=True):
    """Keep the group's one answer to the post-visit survey."""
    _lock(visit)
    if not can_answer_survey(visit):
        raise VisitError(_("The survey is open once, after the visit."))
    survey = VisitSurvey.objects.create(
        campus=visit.campus,
        visit=visit,
        rating=rating,
        most_useful=most_useful,
        suggestions=suggestions,
        would_recommend=would_recommend,
    )
    log_activity(campus=visit.campus, actor=None, action="visit.survey_answered", subject=visit)
    return survey


# Tour slots


def _check_capacity(slot):
    if slot.pk is None:
        return
    seated = seated_visitors(slot=slot)
    if slot.capacity < seated:
        raise VisitError(
            _("%(seated)s visitors are already confirmed for this tour; the capacity cannot be lower.")
            % {"seated": seated}
        )


@transaction.atomic
def save_tour_slot(*, slot, actor):
    """Create or change a tour; its capacity never drops below the visitors already confirmed."""
    created = slot.pk is None
    if not created:
        TourSlot.objects.select_for_update().filter(pk=slot.pk).first()
    _check_capacity(slot)
    slot.full_clean()
    slot.save()
    action = "tour_slot.created" if created else "tour_slot.changed"
    log_activity(campus=slot.campus, actor=actor, action=action, subject=slot)
    return slot


@transaction.atomic
def delete_tour_slot(*, slot, actor):
    """Remove a tour that no visit was ever placed in."""
    if VisitRequest.objects.filter(slot=slot).exists():
        raise VisitError(_("Visits are placed in this tour; move or decline them before deleting it."))
    log_activity(campus=slot.campus, actor=actor, action="tour_slot.deleted", subject=slot)
    slot.delete()
