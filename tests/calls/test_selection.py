import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from opencampus.calls.models import Application, SelectionQuota
from opencampus.core.links import campus_reverse
from opencampus.core.models import OutboxMessage
from tests.calls.decision_helpers import make_call, reload, scored

State = Application.State


def url(campus, name, **kwargs):
    return campus_reverse(campus, f"calls_manage:{name}", **kwargs)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def call(campus):
    return make_call(campus, places=2)


@pytest.fixture
def reviewers(campus, make_person):
    return [make_person(campus, "reviewer") for _ in range(2)]


@pytest.fixture
def english_operator(operator):
    operator.preferred_language = "en"
    operator.save(update_fields=["preferred_language"])
    return operator


def pages(campus, call):
    return [
        url(campus, "scores", slug=call.slug),
        url(campus, "quotas", slug=call.slug),
        url(campus, "selection", slug=call.slug),
    ]


def post_quota(client, campus, call, **data):
    fields = {"question_key": "field", "value": "digital", "minimum": "", "maximum": ""} | data
    return client.post(url(campus, "quotas", slug=call.slug), fields)


def stage(client, campus, call, places=1, waitlist_size=1):
    address = url(campus, "selection", slug=call.slug)
    return client.post(address, {"places": places, "waitlist_size": waitlist_size})


def count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


# Who may come in


def test_pages_send_anonymous_people_to_login(client, campus, call):
    login = campus_reverse(campus, "people:login")
    for address in pages(campus, call):
        response = client.get(address)
        assert response.status_code == 302
        assert response.url.startswith(login)
    assert stage(client, campus, call).url.startswith(login)


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_pages_forbid_people_without_a_team_role_here(client, campus, call, reviewers, request, person):
    scored(call, reviewers, [9, 9])
    client.force_login(request.getfixturevalue(person))

    for address in pages(campus, call):
        assert client.get(address).status_code == 403
    assert stage(client, campus, call).status_code == 403
    assert post_quota(client, campus, call, minimum=1).status_code == 403
    with scopes_disabled():
        assert not Application.objects.exclude(pending_state="").exists()
        assert not SelectionQuota.objects.exists()


def test_reviewer_cannot_see_scores(client, campus, call, reviewers):
    client.force_login(reviewers[0])

    assert client.get(url(campus, "scores", slug=call.slug)).status_code == 403


def test_another_campus_call_is_not_found(client, campus, other_campus, operator):
    foreign = make_call(other_campus, slug="foreign")
    client.force_login(operator)

    for address in pages(campus, foreign):
        assert client.get(address).status_code == 404


# Scores


def test_scores_page_shows_both_scores_and_reviewer_biases(
    client, campus, call, english_operator, make_person
):
    harsh, lenient = make_person(campus, "reviewer", name_en="Harsh Han"), make_person(campus, "reviewer")
    for score in (2, 3, 4):
        scored(call, [harsh, lenient], [score, score + 4])
    client.force_login(english_operator)

    response = client.get(url(campus, "scores", slug=call.slug))

    assert response.status_code == 200
    assert "Raw mean" in response.text
    assert "Calibrated" in response.text
    assert "Rank (raw)" in response.text
    assert "Rank (calibrated)" in response.text
    assert "Harsh Han" in response.text
    assert "harsh" in response.text
    assert "lenient" in response.text
    assert "share no reviewer" not in response.text


def test_scores_page_warns_about_groups_without_a_shared_reviewer(client, campus, call, operator, reviewers):
    one = scored(call, [reviewers[0]], [5])
    two = scored(call, [reviewers[1]], [6])
    operator.preferred_language = "en"
    operator.save()
    client.force_login(operator)

    response = client.get(url(campus, "scores", slug=call.slug))

    assert "2 groups that share no reviewer" in response.text
    assert f"#{one.pk}" in response.text
    assert f"#{two.pk}" in response.text


def test_scores_page_query_count_does_not_grow(client, campus, call, operator, reviewers):
    client.force_login(operator)
    address = url(campus, "scores", slug=call.slug)
    scored(call, reviewers, [5, 6])
    one = count_queries(client, address)
    scored(call, reviewers, [7, 8])
    scored(call, reviewers, [3, 4])

    assert count_queries(client, address) == one


# Quotas


def test_adding_and_deleting_a_quota(client, campus, call, operator):
    client.force_login(operator)

    response = post_quota(client, campus, call, minimum="1", maximum="3")

    assert response.status_code == 302
    with scopes_disabled():
        quota = SelectionQuota.objects.get()
    assert (quota.question_key, quota.value, quota.minimum, quota.maximum) == ("field", "digital", 1, 3)
    page = client.get(url(campus, "quotas", slug=call.slug))
    assert "field: " in page.text
    client.post(url(campus, "delete_quota", slug=call.slug, pk=quota.pk))
    with scopes_disabled():
        assert not SelectionQuota.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"question_key": "motivation", "value": "digital", "minimum": "1"},
        {"question_key": "field", "value": "space", "minimum": "1"},
        {"question_key": "field", "value": "digital"},
        {"question_key": "field", "value": "digital", "minimum": "4", "maximum": "2"},
        {"question_key": "field", "value": "digital", "minimum": "-1"},
    ],
)
def test_invalid_quota_is_refused_and_keeps_what_was_typed(client, campus, call, operator, data):
    client.force_login(operator)

    response = post_quota(client, campus, call, **data)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert response.context["form"].data["question_key"] == data["question_key"]
    with scopes_disabled():
        assert not SelectionQuota.objects.exists()


