"""The campus team's matching pages: rounds, a round, both results side by side, publishing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django_scopes import scope, scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.mentors.models import MatchingRound, MatchingRun, MenteePreference, MentorPreference, PairRule
from opencampus.mentors.services.matching import compute_matching
from tests import english
from tests.factories import CohortFactory, TrackFactory

from .matching_helpers import (
    group_of,
    join,
    make_cohort,
    make_field,
    make_mentor,
    manage_url,
    mentees_by_participant,
    outbox,
    start_round,
)

_english = english.english_pages


@pytest.fixture
def cohort(campus):
    return make_cohort(campus, name_en="Spring cohort")


@pytest.fixture
def operator(campus, make_person):
    return make_person(campus, "operator", preferred_language="en")


@pytest.fixture
def market(campus, cohort, operator):
    """Ana wants Kim's field; Kim and Bo rank each other first; Cy speaks no mentor's language.

    Stable: Bo with Kim, Ana with Lee (her 2nd choice). Maximum fit: Ana with Kim, Bo with Lee,
    which (Bo, Kim) blocks."""
    field = make_field(campus, name_en="Circular economy")
    ana, bo = join(cohort, name_en="Ana"), join(cohort, name_en="Bo")
    cy = join(cohort, name_en="Cy", languages=("ja",))
    kim = make_mentor(campus, name_en="Kim", capacity=1, fields=[field])
    lee = make_mentor(campus, name_en="Lee", capacity=1)
    round = start_round(cohort, operator)
    mentees = mentees_by_participant(round)
    with scopes_disabled():
        mentees[ana.pk].fields.add(field)
        for mentee, mentor, rank in ((ana, kim, 1), (ana, lee, 2), (bo, kim, 1)):
            MenteePreference.objects.create(
                campus=campus, mentee=mentees[mentee.pk], mentor=mentor, rank=rank
            )
        for mentee, rank in ((bo, 1), (ana, 2)):
            MentorPreference.objects.create(
                campus=campus, round=round, mentor=kim, mentee=mentees[mentee.pk], rank=rank
            )
    return {"round": round, "ana": ana, "bo": bo, "cy": cy, "kim": kim, "lee": lee, "mentees": mentees}


def round_url(round, name="matching_round", **kwargs):
    return manage_url(round.campus, name, pk=round.pk, **kwargs)


def test_opening_a_round_from_the_rounds_page(client, campus, cohort, operator):
    join(cohort)
    client.force_login(operator)
    response = client.post(
        manage_url(campus, "matching_rounds"), {"cohort": cohort.pk, "mentee_kind": "participants"}
    )
    with scopes_disabled():
        round = MatchingRound.objects.get()
    assert response.url == round_url(round)
    page = client.get(manage_url(campus, "matching_rounds")).content.decode()
    assert "Spring cohort" in page


def test_a_groups_round_without_groups_is_refused_next_to_the_choice(client, campus, cohort, operator):
    join(cohort)
    client.force_login(operator)
    response = client.post(
        manage_url(campus, "matching_rounds"), {"cohort": cohort.pk, "mentee_kind": "groups"}
    )
    assert response.status_code == 400
    assert "The cohort has no working groups yet." in response.content.decode()
    with scopes_disabled():
        assert not MatchingRound.objects.exists()


def test_the_round_page_warns_when_capacity_is_short(client, campus, cohort, operator):
    for _ in range(3):
        join(cohort)
    make_mentor(campus, capacity=2)
    round = start_round(cohort, operator)
    client.force_login(operator)
    page = client.get(round_url(round)).content.decode()
    assert "Capacity holds 2 of 3 mentees: 1 will stay unmatched." in page


def test_a_pin_beyond_room_is_shown_next_to_the_mentor_with_the_choices_kept(
    client, campus, cohort, operator
):
    ana, bo = join(cohort), join(cohort)
    kim = make_mentor(campus, name_en="Kim", capacity=1)
    round = start_round(cohort, operator)
    mentees = mentees_by_participant(round)
    client.force_login(operator)
    address = round_url(round, "matching_rule_add")
    data = {
        "rule-mentee": mentees[ana.pk].pk,
        "rule-mentor": kim.pk,
        "rule-kind": "pin",
        "rule-reason": "Near",
    }
    assert client.post(address, data).status_code == 302
    response = client.post(address, {**data, "rule-mentee": mentees[bo.pk].pk, "rule-reason": "Neighbours"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kim can take 1 more; you pinned 2." in page
    assert 'value="Neighbours"' in page
    with scopes_disabled():
        assert PairRule.objects.count() == 1


def test_both_results_side_by_side(client, campus, operator, market):
    client.force_login(operator)
    response = client.post(round_url(market["round"], "matching_compute"))
    with scopes_disabled():
        run = MatchingRun.objects.get()
    assert response.url == round_url(market["round"], "matching_run", run=run.pk)
    page = client.get(response.url).content.decode()
    assert "<td>2 / 3</td><td>2 / 3</td>" in page  # matched of total, both results
    assert "Lee<br><small>2nd choice · fit 35.0</small>" in page  # Ana, stable
    assert "Kim<br><small>1st choice · fit 85.0</small>" in page  # Ana, maximum fit
    assert "Lee<br><small>not ranked · fit 60.0</small>" in page  # Bo, maximum fit
    assert "no mentor shares a language or all are forbidden" in page  # Cy
    assert "both prefer each other to their matches" in page  # (Bo, Kim) blocks the maximum fit
    assert "<td>1 / 1</td>" in page  # load


def test_publishing_from_the_results_page(client, campus, operator, market):
    with scope(campus=campus):
        run = compute_matching(round=market["round"], actor=operator)
    client.force_login(operator)
    response = client.post(round_url(market["round"], "matching_publish", run=run.pk), {"method": "stable"})
    assert response.url == round_url(market["round"])
    with scopes_disabled():
        round = MatchingRound.objects.get()
        pairs = set(round.mentorships.values_list("mentee__participant", "mentor"))
    assert (round.state, round.published_method) == ("published", "stable")
    assert pairs == {(market["bo"].pk, market["kim"].pk), (market["ana"].pk, market["lee"].pk)}
    assert len(outbox(campus)) == 4
    page = client.get(round_url(round)).content.decode()
    assert "Nobody asked for a change." in page
    assert "Compute both results" not in page


def computed_round(campus, operator, mentees):
    cohort = make_cohort(campus)
    people = [join(cohort) for _ in range(mentees)]
    mentors = [make_mentor(campus, capacity=2) for _ in range(mentees // 2)]
    round = start_round(cohort, operator)
    by_participant = mentees_by_participant(round)
    with scopes_disabled():
        for position, participant in enumerate(people):
            MenteePreference.objects.create(
                campus=campus,
                mentee=by_participant[participant.pk],
                mentor=mentors[position % len(mentors)],
                rank=1,
            )
    with scope(campus=campus):
        return round, compute_matching(round=round, actor=operator)


def test_the_results_page_asks_the_same_queries_for_3_or_10_mentees(
    client, campus, operator, django_assert_num_queries
):
    client.force_login(operator)
    small, small_run = computed_round(campus, operator, 3)
    large, large_run = computed_round(campus, operator, 10)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(round_url(small, "matching_run", run=small_run.pk)).status_code == 200
    with django_assert_num_queries(len(queries)):
        response = client.get(round_url(large, "matching_run", run=large_run.pk))
    page = response.content.decode()
    with scopes_disabled(), translation.override("en"):
        names = [str(mentee.participant.user) for mentee in large.mentees.select_related("participant__user")]
    assert len(names) == 10
    assert all(f'<th scope="row">{name}</th>' in page for name in names)


def test_a_groups_round_from_opening_to_results(client, campus, cohort, operator):
    first, second, third = join(cohort), join(cohort), join(cohort)
    group_of(cohort, first, second, name="Compost")
    group_of(cohort, third, name="Repair cafe")
    make_mentor(campus, name_en="Kim", capacity=2)
    client.force_login(operator)
    client.post(manage_url(campus, "matching_rounds"), {"cohort": cohort.pk, "mentee_kind": "groups"})
    with scopes_disabled():
        round = MatchingRound.objects.get()
    response = client.post(round_url(round, "matching_compute"))
    page = client.get(response.url).content.decode()
    assert "Compost" in page
    assert "Repair cafe" in page
    assert "<td>2 / 2</td><td>2 / 2</td>" in page


def manage_addresses(round, run):
    return [
        manage_url(round.campus, "matching_rounds"),
        round_url(round),
        round_url(round, "matching_run", run=run.pk),
    ]


def manage_posts(round, run):
    return [
        manage_url(round.campus, "matching_rounds"),
        round_url(round, "matching_refresh"),
        round_url(round, "matching_close_date"),
        round_url(round, "matching_rule_add"),
        round_url(round, "matching_compute"),
        round_url(round, "matching_publish", run=run.pk),
    ]


def test_matching_pages_send_anonymous_people_to_log_in(client, campus, operator, market):
    with scope(campus=campus):
        run = compute_matching(round=market["round"], actor=operator)
    login = campus_reverse(campus, "people:login")
    for address in manage_addresses(market["round"], run):
        assert client.get(address).url.startswith(login), address
    for address in manage_posts(market["round"], run):
        assert client.post(address, {"method": "stable"}).url.startswith(login), address


@pytest.mark.parametrize("who", ["participant", "mentor", "other_operator"])
def test_matching_pages_are_for_this_campus_team_only(client, campus, operator, market, request, who):
    with scope(campus=campus):
        run = compute_matching(round=market["round"], actor=operator)
    user = {"participant": market["ana"].user, "mentor": market["kim"].user}.get(who)
    client.force_login(user or request.getfixturevalue(who))
    for address in manage_addresses(market["round"], run):
        assert client.get(address).status_code == 403, address
    for address in manage_posts(market["round"], run):
        assert client.post(address, {"method": "stable"}).status_code == 403, address
    with scopes_disabled():
        assert MatchingRound.objects.get().state == "ranking"
        assert MatchingRun.objects.count() == 1


def test_staff_open_the_pages_and_another_campus_round_is_not_found(
    client, campus, other_campus, staff_member, make_person
):
    with scopes_disabled():
        foreign_cohort = CohortFactory(track=TrackFactory(campus=other_campus), campus=other_campus)
    join(foreign_cohort)
    foreign = start_round(foreign_cohort, make_person(other_campus, "operator"))
    client.force_login(staff_member)
    assert client.get(manage_url(campus, "matching_rounds")).status_code == 200
    assert client.get(manage_url(campus, "matching_round", pk=foreign.pk)).status_code == 404
    assert client.post(manage_url(campus, "matching_compute", pk=foreign.pk)).status_code == 404
