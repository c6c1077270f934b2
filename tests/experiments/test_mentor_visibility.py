"""A working group's mentor (open mentorship) reads the group's experiments and may open the group's
page from them; the mentor of another group may not."""

import pytest
from django_scopes import scopes_disabled

from opencampus.experiments.models import Experiment
from opencampus.experiments.services.visibility import visible_experiments, with_group_access
from opencampus.mentors.models import MatchingRound
from tests.factories import (
    MatchingRoundFactory,
    MenteeFactory,
    MentorProfileFactory,
    MentorshipFactory,
    WorkingGroupFactory,
)


def mentor_of(group, make_person, state="active"):
    user = make_person(group.campus, "mentor")
    with scopes_disabled():
        round_ = MatchingRoundFactory(cohort=group.cohort, mentee_kind=MatchingRound.MenteeKind.GROUPS)
        mentee = MenteeFactory(round=round_, participant=None, group=group)
        MentorshipFactory(
            mentee=mentee, mentor=MentorProfileFactory(campus=group.campus, user=user), state=state
        )
    return user


@pytest.fixture
def other_group(campus, group):
    with scopes_disabled():
        return WorkingGroupFactory(cohort=group.cohort, campus=campus)


@pytest.fixture
def hidden(make_experiment, group):
    return make_experiment(working_group=group, is_public=False, title_en="Group's hidden pilot")


def seen_by(viewer, campus, in_campus):
    """``{title: opens the group page}`` of the experiments ``viewer`` may read."""
    with in_campus():
        experiments = visible_experiments(
            Experiment.objects.filter(campus=campus), viewer=viewer, campus=campus
        )
        return dict(
            with_group_access(experiments, viewer=viewer, campus=campus).values_list(
                "title_en", "opens_group"
            )
        )


@pytest.mark.parametrize("state", ["proposed", "active", "change"])
def test_the_groups_mentor_reads_its_hidden_experiment_and_opens_the_group(
    campus, group, hidden, make_person, in_campus, state
):
    mentor = mentor_of(group, make_person, state=state)

    assert seen_by(mentor, campus, in_campus) == {"Group's hidden pilot": True}


def test_the_mentor_of_another_group_sees_neither(
    campus, group, other_group, hidden, make_experiment, make_person, in_campus
):
    make_experiment(working_group=group, title_en="Group's public pilot")
    mentor = mentor_of(other_group, make_person)

    assert seen_by(mentor, campus, in_campus) == {"Group's public pilot": False}


def test_a_mentor_whose_mentorship_ended_sees_neither(
    campus, group, hidden, make_experiment, make_person, in_campus
):
    make_experiment(working_group=group, title_en="Group's public pilot")
    former = mentor_of(group, make_person, state="ended")

    assert seen_by(former, campus, in_campus) == {"Group's public pilot": False}


def test_the_experiment_page_links_the_group_for_its_mentor(
    client, campus, group, make_experiment, make_person
):
    experiment = make_experiment(working_group=group, title_en="Group's public pilot")
    mentor = mentor_of(group, make_person)
    client.force_login(mentor)

    page = client.get(f"/c/{campus.slug}/experiments/{experiment.pk}/").text

    assert f'href="/c/{campus.slug}/groups/{group.pk}/"' in page


def test_the_groups_mentor_opens_its_hidden_experiment_page_and_another_mentor_does_not(
    client, campus, group, other_group, hidden, make_person
):
    mentor = mentor_of(group, make_person)
    stranger = mentor_of(other_group, make_person)

    client.force_login(mentor)
    assert client.get(f"/c/{campus.slug}/experiments/{hidden.pk}/").status_code == 200
    client.force_login(stranger)
    assert client.get(f"/c/{campus.slug}/experiments/{hidden.pk}/").status_code == 404
