"""The team's pages: its working group's active members or its organisation's managers (and the
campus team) edit the texts, add milestones, set progress and post updates; nobody else can."""

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.experiments.models import Attachment, Experiment, Milestone, Update
from opencampus.experiments.services.updates import MAX_FILE_BYTES
from opencampus.programs.models import Participant

from .conftest import fresh, picture, text_file, url


@pytest.fixture
def experiment(make_experiment, group):
    return make_experiment(working_group=group, method="Old method.", milestones=[(1, 10)])


@pytest.fixture
def milestone(experiment):
    with scopes_disabled():
        return experiment.milestones.get()


def team_pages(campus, experiment, milestone):
    return [
        url(campus, "experiments:team_edit", pk=experiment.pk),
        url(campus, "experiments:milestone_add", pk=experiment.pk),
        url(campus, "experiments:milestone_progress", pk=experiment.pk, milestone_pk=milestone.pk),
        url(campus, "experiments:post_update", pk=experiment.pk),
    ]


POST_DATA = {
    "method": "Taken over",
    "title_en": "Taken over",
    "weight": 1,
    "progress": 99,
    "happened_on": "2026-04-01",
    "body": "Taken over",
}


def unchanged(experiment, milestone):
    assert fresh(experiment).method == "Old method."
    assert fresh(milestone).progress == 10
    with scopes_disabled():
        assert experiment.milestones.count() == 1
        assert not Update.objects.exists()


def test_team_pages_send_anonymous_people_to_log_in(client, campus, experiment, milestone):
    login = campus_reverse(campus, "people:login")
    for address in team_pages(campus, experiment, milestone):
        assert client.get(address).url.startswith(login), address
        assert client.post(address, POST_DATA).url.startswith(login), address
    unchanged(experiment, milestone)


@pytest.mark.parametrize("viewer", ["outsider", "org_member", "other_operator"])
def test_team_pages_are_forbidden_to_people_outside_the_team(
    client, campus, experiment, milestone, viewer, request
):
    client.force_login(request.getfixturevalue(viewer))

    for address in team_pages(campus, experiment, milestone):
        assert client.get(address).status_code == 403, address
        assert client.post(address, POST_DATA).status_code == 403, address
    unchanged(experiment, milestone)


def test_team_pages_of_a_hidden_experiment_are_not_found_for_outsiders(
    client, campus, experiment, milestone, outsider
):
    with scopes_disabled():
        Experiment.objects.filter(pk=experiment.pk).update(is_public=False)
    client.force_login(outsider)

    for address in team_pages(campus, experiment, milestone):
        assert client.post(address, POST_DATA).status_code == 404, address
    unchanged(experiment, milestone)


def test_team_pages_of_another_campus_are_not_found(
    client, other_campus, experiment, milestone, other_operator
):
    client.force_login(other_operator)

    for address in team_pages(other_campus, experiment, milestone):
        assert client.post(address, POST_DATA).status_code == 404, address
    unchanged(experiment, milestone)


def test_milestone_of_another_experiment_is_not_found(client, campus, experiment, make_experiment, member):
    foreign = make_experiment(milestones=[(1, 10)])
    with scopes_disabled():
        other_milestone = foreign.milestones.get()
    client.force_login(member)

    response = client.post(
        url(campus, "experiments:milestone_progress", pk=experiment.pk, milestone_pk=other_milestone.pk),
        {"progress": 90},
    )

    assert response.status_code == 404
    assert fresh(other_milestone).progress == 10


def test_team_member_edits_the_texts(client, campus, experiment, member):
    client.force_login(member)

    response = client.post(
        url(campus, "experiments:team_edit", pk=experiment.pk),
        {"hypothesis": "Shared bins halve waste.", "method": "Weigh weekly.", "results": "", "lessons": ""},
    )

    assert response.url == url(campus, "experiments:detail", pk=experiment.pk)
    assert (fresh(experiment).hypothesis, fresh(experiment).method) == (
        "Shared bins halve waste.",
        "Weigh weekly.",
    )


def test_organisation_manager_edits_the_texts_of_its_experiment(
    client, campus, make_experiment, organisation, org_manager
):
    experiment = make_experiment(organisation=organisation)
    client.force_login(org_manager)

    response = client.post(
        url(campus, "experiments:team_edit", pk=experiment.pk),
        {"hypothesis": "", "method": "", "results": "", "lessons": "Start small."},
    )

    assert response.status_code == 302
    assert fresh(experiment).lessons == "Start small."


