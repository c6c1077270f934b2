import pytest
from django.core import mail
from django.utils import translation
from django_scopes import scopes_disabled

from opencampus.calls.models import Application, SelectionQuota
from opencampus.calls.services.selection import (
    SelectionError,
    add_quota,
    clear_staging,
    competition_ranks,
    run_selection,
    score_table,
    stage_selection,
)
from opencampus.core.models import ActivityLog, OutboxMessage
from tests.calls.decision_helpers import applicant, make_call, reload, review, scored

State = Application.State


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def call(campus):
    return make_call(campus, places=2)


@pytest.fixture
def reviewers(campus, make_person):
    return [make_person(campus, "reviewer") for _ in range(2)]


def quota(call, value, minimum=None, maximum=None, key="field"):
    with scopes_disabled():
        return SelectionQuota.objects.create(
            campus=call.campus, call=call, question_key=key, value=value, minimum=minimum, maximum=maximum
        )


def ids(rows):
    return [row.application.pk for row in rows]


def test_competition_ranks_share_ties():
    assert competition_ranks({"a": 3.0, "b": 5.0, "c": 3.0, "d": 1.0}) == {"b": 1, "a": 2, "c": 2, "d": 4}


# Scores


def test_scores_show_raw_and_calibrated_side_by_side(call, campus, make_person):
    harsh, lenient = make_person(campus, "reviewer"), make_person(campus, "reviewer")
    # Both reviewers score four shared applications; the harsh one gives 4 points less everywhere.
    for score in (2, 3, 4, 5):
        scored(call, [harsh, lenient], [score, score + 4])
    # A is seen only by the harsh reviewer, B only by the lenient one: raw means rank B first.
    a = scored(call, [harsh], [5])
    b = scored(call, [lenient], [7])

    with scopes_disabled():
        table = score_table(call=call)

    rows = {row.application.pk: row for row in table.rows}
    assert table.connected
    assert rows[b.pk].raw_mean == pytest.approx(70)
    assert rows[a.pk].raw_mean == pytest.approx(50)
    assert rows[b.pk].raw_rank < rows[a.pk].raw_rank
    assert rows[a.pk].merit_rank < rows[b.pk].merit_rank
    assert rows[a.pk].reviews == 1
    leaning = {row.reviewer.pk: row.leaning for row in table.reviewers}
    assert leaning == {harsh.pk: "harsh", lenient.pk: "lenient"}
    assert [row.reviews for row in table.reviewers] == [5, 5]
    assert set(table.single_review) == {a, b}


def test_scores_warn_when_reviewers_fall_into_groups(call, campus, make_person):
    first, second = make_person(campus, "reviewer"), make_person(campus, "reviewer")
    one = scored(call, [first], [5])
    two = scored(call, [first], [6])
    three = scored(call, [second], [7])

    with scopes_disabled():
        table = score_table(call=call)

    assert not table.connected
    assert table.groups == [[one, two], [three]]
    assert {row.application.pk: row.group for row in table.rows} == {one.pk: 1, two.pk: 1, three.pk: 2}


def test_scores_list_applications_without_reviews(call):
    waiting = applicant(call)
    with scopes_disabled():
        applicant(call, state=State.DRAFT)
        table = score_table(call=call)

    assert [(row.application, row.reviews, row.merit) for row in table.rows] == [(waiting, 0, None)]
    assert table.connected


# Selection


def test_selection_takes_the_best_calibrated_scores(call, reviewers):
    best = scored(call, reviewers, [9, 9])
    second = scored(call, reviewers, [8, 8])
    third = scored(call, reviewers, [5, 5])

    with scopes_disabled():
        outcome = run_selection(call=call, places=2, waitlist_size=5)

    assert outcome.ok
    assert ids(outcome.selected) == [best.pk, second.pk]
    assert [row.position for row in outcome.selected] == [1, 2]
    assert ids(outcome.waiting) == [third.pk]
    assert [row.code for row in outcome.selected + outcome.waiting] == ["merit", "merit", "below_cutoff"]
    assert outcome.rejected == []


