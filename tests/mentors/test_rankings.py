"""Both sides' rankings: the services' checks and the pages, with who may open and change them."""

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.mentors.models import MenteePreference, MentorPreference
from opencampus.mentors.services.errors import MentorsError
from opencampus.mentors.services.rankings import rank_mentees, rank_mentors
from tests import english
from tests.factories import AgendaFactory, CohortFactory, MentorshipFactory, TrackFactory

from .matching_helpers import (
    actions,
    group_of,
    join,
    make_cohort,
    make_field,
    make_mentor,
    mark_published,
    mentees_by_group,
    mentees_by_participant,
    public_url,
    start_round,
)

_english = english.english_pages


@pytest.fixture
def cohort(campus):
    return make_cohort(campus, name_en="Spring cohort")


@pytest.fixture
def setting(campus, cohort, operator):
    """A participants round of two mentees and three mentors, one of them full."""
    first, second = join(cohort, name_en="Ana"), join(cohort, name_en="Bo")
    mentors = [make_mentor(campus, name_en=name) for name in ("Kim", "Lee")]
    full = make_mentor(campus, name_en="Park", capacity=1)
    round = start_round(cohort, operator)
    with scopes_disabled():
        MentorshipFactory(mentor=full, mentee__round__cohort=make_cohort(campus))
    mentees = mentees_by_participant(round)
    return {
        "round": round,
        "first": first,
        "second": second,
        "mentors": mentors,
        "full": full,
        "mentees": mentees,
    }


def saved_mentee_ranks(mentee):
    with scopes_disabled():
        return dict(MenteePreference.objects.filter(mentee=mentee).values_list("mentor_id", "rank"))


def test_a_mentee_ranking_keeps_ties_and_is_renumbered_from_one(campus, setting):
    kim, lee = setting["mentors"]
    mentee = setting["mentees"][setting["first"].pk]
    field = make_field(campus)
    with scope(campus=campus):
        rank_mentors(
            mentee=mentee,
            ranks={kim.pk: 2, lee.pk: 2},
            actor=setting["first"].user,
            fields=[field],
            keywords=" upcycling ,, repair ",
            languages=["en", "ko"],
        )
    assert saved_mentee_ranks(mentee) == {kim.pk: 1, lee.pk: 1}
    with scopes_disabled():
        mentee.refresh_from_db()
        assert list(mentee.fields.all()) == [field]
    assert (mentee.keywords, mentee.languages) == ("upcycling, repair", ["en", "ko"])
    assert actions(campus)[-1] == "mentor.mentors_ranked"


@pytest.mark.parametrize("who", ["unknown", "full"])
def test_a_ranking_naming_a_mentor_outside_the_pool_saves_nothing(campus, setting, who):
    kim, _lee = setting["mentors"]
    mentee = setting["mentees"][setting["first"].pk]
    with scopes_disabled():
        MenteePreference.objects.create(campus=campus, mentee=mentee, mentor=kim, rank=1)
    stranger = 999_999 if who == "unknown" else setting["full"].pk
    with scope(campus=campus), pytest.raises(MentorsError) as refusal:
        rank_mentors(mentee=mentee, ranks={kim.pk: 2, stranger: 1}, actor=setting["first"].user)
    assert "not in this round's pool" in refusal.value.message
    assert saved_mentee_ranks(mentee) == {kim.pk: 1}


def test_ranks_go_from_one_to_the_number_of_mentors(campus, setting):
    kim, lee = setting["mentors"]
    mentee = setting["mentees"][setting["first"].pk]
    with scope(campus=campus), pytest.raises(MentorsError) as refusal:
        rank_mentors(mentee=mentee, ranks={kim.pk: 1, lee.pk: 3}, actor=setting["first"].user)
    assert refusal.value.message == "Ranks go from 1 to 2."
    assert refusal.value.field == f"rank_{lee.pk}"


def test_rankings_are_refused_after_the_close_date_and_once_published(campus, setting):
    kim, _lee = setting["mentors"]
    round, mentee = setting["round"], setting["mentees"][setting["first"].pk]
    with scopes_disabled():
        round.rankings_close_at = timezone.now() - timezone.timedelta(minutes=1)
        round.save()
    with scope(campus=campus), pytest.raises(MentorsError, match="closed"):
        rank_mentors(mentee=mentee, ranks={kim.pk: 1}, actor=setting["first"].user)
    mark_published(round)
    with scope(campus=campus), pytest.raises(MentorsError, match="published"):
        rank_mentees(round=round, mentor=kim, ranks={mentee.pk: 1}, actor=kim.user)
    assert saved_mentee_ranks(mentee) == {}


def test_a_mentor_ranks_the_round_s_mentees_and_not_others(campus, cohort, setting, operator):
    kim, _lee = setting["mentors"]
    round, mentees = setting["round"], setting["mentees"]
    first, second = mentees[setting["first"].pk], mentees[setting["second"].pk]
    with scope(campus=campus):
        rank_mentees(round=round, mentor=kim, ranks={first.pk: 1, second.pk: None}, actor=kim.user)
    other_cohort = make_cohort(campus)
    join(other_cohort)
    other = start_round(other_cohort, operator)
    with scopes_disabled():
        foreign = other.mentees.first()
    with scope(campus=campus), pytest.raises(MentorsError, match="not in this round"):
        rank_mentees(round=round, mentor=kim, ranks={foreign.pk: 1}, actor=kim.user)
    with scopes_disabled():
        assert list(MentorPreference.objects.values_list("mentor_id", "mentee_id", "rank")) == [
            (kim.pk, first.pk, 1)
        ]


# Pages


def rank_url(campus, mentee):
    return public_url(campus, "matching_rank_mentors", pk=mentee.pk)


