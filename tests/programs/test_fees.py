"""Delivered engagements become fee records; the team sets rates, marks fees paid and exports them."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.core.models import ActivityLog
from opencampus.programs.models import Engagement, FeeRecord, Session
from opencampus.programs.services.attendance import Mark, mark_attendance
from opencampus.programs.services.fees import (
    FeeError,
    change_fee_rate,
    fee_records,
    fee_records_csv,
    fee_totals,
    mark_due,
    mark_paid,
)
from tests.curriculum_helpers import join, make_cohort
from tests.programs.fee_helpers import deliver, engaged, fee_record
from tests.programs.helpers import actions, fresh


@pytest.fixture
def cohort(campus):
    return make_cohort(campus, starts_on=timezone.localdate() - timedelta(weeks=4))


@pytest.fixture
def teacher(campus, make_person):
    return make_person(campus, "mentor", name_en="Kim Minji", name_ko="김민지")


def records():
    with scopes_disabled():
        return list(FeeRecord.objects.order_by("pk"))


def test_a_three_day_field_study_is_owed_three_days_at_the_rate_once(cohort, teacher, staff_member):
    engagement = engaged(cohort, teacher, days=3, kind=Session.Kind.FIELD_STUDY, title="Field study")
    record = deliver(engagement, staff_member)
    assert (record.days, record.fee_per_day, record.amount) == (3, 300_000, 900_000)
    assert (record.instructor, record.state, record.paid_on) == (teacher, FeeRecord.State.DUE, None)
    assert fresh(engagement).state == Engagement.State.DELIVERED

    deliver(engagement, staff_member)
    assert len(records()) == 1
    assert actions(cohort.campus, "fee.") == ["fee.recorded"]


def test_marking_attendance_at_a_held_session_records_the_fee_at_the_engagements_rate(
    campus, cohort, teacher, staff_member, make_person
):
    engagement = engaged(cohort, teacher, fee_per_day=250_000)
    with scopes_disabled():
        other = Engagement.objects.create(
            campus=campus, session=engagement.session, instructor=make_person(campus, "instructor")
        )
    member = join(cohort, make_person(campus, "participant"))
    with scope(campus=campus):
        mark_attendance(session=engagement.session, marks=[Mark(member.pk, "present")], actor=staff_member)
    (record,) = records()
    assert (record.engagement, record.amount) == (engagement, 250_000)
    assert fresh(other).state == Engagement.State.INVITED  # never confirmed: not delivered, not owed


def test_the_rate_changes_until_delivery_and_is_logged(campus, cohort, teacher, staff_member):
    engagement = engaged(cohort, teacher)
    with scope(campus=campus):
        change_fee_rate(engagement=engagement, fee_per_day=350_000, actor=staff_member)
    assert fresh(engagement).fee_per_day == 350_000
    with scopes_disabled():
        entry = ActivityLog.objects.get(action="engagement.rate_changed")
    assert entry.data == {"from": 300_000, "to": 350_000}
    assert deliver(engagement, staff_member).amount == 350_000

    with scope(campus=campus), pytest.raises(FeeError) as error:
        change_fee_rate(engagement=engagement, fee_per_day=400_000, actor=staff_member)
    assert str(error.value) == (
        "“Lecture” has been delivered: its fee record holds the rate of KRW 350,000 per day "
        "and can no longer change."
    )
    assert error.value.field == "fee_per_day"
    assert fresh(engagement).fee_per_day == 350_000


@pytest.mark.parametrize("rate", [-1, 10_000_001])
def test_a_rate_outside_0_to_10_million_is_refused(campus, cohort, teacher, staff_member, rate):
    engagement = engaged(cohort, teacher)
    with scope(campus=campus), pytest.raises(FeeError, match="between 0 and KRW 10,000,000"):
        change_fee_rate(engagement=engagement, fee_per_day=rate, actor=staff_member)
    assert fresh(engagement).fee_per_day == 300_000


def test_fees_are_paid_once_on_a_day_not_in_the_future(campus, cohort, teacher, staff_member):
    first = fee_record(cohort, teacher, staff_member, title="First")
    second = fee_record(cohort, teacher, staff_member, title="Second")
    today = date(2030, 5, 10)
    with scope(campus=campus), pytest.raises(FeeError, match="cannot be dated in the future") as error:
        mark_paid(records=[first], paid_on=today + timedelta(days=1), actor=staff_member, today=today)
    assert error.value.field == "paid_on"
    with scope(campus=campus):
        mark_paid(records=[first], paid_on=today, actor=staff_member, today=today)
    assert (fresh(first).state, fresh(first).paid_on) == (FeeRecord.State.PAID, today)

    with scope(campus=campus), pytest.raises(FeeError, match="Already paid, so not paid again: Kim Minji"):
        mark_paid(records=[second, first], paid_on=today, actor=staff_member, today=today)
    assert fresh(second).state == FeeRecord.State.DUE  # all or nothing
    assert actions(campus, "fee.paid") == ["fee.paid"]


def test_a_paid_fee_goes_back_to_due_with_a_reason_that_is_logged(campus, cohort, teacher, staff_member):
    record = fee_record(cohort, teacher, staff_member)
    with scope(campus=campus), pytest.raises(FeeError, match="has not been paid yet"):
        mark_due(record=record, reason="Bounced", actor=staff_member)
    with scope(campus=campus):
        mark_paid(records=[record], paid_on=date(2030, 5, 10), actor=staff_member, today=date(2030, 5, 10))
        with pytest.raises(FeeError, match="Say why") as error:
            mark_due(record=record, reason="  ", actor=staff_member)
        assert error.value.field == "reason"
        mark_due(record=record, reason="The transfer bounced", actor=staff_member)
    assert (fresh(record).state, fresh(record).paid_on) == (FeeRecord.State.DUE, None)
    with scopes_disabled():
        entry = ActivityLog.objects.get(action="fee.set_due")
    assert entry.data == {"reason": "The transfer bounced", "paid_on": "2030-05-10"}


def test_totals_and_filters_by_cohort_state_and_instructor(
    campus, cohort, teacher, staff_member, make_person
):
    later = make_cohort(campus, slug="autumn", name_en="Autumn", starts_on=timezone.localdate())
    lee = make_person(campus, "instructor", name_en="Lee Jisoo", email="jisoo@example.org")
    paid = fee_record(cohort, teacher, staff_member, days=3)
    fee_record(cohort, lee, staff_member)
    fee_record(later, teacher, staff_member, fee_per_day=200_000)
    with scope(campus=campus):
        mark_paid(records=[paid], paid_on=timezone.localdate(), actor=staff_member)
        assert fee_totals(fee_records(campus=campus)) == {"due": 500_000, "paid": 900_000, "all": 1_400_000}
        assert fee_totals(fee_records(campus=campus, cohort=later)) == {
            "due": 200_000,
            "paid": 0,
            "all": 200_000,
        }
        assert fee_totals(fee_records(campus=campus, state="paid"))["all"] == 900_000
        assert fee_totals(fee_records(campus=campus, search="JISOO@"))["all"] == 300_000
        assert fee_totals(fee_records(campus=campus, search="nobody")) == {"due": 0, "paid": 0, "all": 0}


def test_the_csv_has_a_byte_order_mark_korean_names_and_no_formulas(
    campus, cohort, staff_member, make_person
):
    minji = make_person(campus, "mentor", name_ko="김민지", name_en="", email="minji@example.org")
    sneaky = make_person(campus, "mentor", name_ko="=HYPERLINK(1)", name_en="", email="x@example.org")
    fee_record(cohort, minji, staff_member, days=3, title="Field study")
    fee_record(cohort, sneaky, staff_member)
    with scope(campus=campus):
        text = fee_records_csv(fee_records(campus=campus).order_by("pk"))
    assert text.startswith("\ufeff")
    header, first, second = csv.reader(io.StringIO(text[1:]))
    assert header[0] == "instructor"
    assert first == [
        "김민지",
        "minji@example.org",
        "2020 pilot",
        "Field study",
        "3",
        "300000",
        "900000",
        "to be paid",
        "",
    ]
    assert second[0] == "'=HYPERLINK(1)"
