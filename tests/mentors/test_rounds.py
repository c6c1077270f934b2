"""Opening a round, refreshing its mentees, and the mentor pool with each mentor's room."""

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.mentors.models import MatchingRound, Mentee, MenteePreference, Mentorship
from opencampus.mentors.services.errors import MentorsError
from opencampus.mentors.services.rounds import mentor_pool, open_round, refresh_mentees
from tests.factories import MentorshipFactory

from .matching_helpers import (
    actions,
    group_of,
    join,
    make_cohort,
    make_mentor,
    mark_published,
    start_round,
    withdraw,
)


@pytest.fixture
def cohort(campus):
    return make_cohort(campus, name_en="Spring cohort")


def test_open_round_makes_a_mentee_per_active_participant_with_their_languages(cohort, operator):
    speaker = join(cohort, languages=("en", "ko"))
    quiet = join(cohort, languages=())
    gone = join(cohort)
    withdraw(gone)

    round = start_round(cohort, operator)

    with scopes_disabled():
        mentees = {mentee.participant_id: mentee.languages for mentee in round.mentees.all()}
        assert list(round.mentees.values_list("keywords", flat=True)) == ["", ""]
    assert mentees == {speaker.pk: ["en", "ko"], quiet.pk: []}
    assert round.state == MatchingRound.State.RANKING
    assert actions(cohort.campus) == ["mentor.round_opened"]


def test_a_groups_round_takes_the_union_of_the_members_languages(cohort, operator):
    first, second, gone = join(cohort, languages=("ko",)), join(cohort, languages=("en",)), join(cohort)
    withdraw(gone)
    group = group_of(cohort, first, second, name="Compost")
    only_gone = join(cohort, languages=("ja",))
    empty = group_of(cohort, only_gone, name="Left")
    withdraw(only_gone)

    round = start_round(cohort, operator, kind="groups")

    with scopes_disabled():
        assert [(mentee.group_id, mentee.languages) for mentee in round.mentees.all()] == [
            (group.pk, ["en", "ko"])
        ]
    assert empty.pk != group.pk


def test_a_groups_round_is_refused_when_the_cohort_has_no_groups(cohort, operator):
    join(cohort)
    with scope(campus=cohort.campus), pytest.raises(MentorsError) as refusal:
        open_round(cohort=cohort, mentee_kind="groups", actor=operator)
    assert "no working groups" in refusal.value.message
    with scopes_disabled():
        assert not MatchingRound.objects.exists()


def test_one_round_per_cohort_and_kind_collects_rankings_at_a_time(cohort, operator):
    member = join(cohort)
    group_of(cohort, member)
    start_round(cohort, operator)
    with scope(campus=cohort.campus), pytest.raises(MentorsError) as refusal:
        open_round(cohort=cohort, mentee_kind="participants", actor=operator)
    assert refusal.value.field == "mentee_kind"
    start_round(cohort, operator, kind="groups")
    with scopes_disabled():
        assert MatchingRound.objects.count() == 2


def test_a_close_date_in_the_past_is_refused(cohort, operator):
    join(cohort)
    with scope(campus=cohort.campus), pytest.raises(MentorsError) as refusal:
        open_round(
            cohort=cohort,
            mentee_kind="participants",
            actor=operator,
            rankings_close_at=timezone.now() - timezone.timedelta(hours=1),
        )
    assert refusal.value.field == "rankings_close_at"


def test_refresh_adds_newcomers_and_removes_those_gone_with_their_rankings(cohort, operator, campus):
    stays, leaves = join(cohort), join(cohort)
    round = start_round(cohort, operator)
    mentor = make_mentor(campus)
    with scopes_disabled():
        leaving = round.mentees.get(participant=leaves)
        MenteePreference.objects.create(campus=campus, mentee=leaving, mentor=mentor, rank=1)
    withdraw(leaves)
    newcomer = join(cohort)

    with scope(campus=campus):
        added, removed = refresh_mentees(round=round, actor=operator)

    assert (added, removed) == (1, 1)
    with scopes_disabled():
        assert set(round.mentees.values_list("participant_id", flat=True)) == {stays.pk, newcomer.pk}
        assert not MenteePreference.objects.exists()
    assert actions(campus)[-1] == "mentor.round_mentees_refreshed"


def test_refresh_is_refused_once_published(cohort, operator, campus):
    join(cohort)
    round = start_round(cohort, operator)
    mark_published(round)
    join(cohort)
    with scope(campus=campus), pytest.raises(MentorsError):
        refresh_mentees(round=round, actor=operator)
    with scopes_disabled():
        assert Mentee.objects.count() == 1


def test_room_is_capacity_less_open_mentorships_of_other_rounds(cohort, operator, campus):
    join(cohort)
    round = start_round(cohort, operator)
    busy = make_mentor(campus, capacity=3, name_en="Busy")
    full = make_mentor(campus, capacity=1, name_en="Full")
    free = make_mentor(campus, capacity=2, name_en="Free")
    inactive = make_mentor(campus, name_en="Resting")
    with scopes_disabled():
        inactive.state = "inactive"
        inactive.save()
        earlier = make_cohort(campus)
        MentorshipFactory(mentor=busy, mentee__round__cohort=earlier, state=Mentorship.State.ACTIVE)
        MentorshipFactory(mentor=busy, mentee__round__cohort=earlier, state=Mentorship.State.ENDED)
        MentorshipFactory(mentor=full, mentee__round__cohort=earlier, state=Mentorship.State.PROPOSED)
        MentorshipFactory(mentor=free, mentee=round.mentees.get(), round=round)

    with scope(campus=campus):
        room = {profile.pk: profile.room for profile in mentor_pool(round)}

    assert room == {busy.pk: 2, full.pk: 0, free.pk: 2}
