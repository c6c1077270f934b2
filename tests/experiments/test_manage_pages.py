"""The campus team's pages: every experiment, creating and editing with clear errors, the status
with its rules, milestones, field sites; nobody else gets in."""

import datetime

import pytest
from django_scopes import scopes_disabled

from opencampus.agendas.models import Agenda
from opencampus.core.links import campus_reverse
from opencampus.experiments.models import Experiment, FieldSite
from tests.factories import AgendaFactory, DistrictFactory, FieldSiteFactory, WorkingGroupFactory

from .conftest import count_queries, fresh, url

Status = Experiment.Status


@pytest.fixture
def experiment(make_experiment):
    return make_experiment(title_en="Shared compost", milestones=[(1, 10)])


@pytest.fixture
def site(campus):
    with scopes_disabled():
        return FieldSiteFactory(campus=campus, name_en="Market square")


def manage_pages(campus, experiment, site):
    with scopes_disabled():
        milestone = experiment.milestones.get()
    return [
        url(campus, "experiments_manage:list"),
        url(campus, "experiments_manage:create"),
        url(campus, "experiments_manage:edit", pk=experiment.pk),
        url(campus, "experiments_manage:milestone_edit", pk=experiment.pk, milestone_pk=milestone.pk),
        url(campus, "experiments_manage:sites"),
        url(campus, "experiments_manage:site_create"),
        url(campus, "experiments_manage:site_edit", pk=site.pk),
    ]


def manage_posts(campus, experiment, site):
    return [
        *manage_pages(campus, experiment, site)[1:4],
        url(campus, "experiments_manage:status", pk=experiment.pk),
        *manage_pages(campus, experiment, site)[5:],
        url(campus, "experiments_manage:site_delete", pk=site.pk),
    ]


POST_DATA = {
    "kind": "experiment",
    "title_en": "Taken over",
    "name_en": "Taken over",
    "starts_on": "2026-01-01",
    "status": "running",
    "weight": 1,
    "progress": 0,
}


def unchanged(experiment, site):
    assert fresh(experiment).title_en == "Shared compost"
    assert fresh(experiment).status == Status.PLANNED
    assert fresh(site).name_en == "Market square"
    with scopes_disabled():
        assert Experiment.objects.count() == 1
        assert experiment.milestones.get().title_en != "Taken over"


def test_manage_pages_send_anonymous_people_to_log_in(client, campus, experiment, site):
    login = campus_reverse(campus, "people:login")
    for address in manage_pages(campus, experiment, site):
        assert client.get(address).url.startswith(login), address
    for address in manage_posts(campus, experiment, site):
        assert client.post(address, POST_DATA).url.startswith(login), address
    unchanged(experiment, site)


@pytest.mark.parametrize("viewer", ["participant", "member", "org_manager", "other_operator"])
def test_manage_pages_are_forbidden_without_a_campus_team_role(
    client, campus, experiment, site, viewer, request
):
    client.force_login(request.getfixturevalue(viewer))

    for address in manage_pages(campus, experiment, site):
        assert client.get(address).status_code == 403, address
    for address in manage_posts(campus, experiment, site):
        assert client.post(address, POST_DATA).status_code == 403, address
    unchanged(experiment, site)


def test_manage_pages_of_another_campus_are_not_found(client, other_campus, experiment, site, other_operator):
    client.force_login(other_operator)

    for address in manage_posts(other_campus, experiment, site):
        if "/new/" in address:
            continue
        assert client.post(address, POST_DATA).status_code == 404, address
    unchanged(experiment, site)


def test_manage_list_shows_hidden_experiments(client, campus, make_experiment, staff_member):
    make_experiment(title_en="Secret pilot", is_public=False)
    client.force_login(staff_member)

    page = client.get(url(campus, "experiments_manage:list")).content.decode()

    assert "Secret pilot" in page
    assert "hidden" in page


