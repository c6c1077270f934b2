"""A person's application status, withdrawal, and the list of their applications."""

import datetime
from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.calls.models import Answer, Application
from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog, OutboxMessage
from tests.factories import ApplicationFactory, CallFactory, QuestionFactory, SectionFactory

State = Application.State


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies["opencampus_language"] = "en"


@pytest.fixture
def person(campus, make_person):
    return make_person(campus, "participant", preferred_language="en")


@pytest.fixture
def call(campus):
    with scopes_disabled():
        call = CallFactory(campus=campus, slug="lab-2020", title_en="Social Innovation Lab residency")
        section = SectionFactory(form__call=call, form__campus=campus, campus=campus, title_en="Your project")
        QuestionFactory(section=section, key="idea", kind="long_text", label_en="Your idea")
        QuestionFactory(
            section=section,
            key="field",
            kind="multiple_choice",
            label_en="Fields",
            choices=[
                {"value": "energy", "label_ko": "에너지", "label_en": "Energy"},
                {"value": "food", "label_ko": "먹거리", "label_en": "Food"},
            ],
        )
        QuestionFactory(section=section, key="note", kind="short_text", label_en="Anything else")
    return call


def apply(call, person, answers=None, **fields):
    with scopes_disabled():
        application = ApplicationFactory(call=call, campus=call.campus, applicant=person, **fields)
        for key, value in (answers or {}).items():
            question = application.form.questions.get(key=key)
            Answer.objects.create(campus=call.campus, application=application, question=question, value=value)
    return application


def url(call, name):
    return campus_reverse(call.campus, name, slug=call.slug)


