from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.calls.models import Application, EligibilityRule
from opencampus.calls.services.applications import (
    ApplicationError,
    save_answers,
    screen_application,
    start_application,
    submit_application,
    withdraw_application,
)
from opencampus.calls.services.states import ApplicationStateError
from opencampus.core.models import ActivityLog, OutboxMessage
from tests.factories import CallFactory, OrganisationFactory, QuestionFactory, SectionFactory, UserFactory

State = Application.State


@pytest.fixture
def call(campus):
    with scopes_disabled():
        call = CallFactory(campus=campus)
        section = SectionFactory(form__call=call, form__campus=campus, campus=campus)
        QuestionFactory(section=section, key="motivation", required=True, kind="long_text")
        QuestionFactory(section=section, key="years", kind="number")
    return call


@pytest.fixture
def applicant(db):
    return UserFactory(preferred_language="en")


def test_start_application_is_idempotent(call, applicant):
    with scopes_disabled():
        first = start_application(call=call, applicant=applicant)
        second = start_application(call=call, applicant=applicant)

        assert first.pk == second.pk
        assert Application.objects.filter(call=call).count() == 1
        assert first.state == State.DRAFT


def test_start_application_refused_before_opening(campus, applicant):
    with scopes_disabled():
        call = CallFactory(campus=campus, opens_at=timezone.now() + timedelta(days=1))

        with pytest.raises(ApplicationError, match="not open"):
            start_application(call=call, applicant=applicant)


def test_submit_with_missing_required_answer_names_it(call, applicant):
    with scopes_disabled():
        application = start_application(call=call, applicant=applicant)
        save_answers(application=application, values={"years": 3})

        with pytest.raises(ApplicationError) as error:
            submit_application(application=application, actor=applicant)

        assert [question.key for question in error.value.missing] == ["motivation"]
        application.refresh_from_db()
        assert application.state == State.DRAFT


def test_submit_sends_one_confirmation_even_when_repeated(
    call, applicant, django_capture_on_commit_callbacks
):
    with scopes_disabled():
        application = start_application(call=call, applicant=applicant)
        save_answers(application=application, values={"motivation": "Zero waste markets"})

        with django_capture_on_commit_callbacks(execute=True):
            submit_application(application=application, actor=applicant, confirmation_link="https://x/")
            submit_application(application=application, actor=applicant, confirmation_link="https://x/")

        application.refresh_from_db()
        assert application.state == State.SUBMITTED
        assert application.submitted_at is not None
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [applicant.email]
        assert OutboxMessage.objects.get(reason="application.submitted").state == "sent"


def test_submit_after_closing_is_refused_and_keeps_answers(call, applicant):
    with scopes_disabled():
        application = start_application(call=call, applicant=applicant)
        save_answers(application=application, values={"motivation": "Kept"})
        call.closes_at = timezone.now() - timedelta(minutes=1)
        call.save()
        application.call.refresh_from_db()

        with pytest.raises(ApplicationError, match="closed"):
            submit_application(application=application, actor=applicant)

        assert application.answers.get().value == "Kept"


def test_failing_eligibility_rule_makes_application_ineligible(call, applicant):
    with scopes_disabled():
        EligibilityRule.objects.create(
            campus=call.campus,
            call=call,
            kind="number_range",
            question_key="years",
            minimum=2,
            message_en="At least two years of experience.",
        )
        application = start_application(call=call, applicant=applicant)
        save_answers(application=application, values={"motivation": "x", "years": 1})

        submit_application(application=application, actor=applicant)

        application.refresh_from_db()
        assert application.state == State.INELIGIBLE
        assert application.eligibility[0]["passed"] is False


def test_organisation_kind_rule(call, applicant):
    with scopes_disabled():
        EligibilityRule.objects.create(
            campus=call.campus, call=call, kind="organisation_kind", values=["resident"]
        )
        organisation = OrganisationFactory(campus=call.campus, kind="resident")
        application = start_application(call=call, applicant=applicant, organisation=organisation)
        save_answers(application=application, values={"motivation": "x"})

        submit_application(application=application, actor=applicant)

        application.refresh_from_db()
        assert application.state == State.SUBMITTED


def test_screening_needs_a_reason_and_is_logged(call, applicant, operator):
    with scopes_disabled():
        application = start_application(call=call, applicant=applicant)
        save_answers(application=application, values={"motivation": "x"})
        submit_application(application=application, actor=applicant)

        with pytest.raises(ApplicationError):
            screen_application(application=application, eligible=True, reason=" ", actor=operator)
        screen_application(
            application=application, eligible=True, reason="Meets the criteria", actor=operator
        )

        application.refresh_from_db()
        assert application.state == State.ELIGIBLE
        assert application.screening_reason == "Meets the criteria"
        entry = ActivityLog.objects.get(action="application.eligible")
        assert entry.actor == operator
        assert entry.data["from"] == State.SUBMITTED


def test_withdrawn_application_cannot_be_withdrawn_again(call, applicant):
    with scopes_disabled():
        application = start_application(call=call, applicant=applicant)
        withdraw_application(application=application, actor=applicant)

        with pytest.raises(ApplicationStateError):
            withdraw_application(application=application, actor=applicant)


def test_withdrawn_application_cannot_be_edited(call, applicant):
    with scopes_disabled():
        application = start_application(call=call, applicant=applicant)
        withdraw_application(application=application, actor=applicant)

        with pytest.raises(ApplicationError, match="no longer be changed"):
            save_answers(application=application, values={"motivation": "late"})


def test_ineligible_submission_still_records_when_it_was_submitted(call, applicant):
    with scopes_disabled():
        EligibilityRule.objects.create(campus=call.campus, call=call, kind="answered", question_key="years")
        application = start_application(call=call, applicant=applicant)
        save_answers(application=application, values={"motivation": "x"})

        submit_application(application=application, actor=applicant)

        application.refresh_from_db()
        assert application.state == State.INELIGIBLE
        assert application.submitted_at is not None


def test_zero_is_an_answer_to_a_required_number(campus, applicant):
    with scopes_disabled():
        call = CallFactory(campus=campus)
        QuestionFactory(
            section__form__call=call,
            section__form__campus=campus,
            section__campus=campus,
            key="years",
            kind="number",
            required=True,
        )
        application = start_application(call=call, applicant=applicant)
        save_answers(application=application, values={"years": 0})

        submit_application(application=application, actor=applicant)

        application.refresh_from_db()
        assert application.state == State.SUBMITTED


def test_applying_again_alone_clears_the_organisation(call, applicant):
    with scopes_disabled():
        organisation = OrganisationFactory(campus=call.campus)
        start_application(call=call, applicant=applicant, organisation=organisation)

        application = start_application(call=call, applicant=applicant)

        assert application.organisation is None