def test_the_mentee_page_lists_the_pool_with_fit_and_marks_the_full(client, campus, setting):
    kim, _lee = setting["mentors"]
    mentee = setting["mentees"][setting["first"].pk]
    client.force_login(setting["first"].user)
    page = client.get(rank_url(campus, mentee)).content.decode()
    assert f'name="rank_{kim.pk}"' in page
    assert f'name="rank_{setting["full"].pk}"' not in page
    assert "Park · full" in page
    assert "Seoul Upcycling Plaza" in page
    assert "60.0" in page  # no field or topic named: neutral 0.5 of each; a shared language


def test_a_forged_ranking_keeps_what_was_typed_and_says_why(client, campus, setting):
    kim, lee = setting["mentors"]
    mentee = setting["mentees"][setting["first"].pk]
    client.force_login(setting["first"].user)
    response = client.post(
        rank_url(campus, mentee),
        {f"rank_{kim.pk}": "2", f"rank_{lee.pk}": "1", "rank_424242": "1", "keywords": "repair cafes"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The ranking names a mentor who is not in this round&#x27;s pool. Reload the page." in page
    assert f'name="rank_{kim.pk}" value="2"' in page
    assert 'value="repair cafes"' in page
    assert saved_mentee_ranks(mentee) == {}


def test_a_group_member_ranks_for_the_group_and_another_member_sees_it(client, campus, cohort, operator):
    first, second = join(cohort), join(cohort)
    group_of(cohort, first, second, name="Compost")
    kim = make_mentor(campus, name_en="Kim")
    round = start_round(cohort, operator, kind="groups")
    mentee = next(iter(mentees_by_group(round).values()))
    client.force_login(first.user)
    response = client.post(rank_url(campus, mentee), {f"rank_{kim.pk}": "1"})
    assert response.status_code == 302
    client.force_login(second.user)
    page = client.get(rank_url(campus, mentee)).content.decode()
    assert f'name="rank_{kim.pk}" value="1"' in page
    assert "Your group shares one ranking" in page


def test_the_mentor_page_names_groups_with_their_problem(client, campus, cohort, operator):
    member = join(cohort)
    with scopes_disabled():
        agenda = AgendaFactory(campus=campus, title_en="Food waste")
    group_of(cohort, member, name="Compost", agenda=agenda)
    kim = make_mentor(campus)
    round = start_round(cohort, operator, kind="groups")
    mentee = next(iter(mentees_by_group(round).values()))
    client.force_login(kim.user)
    address = public_url(campus, "matching_rank_mentees", pk=round.pk, mentor=kim.pk)
    page = client.get(address).content.decode()
    assert "Compost" in page
    assert "Food waste" in page
    assert client.post(address, {f"rank_{mentee.pk}": "1"}).status_code == 302
    with scopes_disabled():
        assert MentorPreference.objects.get().mentee == mentee


def test_ranking_pages_send_anonymous_people_to_log_in(client, campus, setting):
    kim, _lee = setting["mentors"]
    mentee = setting["mentees"][setting["first"].pk]
    login = campus_reverse(campus, "people:login")
    for address in (
        rank_url(campus, mentee),
        public_url(campus, "matching_rank_mentees", pk=setting["round"].pk, mentor=kim.pk),
    ):
        for method in (client.get, client.post):
            response = method(address)
            assert response.status_code == 302, address
            assert response.url.startswith(login), address


def test_only_the_mentee_changes_their_ranking_and_the_team_may_look(
    client, campus, setting, operator, other_operator
):
    kim, _lee = setting["mentors"]
    mentee = setting["mentees"][setting["first"].pk]
    address = rank_url(campus, mentee)
    for outsider in (setting["second"].user, kim.user, other_operator):
        client.force_login(outsider)
        assert client.get(address).status_code == 403
        assert client.post(address, {f"rank_{kim.pk}": "1"}).status_code == 403
    client.force_login(operator)
    page = client.get(address)
    assert page.status_code == 200
    assert f'name="rank_{kim.pk}"' not in page.content.decode()
    assert client.post(address, {f"rank_{kim.pk}": "1"}).status_code == 403
    assert saved_mentee_ranks(mentee) == {}


def test_only_the_mentor_changes_their_ranking_and_the_team_may_look(
    client, campus, setting, operator, other_operator
):
    kim, lee = setting["mentors"]
    mentee = setting["mentees"][setting["first"].pk]
    address = public_url(campus, "matching_rank_mentees", pk=setting["round"].pk, mentor=kim.pk)
    for outsider in (lee.user, setting["first"].user, other_operator):
        client.force_login(outsider)
        assert client.get(address).status_code == 403
        assert client.post(address, {f"rank_{mentee.pk}": "1"}).status_code == 403
    client.force_login(operator)
    assert client.get(address).status_code == 200
    assert client.post(address, {f"rank_{mentee.pk}": "1"}).status_code == 403
    with scopes_disabled():
        assert not MentorPreference.objects.exists()


def test_another_campus_rounds_and_mentees_are_not_found(client, campus, other_campus, setting, make_person):
    with scopes_disabled():
        foreign_cohort = CohortFactory(track=TrackFactory(campus=other_campus), campus=other_campus)
    join(foreign_cohort)
    foreign_operator = make_person(other_campus, "operator")
    foreign_round = start_round(foreign_cohort, foreign_operator)
    foreign_mentee = next(iter(mentees_by_participant(foreign_round).values()))
    kim, _lee = setting["mentors"]
    client.force_login(kim.user)
    assert client.get(rank_url(campus, foreign_mentee)).status_code == 404
    address = public_url(campus, "matching_rank_mentees", pk=foreign_round.pk, mentor=kim.pk)
    assert client.get(address).status_code == 404
