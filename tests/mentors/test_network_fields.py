"""Mentor fields: the campus team adds, changes, reorders and deletes them; codes are unique per
campus; a field in use cannot be deleted; nobody else gets in."""

import pytest
from django.utils import translation
from django_scopes import scopes_disabled

from opencampus.mentors.models import MentorField
from opencampus.mentors.services.errors import MentorsError
from opencampus.mentors.services.network_fields import create_field, delete_field, move_field, update_field
from tests import english
from tests.factories import MenteeFactory, MentorFieldFactory

from .network_helpers import (  # noqa: F401 (fixtures)
    actions,
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


def codes(campus):
    with scopes_disabled():
        return list(
            MentorField.objects.filter(campus=campus)
            .order_by("position", "pk")
            .values_list("code", flat=True)
        )


# Services


def test_create_field_appends_it_and_logs(campus, operator, environment, in_campus):
    with in_campus():
        field = create_field(campus=campus, actor=operator, code="investment", name_ko="투자", name_en="")

    assert codes(campus) == ["environment", "investment"]
    assert field.position == 1
    assert actions(campus, "mentor_field.") == ["mentor_field.created"]


def test_create_field_refuses_a_code_taken_on_the_campus(campus, operator, environment, in_campus):
    with in_campus(), pytest.raises(MentorsError) as refused:
        create_field(campus=campus, actor=operator, code="environment", name_ko="환경 2", name_en="")

    assert refused.value.field == "code"
    assert codes(campus) == ["environment"]


def test_the_same_code_is_free_on_another_campus(campus, other_campus, other_operator, environment):
    with scopes_disabled():
        field = create_field(
            campus=other_campus, actor=other_operator, code="environment", name_ko="환경", name_en=""
        )

    assert field.campus == other_campus


def test_create_field_needs_a_name(campus, operator, in_campus):
    with in_campus(), pytest.raises(MentorsError) as refused:
        create_field(campus=campus, actor=operator, code="energy", name_ko=" ", name_en="")

    assert refused.value.field == "name_ko"


def test_update_field_refuses_another_fields_code(campus, operator, environment, digital, in_campus):
    with in_campus(), pytest.raises(MentorsError):
        update_field(field=digital, actor=operator, code="environment", name_ko="디지털", name_en="Digital")

    assert fresh(digital).code == "digital"


def test_update_field_logs_what_changed(campus, operator, environment, in_campus):
    with in_campus():
        update_field(field=environment, actor=operator, code="environment", name_ko="환경", name_en="Climate")

    assert fresh(environment).name_en == "Climate"
    assert last_entry(campus, "mentor_field.changed").data == {"changed": ["name_en"]}


def test_move_field_swaps_neighbours_and_stops_at_the_ends(campus, operator, environment, digital, in_campus):
    with in_campus():
        assert move_field(field=digital, direction="up", actor=operator)
        assert codes(campus) == ["digital", "environment"]
        assert not move_field(field=fresh(digital), direction="up", actor=operator)
        assert move_field(field=fresh(digital), direction="down", actor=operator)

    assert codes(campus) == ["environment", "digital"]


def test_delete_field_refuses_while_mentors_use_it_and_says_how_many(
    campus, operator, environment, make_mentor
):
    make_mentor()
    make_mentor()

    with pytest.raises(MentorsError) as refused, scopes_disabled():
        delete_field(field=environment, actor=operator)

    assert "2 mentors have this field" in str(refused.value)
    assert codes(campus) == ["environment"]


def test_delete_field_refuses_while_mentees_want_it(campus, operator, environment):
    with scopes_disabled():
        MenteeFactory(round__cohort__track__campus=campus, campus=campus).fields.add(environment)

    with pytest.raises(MentorsError) as refused, scopes_disabled():
        delete_field(field=environment, actor=operator)

    assert "1 mentee asked for this field" in str(refused.value)


def test_delete_field_removes_an_unused_one(campus, operator, environment, in_campus):
    with in_campus():
        delete_field(field=environment, actor=operator)

    assert codes(campus) == []
    assert actions(campus, "mentor_field.") == ["mentor_field.deleted"]


# Pages


def test_team_adds_a_field_through_the_page(client, campus, operator):
    client.force_login(operator)

    response = client.post(
        url(campus, "mentors_manage:field_create"),
        {"code": "energy", "name_ko": "에너지", "name_en": "Energy"},
    )

    assert response.status_code == 302
    assert codes(campus) == ["energy"]
    assert "Energy" in client.get(url(campus, "mentors_manage:fields")).text


def test_a_taken_code_shows_next_to_the_input_and_keeps_what_was_typed(client, campus, operator, environment):
    client.force_login(operator)

    response = client.post(
        url(campus, "mentors_manage:field_create"),
        {"code": "environment", "name_ko": "기후", "name_en": "Climate"},
    )

    assert response.status_code == 400
    with translation.override("en"):  # the request ended by returning to the default language
        assert response.context["form"].errors["code"] == [
            "Another field already uses this code; choose another one."
        ]
    assert 'value="Climate"' in response.text


def test_deleting_a_field_in_use_says_why_on_the_page(client, campus, operator, environment, make_mentor):
    make_mentor()
    client.force_login(operator)

    response = client.post(url(campus, "mentors_manage:field_delete", pk=environment.pk), follow=True)

    assert "1 mentor has this field; take it off their profile first." in response.text
    assert codes(campus) == ["environment"]


def test_team_reorders_fields_through_the_page(client, campus, operator, environment, digital):
    client.force_login(operator)

    client.post(url(campus, "mentors_manage:field_move", pk=digital.pk), {"direction": "up"})

    assert codes(campus) == ["digital", "environment"]


def field_pages(campus, field):
    return [
        url(campus, "mentors_manage:fields"),
        url(campus, "mentors_manage:field_create"),
        url(campus, "mentors_manage:field_edit", pk=field.pk),
    ]


def field_posts(campus, field):
    return [
        url(campus, "mentors_manage:field_create"),
        url(campus, "mentors_manage:field_edit", pk=field.pk),
        url(campus, "mentors_manage:field_move", pk=field.pk),
        url(campus, "mentors_manage:field_delete", pk=field.pk),
    ]


FIELD_DATA = {"code": "taken-over", "name_ko": "탈취", "name_en": "Taken over", "direction": "down"}


def test_field_pages_send_anonymous_people_to_log_in(client, campus, environment, digital):
    login = url(campus, "people:login")
    for address in field_pages(campus, environment):
        assert client.get(address).url.startswith(login), address
    for address in field_posts(campus, environment):
        assert client.post(address, FIELD_DATA).url.startswith(login), address
    assert codes(campus) == ["environment", "digital"]


@pytest.mark.parametrize("role", ["participant", "mentor", "reviewer"])
def test_field_pages_refuse_people_outside_the_campus_team(
    client, campus, environment, digital, make_person, role
):
    client.force_login(make_person(campus, role))
    for address in field_pages(campus, environment):
        assert client.get(address).status_code == 403, address
    for address in field_posts(campus, environment):
        assert client.post(address, FIELD_DATA).status_code == 403, address
    assert codes(campus) == ["environment", "digital"]


def test_field_pages_refuse_the_operator_of_another_campus(
    client, campus, other_operator, environment, digital
):
    client.force_login(other_operator)
    for address in field_pages(campus, environment):
        assert client.get(address).status_code == 403, address
    for address in field_posts(campus, environment):
        assert client.post(address, FIELD_DATA).status_code == 403, address
    assert codes(campus) == ["environment", "digital"]


def test_a_field_of_another_campus_is_not_found(client, campus, other_campus, operator):
    with scopes_disabled():
        foreign = MentorFieldFactory(campus=other_campus)
    client.force_login(operator)

    assert client.get(url(campus, "mentors_manage:field_edit", pk=foreign.pk)).status_code == 404
    assert client.post(url(campus, "mentors_manage:field_delete", pk=foreign.pk)).status_code == 404
