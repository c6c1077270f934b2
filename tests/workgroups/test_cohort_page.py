"""The cohort's formation page: offering problems, how many groups take each, ranking open or
closed, and the formation settings."""

import pytest
from django_scopes import scopes_disabled

from opencampus.agendas.models import Agenda
from opencampus.workgroups.models import AgendaChoice, CohortAgenda, FormationSettings
from tests.factories import AgendaFactory

from .helpers import actions, give_trait, manage_url, rows


@pytest.fixture
def signed_in(client, operator):
    client.force_login(operator)
    return client


def test_offering_a_problem_lists_it_with_its_group_limit(signed_in, campus, cohort, operator):
    with scopes_disabled():
        agenda = AgendaFactory(campus=campus, title_en="Food waste in markets")

    response = signed_in.post(
        manage_url(cohort, "offer_add"), {"offer-agenda": agenda.pk, "offer-max_groups": "2"}
    )

    assert response.status_code == 302
    assert [(o.agenda_id, o.max_groups) for o in rows(CohortAgenda)] == [(agenda.pk, 2)]
    page = signed_in.get(manage_url(cohort))
    assert "Food waste in markets" in page.text
    assert actions(campus) == ["workgroups.problem_offered"]


def test_archived_merged_and_foreign_problems_cannot_be_offered(signed_in, campus, other_campus, cohort):
    with scopes_disabled():
        archived = AgendaFactory(campus=campus, title_en="Archived one", state=Agenda.State.ARCHIVED)
        target = AgendaFactory(campus=campus, title_en="Target")
        merged = AgendaFactory(
            campus=campus, title_en="Merged one", state=Agenda.State.ARCHIVED, merged_into=target
        )
        foreign = AgendaFactory(campus=other_campus, title_en="Busan problem")

    page = signed_in.get(manage_url(cohort))
    assert "Target" in page.text
    for agenda in (archived, merged, foreign):
        assert agenda.title_en not in page.text
        response = signed_in.post(
            manage_url(cohort, "offer_add"), {"offer-agenda": agenda.pk, "offer-max_groups": "1"}
        )
        assert response.status_code == 400
        assert "Select a valid choice" in response.text
    assert rows(CohortAgenda) == []


def test_a_bad_group_limit_is_refused_with_the_form_kept(signed_in, campus, cohort):
    with scopes_disabled():
        agenda = AgendaFactory(campus=campus)

    response = signed_in.post(
        manage_url(cohort, "offer_add"), {"offer-agenda": agenda.pk, "offer-max_groups": "0"}
    )

    assert response.status_code == 400
    assert "greater than or equal to 1" in response.text
    assert f'<option value="{agenda.pk}" selected>' in response.text
    assert rows(CohortAgenda) == []


def test_the_group_limit_changes_but_not_below_the_groups_on_it(signed_in, cohort, offer, group_of):
    offered = offer(cohort, max_groups=3)
    group_of(cohort, agenda=offered.agenda, name="A")
    group_of(cohort, agenda=offered.agenda, name="B")

    signed_in.post(manage_url(cohort, "offer_change", pk=offered.pk), {"max_groups": "1"})
    assert rows(CohortAgenda)[0].max_groups == 3
    response = signed_in.post(
        manage_url(cohort, "offer_change", pk=offered.pk), {"max_groups": "2"}, follow=True
    )
    assert rows(CohortAgenda)[0].max_groups == 2
    assert "Saved." in response.text


def test_removing_an_offer_removes_its_rankings(signed_in, campus, cohort, offer, join):
    offered = offer(cohort, title_en="Heat in summer")
    participant = join(cohort)
    with scopes_disabled():
        AgendaChoice.objects.create(campus=campus, participant=participant, offer=offered, rank=1)

    response = signed_in.post(manage_url(cohort, "offer_remove", pk=offered.pk), follow=True)

    assert "“Heat in summer” is no longer offered; 1 ranking of it was removed." in response.text
    assert rows(CohortAgenda) == []
    assert rows(AgendaChoice) == []


def test_an_offer_chosen_by_a_group_cannot_be_removed(signed_in, cohort, offer, group_of):
    offered = offer(cohort)
    group_of(cohort, agenda=offered.agenda)

    response = signed_in.post(manage_url(cohort, "offer_remove", pk=offered.pk), follow=True)

    assert "A group works on this problem" in response.text
    assert rows(CohortAgenda) == [offered]


def test_ranking_opens_and_closes(signed_in, campus, cohort):
    signed_in.post(manage_url(cohort, "ranking"), {"open": "0"})
    assert rows(FormationSettings)[0].choices_open is False
    response = signed_in.post(manage_url(cohort, "ranking"), {"open": "1"}, follow=True)
    assert rows(FormationSettings)[0].choices_open is True
    assert "Participants may rank the problems now." in response.text
    assert actions(campus) == ["workgroups.ranking_closed", "workgroups.ranking_opened"]


def test_settings_offer_the_attributes_present_in_traits(signed_in, cohort, join):
    member = join(cohort)
    give_trait(member, "sector", "public")
    give_trait(member, "gender", "f")

    response = signed_in.post(
        manage_url(cohort, "settings"),
        {
            "settings-min_size": "3",
            "settings-max_size": "5",
            "settings-balance": ["sector"],
            "settings-no_isolation": ["gender"],
        },
    )

    assert response.status_code == 302
    saved = rows(FormationSettings)[0]
    assert (saved.min_size, saved.max_size, saved.balance, saved.no_isolation) == (
        3,
        5,
        ["sector"],
        ["gender"],
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"settings-min_size": "5", "settings-max_size": "3"},
            "The largest group (3) must not be smaller than the smallest (5).",
        ),
        ({"settings-min_size": "0", "settings-max_size": "3"}, "greater than or equal to 1"),
        (
            {"settings-min_size": "3", "settings-max_size": "5", "settings-balance": ["skills"]},
            "Select a valid choice",
        ),
    ],
)
def test_bad_settings_are_refused_with_what_was_typed(signed_in, cohort, data, message):
    response = signed_in.post(manage_url(cohort, "settings"), data)

    assert response.status_code == 400
    assert message in response.text
    assert f'value="{data["settings-max_size"]}"' in response.text
    assert rows(FormationSettings) == []
