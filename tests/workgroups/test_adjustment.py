"""Hand adjustment: moving people, creating, renaming and deleting groups, changing a group's
problem, and the live score with its violations in words after each change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from opencampus.workgroups.models import AgendaChoice, GroupMember, GroupNote, WorkingGroup

from .helpers import actions, give_trait, manage_url, rows, set_formation


@pytest.fixture
def signed_in(client, operator):
    client.force_login(operator)
    return client


@pytest.fixture
def plan(campus, cohort, join, offer, group_of):
    """Two groups of two on two problems (sizes 2 to 3); gender is a no-isolation attribute."""
    food = offer(cohort, title_en="Food waste")
    heat = offer(cohort, title_en="Heat waves")
    ana, ben, cho, dan = (join(cohort, name_en=name) for name in ("Ana", "Ben", "Cho", "Dan"))
    for person, gender in ((ana, "f"), (ben, "f"), (cho, "m"), (dan, "m")):
        give_trait(person, "gender", gender)
    with scopes_disabled():
        for person in (ana, ben, cho, dan):
            AgendaChoice.objects.create(campus=campus, participant=person, offer=food, rank=1)
    set_formation(cohort, min_size=2, max_size=3, no_isolation=["gender"])
    first = group_of(cohort, ana, ben, agenda=food.agenda, name="Food waste A")
    second = group_of(cohort, cho, dan, agenda=heat.agenda, name="Heat waves A")
    return {"food": food, "heat": heat, "people": (ana, ben, cho, dan), "groups": (first, second)}


def members_of(group):
    return sorted(member.participant_id for member in rows(GroupMember, group=group))


def test_the_page_shows_groups_scores_ranks_and_traits(signed_in, cohort, plan):
    page = signed_in.get(manage_url(cohort, "groups"))

    assert page.status_code == 200
    assert "Food waste A" in page.text
    assert "Heat waves A" in page.text
    assert "The groups keep every rule." in page.text
    assert "Worst group's score: <strong>0</strong>" in page.text  # nobody in Heat waves A ranked it
    assert "Score <strong>1000</strong>" in page.text
    assert "not ranked" in page.text  # Cho and Dan did not rank heat waves


def test_moving_a_member_breaks_a_rule_and_the_score_says_so(signed_in, campus, cohort, plan):
    ana, _ben, _cho, _dan = plan["people"]
    _first, second = plan["groups"]

    response = signed_in.post(
        manage_url(cohort, "move"), {"participant": ana.pk, "group": second.pk}, follow=True
    )

    assert members_of(second) == sorted([ana.pk, plan["people"][2].pk, plan["people"][3].pk])
    assert "Ana moves to Heat waves A." in response.text
    assert "Food waste A has 1 members, fewer than 2." in response.text
    assert "Ana is the only member of Heat waves A with gender “f”." in response.text
    assert "Ben is the only member of Food waste A with gender “f”." in response.text
    assert actions(campus) == ["workgroups.member_moved"]


def test_moving_someone_out_of_every_group_reports_them_missing(signed_in, cohort, plan):
    ana = plan["people"][0]

    response = signed_in.post(manage_url(cohort, "move"), {"participant": ana.pk, "group": ""}, follow=True)

    assert ana.pk not in [m.participant_id for m in rows(GroupMember)]
    assert "Ana is not in any group." in response.text


def test_a_participant_of_another_cohort_cannot_be_moved_in(signed_in, cohort, other_cohort, plan, join):
    outsider = join(other_cohort)

    response = signed_in.post(
        manage_url(cohort, "move"), {"participant": outsider.pk, "group": plan["groups"][0].pk}, follow=True
    )

    assert "Choose a participant of this cohort and one of its groups." in response.text
    assert len(rows(GroupMember)) == 4


def test_a_group_over_its_problem_limit_is_reported(signed_in, cohort, plan):
    _first, second = plan["groups"]

    response = signed_in.post(
        manage_url(cohort, "group_problem", pk=second.pk), {"agenda": plan["food"].agenda_id}, follow=True
    )

    assert rows(WorkingGroup, pk=second.pk)[0].agenda_id == plan["food"].agenda_id
    assert "Food waste is taken by 2 groups; it allows 1." in response.text


def test_a_group_without_a_problem_is_reported(signed_in, cohort, plan):
    response = signed_in.post(
        manage_url(cohort, "group_problem", pk=plan["groups"][1].pk), {"agenda": ""}, follow=True
    )

    assert "Heat waves A works on no problem offered to the cohort." in response.text


def test_a_problem_not_offered_cannot_be_given_to_a_group(signed_in, cohort, other_cohort, plan, offer):
    elsewhere = offer(other_cohort)

    response = signed_in.post(
        manage_url(cohort, "group_problem", pk=plan["groups"][1].pk),
        {"agenda": elsewhere.agenda_id},
        follow=True,
    )

    assert "Choose one of the problems offered to the cohort." in response.text
    assert rows(WorkingGroup, pk=plan["groups"][1].pk)[0].agenda_id == plan["heat"].agenda_id


def test_groups_are_created_renamed_and_deleted_when_empty(signed_in, campus, cohort, plan):
    signed_in.post(manage_url(cohort, "group_create"), {"new-name": "  Extra   group ", "new-agenda": ""})
    extra = rows(WorkingGroup, name="Extra group")[0]

    signed_in.post(manage_url(cohort, "group_rename", pk=extra.pk), {f"rename-{extra.pk}-name": "Spare"})
    assert rows(WorkingGroup, pk=extra.pk)[0].name == "Spare"
    response = signed_in.post(manage_url(cohort, "group_delete", pk=extra.pk), follow=True)

    assert rows(WorkingGroup, pk=extra.pk) == []
    assert "The group “Spare” is deleted." in response.text
    assert actions(campus) == [
        "workgroups.group_created",
        "workgroups.group_renamed",
        "workgroups.group_deleted",
    ]


def test_a_duplicate_or_empty_name_is_refused_with_the_name_kept(signed_in, cohort, plan):
    response = signed_in.post(
        manage_url(cohort, "group_create"), {"new-name": "Food waste A", "new-agenda": ""}
    )
    assert response.status_code == 400
    assert "The cohort already has a group called “Food waste A”." in response.text

    second = plan["groups"][1]
    response = signed_in.post(
        manage_url(cohort, "group_rename", pk=second.pk), {f"rename-{second.pk}-name": "   "}
    )
    assert response.status_code == 400
    assert "This field is required." in response.text
    assert len(rows(WorkingGroup)) == 2


def test_a_group_with_members_or_work_is_not_deleted(signed_in, campus, cohort, plan, group_of):
    first, _second = plan["groups"]
    response = signed_in.post(manage_url(cohort, "group_delete", pk=first.pk), follow=True)
    assert "Move the members out of “Food waste A” before deleting it." in response.text

    noted = group_of(cohort, name="Noted")
    with scopes_disabled():
        GroupNote.objects.create(campus=campus, group=noted, body="Keep me")
    response = signed_in.post(manage_url(cohort, "group_delete", pk=noted.pk), follow=True)
    assert "“Noted” holds notes, tasks, files or experiments and is kept." in response.text
    assert len(rows(WorkingGroup)) == 3


def test_script_in_a_group_name_is_shown_as_text(signed_in, cohort, plan):
    signed_in.post(
        manage_url(cohort, "group_create"), {"new-name": "<script>alert(1)</script>", "new-agenda": ""}
    )

    page = signed_in.get(manage_url(cohort, "groups"))

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<script>alert(1)</script>" not in page.text


def test_the_score_cannot_be_computed_when_the_sizes_cannot_work_and_says_why(signed_in, cohort, plan):
    set_formation(cohort, min_size=5, max_size=6)

    page = signed_in.get(manage_url(cohort, "groups"))

    assert "The groups cannot be scored: 4 participants cannot be split into groups of 5 to 6." in page.text


def test_the_page_reads_as_many_rows_for_three_groups_as_for_one(
    signed_in, cohort, other_cohort, join, offer, group_of
):
    for target, count in ((cohort, 1), (other_cohort, 3)):
        for n in range(count):
            offered = offer(target)
            group_of(target, join(target), join(target), agenda=offered.agenda, name=f"Group {n}")
        join(target)  # one in no group
    signed_in.get(manage_url(cohort, "groups"))

    with CaptureQueriesContext(connection) as one:
        signed_in.get(manage_url(cohort, "groups"))
    with CaptureQueriesContext(connection) as three:
        signed_in.get(manage_url(other_cohort, "groups"))

    assert len(three) == len(one)
