"""The applicant's side: start, answer, submit, withdraw; and staff screening."""

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.outbox import draft_mail, release_messages

from ..models import Answer, Application
from .decisions import Links, lock_call_applications, offer_free_place
from .eligibility import evaluate_eligibility, is_blank
from .forms import current_form, questions_of
from .selection import HOLDING_STATES
from .states import set_application_state

State = Application.State
EDITABLE_STATES = {State.DRAFT, State.SUBMITTED, State.INELIGIBLE}


class ApplicationError(Exception):
    """Something the applicant or staff must fix; the text is for people."""

    def __init__(self, message, *, missing=()):
        super().__init__(message)
        self.missing = list(missing)


def ensure_open(call, now=None):
    now = now or timezone.now()
    if not call.is_published or now < call.opens_at:
        raise ApplicationError(_("This call is not open for applications yet."))
    if now >= call.closes_at:
        closed = formats.date_format(timezone.localtime(call.closes_at), "DATETIME_FORMAT")
        raise ApplicationError(
            _("This call closed on %(date)s; applications can no longer change.") % {"date": closed}
        )


@transaction.atomic
def start_application(*, call, applicant, organisation=None):
    """The person's application to ``call``, created as a draft the first time (idempotent)."""
    ensure_open(call)
    application, created = Application.objects.get_or_create(
        call=call,
        applicant=applicant,
        defaults={"campus": call.campus, "form": current_form(call), "organisation": organisation},
    )
    # Applying again may switch between applying alone and for an organisation.
    if not created and application.organisation_id != (organisation.pk if organisation else None):
        ensure_editable(application)
        application.organisation = organisation
        application.save(update_fields=["organisation", "updated"])
    return application


def ensure_editable(application):
    ensure_open(application.call)
    if application.state not in EDITABLE_STATES:
        raise ApplicationError(_("This application can no longer be changed."))


@transaction.atomic
def save_answers(*, application, values, files=None):
    """Store answers by question key; ``files`` holds new uploads (absent = keep the old file)."""
    ensure_editable(application)
    by_key = {question.key: question for question in questions_of(application.form)}
    existing = {answer.question.key: answer for answer in application.answers.select_related("question")}
    for key, value in values.items():
        question = by_key[key]
        answer = existing.get(key) or Answer(
            campus=application.campus, application=application, question=question
        )
        answer.value = value
        answer.save()
    for key, upload in (files or {}).items():
        answer = existing.get(key) or Answer(
            campus=application.campus, application=application, question=by_key[key]
        )
        answer.file = upload
        answer.save()
    application.save(update_fields=["updated"])


def answers_by_key(application):
    return {
        answer.question.key: (answer.file.name if answer.file else answer.value)
        for answer in application.answers.select_related("question")
    }


def missing_answers(application):
    answers = answers_by_key(application)
    return [
        question
        for question in questions_of(application.form)
        if question.required and is_blank(answers.get(question.key))
    ]


@transaction.atomic
def submit_application(*, application, actor, confirmation_link=""):
    """Check required answers and eligibility, then submit; a second submit changes nothing."""
    # Lock first, then read: of two quick submits the second sees the first's result.
    list(Application.objects.select_for_update().filter(pk=application.pk).values_list("pk"))
    application.refresh_from_db()
    ensure_editable(application)
    missing = missing_answers(application)
    if missing:
        raise ApplicationError(_("Some required questions are not answered yet."), missing=missing)
    results = evaluate_eligibility(
        application=application,
        rules=application.call.eligibility_rules.all(),
        answers=answers_by_key(application),
    )
    first_time = application.state == State.DRAFT
    application.eligibility = results
    application.save(update_fields=["eligibility", "updated"])
    state = State.SUBMITTED if all(result["passed"] for result in results) else State.INELIGIBLE
    set_application_state(application=application, state=state, actor=actor)
    if first_time:
        confirm_submission(application=application, link=confirmation_link)
    return application


def confirm_submission(*, application, link):
    """An applicant expects the receipt at once, so it is released without staff review."""
    applicant = application.applicant
    message = draft_mail(
        campus=application.campus,
        to=applicant.email,
        recipient=applicant,
        template="calls/mail/submitted.txt",
        context={"application": application, "call": application.call, "link": link},
        language=applicant.preferred_language,
        reason="application.submitted",
    )
    release_messages(messages=[message], actor=None)


@transaction.atomic
def withdraw_application(*, application, actor, links=None, now=None):
    """Withdraw ``application``; a place it held is offered to the next on the waiting list.

    The call's applications are locked as for a declined place, so a withdrawal and a decline
    at once cannot offer one place twice. ``links`` are the addresses for the offer letter.
    """
    locked = lock_call_applications(application.call_id)
    application.refresh_from_db()
    locked = [application if item.pk == application.pk else item for item in locked]
    held_a_place = application.state in HOLDING_STATES
    set_application_state(application=application, state=State.WITHDRAWN, actor=actor)
    if held_a_place:
        offer_free_place(
            call=application.call, applications=locked, actor=None, links=links or Links(), now=now
        )
    return application


def screen_application(*, application, eligible, reason, actor):
    """Staff decide eligibility by hand; the reason is required and kept."""
    if not reason.strip():
        raise ApplicationError(_("Give the reason for this screening decision."))
    state = State.ELIGIBLE if eligible else State.INELIGIBLE
    return set_application_state(application=application, state=state, actor=actor, reason=reason.strip())
