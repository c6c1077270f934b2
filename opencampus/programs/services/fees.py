"""Lecture fees: each engagement's rate per day, and the fee records delivered engagements leave.

The campus team sets an engagement's rate until the session is delivered; from then on its fee
record holds the rate and the amount (days times rate). The team marks records paid on the day the
money went out, or sets a paid one back to due with a reason. The budget counts these records as
execution of the lecture-fee line.
"""

import csv
import io

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.errors import RefusedInput
from opencampus.core.money import format_krw
from opencampus.core.services.activity import log_activity

from ..models import Engagement, FeeRecord

MAX_FEE_PER_DAY = 10_000_000
# A cell starting with one of these is a formula to a spreadsheet: written as text instead.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class FeeError(RefusedInput):
    """A change to a rate or a fee record that is refused; ``field`` names the input."""


def expected_amount(engagement):
    """What the engagement will be owed when delivered (the record's amount once it is)."""
    record = getattr(engagement, "fee_record", None)
    if record is not None:
        return record.amount
    return engagement.session.days * engagement.fee_per_day


@transaction.atomic
def change_fee_rate(*, engagement, fee_per_day, actor):
    """Set what ``engagement`` pays per day (KRW), while it is not delivered yet."""
    if not 0 <= fee_per_day <= MAX_FEE_PER_DAY:
        raise FeeError(
            _("The fee per day is between 0 and %(most)s.") % {"most": format_krw(MAX_FEE_PER_DAY)},
            field="fee_per_day",
        )
    engagement = (
        Engagement.objects.select_for_update(of=("self",))
        .select_related("campus", "session")
        .get(pk=engagement.pk)
    )
    if (
        engagement.state == Engagement.State.DELIVERED
        or FeeRecord.objects.filter(engagement=engagement).exists()
    ):
        raise FeeError(
            _(
                "“%(session)s” has been delivered: its fee record holds the rate of %(rate)s per day "
                "and can no longer change."
            )
            % {"session": engagement.session.title, "rate": format_krw(engagement.fee_per_day)},
            field="fee_per_day",
        )
    previous = engagement.fee_per_day
    if previous == fee_per_day:
        return engagement
    engagement.fee_per_day = fee_per_day
    engagement.save(update_fields=["fee_per_day", "updated"])
    log_activity(
        campus=engagement.campus,
        actor=actor,
        action="engagement.rate_changed",
        subject=engagement,
        data={"from": previous, "to": fee_per_day},
    )
    return engagement


def _local_date(value):
    return formats.date_format(value, "Y-m-d")


@transaction.atomic
def mark_paid(*, records, paid_on, actor, today=None):
    """Record that the fees of ``records`` (all due) were paid on ``paid_on``."""
    if not records:
        raise FeeError(_("Choose the fee records that were paid."), field="records")
    campus = records[0].campus
    today = today or timezone.localdate(timezone=campus.tz)
    if paid_on > today:
        raise FeeError(
            _("A payment cannot be dated in the future (today is %(today)s).")
            % {"today": _local_date(today)},
            field="paid_on",
        )
    locked = list(
        FeeRecord.objects.select_for_update(of=("self",))
        .select_related("instructor")
        .filter(campus=campus, pk__in=[record.pk for record in records])
        .order_by("pk")
    )
    paid = [record for record in locked if record.state == FeeRecord.State.PAID]
    if paid:
        raise FeeError(
            _("Already paid, so not paid again: %(records)s.")
            % {
                "records": ", ".join(
                    f"{record.instructor} ({_local_date(record.paid_on)})" for record in paid
                )
            },
            field="records",
        )
    for record in locked:
        record.state, record.paid_on = FeeRecord.State.PAID, paid_on
    FeeRecord.objects.bulk_update(locked, ["state", "paid_on"])
    for record in locked:
        log_activity(
            campus=campus,
            actor=actor,
            action="fee.paid",
            subject=record,
            data={"amount": record.amount, "paid_on": paid_on.isoformat()},
        )
    return locked


@transaction.atomic
def mark_due(*, record, reason, actor):
    """Set a paid fee record back to due (a payment that did not go through), saying why."""
    reason = reason.strip()
    if not reason:
        raise FeeError(_("Say why this fee is to be paid again."), field="reason")
    record = FeeRecord.objects.select_for_update(of=("self",)).select_related("campus").get(pk=record.pk)
    if record.state != FeeRecord.State.PAID:
        raise FeeError(_("This fee has not been paid yet."))
    paid_on = record.paid_on
    record.state, record.paid_on = FeeRecord.State.DUE, None
    record.save(update_fields=["state", "paid_on"])
    log_activity(
        campus=record.campus,
        actor=actor,
        action="fee.set_due",
        subject=record,
        data={"reason": reason, "paid_on": paid_on.isoformat()},
    )
    return record


def fee_records(*, campus, cohort=None, state="", search=""):
    """The campus's fee records, newest first, narrowed by cohort, state and the instructor's name
    or e-mail."""
    records = FeeRecord.objects.filter(campus=campus).select_related(
        "instructor", "engagement__session__cohort"
    )
    if cohort is not None:
        records = records.filter(engagement__session__cohort=cohort)
    if state:
        records = records.filter(state=state)
    if search:
        records = records.filter(
            Q(instructor__name_ko__icontains=search)
            | Q(instructor__name_en__icontains=search)
            | Q(instructor__email__icontains=search)
        )
    return records.order_by("-created", "-pk")


def fee_totals(records):
    """Sums of ``records`` in KRW: to be paid, paid and all, in one query."""
    return records.order_by().aggregate(
        due=Sum("amount", filter=Q(state=FeeRecord.State.DUE), default=0),
        paid=Sum("amount", filter=Q(state=FeeRecord.State.PAID), default=0),
        all=Sum("amount", default=0),
    )


def cohort_engagements(cohort):
    """Every engagement in ``cohort``'s sessions with its fee record, if any, in curriculum order."""
    return (
        Engagement.objects.filter(session__cohort=cohort)
        .select_related("instructor", "session", "fee_record")
        .order_by("session__position", "session__pk", "instructor__name_ko", "pk")
    )


def my_fee_records(*, user, campus):
    return (
        FeeRecord.objects.filter(campus=campus, instructor=user)
        .select_related("engagement__session__cohort")
        .order_by("-created", "-pk")
    )


def _cell(value):
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def fee_records_csv(records):
    """The records as CSV text with a byte-order mark, so spreadsheet programs read Korean."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            _("instructor"),
            _("e-mail address"),
            _("cohort"),
            _("session"),
            _("days"),
            _("fee per day (KRW)"),
            _("amount (KRW)"),
            _("state"),
            _("paid on"),
        ]
    )
    for record in records:
        session = record.engagement.session
        writer.writerow(
            [
                _cell(record.instructor),
                _cell(record.instructor.email),
                _cell(session.cohort.name),
                _cell(session.title),
                record.days,
                record.fee_per_day,
                record.amount,
                record.get_state_display(),
                record.paid_on.isoformat() if record.paid_on else "",
            ]
        )
    return "\ufeff" + buffer.getvalue()
