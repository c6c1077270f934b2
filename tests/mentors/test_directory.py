"""The mentor directory: the public sees listed active mentors in brief; participants, mentors and
the campus team see every active mentor in full; search, filters, pages, a mentor's page, and a
constant number of queries as mentors grow."""

import datetime

import pytest
from django_scopes import scopes_disabled

from opencampus.mentors.models import MentorProfile
from opencampus.programs.models import InstructorAvailability, Participant
from tests import english
from tests.factories import MentorshipFactory

from .network_helpers import (  # noqa: F401 (fixtures)
    count_queries,
    digital_fixture,
    environment_fixture,
    make_mentor_fixture,
    taking_part_fixture,
    url,
)

_english = english.english_pages
make_person = english.people_prefer_english
State = MentorProfile.State


def window(mentor, weekday, start, end, campus=None):
    with scopes_disabled():
        return InstructorAvailability.objects.create(
            campus=campus or mentor.campus,
            instructor=mentor.user,
            weekday=weekday,
            starts_at=datetime.time(start),
            ends_at=datetime.time(end),
        )


@pytest.fixture
def listed(make_mentor, make_person, campus, other_campus):
    mentor = make_mentor(
        user=make_person(name_en="Mina Park", name_ko="박민아"),
        is_listed=True,
        keywords="zero waste, refill shops",
        languages=["ko", "ja"],
        affiliation="Seoul Upcycling Plaza",
        bio_en="Ten years of circular economy.",
        capacity=3,
    )
    window(mentor, 0, 10, 12)
    window(mentor, 3, 14, 17, campus=other_campus)
    with scopes_disabled():
        MentorshipFactory(mentor=mentor, campus=campus, mentee__round__cohort__track__campus=campus)
    return mentor


@pytest.fixture
def unlisted(make_mentor, make_person, digital):
    return make_mentor(
        user=make_person(name_en="Jun Lee"), is_listed=False, fields=[digital], affiliation="Fab Lab"
    )


@pytest.fixture
def hidden(make_mentor, make_person):
    """Mentors nobody finds in the directory: waiting for vetting, inactive."""
    return [
        make_mentor(user=make_person(name_en="Pending Person"), state=State.PENDING, is_listed=True),
        make_mentor(user=make_person(name_en="Inactive Person"), state=State.INACTIVE, is_listed=True),
    ]


def names(response):
    return [mentor.user.name_en for mentor in response.context["mentors"]]


def directory(client, campus, **params):
    return client.get(url(campus, "mentors:directory"), params)


# Who sees whom, and how much


def test_the_public_sees_listed_active_mentors_in_brief(client, campus, listed, unlisted, hidden):
    response = directory(client, campus)

    assert response.status_code == 200
    assert names(response) == ["Mina Park"]
    page = response.text
    for shown in ("Mina Park", "Environment", "Seoul Upcycling Plaza", "Ten years of circular economy."):
        assert shown in page
    for private in ("zero waste", "Japanese", "free place", "Usually available", "10:00"):
        assert private not in page


def test_a_signed_in_person_without_a_part_sees_the_brief_directory(
    client, campus, listed, unlisted, make_person
):
    client.force_login(make_person(campus, "public"))

    response = directory(client, campus)

    assert names(response) == ["Mina Park"]
    assert "zero waste" not in response.text


@pytest.mark.parametrize("who", ["taking_part", "operator", "staff_member", "mentor"])
def test_participants_mentors_and_the_team_see_every_active_mentor_in_full(
    client, campus, listed, unlisted, hidden, request, make_mentor, make_person, who
):
    person = (
        make_mentor(user=make_person(name_en="Zoe Mentor")).user
        if who == "mentor"
        else request.getfixturevalue(who)
    )
    client.force_login(person)

    response = directory(client, campus)

    assert set(names(response)) >= {"Mina Park", "Jun Lee"}
    assert not set(names(response)) & {"Pending Person", "Inactive Person"}
    page = response.text
    assert "zero waste, refill shops" in page
    assert "Japanese" in page
    assert "2 free places of 3" in page
    assert "Monday 10:00\u201312:00" in page
    assert "Thursday 14:00" not in page  # a window on another campus


def test_the_operator_of_another_campus_sees_the_brief_directory(
    client, campus, listed, unlisted, other_operator
):
    client.force_login(other_operator)

    response = directory(client, campus)

    assert names(response) == ["Mina Park"]
    assert "zero waste" not in response.text


def test_a_withdrawn_participant_sees_the_brief_directory(client, campus, listed, unlisted, taking_part):
    with scopes_disabled():
        Participant.objects.filter(user=taking_part).update(
            state=Participant.State.WITHDRAWN, left_on=datetime.date.today()
        )
    client.force_login(taking_part)

    assert names(directory(client, campus)) == ["Mina Park"]


