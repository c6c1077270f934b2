"""The solver adapter, pair rules, computing both results and publishing one."""

import pytest
from django_scopes import scope, scopes_disabled

from opencampus.mentors.models import (
    MatchingRound,
    MatchingRun,
    MenteePreference,
    MentorPreference,
    Mentorship,
)
from opencampus.mentors.services.errors import MentorsError
from opencampus.mentors.services.matching import compute_matching, publish_result
from opencampus.mentors.services.matching_pairs import add_pair_rule
from opencampus.mentors.services.matching_problem import build_problem
from opencampus.mentors.services.rounds import refresh_mentees
from opencampus.solvers import mentoring
from tests import english
from tests.factories import MentorshipFactory

from .matching_helpers import (
    actions,
    group_of,
    join,
    make_cohort,
    make_field,
    make_mentor,
    mentees_by_group,
    mentees_by_participant,
    outbox,
    start_round,
)

_english = english.english_pages


@pytest.fixture
def cohort(campus):
    return make_cohort(campus, name_en="Spring cohort")


def rank(mentee, *ranked):
    """``rank(mentee, (mentor, 1), (other, 1), …)`` straight into the database."""
    with scopes_disabled():
        for mentor, value in ranked:
            MenteePreference.objects.create(campus=mentee.campus, mentee=mentee, mentor=mentor, rank=value)


def rank_back(round, mentor, *ranked):
    with scopes_disabled():
        for mentee, value in ranked:
            MentorPreference.objects.create(
                campus=round.campus, round=round, mentor=mentor, mentee=mentee, rank=value
            )


def problem_of(round):
    with scope(campus=round.campus):
        return build_problem(round)


def test_the_problem_holds_rooms_ties_pins_and_forbidden_pairs(campus, cohort, operator):
    ana, bo = join(cohort, languages=("en",)), join(cohort)
    digital = make_field(campus)
    kim = make_mentor(campus, capacity=3, fields=[digital], keywords="repair, Upcycling")
    lee = make_mentor(campus, capacity=2, languages=())
    full = make_mentor(campus, capacity=1)
    round = start_round(cohort, operator)
    with scopes_disabled():
        MentorshipFactory(mentor=kim, mentee__round__cohort=make_cohort(campus))
        MentorshipFactory(mentor=full, mentee__round__cohort=make_cohort(campus))
    mentees = mentees_by_participant(round)
    first, second = mentees[ana.pk], mentees[bo.pk]
    with scopes_disabled():
        first.keywords = "upcycling"
        first.save()
        first.fields.add(digital)
    rank(first, (kim, 1), (lee, 1), (full, 2))
    rank_back(round, kim, (second, 1), (first, 2))
    with scope(campus=campus):
        add_pair_rule(
            round=round, mentee=second, mentor=kim, kind="pin", actor=operator, reason="Same street"
        )
        add_pair_rule(round=round, mentee=first, mentor=lee, kind="forbid", actor=operator)

    problem = problem_of(round)

    e1, e2, m1, m2 = str(first.pk), str(second.pk), str(kim.pk), str(lee.pk)
    assert problem.mentees == (
        mentoring.Mentee(
            id=e1, fields=(str(digital.pk),), keywords=("upcycling",), languages=("en",), ranking=((m1, m2),)
        ),
        mentoring.Mentee(id=e2, languages=("ko",)),
    )
    assert problem.mentors == (
        mentoring.Mentor(
            id=m1,
            capacity=2,
            fields=(str(digital.pk),),
            keywords=("repair", "Upcycling"),
            languages=("ko", "en"),
            ranking=((e2,), (e1,)),
        ),
        mentoring.Mentor(id=m2, capacity=2),
    )
    assert problem.pinned == ((e2, m1),)
    assert problem.forbidden == ((e1, m2),)
    mentoring.validate(problem)


