"""Forming groups with the solver: the instance, refusals in the operator's language, the run
page, and applying the proposal (again only while no group holds work)."""

import pytest
from django_scopes import scope, scopes_disabled

from opencampus.workgroups.models import AgendaChoice, FormationRun, GroupMember, GroupNote, WorkingGroup
from opencampus.workgroups.services.formation import build_problem, group_names
from tests.factories import ExperimentFactory

from .helpers import actions, give_trait, manage_url, rows, set_formation


@pytest.fixture
def signed_in(client, operator):
    client.force_login(operator)
    return client


@pytest.fixture
def eight(campus, cohort, join, offer):
    """Eight participants, two problems; the odd ones want food, the even ones heat; a gender each."""
    food = offer(cohort, title_en="Food waste")
    heat = offer(cohort, title_en="Heat waves")
    people = [join(cohort, name_en=f"Member {n}") for n in range(1, 9)]
    with scopes_disabled():
        for n, person in enumerate(people, start=1):
            first, second = (food, heat) if n % 2 else (heat, food)
            AgendaChoice.objects.create(campus=campus, participant=person, offer=first, rank=1)
            AgendaChoice.objects.create(campus=campus, participant=person, offer=second, rank=2)
    for n, person in enumerate(people, start=1):
        give_trait(person, "gender", "f" if n in (1, 3, 2, 4) else "m")
    set_formation(cohort, min_size=3, max_size=5, no_isolation=["gender"])
    return {"food": food, "heat": heat, "people": people}


def test_the_instance_holds_active_people_rankings_traits_and_offers(campus, cohort, eight):
    gone = eight["people"][7]
    with scopes_disabled():
        gone.state, gone.left_on = "withdrawn", gone.joined_on
        gone.save()

    with scope(campus=campus):
        problem = build_problem(cohort)

    assert [person.id for person in problem.people] == [p.pk for p in eight["people"][:7]]
    first = problem.people[0]
    assert first.ranking == (eight["food"].agenda_id, eight["heat"].agenda_id)
    assert dict(first.attributes) == {"gender": "f"}
    assert [(o.id, o.max_teams) for o in problem.options] == [
        (eight["food"].agenda_id, 1),
        (eight["heat"].agenda_id, 1),
    ]
    assert (problem.min_size, problem.max_size, problem.no_isolation) == (3, 5, ("gender",))


def test_a_run_proposes_groups_with_ranks_traits_and_scores(signed_in, campus, cohort, eight):
    response = signed_in.post(manage_url(cohort, "run_start"))

    run = rows(FormationRun)[0]
    assert response.status_code == 302
    assert response.url == manage_url(cohort, "run", pk=run.pk)
    assert run.status == "optimal"
    assert run.worst_score == run.bound == 1000
    assert run.greedy_worst_score is not None
    assert run.instance["min_size"] == 3
    assert {tuple(sorted(team["members"])) for team in run.result["teams"]} == {
        tuple(p.pk for p in eight["people"][0::2]),
        tuple(p.pk for p in eight["people"][1::2]),
    }
    page = signed_in.get(response.url)
    assert "optimal (proven best)" in page.text
    assert "Food waste A" in page.text
    assert "Heat waves A" in page.text
    assert "Member 1" in page.text
    assert "gap 0.0%" in page.text
    assert "higher only because" not in page.text
    assert actions(campus) == ["workgroups.formation_run"]


@pytest.mark.parametrize(
    ("sizes", "message"),
    [
        (
            {"min_size": 5, "max_size": 6},
            "8 participants cannot be split into groups of 5 to 6. "
            "1 group holds at most 6 people and 2 groups need at least 10.",
        ),
        (
            {"min_size": 2, "max_size": 3},
            "8 participants need at least 3 groups of at most 3, "
            "but the offered problems allow only 2 groups (6 people).",
        ),
    ],
)
def test_sizes_that_cannot_work_are_explained_with_numbers(signed_in, cohort, eight, sizes, message):
    set_formation(cohort, **sizes)

    response = signed_in.post(manage_url(cohort, "run_start"))

    assert response.status_code == 400
    assert message in response.text
    assert rows(FormationRun) == []


def test_a_balanced_attribute_nobody_has_is_explained(signed_in, cohort, eight):
    set_formation(cohort, min_size=3, max_size=5, balance=["skills"], no_isolation=[])

    response = signed_in.post(manage_url(cohort, "run_start"))

    assert response.status_code == 400
    assert "No participant taking part has the attribute “skills”" in response.text


def test_a_run_without_offers_says_so(signed_in, cohort, join):
    join(cohort)

    response = signed_in.post(manage_url(cohort, "run_start"))

    assert "No problem is offered to the cohort yet: offer problems first." in response.text