def test_quota_of_another_call_cannot_be_deleted(client, campus, call, operator):
    other = make_call(campus, slug="other")
    with scopes_disabled():
        quota = SelectionQuota.objects.create(
            campus=campus, call=other, question_key="field", value="food", minimum=1
        )
    client.force_login(operator)

    assert client.post(url(campus, "delete_quota", slug=call.slug, pk=quota.pk)).status_code == 404


# Selection


def test_selection_page_shows_selected_waiting_list_and_reasons(
    client, campus, call, english_operator, reviewers
):
    best = scored(call, reviewers, [9, 9], field="energy")
    scored(call, reviewers, [8, 8], field="energy")
    digital = scored(call, reviewers, [4, 4], field="digital")
    with scopes_disabled():
        SelectionQuota.objects.create(
            campus=campus, call=call, question_key="field", value="digital", minimum=1
        )
    client.force_login(english_operator)

    response = client.get(url(campus, "selection", slug=call.slug))

    outcome = response.context["outcome"]
    assert [row.application for row in outcome.selected] == [best, digital]
    assert "In to meet the minimum for field: Digital." in response.text
    assert "Out: the selected applicants ranked below are needed for the minimum" in response.text
    assert "field: Digital is at its minimum of 1" in response.text


def test_selection_places_can_be_changed_in_the_form(client, campus, call, operator, reviewers):
    for score in (9, 8, 7):
        scored(call, reviewers, [score, score])
    client.force_login(operator)

    response = client.get(url(campus, "selection", slug=call.slug), {"places": "3", "waitlist_size": "0"})

    assert len(response.context["outcome"].selected) == 3


def test_infeasible_quotas_are_named_on_the_page(client, campus, call, english_operator, reviewers):
    scored(call, reviewers, [9, 9], field="energy")
    scored(call, reviewers, [8, 8], field="energy")
    with scopes_disabled():
        SelectionQuota.objects.create(campus=campus, call=call, question_key="field", value="food", minimum=1)
    client.force_login(english_operator)

    response = client.get(url(campus, "selection", slug=call.slug))
    refused = stage(client, campus, call)

    assert "The quotas cannot all be met" in response.text
    assert "field: Food" in response.text
    assert "Stage the decisions" not in response.text
    assert refused.status_code == 200
    assert "nothing was staged" in refused.text
    with scopes_disabled():
        assert not Application.objects.exclude(pending_state="").exists()


def test_staging_from_the_page_tells_nobody(client, campus, call, operator, reviewers):
    first = scored(call, reviewers, [9, 9])
    second = scored(call, reviewers, [8, 8])
    third = scored(call, reviewers, [7, 7])
    client.force_login(operator)

    response = stage(client, campus, call, places=1, waitlist_size=1)

    assert response.status_code == 302
    assert response.url == url(campus, "decisions", slug=call.slug)
    assert [(reload(a).state, reload(a).pending_state) for a in (first, second, third)] == [
        (State.ELIGIBLE, State.ACCEPTED),
        (State.ELIGIBLE, State.WAITLISTED),
        (State.ELIGIBLE, State.REJECTED),
    ]
    with scopes_disabled():
        assert not OutboxMessage.objects.exists()


def test_invalid_selection_size_is_refused(client, campus, call, operator, reviewers):
    scored(call, reviewers, [9, 9])
    client.force_login(operator)

    response = stage(client, campus, call, places=-1)

    assert response.status_code == 200
    assert response.context["form"].errors["places"]
    with scopes_disabled():
        assert not Application.objects.exclude(pending_state="").exists()


def test_selection_page_query_count_does_not_grow(client, campus, call, operator, reviewers):
    with scopes_disabled():
        SelectionQuota.objects.create(
            campus=campus, call=call, question_key="field", value="digital", maximum=5
        )
    client.force_login(operator)
    address = url(campus, "selection", slug=call.slug)
    scored(call, reviewers, [5, 6])
    one = count_queries(client, address)
    scored(call, reviewers, [7, 8], field="digital")
    scored(call, reviewers, [3, 4])

    assert count_queries(client, address) == one


MIN_ABOVE_PLACES = "The minimum %(min)s for %(quota)s is more than the %(places)s places."


def test_quota_conflicts_are_explained_in_each_operators_language(
    client, campus, call, make_person, reviewers
):
    scored(call, reviewers, [9, 9], field="energy")
    scored(call, reviewers, [8, 8], field="energy")
    with scopes_disabled():
        SelectionQuota.objects.create(
            campus=campus, call=call, question_key="field", value="energy", minimum=3
        )
    korean = make_person(campus, "operator", preferred_language="ko")
    english = make_person(campus, "operator", preferred_language="en")

    client.force_login(korean)
    korean_page = client.get(url(campus, "selection", slug=call.slug))
    client.force_login(english)
    english_page = client.get(url(campus, "selection", slug=call.slug))

    assert "field: 에너지의 최소 인원 3명이 선발 인원 2명보다 많습니다." in korean_page.text
    assert "The minimum 3 for field: Energy is more than the 2 places." in english_page.text
    for page in (korean_page, english_page):
        assert "min 3 for field=energy" not in page.text  # the solver's English
