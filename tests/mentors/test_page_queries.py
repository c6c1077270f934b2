"""Every list-like page of the mentors app asks the database as many queries for a few records as
for one. (The directory, the network list, a run's results, the mentoring pages and the activity
pages have theirs next to their other tests.)"""

import datetime

import pytest
from django_scopes import scope, scopes_disabled

from opencampus.core.services.activity import log_activity
from opencampus.mentors.models import (
    MatchingRound,
    MenteePreference,
    MentorPreference,
    MentorProfile,
    Mentorship,
    PairRule,
)
from opencampus.mentors.services.matching import compute_matching
from opencampus.mentors.services.matching_pairs import add_pair_rule
from opencampus.mentors.services.network_recruitment import invite_mentor
from opencampus.programs.models import InstructorAvailability
from tests.factories import (
    AgendaFactory,
    MatchingRoundFactory,
    MenteeFactory,
    MentorshipFactory,
    ParticipantFactory,
)

from .matching_helpers import (
    group_of,
    join,
    make_cohort,
    make_field,
    make_mentor,
    manage_url,
    mark_published,
    person,
    public_url,
    start_round,
)
from .mentoring_setup import add_session, group_members, group_mentorship
from .network_helpers import count_queries

Kind = MatchingRound.MenteeKind
State = MentorProfile.State


def settled(client, address):
    """The queries of a GET once the session and role caches are as warm as on any later visit."""
    client.get(address)
    return count_queries(client, address)


def fields_of(campus, count):
    return [make_field(campus) for _ in range(count)]


def round_of(campus, operator, count, kind=Kind.PARTICIPANTS):
    """A round of a new cohort with ``count`` participants, or ``count`` groups (with a problem) of
    two participants."""
    cohort = make_cohort(campus)
    for _ in range(count):
        if kind == Kind.GROUPS:
            group_of(cohort, join(cohort), join(cohort), agenda=AgendaFactory(campus=campus))
        else:
            join(cohort)
    return start_round(cohort, operator, kind)


def mentee_rows(round):
    with scopes_disabled():
        return list(round.mentees.order_by("pk"))


# Matching: the campus team's pages


def test_the_rounds_page_asks_as_many_queries_for_four_rounds_as_for_one(client, campus, operator):
    client.force_login(operator)
    address = manage_url(campus, "matching_rounds")
    round_of(campus, operator, 1)
    one = settled(client, address)
    for kind in (Kind.PARTICIPANTS, Kind.GROUPS, Kind.GROUPS):
        round_of(campus, operator, 2, kind)

    assert settled(client, address) == one
    assert len(client.get(address).context["rounds"]) == 4


def ranked_round(campus, operator, mentors, *, mentees):
    """A round of ``mentees`` participants wanting a field, each ranking ``mentors`` and ranked back
    and pinned to one of them; with a computed run."""
    wanted = make_field(campus)
    round = round_of(campus, operator, mentees)
    rows = mentee_rows(round)
    with scopes_disabled():
        for mentee in rows:
            mentee.fields.set([wanted])
            for rank, mentor in enumerate(mentors, start=1):
                MenteePreference.objects.create(campus=campus, mentee=mentee, mentor=mentor, rank=rank)
                MentorPreference.objects.create(
                    campus=campus, round=round, mentor=mentor, mentee=mentee, rank=rank
                )
    with scope(campus=campus):
        for mentee, mentor in zip(rows, mentors, strict=True):
            add_pair_rule(round=round, mentee=mentee, mentor=mentor, kind=PairRule.Kind.PIN, actor=operator)
        compute_matching(round=round, actor=operator)
    return round


def test_the_round_page_asks_as_many_queries_for_four_mentees_mentors_and_rules_as_for_one(
    client, campus, operator
):
    client.force_login(operator)
    mentors = [make_mentor(campus, fields=fields_of(campus, 2))]
    small = ranked_round(campus, operator, mentors, mentees=1)
    one = settled(client, manage_url(campus, "matching_round", pk=small.pk))
    mentors += [make_mentor(campus, fields=fields_of(campus, 2)) for _ in range(3)]
    large = ranked_round(campus, operator, mentors, mentees=4)

    assert settled(client, manage_url(campus, "matching_round", pk=large.pk)) == one
    context = client.get(manage_url(campus, "matching_round", pk=large.pk)).context
    assert (len(context["mentees"]), len(context["pool"]), len(context["rules"])) == (4, 4, 4)
    assert context["capacity"] == (4, 8, 0)