def test_pinning_a_mentee_twice_is_refused(campus, cohort, operator):
    ana = join(cohort)
    kim, lee = make_mentor(campus, name_en="Kim"), make_mentor(campus, name_en="Lee")
    round = start_round(cohort, operator)
    mentee = mentees_by_participant(round)[ana.pk]
    with scope(campus=campus):
        add_pair_rule(round=round, mentee=mentee, mentor=kim, kind="pin", actor=operator)
        with pytest.raises(MentorsError) as refusal:
            add_pair_rule(round=round, mentee=mentee, mentor=lee, kind="pin", actor=operator)
    assert refusal.value.message == f"{ana.user} is already pinned to Kim."


def test_pins_beyond_the_mentor_s_room_are_refused(campus, cohort, operator):
    people = [join(cohort) for _ in range(3)]
    kim = make_mentor(campus, name_en="Kim", capacity=3)
    with scopes_disabled():
        MentorshipFactory(mentor=kim, mentee__round__cohort=make_cohort(campus))
    round = start_round(cohort, operator)
    mentees = mentees_by_participant(round)
    with scope(campus=campus):
        for participant in people[:2]:
            add_pair_rule(round=round, mentee=mentees[participant.pk], mentor=kim, kind="pin", actor=operator)
        with pytest.raises(MentorsError) as refusal:
            add_pair_rule(round=round, mentee=mentees[people[2].pk], mentor=kim, kind="pin", actor=operator)
    assert refusal.value.message == "Kim can take 2 more; you pinned 3."
    assert refusal.value.field == "mentor"


def test_a_pair_cannot_be_both_pinned_and_forbidden(campus, cohort, operator):
    ana = join(cohort)
    kim = make_mentor(campus)
    round = start_round(cohort, operator)
    mentee = mentees_by_participant(round)[ana.pk]
    with scope(campus=campus):
        add_pair_rule(round=round, mentee=mentee, mentor=kim, kind="forbid", actor=operator)
        with pytest.raises(MentorsError, match="already has a rule"):
            add_pair_rule(round=round, mentee=mentee, mentor=kim, kind="pin", actor=operator)
    assert actions(campus)[-1] == "mentor.pair_forbidden"


def test_a_pin_of_a_pair_without_a_shared_language_is_refused(campus, cohort, operator):
    ana = join(cohort, languages=("ja",))
    kim = make_mentor(campus, languages=("ko",))
    round = start_round(cohort, operator)
    with scope(campus=campus), pytest.raises(MentorsError, match="share no language"):
        add_pair_rule(
            round=round, mentee=mentees_by_participant(round)[ana.pk], mentor=kim, kind="pin", actor=operator
        )


def test_compute_stores_both_results_and_the_shortfall(campus, cohort, operator):
    ana, bo, cy = join(cohort), join(cohort), join(cohort, languages=("ja",))
    kim = make_mentor(campus, capacity=1)
    lee = make_mentor(campus, capacity=1)
    round = start_round(cohort, operator)
    mentees = mentees_by_participant(round)
    rank(mentees[ana.pk], (kim, 1), (lee, 2))
    rank(mentees[bo.pk], (kim, 1))

    with scope(campus=campus):
        run = compute_matching(round=round, actor=operator)

    results = run.results
    assert set(results) == {"stable", "max_fit", "capacity_shortfall", "capacities"}
    assert results["capacity_shortfall"] == 1
    assert results["capacities"] == {str(kim.pk): 1, str(lee.pk): 1}
    for method in ("stable", "max_fit"):
        assert results[method]["matched"] == 2
        assert results[method]["unmatched"] == {str(mentees[cy.pk].pk): "no_acceptable_mentor"}
    assert actions(campus)[-1] == "mentor.matching_computed"


def test_a_round_without_mentors_with_room_is_not_computed(campus, cohort, operator):
    join(cohort)
    round = start_round(cohort, operator)
    with scope(campus=campus), pytest.raises(MentorsError, match="No active mentor has room"):
        compute_matching(round=round, actor=operator)
    with scopes_disabled():
        assert not MatchingRun.objects.exists()