def test_status_shows_state_explanation_time_and_answers(client, call, person):
    submitted = datetime.datetime(2020, 3, 14, 15, 30, tzinfo=datetime.UTC)
    apply(
        call,
        person,
        {"idea": "Community fridges", "field": ["energy", "food"]},
        state=State.SUBMITTED,
        submitted_at=submitted,
    )
    client.force_login(person)

    response = client.get(url(call, "calls:status"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Your application has been received" in content
    assert "2020-03-15 00:30" in content  # in Seoul time
    assert "Community fridges" in content
    assert "Energy, Food" in content
    assert "Not answered" in content
    assert f'href="{url(call, "calls:application")}"' in content  # still editable before the deadline
    assert url(call, "calls:withdraw") in content
    assert "data-confirm=" in content


def test_status_of_ineligible_application_lists_failed_conditions(client, call, person):
    apply(
        call,
        person,
        state=State.INELIGIBLE,
        eligibility=[
            {"rule": 1, "passed": True, "message": "Lives in Seoul"},
            {"rule": 2, "passed": False, "message": "Only resident organisations may apply."},
        ],
    )
    client.force_login(person)

    response = client.get(url(call, "calls:status"))

    content = response.content.decode()
    assert "Conditions not met" in content
    assert "Only resident organisations may apply." in content
    assert "Lives in Seoul" not in content


def test_status_after_closing_has_no_edit_link(client, campus, person):
    with scopes_disabled():
        call = CallFactory(
            campus=campus,
            opens_at=timezone.now() - timedelta(days=9),
            closes_at=timezone.now() - timedelta(days=1),
        )
    apply(call, person, state=State.SUBMITTED, submitted_at=timezone.now() - timedelta(days=2))
    client.force_login(person)

    response = client.get(url(call, "calls:status"))

    assert response.context["editable"] is False
    assert f'href="{url(call, "calls:application")}"' not in response.content.decode()


def test_withdraw_moves_the_application_and_logs_it(client, call, person):
    application = apply(call, person, state=State.SUBMITTED, submitted_at=timezone.now())
    client.force_login(person)

    response = client.post(url(call, "calls:withdraw"), follow=True)

    assert response.redirect_chain[-1][0] == url(call, "calls:status")
    assert "Your application has been withdrawn." in response.content.decode()
    application.refresh_from_db()
    assert application.state == State.WITHDRAWN
    with scopes_disabled():
        assert ActivityLog.objects.filter(action="application.withdrawn", actor=person).exists()
    assert response.context["can_withdraw"] is False
    follow_up = client.get(url(call, "calls:application"))
    assert follow_up.url == url(call, "calls:status")


def test_status_of_an_offered_place_links_to_confirm_with_the_deadline_in_campus_time(client, call, person):
    with scopes_disabled():
        call.campus.time_zone = "Europe/Berlin"
        call.campus.save()
    deadline = datetime.datetime(2020, 7, 1, 9, 0, tzinfo=datetime.UTC)
    apply(call, person, state=State.ACCEPTED, submitted_at=timezone.now(), confirm_by=deadline)
    client.force_login(person)

    content = client.get(url(call, "calls:status")).content.decode()

    assert f'href="{url(call, "calls:confirm")}"' in content
    assert "Please confirm or decline your place by 2020-07-01 11:00 (Europe/Berlin)." in content
    assert "it is offered to the next person on the waiting list" in content


@pytest.mark.parametrize("state", [State.SUBMITTED, State.WAITLISTED, State.CONFIRMED])
def test_status_without_an_open_offer_has_no_confirm_link(client, call, person, state):
    apply(call, person, state=state, submitted_at=timezone.now())
    client.force_login(person)

    content = client.get(url(call, "calls:status")).content.decode()

    assert url(call, "calls:confirm") not in content


def test_withdrawing_an_accepted_place_offers_it_to_the_next_on_the_waiting_list(
    client, call, person, make_person
):
    with scopes_disabled():
        call.places = 1
        call.save()
    application = apply(
        call, person, state=State.ACCEPTED, submitted_at=timezone.now(), confirm_by=timezone.now()
    )
    first = apply(call, make_person(call.campus, "participant"), state=State.WAITLISTED, waitlist_rank=1)
    second = apply(call, make_person(call.campus, "participant"), state=State.WAITLISTED, waitlist_rank=2)
    client.force_login(person)

    response = client.post(url(call, "calls:withdraw"))

    assert response.url == url(call, "calls:status")
    with scopes_disabled():
        application.refresh_from_db()
        first.refresh_from_db()
        second.refresh_from_db()
        (letter,) = OutboxMessage.objects.all()
    assert (application.state, application.confirm_by) == (State.WITHDRAWN, None)
    assert (first.state, first.waitlist_rank) == (State.ACCEPTED, None)
    assert first.confirm_by > timezone.now()
    assert second.state == State.WAITLISTED
    assert letter.to == first.applicant.email
    assert "http://testserver" + url(call, "calls:confirm") in letter.body


def test_withdraw_twice_gives_a_clear_error(client, call, person):
    apply(call, person, state=State.WITHDRAWN)
    client.force_login(person)

    response = client.post(url(call, "calls:withdraw"), follow=True)

    assert "cannot become" in response.content.decode()


def test_withdraw_needs_post(client, call, person):
    application = apply(call, person)
    client.force_login(person)

    response = client.get(url(call, "calls:withdraw"))

    assert response.status_code == 405
    application.refresh_from_db()
    assert application.state == State.DRAFT


def test_withdraw_anonymous_is_sent_to_login(client, call, person):
    application = apply(call, person)

    response = client.post(url(call, "calls:withdraw"))

    assert response.url.startswith(campus_reverse(call.campus, "people:login"))
    application.refresh_from_db()
    assert application.state == State.DRAFT


def test_my_applications_lists_own_applications_on_this_campus(
    client, campus, other_campus, call, person, make_person
):
    with scopes_disabled():
        grant = CallFactory(campus=campus, title_en="Project grants 2020")
        elsewhere = CallFactory(campus=other_campus, title_en="Busan call")
    mine = [apply(call, person), apply(grant, person, state=State.SUBMITTED, submitted_at=timezone.now())]
    apply(elsewhere, person)
    apply(call, make_person(campus, "participant"))
    client.force_login(person)

    response = client.get(campus_reverse(campus, "calls:mine"))

    assert set(response.context["applications"]) == set(mine)
    content = response.content.decode()
    assert "Project grants 2020" in content
    assert "Busan call" not in content


def test_my_applications_when_there_are_none(client, campus, person):
    client.force_login(person)

    response = client.get(campus_reverse(campus, "calls:mine"))

    assert "You have not applied to any call on this campus yet." in response.content.decode()