# Search and filters


@pytest.mark.parametrize("query", ["mina", "박민", "UPCYCLING", "circular"])
def test_search_finds_names_organisations_and_introductions(client, campus, listed, unlisted, query):
    assert names(directory(client, campus, q=query)) == ["Mina Park"]


def test_search_in_keywords_is_for_the_full_view_only(client, campus, listed, taking_part):
    assert names(directory(client, campus, q="refill")) == []
    client.force_login(taking_part)
    assert names(directory(client, campus, q="refill")) == ["Mina Park"]


def test_filter_by_field(client, campus, listed, unlisted, taking_part):
    client.force_login(taking_part)

    assert names(directory(client, campus, field="digital")) == ["Jun Lee"]
    assert names(directory(client, campus, field="environment")) == ["Mina Park"]
    assert sorted(names(directory(client, campus, field="no-such-field"))) == ["Jun Lee", "Mina Park"]


def test_filter_by_language_in_the_full_view(client, campus, listed, unlisted, taking_part):
    client.force_login(taking_part)

    assert names(directory(client, campus, language="ja")) == ["Mina Park"]
    assert sorted(names(directory(client, campus, language="en"))) == ["Jun Lee"]
    assert names(directory(client, campus, language="nl")) == []


def test_the_public_cannot_filter_by_language(client, campus, listed):
    response = directory(client, campus, language="nl")

    assert names(response) == ["Mina Park"]
    assert "language" not in response.context["filters"].fields


def test_the_directory_shows_24_mentors_a_page(client, campus, make_mentor):
    for _ in range(25):
        make_mentor(is_listed=True)

    first, second = directory(client, campus), directory(client, campus, page=2)

    assert len(first.context["mentors"]) == 24
    assert len(second.context["mentors"]) == 1


def test_directory_queries_do_not_grow_with_mentors(client, campus, make_mentor, digital, taking_part):
    def add_mentor():
        mentor = make_mentor(is_listed=True, fields=[digital])
        window(mentor, 1, 9, 11)
        window(mentor, 2, 9, 11)
        with scopes_disabled():
            MentorshipFactory(mentor=mentor, campus=campus, mentee__round__cohort__track__campus=campus)

    add_mentor()
    public_one = count_queries(client, url(campus, "mentors:directory"))
    client.force_login(taking_part)
    full_one = count_queries(client, url(campus, "mentors:directory"))
    client.logout()
    for _ in range(3):
        add_mentor()

    assert count_queries(client, url(campus, "mentors:directory")) == public_one
    client.force_login(taking_part)
    assert count_queries(client, url(campus, "mentors:directory")) == full_one
    assert len(client.get(url(campus, "mentors:directory")).context["mentors"]) == 4


# A mentor's page


def mentor_page(client, mentor):
    return client.get(url(mentor.campus, "mentors:mentor", pk=mentor.pk))


def test_anyone_opens_a_listed_mentors_page_in_brief(client, listed):
    response = mentor_page(client, listed)

    assert response.status_code == 200
    assert "Ten years of circular economy." in response.text
    assert "zero waste" not in response.text
    assert "Usually available" not in response.text


def test_a_participant_opens_any_active_mentors_page_in_full(client, listed, unlisted, taking_part):
    client.force_login(taking_part)

    response = mentor_page(client, listed)

    assert "zero waste, refill shops" in response.text
    assert "2 free places of 3" in response.text
    assert "Monday 10:00\u201312:00" in response.text
    assert mentor_page(client, unlisted).status_code == 200


def test_an_unlisted_mentors_page_asks_anonymous_people_to_log_in(client, campus, unlisted):
    assert mentor_page(client, unlisted).url.startswith(url(campus, "people:login"))


def test_an_unlisted_mentors_page_is_refused_to_people_without_the_full_view(
    client, campus, unlisted, make_person, other_operator
):
    client.force_login(make_person(campus, "public"))
    assert mentor_page(client, unlisted).status_code == 403
    client.force_login(other_operator)
    assert mentor_page(client, unlisted).status_code == 403


def test_a_mentor_waiting_for_vetting_has_no_page_but_for_themselves(client, campus, hidden, taking_part):
    pending = hidden[0]
    client.force_login(taking_part)
    assert mentor_page(client, pending).status_code == 404

    client.force_login(pending.user)
    response = mentor_page(client, pending)
    assert response.status_code == 200
    assert "Only you see this page now" in response.text


def test_a_mentor_of_another_campus_is_not_found(client, campus, other_campus, make_mentor, taking_part):
    elsewhere = make_mentor(on=other_campus, fields=[], is_listed=True)
    client.force_login(taking_part)

    assert client.get(url(campus, "mentors:mentor", pk=elsewhere.pk)).status_code == 404