def test_manage_list_reads_a_constant_number_of_queries(client, campus, make_experiment, staff_member):
    client.force_login(staff_member)
    make_experiment(milestones=[(1, 10)])
    one = count_queries(lambda: client.get(url(campus, "experiments_manage:list")))
    for _ in range(4):
        make_experiment(milestones=[(1, 10)], is_public=False)
    five = count_queries(lambda: client.get(url(campus, "experiments_manage:list")))

    assert one == five


def form_data(**changes):
    return {
        "kind": "experiment",
        "title_ko": "",
        "title_en": "Repair café",
        "starts_on": "2026-03-01",
        "ends_on": "2026-09-30",
        "budget": "4500000",
        "hypothesis": "Kept while typing",
        "method": "",
        "results": "",
        "lessons": "",
        "is_public": "on",
        **changes,
    }


def test_staff_creates_an_experiment(client, campus, staff_member, group, site):
    client.force_login(staff_member)

    response = client.post(
        url(campus, "experiments_manage:create"), form_data(working_group=group.pk, field_site=site.pk)
    )

    with scopes_disabled():
        created = Experiment.objects.get(title_en="Repair café")
    assert response.url == url(campus, "experiments_manage:edit", pk=created.pk)
    assert (created.working_group, created.field_site, created.budget) == (group, site, 4_500_000)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ends_on": "2026-02-01"}, "The end date cannot be before the start date."),
        ({"budget": "-1"}, "The budget cannot be negative."),
        ({"title_en": "  "}, "Give the title in Korean or in English."),
    ],
)
def test_create_with_bad_input_shows_why_and_keeps_what_was_typed(
    client, campus, staff_member, changes, message
):
    client.force_login(staff_member)

    response = client.post(url(campus, "experiments_manage:create"), form_data(**changes))

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Kept while typing" in page
    with scopes_disabled():
        assert not Experiment.objects.exists()


def test_create_with_a_group_and_an_organisation_says_to_choose_one(
    client, campus, staff_member, group, organisation
):
    client.force_login(staff_member)

    response = client.post(
        url(campus, "experiments_manage:create"),
        form_data(working_group=group.pk, organisation=organisation.pk),
    )

    assert response.status_code == 400
    assert (
        "The team is a working group or an organisation, not both: choose one." in response.content.decode()
    )


def test_create_with_a_group_of_another_campus_is_refused(client, campus, other_campus, staff_member):
    with scopes_disabled():
        foreign = WorkingGroupFactory(cohort__track__campus=other_campus, campus=other_campus)
    client.force_login(staff_member)

    response = client.post(url(campus, "experiments_manage:create"), form_data(working_group=foreign.pk))

    assert response.status_code == 400
    assert response.context["form"].has_error("working_group")
    with scopes_disabled():
        assert not Experiment.objects.exists()


def test_staff_edits_an_experiment_and_hides_it(client, campus, staff_member, experiment):
    client.force_login(staff_member)
    data = form_data(title_en="Shared compost, second round")
    del data["is_public"]

    response = client.post(url(campus, "experiments_manage:edit", pk=experiment.pk), data)

    assert response.status_code == 302
    assert (fresh(experiment).title_en, fresh(experiment).is_public) == (
        "Shared compost, second round",
        False,
    )


def test_staff_starts_an_experiment_and_its_adopted_problem_moves_on(
    client, campus, staff_member, make_experiment, agenda
):
    with scopes_disabled():
        Agenda.objects.filter(pk=agenda.pk).update(state=Agenda.State.ADOPTED)
    experiment = make_experiment(agenda=agenda)
    client.force_login(staff_member)

    response = client.post(url(campus, "experiments_manage:status", pk=experiment.pk), {"status": "running"})

    assert response.status_code == 302
    assert fresh(experiment).status == Status.RUNNING
    assert fresh(agenda).state == Agenda.State.IN_EXPERIMENT


