"""Staff mark a session's roster: all or nothing, reasons for excuses, and warnings when rates drop."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog, OutboxMessage
from opencampus.programs.models import Attendance, Engagement, Participant
from opencampus.programs.services.attendance import (
    AttendanceError,
    Mark,
    mark_attendance,
    mark_unrecorded_absent,
)
from tests.curriculum_helpers import join, make_cohort, mark


def session_url(session, name="session"):
    return campus_reverse(
        session.campus, f"attendance_manage:{name}", cohort=session.cohort.slug, pk=session.pk
    )


def states(session):
    with scopes_disabled():
        return dict(
            Attendance.objects.filter(session=session).values_list("participant__user__name_en", "state")
        )


def marking(campus, session, marks, actor, **options):
    with scope(campus=campus):
        return mark_attendance(session=session, marks=marks, actor=actor, **options)


def warnings():
    with scopes_disabled():
        return list(OutboxMessage.objects.filter(reason="attendance.below_threshold").order_by("pk"))


@pytest.fixture
def people(cohort, campus, make_person):
    return {
        name: join(cohort, make_person(campus, "participant", name_en=name))
        for name in ("Ahn", "Baek", "Cho")
    }


def test_staff_mark_the_roster_and_each_change_is_logged(campus, soon, people, staff_member):
    result = marking(
        campus,
        soon,
        [
            Mark(people["Ahn"].pk, "present"),
            Mark(people["Baek"].pk, "late"),
            Mark(people["Cho"].pk, "excused", reason="Ill"),
        ],
        staff_member,
    )
    assert result.changed == 3
    assert states(soon) == {"Ahn": "present", "Baek": "late", "Cho": "excused"}
    with scopes_disabled():
        entry = ActivityLog.objects.get(action="attendance.marked")
        assert entry.actor == staff_member
        assert {change["to"] for change in entry.data["changes"]} == {"present", "late", "excused"}
        assert Attendance.objects.get(participant=people["Cho"]).reason == "Ill"

    again = marking(campus, soon, [Mark(people["Ahn"].pk, "present")], staff_member)
    assert again.changed == 0
    marking(campus, soon, [Mark(people["Ahn"].pk, "absent")], staff_member)
    with scopes_disabled():
        latest = ActivityLog.objects.filter(action="attendance.marked").order_by("-pk").first()
    assert latest.data["changes"] == [{"participant": people["Ahn"].pk, "from": "present", "to": "absent"}]


def test_a_marking_with_an_unknown_state_or_a_person_twice_saves_nothing(campus, soon, people, staff_member):
    with pytest.raises(AttendanceError, match=r"“gone” is not an attendance state\."):
        marking(campus, soon, [Mark(people["Ahn"].pk, "gone")], staff_member)
    with pytest.raises(AttendanceError, match="names a participant twice"):
        marking(
            campus, soon, [Mark(people["Ahn"].pk, "present"), Mark(people["Ahn"].pk, "late")], staff_member
        )
    assert states(soon) == {}


def test_excused_without_a_reason_saves_nothing(campus, soon, people, staff_member):
    with pytest.raises(AttendanceError, match=r"Say why Cho is excused\. Nothing was saved\."):
        marking(
            campus,
            soon,
            [Mark(people["Ahn"].pk, "present"), Mark(people["Cho"].pk, "excused", reason="  ")],
            staff_member,
        )
    assert states(soon) == {}


def test_someone_outside_the_cohort_cannot_be_marked(campus, soon, people, staff_member, make_person):
    outsider = join(make_cohort(campus, slug="citizens"), make_person(campus, "participant"))
    with pytest.raises(AttendanceError) as error:
        marking(campus, soon, [Mark(people["Ahn"].pk, "present"), Mark(outsider.pk, "present")], staff_member)
    assert (
        str(error.value)
        == f"Not on the roster of this session: participant #{outsider.pk}. Nothing was saved."
    )
    assert states(soon) == {}


def test_a_participant_who_left_before_the_session_is_not_on_its_roster(campus, soon, people, staff_member):
    with scopes_disabled():
        Participant.objects.filter(pk=people["Baek"].pk).update(
            state=Participant.State.WITHDRAWN, left_on=timezone.localdate() - timedelta(days=3)
        )
    with pytest.raises(AttendanceError, match="Not on the roster"):
        marking(campus, soon, [Mark(people["Baek"].pk, "absent")], staff_member)


def test_only_a_results_presentation_records_who_presented(campus, soon, presentation, people, staff_member):
    with pytest.raises(AttendanceError, match="Only a results presentation"):
        marking(campus, soon, [Mark(people["Ahn"].pk, "present", presented=True)], staff_member)
    with pytest.raises(AttendanceError, match="cannot have presented without being there"):
        marking(campus, presentation, [Mark(people["Ahn"].pk, "absent", presented=True)], staff_member)
    marking(campus, presentation, [Mark(people["Ahn"].pk, "late", presented=True)], staff_member)
    with scopes_disabled():
        assert Attendance.objects.get(session=presentation).presented


@pytest.fixture
def three_held(session_at, people):
    """Three lectures held last month: Ahn and Cho came to all, Baek to one."""
    sessions = [session_at(timezone.now() - timedelta(days=30 - n), title=f"Week {n}") for n in range(3)]
    for session in sessions:
        mark(session, people["Ahn"])
        mark(session, people["Cho"])
    mark(sessions[0], people["Baek"])
    for session in sessions[1:]:
        mark(session, people["Baek"], Attendance.State.ABSENT)
    return sessions


def test_the_team_is_warned_once_about_who_drops_below_the_threshold(
    campus, soon, people, three_held, staff_member
):
    campus.contact_email, campus.default_language = "team@campus.example.org", "en"
    campus.save()
    marks = [
        Mark(people["Ahn"].pk, "absent"),  # 100% → 75%: drops
        Mark(people["Baek"].pk, "absent"),  # 33% → 25%: was below already
        Mark(people["Cho"].pk, "present"),
    ]
    result = marking(campus, soon, marks, staff_member, link="https://campus.example.org/attendance")

    assert [verdict.participant.user.name_en for verdict in result.dropped] == ["Ahn"]
    [warning] = warnings()
    assert warning.to == "team@campus.example.org"
    assert warning.state == OutboxMessage.State.DRAFT
    assert warning.subject == "Attendance warning: 2020 pilot"
    assert "Systems thinking" in warning.body
    assert "- Ahn: 75.0% (3 of 4 sessions)" in warning.body
    assert "Baek" not in warning.body
    assert "https://campus.example.org/attendance" in warning.body

    assert marking(campus, soon, marks, staff_member).changed == 0
    marking(campus, soon, [Mark(people["Baek"].pk, "excused", reason="Family")], staff_member)
    assert len(warnings()) == 1

    marking(campus, soon, [Mark(people["Cho"].pk, "absent")], staff_member)
    assert len(warnings()) == 2
    assert "- Cho: 75.0%" in warnings()[1].body
    assert "Ahn" not in warnings()[1].body


def test_marking_the_ones_who_did_not_check_in_absent_warns_about_them(
    campus, soon, people, three_held, staff_member, operator
):
    mark(soon, people["Cho"], Attendance.State.PRESENT)
    with scope(campus=campus):
        result = mark_unrecorded_absent(session=soon, actor=staff_member)
    assert result.changed == 2
    assert states(soon) == {"Ahn": "absent", "Baek": "absent", "Cho": "present"}
    # No contact address: each operator and staff member gets the warning in their own language.
    assert sorted(message.to for message in warnings()) == sorted([staff_member.email, operator.email])
    assert all("- Ahn: 75.0%" in message.body and "Baek" not in message.body for message in warnings())
    with scope(campus=campus):
        assert mark_unrecorded_absent(session=soon, actor=staff_member).changed == 0
    assert len(warnings()) == 2


def test_attendance_taken_at_a_begun_session_marks_its_confirmed_instructors_delivered(
    campus, soon, people, staff_member, instructor, make_person, engage
):
    confirmed = engage(soon, instructor, state=Engagement.State.CONFIRMED)
    declined = engage(soon, make_person(campus, "instructor"), state=Engagement.State.DECLINED)
    marking(campus, soon, [Mark(people["Ahn"].pk, "present")], staff_member)
    with scopes_disabled():
        confirmed.refresh_from_db()
        declined.refresh_from_db()
    assert (confirmed.state, declined.state) == (Engagement.State.DELIVERED, Engagement.State.DECLINED)


def test_attendance_marked_ahead_of_a_session_delivers_nothing(
    campus, session_at, people, staff_member, instructor, engage
):
    later = session_at(timezone.now() + timedelta(hours=2), title="Later today")
    confirmed = engage(later, instructor, state=Engagement.State.CONFIRMED)
    marking(campus, later, [Mark(people["Ahn"].pk, "excused", reason="Travelling")], staff_member)
    with scopes_disabled():
        confirmed.refresh_from_db()
    assert confirmed.state == Engagement.State.CONFIRMED