def test_a_minimum_quota_brings_in_a_lower_score_and_says_so(call, reviewers):
    best = scored(call, reviewers, [9, 9], field="energy")
    second = scored(call, reviewers, [8, 8], field="energy")
    digital = scored(call, reviewers, [5, 5], field="digital")
    quota(call, "digital", minimum=1)

    with scopes_disabled():
        outcome = run_selection(call=call, places=2, waitlist_size=0)

    assert ids(outcome.selected) == [best.pk, digital.pk]
    reasons = {row.application.pk: row for row in outcome.selected + outcome.rejected}
    assert reasons[digital.pk].code == "minimum"
    assert "field: Digital" in reasons[digital.pk].reason or "field: 디지털" in reasons[digital.pk].reason
    assert reasons[second.pk].code == "displaced"
    assert [(b.side, b.bound) for b in outcome.binding] == [("min", 1)]
    assert outcome.quotas[0][1:] == (1, None, 1)


def test_a_maximum_quota_keeps_applicants_out_and_names_the_quota(call, reviewers):
    scored(call, reviewers, [9, 9], field="energy")
    capped = scored(call, reviewers, [8, 8], field="energy")
    food = scored(call, reviewers, [4, 4], field="food")
    quota(call, "energy", maximum=1)

    with scopes_disabled():
        outcome = run_selection(call=call, places=2, waitlist_size=5)

    assert food.pk in ids(outcome.selected)
    out = {row.application.pk: row for row in outcome.waiting}
    assert out[capped.pk].code == "maximum"
    assert "field" in out[capped.pk].reason


def test_infeasible_quotas_are_named(call, reviewers):
    scored(call, reviewers, [9, 9], field="energy")
    scored(call, reviewers, [8, 8], field="digital")
    quota(call, "digital", minimum=2)

    with scopes_disabled(), translation.override("en"):
        outcome = run_selection(call=call, places=2, waitlist_size=5)

    assert not outcome.ok
    assert outcome.selected == []
    assert any("field: Digital" in conflict for conflict in outcome.conflicts)


def test_only_scored_submitted_and_eligible_applications_are_candidates(call, reviewers):
    chosen = scored(call, reviewers, [6, 6], state=State.SUBMITTED)
    scored(call, reviewers, [9, 9], state=State.INELIGIBLE)
    scored(call, reviewers, [9, 9], state=State.WITHDRAWN)
    unreviewed = applicant(call)

    with scopes_disabled():
        outcome = run_selection(call=call, places=2, waitlist_size=5)

    assert ids(outcome.selected) == [chosen.pk]
    assert outcome.unscored == [unreviewed]
    assert outcome.warnings  # fewer candidates than places


def test_no_scores_yet_is_a_clear_error(call):
    applicant(call)

    with scopes_disabled():
        outcome = run_selection(call=call, places=2, waitlist_size=5)

    assert not outcome.ok
    assert "review" in outcome.error


# Staging


def test_staging_prepares_decisions_and_tells_nobody(call, reviewers, operator):
    first = scored(call, reviewers, [9, 9])
    second = scored(call, reviewers, [8, 8])
    third = scored(call, reviewers, [7, 7])
    fourth = scored(call, reviewers, [6, 6])
    fifth = scored(call, reviewers, [5, 5])

    with scopes_disabled():
        stage_selection(call=call, places=2, waitlist_size=2, actor=operator)

    staged = {
        a.pk: (reload(a).state, reload(a).pending_state, reload(a).waitlist_rank)
        for a in (first, second, third, fourth, fifth)
    }
    assert staged == {
        first.pk: (State.ELIGIBLE, State.ACCEPTED, None),
        second.pk: (State.ELIGIBLE, State.ACCEPTED, None),
        third.pk: (State.ELIGIBLE, State.WAITLISTED, 1),
        fourth.pk: (State.ELIGIBLE, State.WAITLISTED, 2),
        fifth.pk: (State.ELIGIBLE, State.REJECTED, None),
    }
    with scopes_disabled():
        assert not OutboxMessage.objects.exists()
        assert ActivityLog.objects.filter(action="selection.staged").count() == 1
        assert not ActivityLog.objects.filter(action__startswith="application.").exists()
    assert mail.outbox == []