def round_with_change_requests(campus, operator, count):
    """A published round whose ``count`` mentees each asked their mentor for a change, and a mentor
    with room to take one of them."""
    round = round_of(campus, operator, count)
    with scopes_disabled():
        for mentee in round.mentees.select_related("participant__user"):
            MentorshipFactory(
                mentee=mentee,
                mentor=make_mentor(campus, capacity=1),
                state=Mentorship.State.CHANGE_REQUESTED,
                change_requested_by=mentee.participant.user,
                change_reason="Another field, please.",
            )
    return mark_published(round), make_mentor(campus, name_en="Roomy")


def test_the_published_round_page_asks_as_many_queries_for_four_change_requests_as_for_one(
    client, campus, operator
):
    client.force_login(operator)
    small, _roomy = round_with_change_requests(campus, operator, 1)
    one = settled(client, manage_url(campus, "matching_round", pk=small.pk))
    large, roomy = round_with_change_requests(campus, operator, 4)

    assert settled(client, manage_url(campus, "matching_round", pk=large.pk)) == one
    page = client.get(manage_url(campus, "matching_round", pk=large.pk))
    assert len(page.context["change_requests"]) == 4
    assert page.text.count(f'<option value="{roomy.pk}">Roomy</option>') == 4


# Matching: both sides' rankings, a person's matches, a match


def full_mentor(campus):
    mentor = make_mentor(campus, capacity=1, fields=fields_of(campus, 1))
    with scopes_disabled():
        MentorshipFactory(mentor=mentor, mentee__round__cohort=make_cohort(campus))
    return mentor


def mentee_wanting(campus, operator, fields):
    """The only mentee of a new round, having chosen ``fields`` and ranked every mentor with room."""
    (mentee,) = mentee_rows(round_of(campus, operator, 1))
    with scopes_disabled():
        mentee.fields.set(fields)
        for rank, mentor in enumerate(MentorProfile.objects.filter(campus=campus, capacity__gt=1), start=1):
            MenteePreference.objects.create(campus=campus, mentee=mentee, mentor=mentor, rank=rank)
        return type(mentee).objects.select_related("participant__user").get(pk=mentee.pk)


def test_the_mentee_ranking_page_asks_as_many_queries_for_four_mentors_as_for_one(client, campus, operator):
    make_mentor(campus, fields=fields_of(campus, 1))
    full_mentor(campus)
    small = mentee_wanting(campus, operator, fields_of(campus, 1))
    address = public_url(campus, "matching_rank_mentors", pk=small.pk)
    client.force_login(small.participant.user)
    one_for_the_mentee = settled(client, address)
    client.force_login(operator)
    one_for_the_team = settled(client, address)
    for _ in range(3):
        make_mentor(campus, fields=fields_of(campus, 2))
    full_mentor(campus)
    large = mentee_wanting(campus, operator, fields_of(campus, 3))
    address = public_url(campus, "matching_rank_mentors", pk=large.pk)

    assert settled(client, address) == one_for_the_team
    client.force_login(large.participant.user)
    assert settled(client, address) == one_for_the_mentee
    context = client.get(address).context
    assert (len(context["rows"]), len(context["full"])) == (4, 2)


def ranked_by(campus, operator, mentor, count, kind):
    """A round of ``count`` mentees of ``kind`` wanting two fields each, all ranked by ``mentor``."""
    round = round_of(campus, operator, count, kind)
    with scopes_disabled():
        for rank, mentee in enumerate(mentee_rows(round), start=1):
            mentee.fields.set(fields_of(campus, 2))
            MentorPreference.objects.create(
                campus=campus, round=round, mentor=mentor, mentee=mentee, rank=rank
            )
    return round