def computed(campus, round, operator):
    with scope(campus=campus):
        return compute_matching(round=round, actor=operator)


def test_publishing_makes_proposed_mentorships_and_letters_to_both_sides(campus, cohort, operator):
    campus.contact_email = ""
    ana = join(cohort, name_en="Ana")
    kim = make_mentor(campus, name_en="Kim")
    round = start_round(cohort, operator)
    run = computed(campus, round, operator)

    with scope(campus=campus):
        publish_result(run=run, method="max_fit", actor=operator, base_url="https://campus.example")

    with scopes_disabled():
        round.refresh_from_db()
        mentorship = Mentorship.objects.get()
    assert (round.state, round.published_run, round.published_method) == ("published", run, "max_fit")
    assert round.published_at is not None
    assert (mentorship.mentor, mentorship.mentee.participant, mentorship.state) == (kim, ana, "proposed")
    letters = outbox(campus)
    assert [letter.to for letter in letters] == [kim.user.email, ana.user.email]
    assert letters[0].subject == "You are proposed as mentor of Ana"
    assert letters[1].subject == "Kim is proposed as your mentor"
    link = f"https://campus.example/c/{campus.slug}/mentors/my-match/{mentorship.pk}/"
    assert all(link in letter.body for letter in letters)
    assert actions(campus)[-1] == "mentor.matching_published"


def test_a_published_round_is_not_computed_or_published_again(campus, cohort, operator):
    join(cohort)
    make_mentor(campus)
    round = start_round(cohort, operator)
    run = computed(campus, round, operator)
    with scope(campus=campus):
        publish_result(run=run, method="stable", actor=operator)
        with pytest.raises(MentorsError, match="published"):
            compute_matching(round=round, actor=operator)
        with pytest.raises(MentorsError, match="published"):
            publish_result(run=run, method="max_fit", actor=operator)
    with scopes_disabled():
        assert Mentorship.objects.count() == 1
        assert MatchingRun.objects.count() == 1


def test_a_run_whose_mentor_lost_room_is_not_published(campus, cohort, operator):
    join(cohort)
    kim = make_mentor(campus, capacity=1)
    round = start_round(cohort, operator)
    run = computed(campus, round, operator)
    with scopes_disabled():
        MentorshipFactory(mentor=kim, mentee__round__cohort=make_cohort(campus))
    with scope(campus=campus), pytest.raises(MentorsError, match="compute again"):
        publish_result(run=run, method="stable", actor=operator)
    with scopes_disabled():
        assert MatchingRound.objects.get(pk=round.pk).state == "ranking"


def test_a_groups_round_is_published_to_every_active_member(campus, cohort, operator):
    first, second, gone = join(cohort), join(cohort), join(cohort)
    group_of(cohort, first, second, gone, name="Compost")
    with scopes_disabled():
        gone.state, gone.left_on = "withdrawn", gone.joined_on
        gone.save()
    kim = make_mentor(campus)
    round = start_round(cohort, operator, kind="groups")
    run = computed(campus, round, operator)
    with scope(campus=campus):
        publish_result(run=run, method="stable", actor=operator)
    with scopes_disabled():
        mentorship = Mentorship.objects.get()
    assert mentorship.mentee == next(iter(mentees_by_group(round).values()))
    letters = outbox(campus)
    assert [letter.to for letter in letters] == [kim.user.email, first.user.email, second.user.email]
    assert "working group Compost" in letters[1].body


def test_a_run_computed_before_the_mentees_changed_is_not_published(campus, cohort, operator):
    join(cohort)
    make_mentor(campus)
    round = start_round(cohort, operator)
    run = computed(campus, round, operator)
    join(cohort)
    with scope(campus=campus):
        refresh_mentees(round=round, actor=operator)
        with pytest.raises(MentorsError, match="mentees changed since this run"):
            publish_result(run=run, method="stable", actor=operator)
    with scopes_disabled():
        assert not Mentorship.objects.exists()
