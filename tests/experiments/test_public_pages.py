"""The public list and an experiment's page: filters, summary, progress, the team and the problem
linked for those who may open them, the timeline with photos and files, hidden experiments."""

import datetime
from decimal import Decimal

import pytest
from django.utils.html import escape
from django_scopes import scopes_disabled

from opencampus.experiments.models import Experiment
from opencampus.experiments.services.updates import post_update
from tests.factories import ThemeFactory

from .conftest import count_queries, picture, text_file, url

Status = Experiment.Status
SCRIPT = "<script>alert(1)</script>"


# The list


def test_list_shows_public_experiments_with_progress_and_summary(client, campus, make_experiment):
    make_experiment(title_en="Shared compost", budget=Decimal(1_500_000), milestones=[(1, 50), (1, 51)])
    make_experiment(title_en="Repair café", kind=Experiment.Kind.PROJECT, budget=Decimal(2_000_000))
    make_experiment(title_en="Secret pilot", is_public=False, budget=Decimal(9_000_000))

    response = client.get(url(campus, "experiments:list"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Shared compost" in page
    assert "Repair café" in page
    assert "Secret pilot" not in page
    assert "2 experiments and projects · total budget KRW 3,500,000" in page
    assert '<progress max="100" value="51"' in page


def test_list_filters_by_kind_theme_status_year_major_and_text(client, campus, make_experiment):
    with scopes_disabled():
        energy = ThemeFactory(campus=campus, slug="energy")
    wanted = {
        "kind": Experiment.Kind.PROJECT,
        "theme": energy,
        "status": Status.RUNNING,
        "starts_on": datetime.date(2024, 5, 1),
        "is_major": True,
        "title_en": "Solar roofs for the market",
    }
    make_experiment(**wanted)
    # Each differs from the wanted one in one filter only.
    for number, change in enumerate(
        (
            {"kind": Experiment.Kind.EXPERIMENT},
            {"theme": None},
            {"status": Status.PLANNED},
            {"starts_on": datetime.date(2025, 5, 1)},
            {"is_major": False},
            {"title_en": "Wind at the school"},
        )
    ):
        make_experiment(**{**wanted, "title_en": f"Solar variant {number}", **change})

    response = client.get(
        url(campus, "experiments:list"),
        {
            "kind": "project",
            "theme": "energy",
            "status": "running",
            "year": "2024",
            "major": "on",
            "q": "solar",
        },
    )

    assert [experiment.title_en for experiment in response.context["experiments"]] == [
        "Solar roofs for the market"
    ]
    assert response.context["summary"]["count"] == 1


def test_list_ignores_a_filter_value_that_does_not_exist(client, campus, make_experiment):
    make_experiment(title_en="Shared compost")

    response = client.get(
        url(campus, "experiments:list"), {"kind": "rocket", "year": "1066", "theme": "nope"}
    )

    assert response.status_code == 200
    assert response.context["summary"]["count"] == 1


def test_list_pages_through_many_experiments(client, campus, make_experiment):
    for number in range(21):
        make_experiment(title_en=f"Experiment {number}")

    first = client.get(url(campus, "experiments:list"))
    second = client.get(url(campus, "experiments:list"), {"page": 2})

    assert len(first.context["experiments"]) == 20
    assert len(second.context["experiments"]) == 1


def test_list_reads_a_constant_number_of_queries(client, campus, make_experiment, group, organisation):
    with scopes_disabled():
        theme = ThemeFactory(campus=campus)

    def add(number):
        team = {"working_group": group} if number % 2 else {"organisation": organisation}
        make_experiment(theme=theme, milestones=[(1, 10), (2, 20)], budget=Decimal(1000), **team)

    add(0)
    one = count_queries(lambda: client.get(url(campus, "experiments:list")))
    for number in range(1, 5):
        add(number)
    five = count_queries(lambda: client.get(url(campus, "experiments:list")))

    assert one == five


# An experiment's page


@pytest.fixture
def told(make_experiment, agenda, group):
    """A public experiment of ``group`` on ``agenda`` with milestones, results and lessons."""
    return make_experiment(
        title_en="Shared compost",
        agenda=agenda,
        working_group=group,
        hypothesis=f"Neighbours share bins.\nWaste drops. {SCRIPT}",
        method="Weigh the bins weekly.",
        budget=Decimal(12_345_000),
        results="Food waste fell by a fifth.",
        lessons="Talk to the caretaker first.",
        milestones=[(1, 100), (3, 20)],
    )


def test_detail_shows_the_experiment_with_its_problem_and_story(client, campus, told, agenda):
    response = client.get(url(campus, "experiments:detail", pk=told.pk))

    page = response.content.decode()
    assert response.status_code == 200
    assert url(campus, "agendas:detail", pk=agenda.pk) in page
    assert f'Part of the story of <a href="{url(campus, "agendas:story", pk=agenda.pk)}">' in page
    assert "KRW 12,345,000" in page
    assert '<progress max="100" value="40"' in page  # (100 + 3·20) / 4
    assert "Neighbours share bins.<br>Waste drops." in page
    assert SCRIPT not in page
    assert escape(SCRIPT) in page
    assert "Food waste fell by a fifth." in page
    assert "Talk to the caretaker first." in page


def test_detail_names_the_working_group_without_a_link_for_outsiders(client, campus, told, group, outsider):
    client.force_login(outsider)

    page = client.get(url(campus, "experiments:detail", pk=told.pk)).content.decode()

    assert group.name in page
    assert url(campus, "workgroups:group", pk=group.pk) not in page


def test_detail_links_the_working_group_for_its_members(client, campus, told, group, member):
    client.force_login(member)

    page = client.get(url(campus, "experiments:detail", pk=told.pk)).content.decode()

    assert f'<a href="{url(campus, "workgroups:group", pk=group.pk)}">{group.name}</a>' in page


def test_detail_links_a_listed_organisation_to_the_directory(client, campus, make_experiment, organisation):
    experiment = make_experiment(organisation=organisation)

    page = client.get(url(campus, "experiments:detail", pk=experiment.pk)).content.decode()

    assert url(campus, "directory:organisation", slug=organisation.slug) in page


def test_detail_names_an_unlisted_organisation_without_a_link(client, campus, make_experiment, organisation):
    with scopes_disabled():
        organisation.is_public = False
        organisation.save()
    experiment = make_experiment(organisation=organisation)

    page = client.get(url(campus, "experiments:detail", pk=experiment.pk)).content.decode()

    assert organisation.name_en in page
    assert url(campus, "directory:organisation", slug=organisation.slug) not in page


def test_detail_shows_the_timeline_with_photos_and_files(client, campus, told, member, in_campus):
    with in_campus():
        update = post_update(
            experiment=told,
            author=member,
            happened_on=datetime.date(2026, 4, 1),
            body=f"Bins placed.\nResidents came. {SCRIPT}",
            files=[picture("bins.png"), text_file("minutes.txt")],
        )
        photo, minutes = update.attachments.order_by("pk")

    page = client.get(url(campus, "experiments:detail", pk=told.pk)).content.decode()

    assert "2026-04-01" in page
    assert "progress then 40%" in page
    assert "Bins placed.<br>Residents came." in page
    assert escape(SCRIPT) in page
    assert SCRIPT not in page
    assert f'<img src="{url(campus, "experiments:attachment", pk=photo.pk)}"' in page
    assert (
        f'<a href="{url(campus, "experiments:attachment", pk=minutes.pk)}" download>minutes.txt</a>' in page
    )


@pytest.mark.parametrize("viewer", [None, "outsider", "other_operator"])
def test_detail_of_a_hidden_experiment_is_not_found_for_others(
    client, campus, make_experiment, viewer, request
):
    experiment = make_experiment(is_public=False)
    if viewer:
        client.force_login(request.getfixturevalue(viewer))

    response = client.get(url(campus, "experiments:detail", pk=experiment.pk))

    assert response.status_code == 404


@pytest.mark.parametrize("viewer", ["member", "staff_member"])
def test_detail_of_a_hidden_experiment_is_shown_to_its_team_and_staff(
    client, campus, make_experiment, group, viewer, request
):
    experiment = make_experiment(is_public=False, working_group=group)
    client.force_login(request.getfixturevalue(viewer))

    response = client.get(url(campus, "experiments:detail", pk=experiment.pk))

    assert response.status_code == 200
    assert "This experiment is hidden" in response.content.decode()


def test_detail_of_another_campus_is_not_found(client, campus, other_campus, other_operator, make_experiment):
    experiment = make_experiment()
    client.force_login(other_operator)

    response = client.get(url(other_campus, "experiments:detail", pk=experiment.pk))

    assert response.status_code == 404


def test_detail_shows_edit_links_only_to_the_team(client, campus, told, member, outsider):
    team_edit = url(campus, "experiments:team_edit", pk=told.pk)
    client.force_login(outsider)
    outsider_page = client.get(url(campus, "experiments:detail", pk=told.pk)).content.decode()
    client.force_login(member)
    member_page = client.get(url(campus, "experiments:detail", pk=told.pk)).content.decode()

    assert team_edit not in outsider_page
    assert team_edit in member_page


# Files of the timeline


@pytest.fixture
def posted(make_experiment, member, group, in_campus):
    """A hidden experiment of ``group`` with an update carrying a photo and a text file."""
    experiment = make_experiment(is_public=False, working_group=group)
    with in_campus():
        update = post_update(
            experiment=experiment,
            author=member,
            happened_on=datetime.date(2026, 4, 1),
            body="Bins placed.",
            files=[picture("bins.jpg", "JPEG"), text_file("photo.png")],
        )
        return list(update.attachments.order_by("pk"))


def test_attachment_photo_is_shown_inline_with_its_real_type(client, campus, posted, member):
    client.force_login(member)

    response = client.get(url(campus, "experiments:attachment", pk=posted[0].pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert not response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_attachment_file_named_like_a_picture_is_downloaded(client, campus, posted, member):
    client.force_login(member)

    response = client.get(url(campus, "experiments:attachment", pk=posted[1].pk))

    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == b"Minutes of the meeting with the residents."


@pytest.mark.parametrize("viewer", [None, "outsider"])
def test_attachment_of_a_hidden_experiment_is_not_found_for_others(client, campus, posted, viewer, request):
    if viewer:
        client.force_login(request.getfixturevalue(viewer))

    response = client.get(url(campus, "experiments:attachment", pk=posted[0].pk))

    assert response.status_code == 404


def test_attachment_of_another_campus_is_not_found(client, other_campus, posted, other_operator):
    client.force_login(other_operator)

    response = client.get(url(other_campus, "experiments:attachment", pk=posted[0].pk))

    assert response.status_code == 404