def test_completing_without_results_says_so(client, campus, staff_member, make_experiment):
    experiment = make_experiment(status=Status.RUNNING, results="")
    client.force_login(staff_member)

    response = client.post(
        url(campus, "experiments_manage:status", pk=experiment.pk), {"status": "completed"}
    )

    assert response.status_code == 400
    assert "A completed experiment needs its results: say what changed." in response.content.decode()
    assert fresh(experiment).status == Status.RUNNING


def test_a_status_the_life_cycle_does_not_allow_is_refused(client, campus, staff_member, make_experiment):
    experiment = make_experiment(status=Status.RUNNING)
    client.force_login(staff_member)

    response = client.post(url(campus, "experiments_manage:status", pk=experiment.pk), {"status": "planned"})

    assert response.status_code == 400
    assert fresh(experiment).status == Status.RUNNING


def test_staff_changes_a_milestones_weight(client, campus, staff_member, experiment):
    with scopes_disabled():
        milestone = experiment.milestones.get()
    client.force_login(staff_member)

    response = client.post(
        url(campus, "experiments_manage:milestone_edit", pk=experiment.pk, milestone_pk=milestone.pk),
        {"title_en": "Survey", "title_ko": "", "weight": 5, "progress": 10, "due_on": ""},
    )

    assert response.status_code == 302
    assert fresh(milestone).weight == 5


# Field sites


def test_staff_adds_a_field_site(client, campus, staff_member, organisation):
    with scopes_disabled():
        district = DistrictFactory(campus=campus)
    client.force_login(staff_member)

    response = client.post(
        url(campus, "experiments_manage:site_create"),
        {
            "kind": "resident",
            "name_ko": "마을부엌",
            "name_en": "",
            "organisation": organisation.pk,
            "district": district.pk,
            "address": "Eunpyeong-gu",
        },
    )

    assert response.url == url(campus, "experiments_manage:sites")
    with scopes_disabled():
        site = FieldSite.objects.get(name_ko="마을부엌")
    assert (site.organisation, site.district, site.campus) == (organisation, district, campus)


def test_field_site_without_a_name_is_refused(client, campus, staff_member):
    client.force_login(staff_member)

    response = client.post(
        url(campus, "experiments_manage:site_create"),
        {"kind": "partner", "name_ko": "", "name_en": "", "address": "Kept address"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Give the name in Korean or in English." in page
    assert "Kept address" in page


def test_staff_renames_and_deletes_an_unused_field_site(client, campus, staff_member, site):
    client.force_login(staff_member)

    client.post(
        url(campus, "experiments_manage:site_edit", pk=site.pk), {"kind": "partner", "name_en": "Square"}
    )
    renamed = fresh(site).name_en
    client.post(url(campus, "experiments_manage:site_delete", pk=site.pk))

    assert renamed == "Square"
    with scopes_disabled():
        assert not FieldSite.objects.filter(pk=site.pk).exists()


def test_deleting_a_field_site_with_experiments_is_refused(
    client, campus, staff_member, site, make_experiment
):
    make_experiment(field_site=site, starts_on=datetime.date(2025, 1, 1))
    client.force_login(staff_member)

    response = client.post(url(campus, "experiments_manage:site_delete", pk=site.pk), follow=True)

    assert "Experiments took place here, so the site stays; rename it instead." in response.content.decode()
    assert fresh(site).pk == site.pk


def test_experiment_form_offers_problems_the_campus_took_up_and_the_current_one(
    client, campus, staff_member, make_experiment
):
    with scopes_disabled():
        adopted = AgendaFactory(campus=campus, state=Agenda.State.ADOPTED)
        proposed = AgendaFactory(campus=campus)
        current = AgendaFactory(campus=campus)
    experiment = make_experiment(agenda=current)
    client.force_login(staff_member)

    response = client.get(url(campus, "experiments_manage:edit", pk=experiment.pk))

    offered = set(response.context["form"].fields["agenda"].queryset)
    assert offered == {adopted, current}
    assert proposed not in offered
