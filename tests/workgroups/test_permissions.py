"""Every page and every POST checks who asks on the server: anonymous people log in, people of
another cohort, non-members and the team of another campus are refused, and other campuses'
records are not found."""

import pytest
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.workgroups.models import (
    AgendaChoice,
    CohortAgenda,
    FormationRun,
    GroupNote,
    GroupTask,
    WorkingGroup,
)
from tests.factories import CohortFactory, TrackFactory

from .helpers import manage_url, public_url, rows


@pytest.fixture
def setting(cohort, join, offer, group_of):
    """A cohort with an offered problem, a group of one member with a task, and a run."""
    member = join(cohort)
    offered = offer(cohort, title_en="Food waste")
    group = group_of(cohort, member, agenda=offered.agenda, name="Compost")
    with scopes_disabled():
        task = GroupTask.objects.create(campus=cohort.campus, group=group, title="Call the market")
        run = FormationRun.objects.create(
            campus=cohort.campus,
            cohort=cohort,
            instance={"people": [], "options": []},
            result={},
            status="unknown",
        )
    return {"member": member, "offer": offered, "group": group, "task": task, "run": run}


def manage_pages(cohort, setting):
    return [
        campus_reverse(cohort.campus, "workgroups_manage:index"),
        manage_url(cohort),
        manage_url(cohort, "traits"),
        manage_url(cohort, "run", pk=setting["run"].pk),
        manage_url(cohort, "groups"),
    ]


def manage_posts(cohort, setting):
    offer, group = setting["offer"], setting["group"]
    return [
        manage_url(cohort, "offer_add"),
        manage_url(cohort, "offer_change", pk=offer.pk),
        manage_url(cohort, "offer_remove", pk=offer.pk),
        manage_url(cohort, "ranking"),
        manage_url(cohort, "settings"),
        manage_url(cohort, "traits"),
        manage_url(cohort, "traits_from_call"),
        manage_url(cohort, "traits_upload"),
        manage_url(cohort, "run_start"),
        manage_url(cohort, "run_apply", pk=setting["run"].pk),
        manage_url(cohort, "move"),
        manage_url(cohort, "group_create"),
        manage_url(cohort, "group_rename", pk=group.pk),
        manage_url(cohort, "group_problem", pk=group.pk),
        manage_url(cohort, "group_delete", pk=group.pk),
    ]


def group_posts(campus, setting):
    group, task = setting["group"], setting["task"]
    return [
        public_url(campus, "task_add", pk=group.pk),
        public_url(campus, "task_assign", pk=group.pk, task=task.pk),
        public_url(campus, "task_done", pk=group.pk, task=task.pk),
        public_url(campus, "task_reopen", pk=group.pk, task=task.pk),
        public_url(campus, "note_add", pk=group.pk),
        public_url(campus, "file_add", pk=group.pk),
    ]


POST_DATA = {
    "offer-max_groups": "3",
    "max_groups": "5",
    "open": "0",
    "settings-min_size": "1",
    "settings-max_size": "1",
    "new-name": "Taken over",
    "rename-0-name": "Taken over",
    "participant": "0",
    "task-title": "Taken over",
    "note-body": "Taken over",
}


def unchanged(cohort, setting):
    with scopes_disabled():
        assert CohortAgenda.objects.get(pk=setting["offer"].pk).max_groups == 1
        assert [group.name for group in WorkingGroup.objects.filter(cohort=cohort)] == ["Compost"]
        assert list(GroupTask.objects.values_list("title", "done_at")) == [("Call the market", None)]
        assert not GroupNote.objects.exists()
        assert FormationRun.objects.get().applied_at is None


def test_anonymous_people_are_sent_to_log_in(client, campus, cohort, setting):
    login = campus_reverse(campus, "people:login")
    group = setting["group"]
    pages = [
        *manage_pages(cohort, setting),
        public_url(campus, "mine"),
        public_url(campus, "choices", cohort=cohort.slug),
        public_url(campus, "group", pk=group.pk),
    ]
    for address in pages:
        response = client.get(address)
        assert response.status_code == 302, address
        assert response.url.startswith(login), address
    posts = [
        *manage_posts(cohort, setting),
        *group_posts(campus, setting),
        public_url(campus, "choices", cohort=cohort.slug),
    ]
    for address in posts:
        response = client.post(address, POST_DATA)
        assert response.status_code == 302, address
        assert response.url.startswith(login), address
    unchanged(cohort, setting)


