"""A participant ranks the problems offered to their cohort; refusals keep what they typed."""

import pytest
from django_scopes import scopes_disabled

from opencampus.workgroups.models import AgendaChoice

from .helpers import actions, public_url, rows, set_formation


@pytest.fixture
def offers(cohort, offer):
    return [offer(cohort, title_en=title) for title in ("Food waste", "Heat waves", "Lonely elders")]


@pytest.fixture
def me(client, cohort, join):
    participant = join(cohort)
    client.force_login(participant.user)
    return participant


def ranking(participant):
    return [(choice.offer_id, choice.rank) for choice in rows(AgendaChoice, participant=participant)]


def choices_url(cohort):
    return public_url(cohort.campus, "choices", cohort=cohort.slug)


def test_a_ranking_is_saved_in_order_and_renumbered(client, campus, cohort, offers, me):
    food, heat, elders = offers
    page = client.get(choices_url(cohort))
    assert "Lonely elders" in page.text

    response = client.post(
        choices_url(cohort), {f"rank_{food.pk}": "3", f"rank_{heat.pk}": "", f"rank_{elders.pk}": "1"}
    )

    assert response.status_code == 302
    assert sorted(ranking(me), key=lambda pair: pair[1]) == [(elders.pk, 1), (food.pk, 2)]
    assert actions(campus) == ["workgroups.problems_ranked"]


def test_ranking_again_replaces_the_earlier_ranking(client, cohort, offers, me):
    food, heat, _elders = offers
    client.post(choices_url(cohort), {f"rank_{food.pk}": "1"})

    client.post(choices_url(cohort), {f"rank_{heat.pk}": "1", f"rank_{food.pk}": "2"})

    assert sorted(ranking(me), key=lambda pair: pair[1]) == [(heat.pk, 1), (food.pk, 2)]


def test_duplicate_ranks_are_refused_and_kept_on_the_form(client, cohort, offers, me):
    food, heat, _elders = offers
    client.post(choices_url(cohort), {f"rank_{food.pk}": "1"})

    response = client.post(choices_url(cohort), {f"rank_{food.pk}": "2", f"rank_{heat.pk}": "2"})

    assert response.status_code == 400
    assert "Give each problem a different rank." in response.text
    assert response.text.count('value="2"') == 2
    assert ranking(me) == [(food.pk, 1)]


def test_a_problem_not_offered_to_the_cohort_is_refused(client, cohort, other_cohort, offers, offer, me):
    elsewhere = offer(other_cohort, title_en="Elsewhere")

    response = client.post(choices_url(cohort), {f"rank_{offers[0].pk}": "1", f"rank_{elsewhere.pk}": "2"})

    assert response.status_code == 400
    assert "You ranked a problem that is not offered to this cohort." in response.text
    assert ranking(me) == []


def test_a_rank_beyond_the_number_of_problems_is_refused(client, cohort, offers, me):
    response = client.post(choices_url(cohort), {f"rank_{offers[0].pk}": "9"})

    assert response.status_code == 400
    assert "less than or equal to 3" in response.text
    assert ranking(me) == []


def test_ranking_is_refused_while_closed(client, cohort, offers, me):
    set_formation(cohort, choices_open=False)
    page = client.get(choices_url(cohort))
    assert "Ranking is closed for this cohort." in page.text
    assert "<form" not in page.text.split("<main", 1)[1].split("</main>")[0]

    response = client.post(choices_url(cohort), {f"rank_{offers[0].pk}": "1"})

    assert response.status_code == 400
    assert "Ranking is closed for this cohort." in response.text
    assert ranking(me) == []


def test_my_groups_shows_the_group_and_the_ranking_across_cohorts(
    client, campus, cohort, other_cohort, offers, me, group_of, join
):
    with scopes_disabled():
        AgendaChoice.objects.create(campus=campus, participant=me, offer=offers[1], rank=1)
    group = group_of(cohort, me, agenda=offers[1].agenda, name="Cool roofs")
    earlier = join(other_cohort)
    with scopes_disabled():
        earlier.user = me.user
        earlier.save()

    page = client.get(public_url(campus, "mine"))

    assert page.status_code == 200
    assert "Spring cohort" in page.text
    assert "Autumn cohort" in page.text
    assert public_url(campus, "group", pk=group.pk) in page.text
    assert "Heat waves" in page.text
    assert choices_url(cohort) in page.text
    assert choices_url(other_cohort) not in page.text  # nothing offered there
