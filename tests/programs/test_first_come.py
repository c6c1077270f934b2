"""First come, first served: places up to the cohort's size, then a waiting list that moves up."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.programs.services.errors import AdmissionError
from opencampus.programs.services.registration import (
    cancel_registration,
    register,
    waiting_position,
    withdraw_and_offer_place,
)

from .helpers import actions, fresh, mails, participants, registrations, roles


@pytest.fixture
def cohort(make_cohort):
    return make_cohort("first_come", size=2)


@pytest.fixture
def people(campus, make_person):
    languages = ("en", "ko", "en", "en")
    return [make_person(campus, "public", preferred_language=language) for language in languages]


def register_all(campus, cohort, people):
    with scope(campus=campus):
        return [register(cohort=cohort, user=person) for person in people]


def test_places_go_to_the_first_then_the_waiting_list_in_order(campus, cohort, people):
    made = register_all(campus, cohort, people)

    assert [r.state for r in made] == ["admitted", "admitted", "waiting", "waiting"]
    with scope(campus=campus):
        assert [waiting_position(r) for r in made] == [None, None, 1, 2]
    assert [p.user for p in participants(cohort)] == people[:2]
    assert {p.source for p in participants(cohort)} == {"first_come"}
    assert "participant" in roles(campus, people[0])
    assert "participant" not in roles(campus, people[2])
    assert len({r.code for r in made}) == 4


def test_cancelling_a_place_admits_the_first_waiting_and_writes_to_them(campus, cohort, people):
    made = register_all(campus, cohort, people)

    with scope(campus=campus):
        cancel_registration(registration=made[0], actor=people[0], base_url="https://campus.example")

    assert [fresh(r).state for r in made] == ["cancelled", "admitted", "admitted", "waiting"]
    [left, *active] = participants(cohort)
    assert (left.user, left.state, left.left_on) == (people[0], "withdrawn", timezone.localdate())
    assert [p.user for p in active] == [people[1], people[2]]
    [letter] = mails(campus)
    assert (letter.recipient, letter.language, letter.state) == (people[2], "en", "draft")
    assert letter.subject.startswith("You have a place in")
    assert f"https://campus.example/c/seoul/programs/{cohort.slug}/" in letter.body
    with scope(campus=campus):
        assert waiting_position(made[3]) == 1


def test_the_promotion_letter_is_in_the_recipient_language(campus, make_cohort, people):
    cohort = make_cohort("first_come", size=1)
    made = register_all(campus, cohort, people[:2])  # people[1] prefers Korean

    with scope(campus=campus):
        cancel_registration(registration=made[0], actor=people[0])

    [letter] = mails(campus)
    assert (letter.recipient, letter.language) == (people[1], "ko")


def test_cancelling_a_waiting_registration_admits_nobody(campus, cohort, people):
    made = register_all(campus, cohort, people)

    with scope(campus=campus):
        cancel_registration(registration=made[2], actor=people[2])
        assert waiting_position(made[3]) == 1

    assert [fresh(r).state for r in made] == ["admitted", "admitted", "cancelled", "waiting"]
    assert mails(campus) == []
    assert len(participants(cohort, state="active")) == 2


def test_registration_is_refused_outside_its_window(campus, make_cohort, people):
    with scope(campus=campus):
        for window, message in (("upcoming", "Registration opens on"), ("closed", "Registration closed on")):
            cohort = make_cohort("first_come", window=window)
            with pytest.raises(AdmissionError, match=message):
                register(cohort=cohort, user=people[0])
        hidden = make_cohort("first_come", is_published=False)
        with pytest.raises(AdmissionError, match="not open"):
            register(cohort=hidden, user=people[0])
        by_call = make_cohort()
        with pytest.raises(AdmissionError, match="apply to the call"):
            register(cohort=by_call, user=people[0])


def test_registering_twice_or_again_after_cancelling_is_refused(campus, cohort, people):
    with scope(campus=campus):
        registration = register(cohort=cohort, user=people[0])
        with pytest.raises(AdmissionError, match="already registered"):
            register(cohort=cohort, user=people[0])
        cancel_registration(registration=registration, actor=people[0])
        with pytest.raises(AdmissionError, match="cancelled your registration"):
            register(cohort=cohort, user=people[0])
    assert len(registrations(cohort)) == 1


def test_cancelling_is_refused_once_the_cohort_started(campus, cohort, people):
    [registration] = register_all(campus, cohort, people[:1])
    with scopes_disabled():
        cohort.starts_on = timezone.localdate() - timedelta(days=1)
        cohort.save(update_fields=["starts_on"])

    with scope(campus=campus), pytest.raises(AdmissionError, match="cohort started"):
        cancel_registration(registration=registration, actor=people[0])
    assert fresh(registration).state == "admitted"


def test_every_registration_and_cancellation_is_logged(campus, cohort, people):
    made = register_all(campus, cohort, people[:3])
    with scope(campus=campus):
        cancel_registration(registration=made[0], actor=people[0])

    assert actions(campus, "registration.") == [
        "registration.admitted",
        "registration.admitted",
        "registration.waiting",
        "registration.cancelled",
        "registration.admitted",
    ]


@pytest.mark.django_db(transaction=True)
def test_two_people_racing_for_the_last_place_get_one_place_and_one_wait(campus, make_cohort, people):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are tested on PostgreSQL; SQLite serialises writers anyway")
    cohort = make_cohort("first_come", size=1)
    barrier = threading.Barrier(2)
    states = []

    def attempt(person):
        try:
            barrier.wait()
            with scopes_disabled():
                states.append(register(cohort=cohort, user=person).state)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(person,)) for person in people[:2]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(states) == ["admitted", "waiting"]
    assert len(participants(cohort)) == 1


def test_a_withdrawal_staff_record_before_the_start_admits_the_first_waiting(
    client, campus, cohort, people, staff_member
):
    made = register_all(campus, cohort, people)
    [first, *_rest] = participants(cohort)
    client.force_login(staff_member)
    response = client.post(
        campus_reverse(campus, "programs_manage:withdraw", slug=cohort.slug, pk=first.pk),
        {"left_on": timezone.localdate().isoformat(), "reason": "Moved abroad"},
        follow=True,
    )
    assert f"{people[2].name_en} takes the place from the waiting list" in response.content.decode()
    assert [fresh(r).state for r in made] == ["admitted", "admitted", "admitted", "waiting"]
    assert [p.user for p in participants(cohort, state="active")] == [people[1], people[2]]
    [letter] = mails(campus)
    assert letter.recipient == people[2]


def test_a_withdrawal_after_the_start_leaves_the_place_empty(campus, make_cohort, people, staff_member):
    started = make_cohort("first_come", size=1, starts_on=timezone.localdate() - timedelta(days=1))
    made = register_all(campus, started, people[:2])
    [first] = participants(started)
    with scope(campus=campus):
        admitted = withdraw_and_offer_place(
            participant=first, left_on=timezone.localdate(), reason="Ill", actor=staff_member
        )
    assert admitted == []
    assert [fresh(r).state for r in made] == ["admitted", "waiting"]