def test_team_edit_cannot_empty_the_results_of_a_completed_experiment(
    client, campus, make_experiment, group, member
):
    experiment = make_experiment(
        working_group=group, status=Experiment.Status.COMPLETED, results="It worked."
    )
    client.force_login(member)

    response = client.post(
        url(campus, "experiments:team_edit", pk=experiment.pk),
        {"hypothesis": "Kept while typing", "method": "", "results": "", "lessons": ""},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "A completed experiment needs its results: say what changed." in page
    assert "Kept while typing" in page
    assert fresh(experiment).results == "It worked."


def test_team_member_adds_a_milestone(client, campus, experiment, member):
    client.force_login(member)

    response = client.post(
        url(campus, "experiments:milestone_add", pk=experiment.pk),
        {"title_en": "Survey the street", "title_ko": "", "weight": 3, "progress": 0, "due_on": "2026-06-30"},
    )

    assert response.status_code == 302
    with scopes_disabled():
        added = experiment.milestones.get(title_en="Survey the street")
    assert (added.weight, added.campus_id) == (3, experiment.campus_id)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("weight", 0, "The weight is a whole number from 1 to 1000."),
        ("progress", 101, "Progress is a percentage from 0 to 100."),
        ("title_en", "", "Give the title in Korean or in English."),
    ],
)
def test_add_milestone_with_bad_input_shows_why_and_keeps_the_rest(
    client, campus, experiment, member, field, value, message
):
    client.force_login(member)
    data = {"title_en": "Kept title", "title_ko": "", "weight": 2, "progress": 5, "due_on": "2026-06-30"}

    response = client.post(url(campus, "experiments:milestone_add", pk=experiment.pk), {**data, field: value})

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'value="2026-06-30"' in page
    with scopes_disabled():
        assert experiment.milestones.count() == 1


def test_team_member_sets_a_milestones_progress(client, campus, experiment, milestone, member):
    client.force_login(member)

    response = client.post(
        url(campus, "experiments:milestone_progress", pk=experiment.pk, milestone_pk=milestone.pk),
        {"progress": 70},
    )

    assert response.url == url(campus, "experiments:detail", pk=experiment.pk)
    assert fresh(milestone).progress == 70


def test_milestone_progress_of_101_is_refused_with_the_value_kept(
    client, campus, experiment, milestone, member
):
    client.force_login(member)

    response = client.post(
        url(campus, "experiments:milestone_progress", pk=experiment.pk, milestone_pk=milestone.pk),
        {"progress": 101},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Progress is a percentage from 0 to 100." in page
    assert 'value="101"' in page
    assert fresh(milestone).progress == 10


def test_team_member_posts_an_update_with_a_photo_and_a_file(client, campus, experiment, member):
    client.force_login(member)

    response = client.post(
        url(campus, "experiments:post_update", pk=experiment.pk),
        {
            "happened_on": "2026-04-01",
            "body": "Bins placed.",
            "files": [picture("bins.png"), text_file("looks-like-a.jpg")],
        },
    )

    assert response.status_code == 302
    with scopes_disabled():
        update = Update.objects.get(experiment=experiment)
        kinds = list(
            Attachment.objects.filter(update=update).order_by("pk").values_list("is_image", flat=True)
        )
    assert (update.author, update.progress, kinds) == (member, 10, [True, False])


def test_post_update_with_too_big_a_file_shows_why_and_keeps_the_text(client, campus, experiment, member):
    client.force_login(member)

    response = client.post(
        url(campus, "experiments:post_update", pk=experiment.pk),
        {
            "happened_on": "2026-04-01",
            "body": "Kept while typing",
            "files": [text_file("survey.csv", b"x" * (MAX_FILE_BYTES + 1))],
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "“survey.csv” is larger than 10.0\xa0MB; make it smaller and try again." in page
    assert "Kept while typing" in page
    assert "choose them again" in page
    with scopes_disabled():
        assert not Update.objects.exists()


def test_post_update_form_starts_on_today(client, campus, experiment, member):
    client.force_login(member)

    response = client.get(url(campus, "experiments:post_update", pk=experiment.pk))

    assert f'value="{timezone.localdate().isoformat()}"' in response.content.decode()


def test_staff_member_uses_the_team_pages(client, campus, experiment, milestone, staff_member):
    client.force_login(staff_member)

    response = client.post(
        url(campus, "experiments:milestone_progress", pk=experiment.pk, milestone_pk=milestone.pk),
        {"progress": 55},
    )

    assert response.status_code == 302
    with scopes_disabled():
        assert Milestone.objects.get(pk=milestone.pk).progress == 55


def test_a_member_who_left_the_cohort_no_longer_edits(client, campus, experiment, member):
    with scopes_disabled():
        Participant.objects.filter(user=member).update(
            state=Participant.State.WITHDRAWN, left_on=timezone.localdate()
        )
    client.force_login(member)

    response = client.post(
        url(campus, "experiments:team_edit", pk=experiment.pk),
        {"hypothesis": "", "method": "Taken over", "results": "", "lessons": ""},
    )

    assert response.status_code == 403
    assert fresh(experiment).method == "Old method."