def test_applying_forms_the_groups_named_after_their_problems(signed_in, campus, cohort, eight):
    signed_in.post(manage_url(cohort, "run_start"))
    run = rows(FormationRun)[0]

    response = signed_in.post(manage_url(cohort, "run_apply", pk=run.pk), follow=True)

    groups = rows(WorkingGroup)
    assert sorted(group.name for group in groups) == ["Food waste A", "Heat waves A"]
    assert all(group.formed_by_id == run.pk for group in groups)
    with scopes_disabled():
        food_group = WorkingGroup.objects.get(agenda=eight["food"].agenda)
        assert sorted(food_group.members.values_list("participant_id", flat=True)) == [
            p.pk for p in eight["people"][0::2]
        ]
    assert rows(FormationRun)[0].applied_at is not None
    assert "2 groups are formed." in response.text
    assert actions(campus)[-1] == "workgroups.formation_applied"


def test_applying_again_replaces_groups_without_work(signed_in, cohort, eight, group_of):
    group_of(cohort, eight["people"][0], name="Made by hand")
    signed_in.post(manage_url(cohort, "run_start"))

    signed_in.post(manage_url(cohort, "run_apply", pk=rows(FormationRun)[0].pk))

    assert "Made by hand" not in [group.name for group in rows(WorkingGroup)]
    assert len(rows(GroupMember)) == 8


@pytest.mark.parametrize("work", ["note", "experiment"])
def test_applying_again_is_refused_once_a_group_holds_work(signed_in, campus, cohort, eight, group_of, work):
    busy = group_of(cohort, eight["people"][0], name="Busy group")
    with scopes_disabled():
        if work == "note":
            GroupNote.objects.create(campus=campus, group=busy, body="Met the market")
        else:
            ExperimentFactory(campus=campus, working_group=busy)
    signed_in.post(manage_url(cohort, "run_start"))

    response = signed_in.post(manage_url(cohort, "run_apply", pk=rows(FormationRun)[0].pk), follow=True)

    assert (
        "These groups already hold notes, tasks, files or experiments and cannot be replaced: Busy group."
        in (response.text)
    )
    assert [group.name for group in rows(WorkingGroup)] == ["Busy group"]
    assert rows(FormationRun)[0].applied_at is None


def test_people_who_left_since_the_run_are_left_out(signed_in, cohort, eight):
    signed_in.post(manage_url(cohort, "run_start"))
    gone = eight["people"][0]
    with scopes_disabled():
        gone.state, gone.left_on = "withdrawn", gone.joined_on
        gone.save()

    response = signed_in.post(manage_url(cohort, "run_apply", pk=rows(FormationRun)[0].pk), follow=True)

    assert gone.pk not in [member.participant_id for member in rows(GroupMember)]
    assert "1 person of the proposal no longer takes part and was left out." in response.text


def test_an_impossible_no_isolation_rule_is_reported_in_words(signed_in, cohort, eight):
    give_trait(eight["people"][0], "age", "60+")
    set_formation(cohort, min_size=3, max_size=5, no_isolation=["age"])

    response = signed_in.post(manage_url(cohort, "run_start"), follow=True)

    assert "Member 1 is the only person with age “60+” in the cohort" in response.text


def test_group_names_letter_the_groups_of_one_problem():
    assert group_names([7, 8, 7], {7: "Food", 8: "Heat"}) == ["Food A", "Heat A", "Food B"]
    assert group_names([9], {9: "x" * 200})[0] == "x" * 118 + " A"


def test_a_greedy_baseline_scoring_higher_by_isolating_people_is_explained(
    signed_in, campus, cohort, join, offer
):
    food, heat = offer(cohort, title_en="Food waste"), offer(cohort, title_en="Heat waves")
    people = [join(cohort) for _ in range(7)]
    with scopes_disabled():
        for n, person in enumerate(people):
            AgendaChoice.objects.create(
                campus=campus, participant=person, offer=food if n % 2 else heat, rank=1
            )
    for n, person in enumerate(people):
        give_trait(person, "gender", "f" if n < 3 else "m")
        give_trait(person, "sector", ["public", "civic", "private"][n % 3])
    set_formation(cohort, min_size=3, max_size=4, balance=["sector"], no_isolation=["gender"])

    page = signed_in.post(manage_url(cohort, "run_start"), follow=True).text

    run = rows(FormationRun)[0]
    assert run.greedy_worst_score > run.worst_score
    assert "higher only because its plan leaves more people the only one of their kind" in page


def test_a_run_without_a_plan_says_so_and_cannot_be_applied(signed_in, campus, cohort):
    with scopes_disabled():
        run = FormationRun.objects.create(
            campus=campus, cohort=cohort, instance={"people": [], "options": []}, result={}, status="unknown"
        )

    page = signed_in.get(manage_url(cohort, "run", pk=run.pk)).text
    response = signed_in.post(manage_url(cohort, "run_apply", pk=run.pk), follow=True)

    assert "no plan found in time" in page
    assert "This run found no plan." in page
    assert "Apply: form these groups" not in page
    assert "This run proposes no groups." in response.text
    assert rows(FormationRun)[0].applied_at is None