@pytest.mark.parametrize("kind", Kind.values)
def test_the_mentor_ranking_page_asks_as_many_queries_for_four_mentees_as_for_one(
    client, campus, operator, kind
):
    mentor = make_mentor(campus)
    small, large = ranked_by(campus, operator, mentor, 1, kind), ranked_by(campus, operator, mentor, 4, kind)
    small_address, large_address = (
        public_url(campus, "matching_rank_mentees", pk=round.pk, mentor=mentor.pk) for round in (small, large)
    )

    for viewer in (mentor.user, operator):
        client.force_login(viewer)
        assert settled(client, large_address) == settled(client, small_address)
    assert len(client.get(large_address).context["form"].items) == 4


def mentoring_as_mentor(campus, operator, count):
    """A mentor with ``count`` proposed matches (the first with a group) and ``count`` more rounds
    open for rankings."""
    mentor = make_mentor(campus, capacity=count + 1)
    group_mentorship(campus, mentor=mentor, state="proposed")
    with scopes_disabled():
        for _ in range(count - 1):
            MentorshipFactory(mentor=mentor, state="proposed", mentee__round__cohort=make_cohort(campus))
    for _ in range(count):
        round_of(campus, operator, 1)
    return mentor.user


def mentee_in(campus, operator, count):
    """A participant of ``count`` cohorts, each with a round open for rankings and two published
    matches: the participant's own and their working group's."""
    user = person(campus, "participant")
    for _ in range(count):
        cohort = make_cohort(campus)
        with scopes_disabled():
            participant = ParticipantFactory(cohort=cohort, user=user)
        start_round(cohort, operator)
        group = group_of(cohort, participant, agenda=AgendaFactory(campus=campus))
        for kind in Kind.values:
            with scopes_disabled():
                round = MatchingRoundFactory(cohort=cohort, mentee_kind=kind)
                mentee = MenteeFactory(
                    round=round,
                    participant=participant if kind == Kind.PARTICIPANTS else None,
                    group=group if kind == Kind.GROUPS else None,
                )
                MentorshipFactory(mentee=mentee, mentor=make_mentor(campus), state="proposed")
            mark_published(round)
    return user


@pytest.mark.parametrize("who", [mentoring_as_mentor, mentee_in])
def test_my_matches_asks_as_many_queries_for_four_matches_as_for_one(client, campus, operator, who):
    address = public_url(campus, "my_matches")
    client.force_login(who(campus, operator, 1))
    one = settled(client, address)
    client.force_login(who(campus, operator, 4))

    assert settled(client, address) == one
    context = client.get(address).context
    assert len(context["as_mentor"] + context["as_mentee"]) >= 4
    assert len(context["mentee_rankings"] or context["mentor_rounds"]) >= 4


def test_the_match_page_asks_as_many_queries_for_a_group_of_four_and_four_fields_as_for_one(
    client, campus, operator
):
    small = group_mentorship(
        campus, members=("Ana",), mentor=make_mentor(campus, fields=fields_of(campus, 1))
    )
    large = group_mentorship(
        campus, members=("Ben", "Cho", "Dan", "Eun"), mentor=make_mentor(campus, fields=fields_of(campus, 4))
    )

    for side in (lambda mentorship: mentorship.mentor.user, lambda mentorship: group_members(mentorship)[0]):
        client.force_login(side(small))
        one = settled(client, public_url(campus, "match", pk=small.pk))
        client.force_login(side(large))
        assert settled(client, public_url(campus, "match", pk=large.pk)) == one
    client.force_login(operator)
    assert settled(client, public_url(campus, "match", pk=large.pk)) == settled(
        client, public_url(campus, "match", pk=small.pk)
    )


def test_the_mentorship_page_shows_the_team_a_group_of_four_with_the_queries_of_one(client, campus, operator):
    small = group_mentorship(campus, members=("Ana",))
    add_session(small, days=2)
    large = group_mentorship(campus, members=("Ben", "Cho", "Dan", "Eun"))
    for days in (-3, -2, 2, 3):
        add_session(large, days=days)
    client.force_login(operator)

    assert settled(client, public_url(campus, "mentorship", pk=large.pk)) == settled(
        client, public_url(campus, "mentorship", pk=small.pk)
    )
    context = client.get(public_url(campus, "mentorship", pk=large.pk)).context
    assert (len(context["rows"]), len(context["mentee_people"])) == (4, 4)