@pytest.mark.parametrize("person", ["participant", "other_operator", "stranger_of_other_cohort"])
def test_people_without_a_team_role_here_cannot_manage(
    client, cohort, setting, request, person, other_cohort, join
):
    user = (
        join(other_cohort).user if person == "stranger_of_other_cohort" else request.getfixturevalue(person)
    )
    client.force_login(user)
    for address in manage_pages(cohort, setting):
        assert client.get(address).status_code == 403, address
    for address in manage_posts(cohort, setting):
        assert client.post(address, POST_DATA).status_code == 403, address
    unchanged(cohort, setting)


def test_operators_and_staff_open_every_manage_page(client, cohort, setting, operator, staff_member):
    for person in (operator, staff_member):
        client.force_login(person)
        for address in manage_pages(cohort, setting):
            assert client.get(address).status_code == 200, address


@pytest.mark.parametrize("person", ["non_member", "participant_of_other_cohort", "other_operator"])
def test_the_group_page_is_closed_to_others(
    client, campus, cohort, other_cohort, setting, join, request, person
):
    if person == "non_member":
        user = join(cohort).user
    elif person == "participant_of_other_cohort":
        user = join(other_cohort).user
    else:
        user = request.getfixturevalue(person)
    client.force_login(user)
    group = setting["group"]
    with scopes_disabled():
        file_pk = group.files.create(campus=campus, title="Plan", file="workgroups/files/plan.txt").pk
    assert client.get(public_url(campus, "group", pk=group.pk)).status_code == 403
    assert client.get(public_url(campus, "file", pk=group.pk, file=file_pk)).status_code == 403
    for address in group_posts(campus, setting):
        assert client.post(address, POST_DATA).status_code == 403, address
    unchanged(cohort, setting)


def test_ranking_is_for_active_participants_of_the_cohort_only(
    client, campus, cohort, other_cohort, setting, join
):
    outsider = join(other_cohort)
    client.force_login(outsider.user)
    address = public_url(campus, "choices", cohort=cohort.slug)

    assert client.get(address).status_code == 403
    assert client.post(address, {f"rank_{setting['offer'].pk}": "1"}).status_code == 403
    assert rows(AgendaChoice) == []


def test_withdrawn_participants_lose_the_group_page_and_ranking(client, campus, cohort, setting):
    member = setting["member"]
    with scopes_disabled():
        member.state, member.left_on = "withdrawn", member.joined_on
        member.save()
    client.force_login(member.user)

    assert client.get(public_url(campus, "group", pk=setting["group"].pk)).status_code == 403
    assert client.get(public_url(campus, "choices", cohort=cohort.slug)).status_code == 403


def test_my_groups_is_for_people_who_take_part_here(client, campus, setting, make_person):
    client.force_login(make_person(campus, "public"))
    assert client.get(public_url(campus, "mine")).status_code == 403
    client.force_login(setting["member"].user)
    assert client.get(public_url(campus, "mine")).status_code == 200


def test_another_campus_records_are_not_found(
    client, campus, other_campus, cohort, setting, operator, group_of
):
    with scopes_disabled():
        foreign = CohortFactory(track=TrackFactory(campus=other_campus), campus=other_campus)
    foreign_group = group_of(foreign, name="Busan group")
    client.force_login(operator)
    ours = setting["group"]

    for address in [
        campus_reverse(campus, "workgroups_manage:cohort", cohort=foreign.slug),
        campus_reverse(campus, "workgroups_manage:groups", cohort=foreign.slug),
        public_url(campus, "group", pk=foreign_group.pk),
        public_url(campus, "choices", cohort=foreign.slug),
        manage_url(cohort, "group_rename", pk=foreign_group.pk),
    ]:
        method = client.post if address.endswith("/rename/") else client.get
        assert method(address, {"rename-0-name": "x"}).status_code == 404, address
    with scopes_disabled():
        assert WorkingGroup.objects.get(pk=foreign_group.pk).name == "Busan group"
    assert ours.pk != foreign_group.pk


def test_the_team_of_another_campus_cannot_open_this_campus_group(client, campus, setting, other_operator):
    client.force_login(other_operator)
    assert client.get(public_url(campus, "group", pk=setting["group"].pk)).status_code == 403
