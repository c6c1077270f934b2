from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope

from opencampus.programs.models import Attendance, Participant, Session
from opencampus.programs.services.completion import evaluate, evaluate_cohort
from tests.curriculum_helpers import completed_participant, held_session, join, make_cohort, mark


@pytest.fixture
def cohort(campus):
    return make_cohort(campus)


def test_a_participant_who_attended_and_presented_completes(campus, cohort, make_person):
    participant = completed_participant(cohort, make_person(campus))
    with scope(campus=campus):
        verdict = evaluate(participant)
    assert verdict.completed, verdict.reasons
    assert (verdict.attended, verdict.counted, verdict.rate) == (2, 2, 100.0)


def test_low_attendance_and_no_presentation_are_the_reasons(campus, cohort, make_person):
    participant = join(cohort, make_person(campus))
    sessions = [held_session(cohort, title=f"S{n}") for n in range(4)]
    held_session(cohort, kind=Session.Kind.PRESENTATION)
    for session in sessions[:3]:
        mark(session, participant)
    with scope(campus=campus):
        verdict = evaluate(participant)
    assert verdict.rate == 60.0
    assert verdict.below_threshold
    assert [str(reason) for reason in verdict.reasons] == [
        "Attendance 60% is below the 80% needed.",
        "No results presentation delivered yet.",
    ]


def test_excused_sessions_leave_the_count_and_late_counts_as_attended(campus, cohort, make_person):
    participant = join(cohort, make_person(campus))
    first, second, third = (held_session(cohort, title=f"S{n}") for n in range(3))
    mark(first, participant, Attendance.State.LATE)
    mark(second, participant, Attendance.State.EXCUSED, reason="ill")
    mark(third, participant, Attendance.State.ABSENT)
    with scope(campus=campus):
        verdict = evaluate(participant)
    assert (verdict.attended, verdict.counted) == (1, 2)


def test_sessions_before_a_late_joiner_joined_do_not_count(campus, cohort, make_person):
    early = held_session(cohort, starts_at=timezone.now() - timedelta(days=30))
    later = held_session(cohort, starts_at=timezone.now() - timedelta(days=3))
    participant = join(
        cohort, make_person(campus), joined_on=timezone.localdate() - timedelta(days=10), source="late"
    )
    mark(later, participant)
    with scope(campus=campus):
        verdict = evaluate(participant)
    assert (verdict.attended, verdict.counted) == (1, 1)
    assert early.pk != later.pk


def test_the_course_must_have_finished(campus, cohort, make_person):
    participant = completed_participant(cohort, make_person(campus))
    held_session(cohort, starts_at=timezone.now() + timedelta(days=2), title="Still to come")
    with scope(campus=campus):
        verdict = evaluate(participant)
    assert not verdict.completed
    assert [str(reason) for reason in verdict.reasons] == ["The course has not finished yet."]


def test_a_withdrawn_participant_has_not_completed(campus, cohort, make_person):
    participant = completed_participant(cohort, make_person(campus))
    with scope(campus=campus):
        Participant.objects.filter(pk=participant.pk).update(
            state=Participant.State.WITHDRAWN, left_on=timezone.localdate()
        )
        participant.refresh_from_db()
        verdict = evaluate(participant)
    assert str(verdict.reasons[0]).startswith("Withdrew on ")


def test_a_cohort_is_evaluated_in_a_constant_number_of_queries(
    campus, cohort, make_person, django_assert_num_queries
):
    sessions = [held_session(cohort, title=f"S{n}") for n in range(3)]
    for _n in range(5):
        participant = join(cohort, make_person(campus))
        for session in sessions:
            mark(session, participant)
    with scope(campus=campus), django_assert_num_queries(3):
        verdicts = evaluate_cohort(cohort)
    assert len(verdicts) == 5
