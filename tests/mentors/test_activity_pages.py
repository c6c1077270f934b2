"""The campus team's mentor activity: figures per active mentor (by cohort or all), a mentor's
sessions without any notes, for the campus team only, in a constant number of queries."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opencampus.core.links import campus_reverse
from opencampus.mentors.models import MentoringSession, MentorProfile
from tests import english

from .mentoring_setup import add_session, new_cohort, new_mentor, participant_mentorship, person

State = MentoringSession.State
_english = english.english_pages


@pytest.fixture
def staff(campus):
    return person(campus, "staff")


def activity(campus, **query):
    address = campus_reverse(campus, "mentors_manage:activity")
    return address + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def drill_down(mentor, **query):
    address = campus_reverse(mentor.campus, "mentors_manage:activity_mentor", pk=mentor.pk)
    return address + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def row_of(html, name):
    """The cells of the table row that names ``name``."""
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
        if name in row:
            return [
                " ".join(re.sub(r"<[^>]+>", " ", cell).split())
                for cell in re.findall(r"<td>(.*?)</td>", row, re.S)
            ]
    raise AssertionError(f"no row for {name}")


@pytest.fixture
def cohorts(campus):
    return new_cohort(campus, name_en="Spring"), new_cohort(campus, name_en="Autumn")


@pytest.fixture
def busy_mentor(campus, cohorts):
    """Mentor Kim: in Spring two held sessions (60 + 90 min, rated 4 and 5) and a waiting request;
    in Autumn one held session (30 min, unrated) and an ended mentorship."""
    spring, autumn = cohorts
    mentor = new_mentor(campus, name="Mentor Kim")
    in_spring = participant_mentorship(campus, cohort=spring, mentor=mentor, mentee_name="Mina")
    in_autumn = participant_mentorship(campus, cohort=autumn, mentor=mentor, mentee_name="Jun")
    participant_mentorship(campus, cohort=autumn, mentor=mentor, state="ended")
    add_session(in_spring, days=-10, state=State.HELD, duration_minutes=60, rating=4, rated_at=timezone.now())
    add_session(
        in_spring,
        days=-3,
        state=State.HELD,
        duration_minutes=90,
        rating=5,
        rating_comment="Opened doors",
        rated_at=timezone.now(),
        topic="Meeting the district office",
        private_notes="PRIVATE-only-mentor",
        shared_notes="SHARED-between-them",
        follow_ups="FOLLOW-UP-between-them",
    )
    add_session(in_spring, days=2, state=State.REQUESTED)
    add_session(in_spring, days=-1, state=State.REQUESTED)  # its time passed: no longer waiting
    add_session(in_spring, days=5, state=State.CANCELLED)
    add_session(in_autumn, days=-20, state=State.HELD, duration_minutes=30)
    return mentor


def test_each_active_mentor_has_a_row_of_figures(client, campus, busy_mentor, staff):
    new_mentor(campus, name="Quiet mentor")
    new_mentor(campus, name="Pending mentor", state=MentorProfile.State.PENDING)

    client.force_login(staff)

    page = client.get(activity(campus))

    last = timezone.localdate(timezone.now() - timedelta(days=3)).isoformat()
    assert row_of(page.text, "Mentor Kim") == [
        "Mentor Kim · Seoul Upcycling Plaza",
        "2",
        "3",
        "3.0",
        "1",
        "4.5 (2 ratings)",
        last,
    ]
    assert row_of(page.text, "Quiet mentor") == [
        "Quiet mentor · Seoul Upcycling Plaza",
        "0",
        "0",
        "0.0",
        "0",
        "—",
        "—",
    ]
    assert "Pending mentor" not in page.text


def test_a_cohort_filter_counts_that_cohort_and_keeps_the_total_held(
    client, campus, cohorts, busy_mentor, staff
):
    client.force_login(staff)
    autumn = cohorts[1]

    page = client.get(activity(campus, cohort=autumn.pk)).text

    assert "Sessions held in Autumn" in page
    last = timezone.localdate(timezone.now() - timedelta(days=20)).isoformat()
    assert row_of(page, "Mentor Kim") == [
        "Mentor Kim · Seoul Upcycling Plaza",
        "1",
        "1",
        "3",
        "0.5",
        "0",
        "—",
        last,
    ]


def test_the_drill_down_lists_sessions_without_any_notes(client, campus, busy_mentor):
    client.force_login(person(campus, "operator"))

    page = client.get(drill_down(busy_mentor)).text

    assert "Meeting the district office" in page
    assert "5/5" in page
    assert "Opened doors" in page
    assert "Mina" in page
    assert "Jun" in page
    for note in ("PRIVATE-only-mentor", "SHARED-between-them", "FOLLOW-UP-between-them"):
        assert note not in page
    assert "the notes shared with the mentee stay between the two of them" in page


def test_the_drill_down_follows_the_cohort_filter(client, campus, cohorts, busy_mentor, staff):
    client.force_login(staff)

    page = client.get(drill_down(busy_mentor, cohort=cohorts[1].pk)).text

    assert "Jun" in page
    assert "Mina" not in page


def test_activity_is_for_the_campus_team_only(client, campus, busy_mentor, other_operator, other_campus):
    pages = [activity(campus), drill_down(busy_mentor)]
    for address in pages:
        response = client.get(address)
        assert response.status_code == 302
        assert response.url.startswith(campus_reverse(campus, "people:login"))

    for someone in (busy_mentor.user, person(campus, "participant"), other_operator):
        client.force_login(someone)
        for address in pages:
            assert client.get(address).status_code == 403, address
    client.force_login(other_operator)
    elsewhere = campus_reverse(other_campus, "mentors_manage:activity_mentor", pk=busy_mentor.pk)
    assert client.get(elsewhere).status_code == 404


def load_of(campus, mentors):
    """``mentors`` active mentors, each with two mentees, a held and rated session and a request
    with each; returns the first mentor."""
    made = [new_mentor(campus, name=f"Mentor {n}") for n in range(mentors)]
    for mentor in made:
        for _ in range(2):
            mentorship = participant_mentorship(campus, mentor=mentor)
            add_session(mentorship, days=-2, state=State.HELD, rating=3, rated_at=timezone.now())
            add_session(mentorship, days=2)
    return made[0]


def queries(client, address):
    client.get(address)  # warm the session and role caches alike
    with CaptureQueriesContext(connection) as captured:
        client.get(address)
    return len(captured)


def test_the_activity_pages_read_as_many_rows_for_four_mentors_as_for_one(
    client, campus, other_campus, staff, cohorts, django_assert_num_queries
):
    one = load_of(campus, 1)
    four = load_of(other_campus, 4)
    new_cohort(other_campus)
    new_cohort(other_campus)
    other_staff = person(other_campus, "staff")

    client.force_login(staff)
    expected = {"list": queries(client, activity(campus)), "mentor": queries(client, drill_down(one))}
    client.force_login(other_staff)
    client.get(activity(other_campus))

    with django_assert_num_queries(expected["list"]):
        client.get(activity(other_campus))
    with django_assert_num_queries(expected["mentor"]):
        client.get(drill_down(four))
