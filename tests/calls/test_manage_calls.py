import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django_scopes import scopes_disabled

from opencampus.calls.models import Call
from opencampus.calls.services.forms import current_form
from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog
from tests.factories import ApplicationFactory, CallFactory, QuestionFactory, SectionFactory

UTC = datetime.UTC


def url(campus, name, **kwargs):
    return campus_reverse(campus, f"calls_manage:{name}", **kwargs)


def in_english(client, user):
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)


def call_data(**changes):
    data = {
        "slug": "pilot-2020",
        "kind": "cohort",
        "title_ko": "2020 시범 과정 모집",
        "title_en": "2020 pilot course call",
        "description_ko": "",
        "description_en": "Thirty social innovators, sixteen weeks.",
        "target_ko": "",
        "target_en": "The 2020 pilot cohort",
        "opens_at": "2020-06-01T09:00",
        "closes_at": "2020-07-15T18:00",
        "allow_individuals": "on",
        "places": "30",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def saved(call):
    with scopes_disabled():
        return Call.objects.get(pk=call.pk)


def error_messages(response):
    return [str(message) for message in response.context["messages"] if message.level_tag == "error"]


def count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def call(campus):
    with scopes_disabled():
        return CallFactory(campus=campus, slug="pilot", is_published=False)


@pytest.fixture
def foreign_call(other_campus):
    with scopes_disabled():
        return CallFactory(campus=other_campus, slug="elsewhere")


def page_urls(campus, call):
    return [url(campus, "calls"), url(campus, "new_call"), url(campus, "edit_call", slug=call.slug)]


# Who may come in


def test_pages_send_anonymous_people_to_login(client, campus, call):
    for address in page_urls(campus, call):
        response = client.get(address)

        assert response.status_code == 302
        assert response.url.startswith(campus_reverse(campus, "people:login"))


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_pages_forbid_people_without_a_team_role_here(client, campus, call, request, person):
    client.force_login(request.getfixturevalue(person))

    for address in page_urls(campus, call):
        assert client.get(address).status_code == 403
    response = client.post(url(campus, "publish_call", slug=call.slug), {"published": "1"})
    assert response.status_code == 403
    assert not saved(call).is_published


def test_publish_sends_anonymous_people_to_login(client, campus, call):
    response = client.post(url(campus, "publish_call", slug=call.slug), {"published": "1"})

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))


def test_call_of_another_campus_is_not_found(client, campus, operator, foreign_call):
    client.force_login(operator)

    assert client.get(url(campus, "edit_call", slug=foreign_call.slug)).status_code == 404
    assert (
        client.post(url(campus, "publish_call", slug=foreign_call.slug), {"published": "0"}).status_code
        == 404
    )
    assert saved(foreign_call).is_published


def test_dashboard_links_to_the_calls(client, campus, staff_member):
    client.force_login(staff_member)

    response = client.get(campus_reverse(campus, "core_manage:dashboard"))

    assert url(campus, "calls") in response.text


# The list


def test_list_shows_this_campus_calls_with_counts_by_state(client, campus, staff_member, call, foreign_call):
    with scopes_disabled():
        ApplicationFactory.create_batch(2, call=call, campus=campus, state="submitted")
        ApplicationFactory(call=call, campus=campus, state="eligible")
        ApplicationFactory(call=call, campus=campus, state="draft")
    client.force_login(staff_member)

    response = client.get(url(campus, "calls"))

    assert list(response.context["calls"]) == [call]
    listed = response.context["calls"][0]
    assert listed.application_count == 3
    assert [count for _label, count in listed.state_counts] == [2, 1]
    assert foreign_call.title_en not in response.text


def test_list_shows_times_in_campus_time(client, campus, staff_member):
    with scopes_disabled():
        CallFactory(
            campus=campus,
            opens_at=datetime.datetime(2020, 6, 1, 0, 0, tzinfo=UTC),
            closes_at=datetime.datetime(2020, 7, 15, 9, 0, tzinfo=UTC),
        )
    client.force_login(staff_member)

    response = client.get(url(campus, "calls"))

    assert "2020-06-01 09:00" in response.text
    assert "2020-07-15 18:00" in response.text


def test_list_query_count_does_not_grow_with_calls(client, campus, staff_member):
    client.force_login(staff_member)

    def make_call():
        with scopes_disabled():
            made = CallFactory(campus=campus)
            ApplicationFactory(call=made, campus=campus, state="submitted")

    make_call()
    one = count_queries(client, url(campus, "calls"))
    make_call()
    make_call()
    three = count_queries(client, url(campus, "calls"))

    assert one == three


# Creating a call


