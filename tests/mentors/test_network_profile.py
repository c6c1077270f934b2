"""A mentor's own profile: the rules the service keeps (a field, capacity above the open mentorships,
known languages, bounded introductions), the page that shows the state and keeps what was typed."""

import pytest
from django.utils import translation
from django_scopes import scopes_disabled

from opencampus.mentors.models import MentorProfile
from opencampus.mentors.services.errors import MentorsError
from opencampus.mentors.services.network import BIO_MAX, update_own_profile
from tests import english
from tests.factories import MentorFieldFactory, MentorshipFactory

from .network_helpers import (  # noqa: F401 (fixtures)
    digital_fixture,
    environment_fixture,
    fresh,
    in_campus_fixture,
    last_entry,
    make_mentor_fixture,
    url,
)

_english = english.english_pages
make_person = english.people_prefer_english


@pytest.fixture
def mentor(make_mentor, make_person):
    return make_mentor(user=make_person(), capacity=3, state=MentorProfile.State.PENDING)


def values(**changes):
    return {
        "keywords": "solar, energy cooperatives",
        "languages": ["en", "ko"],
        "affiliation": "Energy Co-op Seoul",
        "capacity": 3,
        "bio_ko": "",
        "bio_en": "I build energy cooperatives.",
        "is_listed": True,
        "teaches": False,
        **changes,
    }


def open_mentorships(mentor, count, state="active"):
    with scopes_disabled():
        for _ in range(count):
            MentorshipFactory(
                mentor=mentor,
                campus=mentor.campus,
                mentee__round__cohort__track__campus=mentor.campus,
                state=state,
            )


# The service


def test_update_own_profile_saves_everything_and_logs_what_changed(
    campus, mentor, environment, digital, in_campus
):
    with in_campus():
        update_own_profile(profile=mentor, actor=mentor.user, fields=[digital], **values())

    saved = fresh(mentor)
    with scopes_disabled():
        assert list(saved.fields.all()) == [digital]
    assert saved.languages == ["ko", "en"]  # in the list's order, whatever order they came in
    assert (saved.keywords, saved.affiliation, saved.bio_en) == (
        "solar, energy cooperatives",
        "Energy Co-op Seoul",
        "I build energy cooperatives.",
    )
    assert (saved.is_listed, saved.teaches) == (True, False)
    assert "fields" in last_entry(campus, "mentor.profile_changed").data["changed"]


def test_update_own_profile_needs_a_field(mentor, in_campus):
    with in_campus(), pytest.raises(MentorsError) as refused:
        update_own_profile(profile=mentor, actor=mentor.user, fields=[], **values())

    assert refused.value.field == "fields"


def test_update_own_profile_refuses_a_field_of_another_campus(mentor, other_campus):
    with scopes_disabled():
        foreign = MentorFieldFactory(campus=other_campus)

    with scopes_disabled(), pytest.raises(MentorsError) as refused:
        update_own_profile(profile=mentor, actor=mentor.user, fields=[foreign], **values())

    assert refused.value.field == "fields"


def test_update_own_profile_refuses_an_unknown_language(mentor, environment, in_campus):
    with in_campus(), pytest.raises(MentorsError) as refused:
        update_own_profile(
            profile=mentor, actor=mentor.user, fields=[environment], **values(languages=["xx"])
        )

    assert refused.value.field == "languages"


def test_update_own_profile_refuses_a_long_introduction(mentor, environment, in_campus):
    with in_campus(), pytest.raises(MentorsError) as refused:
        update_own_profile(
            profile=mentor, actor=mentor.user, fields=[environment], **values(bio_ko="가" * (BIO_MAX + 1))
        )

    assert refused.value.field == "bio_ko"
    assert fresh(mentor).bio_ko != "가" * (BIO_MAX + 1)


def test_capacity_cannot_go_below_the_open_mentorships_and_says_how_many(mentor, environment, in_campus):
    open_mentorships(mentor, 2)
    open_mentorships(mentor, 2, state="ended")

    with in_campus(), pytest.raises(MentorsError) as refused:
        update_own_profile(profile=mentor, actor=mentor.user, fields=[environment], **values(capacity=1))

    assert refused.value.field == "capacity"
    assert "You mentor 2 mentees now" in str(refused.value)
    with in_campus():
        update_own_profile(profile=mentor, actor=mentor.user, fields=[environment], **values(capacity=2))
    assert fresh(mentor).capacity == 2


# The page


def test_my_profile_page_shows_the_state_and_the_teaching_calendar_link(client, campus, mentor):
    client.force_login(mentor.user)

    response = client.get(url(campus, "mentors:my_profile"))

    assert response.status_code == 200
    assert "Waiting for vetting" in response.text
    assert url(campus, "participation:teaching") in response.text


def test_my_profile_page_saves_the_form(client, campus, mentor, environment, digital):
    client.force_login(mentor.user)

    response = client.post(
        url(campus, "mentors:my_profile"),
        {**values(), "languages": ["en"], "fields": [environment.pk, digital.pk], "is_listed": "on"},
    )

    assert response.status_code == 302
    saved = fresh(mentor)
    assert saved.languages == ["en"]
    assert saved.is_listed
    assert not saved.teaches
    with scopes_disabled():
        assert set(saved.fields.all()) == {environment, digital}


def test_a_refused_capacity_shows_next_to_the_input_and_keeps_what_was_typed(
    client, campus, mentor, environment
):
    open_mentorships(mentor, 2)
    client.force_login(mentor.user)

    response = client.post(
        url(campus, "mentors:my_profile"),
        {**values(capacity=1, bio_en="Typed with care"), "fields": [environment.pk]},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["capacity"] == [
        "You mentor 2 mentees now; your capacity cannot be lower than that."
    ]
    assert "Typed with care" in response.text
    assert fresh(mentor).bio_en != "Typed with care"


def test_no_field_chosen_shows_next_to_the_fields(client, campus, mentor):
    client.force_login(mentor.user)

    response = client.post(url(campus, "mentors:my_profile"), values())

    assert response.status_code == 400
    with translation.override("en"):  # the request ended by returning to the default language
        assert response.context["form"].errors["fields"] == ["Choose at least one field you mentor in."]


def test_my_profile_sends_anonymous_people_to_log_in(client, campus):
    response = client.get(url(campus, "mentors:my_profile"))

    assert response.url.startswith(url(campus, "people:login"))


def test_my_profile_tells_a_person_without_a_profile_how_to_join(client, campus, make_person):
    client.force_login(make_person(campus, "participant"))

    response = client.get(url(campus, "mentors:my_profile"))

    assert response.status_code == 404
    assert "You are not in the mentor network" in response.text


def test_a_profile_on_another_campus_is_not_edited_from_this_one(client, campus, other_campus, make_mentor):
    elsewhere = make_mentor(on=other_campus, fields=[])
    client.force_login(elsewhere.user)

    assert client.get(url(campus, "mentors:my_profile")).status_code == 404
    assert client.post(url(campus, "mentors:my_profile"), values()).status_code == 404
