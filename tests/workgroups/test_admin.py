"""The raw-data administration lists working groups of the operator's campuses only."""

from django_scopes import scopes_disabled

from tests.factories import CohortFactory, TrackFactory


def test_operators_see_only_their_campus_groups(client, campus, other_campus, cohort, group_of, operator):
    with scopes_disabled():
        foreign = CohortFactory(track=TrackFactory(campus=other_campus), campus=other_campus)
    group_of(cohort, name="Seoul group")
    group_of(foreign, name="Busan group")
    client.force_login(operator)

    response = client.get("/admin/workgroups/workinggroup/")

    assert response.status_code == 200
    assert "Seoul group" in response.text
    assert "Busan group" not in response.text


def test_every_workgroups_changelist_opens(client, campus, operator):
    client.force_login(operator)
    for model in (
        "cohortagenda",
        "agendachoice",
        "trait",
        "formationsettings",
        "formationrun",
        "workinggroup",
        "groupmember",
        "grouptask",
        "groupnote",
        "groupfile",
    ):
        assert client.get(f"/admin/workgroups/{model}/").status_code == 200, model
