"""The group's mentor on its page: shown to those who open it, linked to the mentorship for the
people in it; the mentor of an open mentorship reads the page but does not work in the group."""

import pytest
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.mentors.models import MatchingRound
from opencampus.workgroups.models import GroupNote
from tests.factories import MatchingRoundFactory, MenteeFactory, MentorProfileFactory, MentorshipFactory

from .helpers import public_url, rows


@pytest.fixture
def member(cohort, join):
    return join(cohort, name_en="Ana")


@pytest.fixture
def group(cohort, member, group_of):
    return group_of(cohort, member, name="Compost")


@pytest.fixture
def mentor_of(campus, make_person):
    """``mentor_of(group, state="active", name="Mentor Kim")``: the mentor profile of a new
    mentorship of ``group``."""

    def make(group, state="active", name="Mentor Kim"):
        user = make_person(campus, "mentor", name_en=name)
        with scopes_disabled():
            mentor = MentorProfileFactory(campus=campus, user=user, affiliation="Seoul Upcycling Plaza")
            round_ = MatchingRoundFactory(cohort=group.cohort, mentee_kind=MatchingRound.MenteeKind.GROUPS)
            mentee = MenteeFactory(round=round_, participant=None, group=group)
            mentorship = MentorshipFactory(mentee=mentee, mentor=mentor, state=state)
        return mentorship

    return make


def group_page(group):
    return public_url(group.campus, "group", pk=group.pk)


def mentorship_page(mentorship):
    return campus_reverse(mentorship.campus, "mentors:mentorship", pk=mentorship.pk)


def test_members_see_the_mentor_with_a_link_to_the_mentorship(client, group, member, mentor_of):
    mentorship = mentor_of(group)
    client.force_login(member.user)

    page = client.get(group_page(group)).text

    assert "Mentor Kim · Seoul Upcycling Plaza" in page
    assert mentorship_page(mentorship) in page
    assert "No mentor matched yet" not in page


def test_the_campus_team_sees_the_mentor_and_the_link(client, group, mentor_of, make_person, campus):
    mentorship = mentor_of(group)
    client.force_login(make_person(campus, "staff"))

    page = client.get(group_page(group)).text

    assert "Mentor Kim" in page
    assert mentorship_page(mentorship) in page


def test_a_match_still_waiting_for_answers_is_shown_as_such(client, group, member, mentor_of):
    mentor_of(group, state="proposed")
    client.force_login(member.user)

    page = client.get(group_page(group)).text

    assert "Mentor Kim" in page
    assert "waiting for answers" in page


def test_an_ended_mentorship_leaves_no_mentor(client, group, member, mentor_of):
    mentor_of(group, state="ended")
    client.force_login(member.user)

    assert "No mentor matched yet" in client.get(group_page(group)).text


@pytest.mark.parametrize("state", ["proposed", "active", "change"])
def test_the_groups_mentor_reads_the_page_but_does_not_work_in_it(client, group, mentor_of, state):
    mentorship = mentor_of(group, state=state)
    client.force_login(mentorship.mentor.user)

    page = client.get(group_page(group))
    refused = client.post(public_url(group.campus, "note_add", pk=group.pk), {"note-body": "Mentor's note"})

    assert page.status_code == 200
    assert "Add the note" not in page.text
    assert refused.status_code == 403
    assert rows(GroupNote) == []


def test_the_mentor_of_another_group_or_of_an_ended_mentorship_is_refused(
    client, cohort, group, join, group_of, mentor_of
):
    other_group = group_of(cohort, join(cohort), name="Repair")
    elsewhere = mentor_of(other_group, name="Other mentor")
    former = mentor_of(group, state="ended", name="Former mentor")

    for mentorship in (elsewhere, former):
        client.force_login(mentorship.mentor.user)
        assert client.get(group_page(group)).status_code == 403
