"""The public draw of a lottery cohort.

After registration closes, staff type the seed announced before the draw. The entrant numbers
still entered are frozen into the ``LotteryDraw``, ``opencampus.solvers.lottery.draw`` orders
them, the first places are admitted and the others wait in draw order. Everyone gets a letter.
Anyone can re-run the draw from its JSON (``draw_instance``) with ``VERIFY_COMMAND``.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity
from opencampus.solvers import lottery

from ..models import Cohort, LotteryDraw, Participant, Registration
from .errors import AdmissionError
from .letters import DEFAULT_BASE_URL, cohort_link, draft_registration_letter
from .registration import format_moment
from .roster import active_count, join_cohort, lock_cohort, today_on

State = Registration.State
ALGORITHM = lottery.ALGORITHM
VERIFY_COMMAND = "python -m opencampus.solvers lottery {filename}"


def draw_filename(cohort):
    return f"lottery-{cohort.slug}.json"


def draw_instance(draw):
    """The draw as ``python -m opencampus.solvers lottery`` reads it."""
    return {"seed": draw.seed, "entrants": list(draw.entrants), "places": draw.places}


def verify_command(cohort):
    return VERIFY_COMMAND.format(filename=draw_filename(cohort))


def _ensure_drawable(cohort, seed, now):
    if cohort.admission != Cohort.Admission.LOTTERY:
        raise AdmissionError(_("This cohort is not admitted by lottery."))
    if LotteryDraw.objects.filter(cohort=cohort).exists():
        raise AdmissionError(
            _("The lottery of this cohort has already been drawn; a draw is made only once.")
        )
    closes = cohort.registration_closes_at
    if closes is None:
        raise AdmissionError(
            _("Set the cohort's registration dates first; the draw comes after entries close.")
        )
    if now < closes:
        raise AdmissionError(
            _("Entries are open until %(date)s; the draw comes after they close.")
            % {"date": format_moment(closes)}
        )
    if not seed:
        raise AdmissionError(_("Type the seed that was announced before the draw."), field="seed")


@transaction.atomic
def draw_lottery(*, cohort, seed, actor, base_url=DEFAULT_BASE_URL, now=None):
    """Freeze the entrants, draw with ``seed`` and admit the first places; returns the ``LotteryDraw``."""
    now = now or timezone.now()
    cohort = lock_cohort(cohort)
    seed = seed.strip()
    _ensure_drawable(cohort, seed, now)
    entered = Registration.objects.filter(cohort=cohort, state=State.ENTERED).select_related("user")
    entries = {registration.code: registration for registration in entered}
    if not entries:
        raise AdmissionError(_("Nobody entered the lottery, so there is nothing to draw."))
    entrants = sorted(entries)
    places = max(0, cohort.size - active_count(cohort))
    order = lottery.draw(seed=seed, entrants=entrants, places=places)
    draw = LotteryDraw.objects.create(
        campus=cohort.campus,
        cohort=cohort,
        seed=seed,
        entrants=entrants,
        order=order,
        places=places,
        drawn_at=now,
        drawn_by=actor if actor is not None and actor.is_authenticated else None,
    )
    admitted, not_drawn = order[:places], order[places:]
    Registration.objects.filter(cohort=cohort, code__in=admitted).update(state=State.ADMITTED)
    Registration.objects.filter(cohort=cohort, code__in=not_drawn).update(state=State.NOT_DRAWN)
    joined_on = today_on(cohort.campus, now)
    results_link = cohort_link(cohort, base_url, "programs:lottery")
    for position, code in enumerate(order, start=1):
        registration = entries[code]
        registration.cohort = cohort
        registration.state = State.ADMITTED if position <= places else State.NOT_DRAWN
        if registration.state == State.ADMITTED:
            join_cohort(
                cohort=cohort,
                user=registration.user,
                source=Participant.Source.LOTTERY,
                joined_on=joined_on,
                actor=actor,
            )
        draft_registration_letter(
            registration,
            "lottery_result",
            base_url=base_url,
            draw=draw,
            waiting_position=position - places if position > places else None,
            results_link=results_link,
        )
    log_activity(
        campus=cohort.campus,
        actor=actor,
        action="lottery.drawn",
        subject=cohort,
        data={"seed": seed, "entrants": len(entrants), "places": places, "admitted": admitted},
    )
    return draw
