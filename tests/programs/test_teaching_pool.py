"""The mentor network is the instructor pool: mentors keep their teaching hours on the teaching page,
the session form offers everyone of the pool with their weekly hours, and instructors see their fees."""

from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.programs.models import InstructorAvailability, Session
from opencampus.programs.services.fees import mark_paid
from tests.curriculum_helpers import make_cohort
from tests.programs.fee_helpers import fee_record

DASH = "\N{EN DASH}"


@pytest.fixture
def cohort(campus):
    return make_cohort(campus, starts_on=timezone.localdate() - timedelta(weeks=4))


@pytest.fixture
def team(campus, make_person):
    return make_person(campus, "operator")


def teaching_url(campus, name="teaching"):
    return campus_reverse(campus, f"participation:{name}")


def session_form_url(cohort):
    return campus_reverse(cohort.campus, "curriculum_manage:session_create", cohort=cohort.slug)


def windows(campus, person, *hours):
    with scopes_disabled():
        for weekday, start, end in hours:
            InstructorAvailability.objects.create(
                campus=campus, instructor=person, weekday=weekday, starts_at=time(start), ends_at=time(end)
            )


def test_a_mentor_keeps_their_weekly_hours_on_the_teaching_page(client, campus, make_person):
    mentor = make_person(campus, "mentor")
    client.force_login(mentor)
    assert client.get(teaching_url(campus)).status_code == 200
    response = client.post(
        teaching_url(campus, "availability_add"),
        {"window-weekday": "1", "window-starts_at": "19:00", "window-ends_at": "22:00"},
    )
    assert response.status_code == 302
    assert f"Tuesday 19:00{DASH}22:00" in client.get(teaching_url(campus)).content.decode()


def test_the_teaching_page_stays_closed_to_people_outside_the_pool(
    client, campus, participant, other_campus, make_person
):
    client.force_login(participant)
    assert client.get(teaching_url(campus)).status_code == 403
    client.force_login(make_person(other_campus, "mentor"))
    assert client.get(teaching_url(campus)).status_code == 403


def test_the_session_form_offers_the_pool_with_each_persons_weekly_hours(
    client, campus, other_campus, cohort, team, make_person
):
    minji = make_person(campus, "mentor", name_en="Kim Minji")
    jisoo = make_person(campus, "instructor", "mentor", name_en="Lee Jisoo")
    newcomer = make_person(campus, "instructor", name_en="Park Newcomer")
    make_person(campus, "participant", name_en="Choi Participant")
    make_person(other_campus, "mentor", name_en="Busan Mentor")
    windows(campus, minji, (3, 14, 18), (1, 19, 22))
    windows(other_campus, minji, (5, 10, 12))
    windows(campus, jisoo, (4, 9, 12))
    client.force_login(team)
    page = client.get(session_form_url(cohort)).content.decode()
    assert f"Kim Minji ({minji.email}) \N{EM DASH} Tue 19:00{DASH}22:00, Thu 14:00{DASH}18:00" in page
    assert f"Lee Jisoo ({jisoo.email}) \N{EM DASH} Fri 09:00{DASH}12:00<" in page  # once, though two roles
    assert page.count(f"Lee Jisoo ({jisoo.email})") == 1
    assert f"Park Newcomer ({newcomer.email}) \N{EM DASH} no weekly hours yet" in page
    assert "Sat 10:00" not in page  # hours on another campus
    assert "Choi Participant" not in page
    assert "Busan Mentor" not in page

    response = client.post(
        session_form_url(cohort),
        {"kind": "lecture", "title_en": "Circular economy", "position": 1, "duration_minutes": 180, "days": 1,
         "instructors": [minji.pk, newcomer.pk]},
    )  # fmt: skip
    assert response.status_code == 302
    with scopes_disabled():
        assert set(Session.objects.get(title_en="Circular economy").instructors.all()) == {minji, newcomer}


def test_the_session_form_reads_the_pool_in_a_constant_number_of_queries(
    client, campus, cohort, team, make_person
):
    client.force_login(team)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(session_form_url(cohort)).status_code == 200
        return len(queries)

    windows(campus, make_person(campus, "mentor"), (1, 19, 22))
    one = count()
    for role in ("mentor", "instructor"):
        windows(campus, make_person(campus, role), (1, 19, 22), (3, 9, 12))
    assert count() == one


def test_an_instructor_sees_their_own_fees_on_the_teaching_page(client, campus, cohort, team, make_person):
    mentor = make_person(campus, "mentor")
    other = make_person(campus, "instructor")
    paid = fee_record(cohort, mentor, team, days=3, title="Field study")
    fee_record(cohort, mentor, team, title="Systems thinking", fee_per_day=250_000)
    fee_record(cohort, other, team, title="Someone else's lecture")
    with scope(campus=campus):
        mark_paid(records=[paid], paid_on=date(2030, 4, 2), actor=team, today=date(2030, 4, 2))
    client.force_login(mentor)
    page = client.get(teaching_url(campus)).content.decode()
    fees = page.split('id="my-fees"')[1].split("</section>")[0]
    assert "Field study" in fees
    assert "KRW 900,000" in fees
    assert "2030-04-02" in fees
    assert "Systems thinking" in fees
    assert "KRW 250,000" in fees
    assert "To be paid" in fees
    assert "Someone else" not in page
