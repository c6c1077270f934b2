"""Courses join a person's data download, and what must not outlive the account leaves with it."""

from datetime import time, timedelta

from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.people.services.personal_data import delete_account, export_personal_data
from opencampus.programs.models import Attendance, Feedback, FeeRecord, InstructorAvailability, Participant
from tests.curriculum_helpers import held_session, join, make_cohort, mark
from tests.programs.fee_helpers import fee_record


def test_the_download_and_the_deletion_cover_cohorts_attendance_feedback_and_teaching(campus, make_person):
    running = make_cohort(campus, starts_on=timezone.localdate() - timedelta(weeks=2))
    person = make_person(campus, "participant", "instructor")
    participant = join(running, person)
    session = held_session(running, title="Design thinking")
    mark(session, participant, Attendance.State.EXCUSED, reason="Family matter")
    with scopes_disabled():
        Feedback.objects.create(
            campus=campus, session=session, participant=participant, rating=4, comment="Dense"
        )
        InstructorAvailability.objects.create(
            campus=campus, instructor=person, weekday=1, starts_at=time(19), ends_at=time(22)
        )

    data = export_personal_data(user=person)
    assert data["cohorts"][0]["cohort"] == running.slug
    assert data["attendance"][0] == {
        "cohort": running.slug,
        "session": "Design thinking",
        "state": "excused",
        "reason": "Family matter",
        "presented": False,
        "recorded_at": data["attendance"][0]["recorded_at"],
    }
    assert data["session_feedback"][0]["comment"] == "Dense"
    assert data["teaching_availability"][0]["from"] == "19:00:00"

    delete_account(user=person, campus=campus)
    with scopes_disabled():
        participant = Participant.objects.get(pk=participant.pk)
        assert participant.state == Participant.State.WITHDRAWN
        assert participant.left_on == timezone.localdate()
        assert Feedback.objects.get().comment == ""
        assert Attendance.objects.get().state == Attendance.State.EXCUSED
        assert not InstructorAvailability.objects.exists()


def test_lecture_fees_join_the_download_and_stay_after_the_deletion(campus, make_person, operator):
    cohort = make_cohort(campus, starts_on=timezone.localdate() - timedelta(weeks=2))
    person = make_person(campus, "instructor")
    fee_record(cohort, person, operator, days=2, title="Field study")

    [fee] = export_personal_data(user=person)["lecture_fees"]
    assert fee == {
        "session": "Field study",
        "days": 2,
        "fee_per_day": 300_000,
        "amount": 600_000,
        "state": "due",
        "paid_on": None,
    }

    delete_account(user=person, campus=campus)
    with scopes_disabled():
        assert FeeRecord.objects.get().amount == 600_000