def test_staging_again_replaces_the_previous_staging(call, reviewers, operator):
    first = scored(call, reviewers, [9, 9])
    second = scored(call, reviewers, [8, 8])
    third = scored(call, reviewers, [7, 7])

    with scopes_disabled():
        stage_selection(call=call, places=1, waitlist_size=1, actor=operator)
        stage_selection(call=call, places=2, waitlist_size=0, actor=operator)

    assert [reload(a).pending_state for a in (first, second, third)] == [
        State.ACCEPTED,
        State.ACCEPTED,
        State.REJECTED,
    ]
    assert reload(second).waitlist_rank is None


def test_staging_infeasible_quotas_is_refused_and_keeps_the_previous_staging(call, reviewers, operator):
    first = scored(call, reviewers, [9, 9])
    scored(call, reviewers, [8, 8])
    with scopes_disabled():
        stage_selection(call=call, places=1, waitlist_size=1, actor=operator)
    quota(call, "food", minimum=1)

    with scopes_disabled(), pytest.raises(SelectionError):
        stage_selection(call=call, places=1, waitlist_size=1, actor=operator)

    assert reload(first).pending_state == State.ACCEPTED


def test_clearing_takes_back_every_staged_decision(call, reviewers, operator):
    first = scored(call, reviewers, [9, 9])
    second = scored(call, reviewers, [8, 8])
    with scopes_disabled():
        stage_selection(call=call, places=1, waitlist_size=1, actor=operator)

        assert clear_staging(call=call, actor=operator) == 2

    assert [(reload(a).pending_state, reload(a).waitlist_rank) for a in (first, second)] == [("", None)] * 2


# Quotas


@pytest.mark.parametrize(
    ("key", "value", "minimum", "maximum", "message"),
    [
        ("motivation", "x", 1, None, "single-choice"),
        ("topics", "energy", 1, None, "single-choice"),
        ("field", "space", 1, None, "not a choice"),
        ("field", "energy", None, None, "minimum, a maximum"),
        ("field", "energy", 3, 2, "maximum must not"),
    ],
)
def test_a_quota_must_count_a_choice_of_a_single_choice_question(
    call, operator, key, value, minimum, maximum, message
):
    with scopes_disabled():
        with pytest.raises(SelectionError, match=message):
            add_quota(
                call=call, question_key=key, value=value, minimum=minimum, maximum=maximum, actor=operator
            )

        assert not SelectionQuota.objects.exists()


def test_a_second_quota_for_the_same_answer_is_refused(call, operator):
    with scopes_disabled():
        add_quota(call=call, question_key="field", value="energy", minimum=1, maximum=None, actor=operator)

        with pytest.raises(SelectionError, match="already"):
            add_quota(
                call=call, question_key="field", value="energy", minimum=None, maximum=3, actor=operator
            )

        assert SelectionQuota.objects.get().minimum == 1


def test_reviews_of_drafts_are_ignored(call, reviewers):
    # A stray review of a draft application never makes the draft a candidate.
    draft = applicant(call, state=State.DRAFT)
    review(draft, reviewers[0], 9)
    eligible = scored(call, reviewers, [5, 5])

    with scopes_disabled():
        outcome = run_selection(call=call, places=2, waitlist_size=2)

    assert ids(outcome.selected) == [eligible.pk]


def test_a_later_round_queues_behind_the_waiting_list_already_sent(call, reviewers, operator):
    with scopes_disabled():
        earlier = applicant(call, state=State.WAITLISTED, waitlist_rank=3)
        scored(call, reviewers, [9, 9])
        later = scored(call, reviewers, [8, 8])

        stage_selection(call=call, places=1, waitlist_size=1, actor=operator)

    assert reload(later).waitlist_rank == 4
    assert reload(earlier).waitlist_rank == 3