# The mentor network: the campus team's pages, a mentor's page and a mentor's own profile


def invite(campus, operator, count):
    """``count`` invitations, all but the first accepted by a new person."""
    with scope(campus=campus):
        invitations = [
            invite_mentor(campus=campus, actor=operator, email=f"mentor{n}-{count}@example.org")
            for n in range(count)
        ]
    with scopes_disabled():
        for invitation in invitations[1:]:
            invitation.accepted_by, invitation.accepted_at = person(campus), invitation.created
            invitation.save()
    return invitations


def test_the_invitations_page_asks_as_many_queries_for_four_invitations_as_for_one(client, campus, operator):
    client.force_login(operator)
    address = manage_url(campus, "invitations")
    invite(campus, operator, 1)
    one = settled(client, address)
    invite(campus, operator, 4)

    assert settled(client, address) == one
    assert len(client.get(address).context["invitations"]) == 5


def test_the_fields_page_asks_as_many_queries_for_four_fields_as_for_one(client, campus, operator):
    client.force_login(operator)
    address = manage_url(campus, "fields")
    make_mentor(campus, fields=fields_of(campus, 1))
    one = settled(client, address)
    make_mentor(campus, fields=fields_of(campus, 3))

    assert settled(client, address) == one
    assert len(client.get(address).context["fields"]) == 4


def busy_mentor(campus, operator, count):
    """A mentor with ``count`` fields, weekly windows, mentees and entries in their history."""
    mentor = make_mentor(campus, capacity=count, fields=fields_of(campus, count))
    with scopes_disabled():
        for day in range(count):
            InstructorAvailability.objects.create(
                campus=campus,
                instructor=mentor.user,
                weekday=day,
                starts_at=datetime.time(9),
                ends_at=datetime.time(11),
            )
            MentorshipFactory(mentor=mentor, mentee__round__cohort=make_cohort(campus))
            actor = operator if day % 2 else person(campus, "operator")
            log_activity(campus=campus, actor=actor, action="mentor.note_changed", subject=mentor, data={})
    return mentor


def test_the_mentor_page_for_the_team_asks_as_many_queries_for_four_of_everything_as_for_one(
    client, campus, operator
):
    client.force_login(operator)
    small, large = busy_mentor(campus, operator, 1), busy_mentor(campus, operator, 4)

    assert settled(client, manage_url(campus, "mentor", pk=large.pk)) == settled(
        client, manage_url(campus, "mentor", pk=small.pk)
    )
    context = client.get(manage_url(campus, "mentor", pk=large.pk)).context
    assert (len(context["history"]), len(context["profile"].user.weekly_windows)) == (4, 4)


def test_a_mentor_page_asks_as_many_queries_for_four_fields_and_windows_as_for_one(client, campus, operator):
    small, large = busy_mentor(campus, operator, 1), busy_mentor(campus, operator, 4)
    with scopes_disabled():
        MentorProfile.objects.filter(pk__in=[small.pk, large.pk]).update(is_listed=True)
        taking_part = ParticipantFactory(cohort=make_cohort(campus), user=person(campus, "participant")).user

    for viewer in (None, taking_part, operator):
        client.logout() if viewer is None else client.force_login(viewer)
        assert settled(client, public_url(campus, "mentor", pk=large.pk)) == settled(
            client, public_url(campus, "mentor", pk=small.pk)
        )
    assert (
        len(client.get(public_url(campus, "mentor", pk=large.pk)).context["mentor"].user.weekly_windows) == 4
    )


def test_my_profile_asks_as_many_queries_for_four_fields_and_mentees_as_for_one(client, campus, operator):
    address = public_url(campus, "my_profile")
    client.force_login(busy_mentor(campus, operator, 1).user)
    one = settled(client, address)
    client.force_login(busy_mentor(campus, operator, 4).user)

    assert settled(client, address) == one
    assert client.get(address).context["open_mentorships"] == 4
