"""Checking in with the code: present or late by the clock, and every way it is refused."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.programs.models import Attendance, Participant
from opencampus.programs.services.check_in import (
    CODE_ALPHABET,
    CODE_LENGTH,
    CheckInError,
    check_in,
    close_check_in,
    open_check_in,
)
from tests.curriculum_helpers import join, make_cohort, mark

START = timezone.now().replace(microsecond=0) + timedelta(days=2)
END = START + timedelta(hours=3)


@pytest.fixture
def lecture(session_at):
    return session_at(START, title="Design for change")


@pytest.fixture
def opened(campus, lecture, staff_member):
    with scope(campus=campus):
        return open_check_in(session=lecture, actor=staff_member, now=START - timedelta(hours=1))


def attempt(campus, user, code, now):
    with scope(campus=campus):
        return check_in(user=user, campus=campus, code=code, now=now)


def refusal(campus, user, code, now):
    with pytest.raises(CheckInError) as error:
        attempt(campus, user, code, now)
    return str(error.value)


def records(session):
    with scopes_disabled():
        return list(Attendance.objects.filter(session=session).values_list("participant_id", "state", "via"))


def test_opening_gives_a_fresh_unambiguous_code_valid_until_30_minutes_after_the_end(opened):
    assert len(opened.check_in_code) == CODE_LENGTH
    assert set(opened.check_in_code) <= set(CODE_ALPHABET)
    assert not set(opened.check_in_code) & set("01OIL")
    assert opened.check_in_until == END + timedelta(minutes=30)


def test_reopening_gives_another_code(campus, opened, staff_member):
    with scope(campus=campus):
        again = open_check_in(session=opened, actor=staff_member, now=START)
    assert again.check_in_code != opened.check_in_code


@pytest.mark.parametrize(
    ("minutes_after_start", "state"),
    [(-30, "present"), (0, "present"), (10, "present"), (11, "late"), (200, "late"), (209, "late")],
)
def test_on_time_is_present_and_later_is_late(campus, opened, member, minutes_after_start, state):
    attendance = attempt(
        campus, member.user, opened.check_in_code, START + timedelta(minutes=minutes_after_start)
    )
    assert (attendance.state, attendance.via) == (state, Attendance.Via.CODE)
    assert records(opened) == [(member.pk, state, "code")]


def test_the_code_is_read_forgivingly(campus, opened, member):
    typed = f" {opened.check_in_code[:3].lower()}-{opened.check_in_code[3:].lower()} "
    assert attempt(campus, member.user, typed, START).state == "present"


def test_a_wrong_code_is_refused(campus, opened, member):
    assert refusal(campus, member.user, "ZZZZZZ", START) == (
        "No session has the check-in code “ZZZZZZ”. Check the code on the screen and try again."
    )
    assert records(opened) == []


def test_before_the_window_opens_it_says_when(campus, opened, member):
    message = refusal(campus, member.user, opened.check_in_code, START - timedelta(minutes=31))
    assert message.startswith("Check-in for “Design for change” is not open yet; it opens at ")
    local = timezone.localtime(START - timedelta(minutes=30), campus.tz)
    assert message.endswith(f"{local:%Y-%m-%d %H:%M}.")
    assert records(opened) == []


def test_after_30_minutes_past_the_end_the_code_has_expired(campus, opened, member):
    message = refusal(campus, member.user, opened.check_in_code, END + timedelta(minutes=30))
    assert message.startswith("The code for “Design for change” expired at ")
    assert records(opened) == []


def test_closed_early_the_code_no_longer_works(campus, opened, member, staff_member):
    with scope(campus=campus):
        close_check_in(session=opened, actor=staff_member, now=START + timedelta(minutes=20))
    message = refusal(campus, member.user, opened.check_in_code, START + timedelta(minutes=21))
    assert message.startswith("The code for “Design for change” expired at ")


def test_closing_what_is_not_open_is_refused(campus, lecture, staff_member):
    with scope(campus=campus), pytest.raises(CheckInError, match="not open"):
        close_check_in(session=lecture, actor=staff_member, now=START)


def test_check_in_cannot_open_after_its_time(campus, lecture, staff_member):
    with scope(campus=campus), pytest.raises(CheckInError, match="mark attendance on the roster"):
        open_check_in(session=lecture, actor=staff_member, now=END + timedelta(minutes=31))


def test_someone_outside_the_cohort_is_refused(campus, opened, make_person):
    stranger = make_person(campus, "participant")
    join(make_cohort(campus, slug="citizens", name_en="Citizen course"), stranger)
    assert refusal(campus, stranger, opened.check_in_code, START) == (
        "You are not a participant of 2020 pilot, so you cannot check in to its sessions."
    )
    assert records(opened) == []


def test_a_withdrawn_participant_is_refused(campus, opened, member):
    with scopes_disabled():
        Participant.objects.filter(pk=member.pk).update(
            state=Participant.State.WITHDRAWN, left_on=timezone.localdate()
        )
    message = refusal(campus, member.user, opened.check_in_code, START)
    assert message.startswith("You left 2020 pilot on ")
    assert message.endswith(", so you can no longer check in.")
    assert records(opened) == []


def test_checking_in_twice_changes_nothing_and_says_when(campus, opened, member):
    attempt(campus, member.user, opened.check_in_code, START + timedelta(minutes=3))
    message = refusal(campus, member.user, opened.check_in_code, START + timedelta(minutes=30))
    local = timezone.localtime(START + timedelta(minutes=3), campus.tz)
    assert message == f"You already checked in at {local:%Y-%m-%d %H:%M} (present). Nothing changed."
    assert records(opened) == [(member.pk, "present", "code")]


def test_after_staff_marked_someone_their_check_in_changes_nothing(campus, opened, member):
    mark(opened, member, Attendance.State.ABSENT)
    message = refusal(campus, member.user, opened.check_in_code, START)
    assert message.startswith("Staff already recorded your attendance at ")
    assert records(opened) == [(member.pk, "absent", "staff")]