def test_create_call_makes_an_unpublished_call_with_an_empty_form(client, campus, operator):
    client.force_login(operator)

    response = client.post(url(campus, "new_call"), call_data())

    assert response.status_code == 302
    assert response.url == url(campus, "form", slug="pilot-2020")
    with scopes_disabled():
        call = Call.objects.get(slug="pilot-2020")
        assert call.campus == campus
        assert not call.is_published
        assert current_form(call).number == 1
        assert call.allow_individuals
        assert not call.allow_organisations
        # The form's times are campus time (Asia/Seoul, UTC+9).
        assert call.opens_at == datetime.datetime(2020, 6, 1, 0, 0, tzinfo=UTC)
        assert ActivityLog.objects.get(action="call.created").actor == operator


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"closes_at": "2020-05-01T09:00"}, "closes_at"),
        ({"closes_at": "2020-06-01T09:00"}, "closes_at"),
        ({"allow_individuals": None}, "allow_individuals"),
        ({"places": "0"}, "places"),
        ({"title_ko": "", "title_en": ""}, "title_ko"),
        ({"slug": "Not a slug!"}, "slug"),
        ({"opens_at": "not a date"}, "opens_at"),
    ],
)
def test_create_call_with_invalid_input_keeps_what_was_typed(client, campus, operator, changes, field):
    client.force_login(operator)

    response = client.post(url(campus, "new_call"), call_data(**changes))

    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert "Thirty social innovators, sixteen weeks." in response.text
    assert 'value="The 2020 pilot cohort"' in response.text
    with scopes_disabled():
        assert not Call.objects.exists()


def test_create_call_with_a_taken_slug_says_so(client, campus, other_campus, operator, call):
    with scopes_disabled():
        CallFactory(campus=other_campus, slug="shared")
    in_english(client, operator)

    taken = client.post(url(campus, "new_call"), call_data(slug="pilot"))
    free = client.post(url(campus, "new_call"), call_data(slug="shared"))

    with translation.override("en"):  # form errors are lazy
        assert taken.context["form"].errors["slug"] == [
            "Another call of this campus already uses this address name."
        ]
    assert free.status_code == 302


# Editing a call


def test_edit_call_shows_times_in_campus_time_and_saves(client, campus, operator):
    with scopes_disabled():
        call = CallFactory(
            campus=campus,
            slug="pilot",
            opens_at=datetime.datetime(2020, 6, 1, 0, 0, tzinfo=UTC),
            closes_at=datetime.datetime(2020, 7, 1, 0, 0, tzinfo=UTC),
        )
    client.force_login(operator)

    page = client.get(url(campus, "edit_call", slug="pilot"))
    response = client.post(url(campus, "edit_call", slug="pilot"), call_data(slug="pilot-2020", places="25"))

    assert 'value="2020-06-01T09:00"' in page.text
    assert response.status_code == 302
    assert response.url == url(campus, "edit_call", slug="pilot-2020")
    call = saved(call)
    assert (call.slug, call.places, call.title_en) == ("pilot-2020", 25, "2020 pilot course call")
    with scopes_disabled():
        entry = ActivityLog.objects.get(action="call.changed")
    assert "places" in entry.data["fields"]


def test_edit_call_with_invalid_input_keeps_values_and_changes_nothing(client, campus, operator, call):
    client.force_login(operator)

    response = client.post(
        url(campus, "edit_call", slug=call.slug),
        call_data(slug=call.slug, title_en="Renamed", closes_at="2020-01-01T00:00"),
    )

    assert response.status_code == 200
    assert "closes_at" in response.context["form"].errors
    assert 'value="Renamed"' in response.text
    assert saved(call).title_en == call.title_en
    assert response.context["call"].slug == call.slug


def test_edit_call_keeping_its_own_slug_is_fine(client, campus, operator, call):
    client.force_login(operator)

    response = client.post(url(campus, "edit_call", slug=call.slug), call_data(slug=call.slug))

    assert response.status_code == 302


# Publishing


def test_publishing_needs_a_question_in_the_form(client, campus, operator, call):
    in_english(client, operator)

    response = client.post(url(campus, "publish_call", slug=call.slug), {"published": "1"}, follow=True)

    assert error_messages(response) == [
        "Add at least one question to the application form before publishing the call."
    ]
    assert not saved(call).is_published


def test_publish_and_take_offline(client, campus, operator, call):
    with scopes_disabled():
        QuestionFactory(section=SectionFactory(form=current_form(call), campus=campus))
    client.force_login(operator)

    published = client.post(url(campus, "publish_call", slug=call.slug), {"published": "1"})
    assert published.url == url(campus, "calls")
    assert saved(call).is_published

    offline = client.post(url(campus, "publish_call", slug=call.slug), {"published": "0", "back": "edit"})
    assert offline.url == url(campus, "edit_call", slug=call.slug)
    assert not saved(call).is_published
    with scopes_disabled():
        assert list(ActivityLog.objects.order_by("pk").values_list("action", flat=True)) == [
            "call.published",
            "call.unpublished",
        ]


def test_publish_is_post_only(client, campus, operator, call):
    client.force_login(operator)

    assert client.get(url(campus, "publish_call", slug=call.slug)).status_code == 405
