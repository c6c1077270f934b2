"""Applications and reviews of a call as tables, written as CSV or XLSX, with a blind variant.

A table is a header and rows of plain values. Column names are stable identifiers (question keys,
``raw_mean``…), not translated, so a spreadsheet built on an export keeps working. The blind
variant leaves out who applied (name, e-mail, organisation) and who reviewed. Uploaded files
appear by a neutral name (``application-12-plan.pdf``), since an original file name often
carries the author's.
"""

import csv
import io
import posixpath
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from openpyxl import Workbook

from ..models import Answer, Application, Criterion, Question, Review, Score
from .scoring import calibrate_call, review_total

State = Application.State
# A cell starting with one of these is a formula to a spreadsheet: written as text instead.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Table:
    name: str
    header: list[str]
    rows: list[list]


def local_time(value, campus):
    """A naive date and time on the campus's clock (spreadsheets know no time zones)."""
    if value is None:
        return None
    return timezone.localtime(value, zoneinfo.ZoneInfo(campus.time_zone)).replace(tzinfo=None)


def question_keys(call):
    """Every question key the call's forms ever had: the current version's order first."""
    rows = Question.objects.filter(form__call=call).order_by(
        "-form__number", "section__position", "section__pk", "position", "pk"
    )
    return list(dict.fromkeys(rows.values_list("key", flat=True)))


def neutral_file_name(application_id, key, name):
    extension = posixpath.splitext(name)[1].lower()
    return f"application-{application_id}-{key}{extension}"


def cell_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, int | float):
        return value
    return str(value)


def rounded(value):
    return None if value is None else round(value, 2)


def applications_table(*, call, blind=False):
    """One row per non-draft application: answers by question key, then reviews and scores."""
    keys = question_keys(call)
    applications = list(
        Application.objects.filter(call=call)
        .exclude(state=State.DRAFT)
        .select_related("applicant", "organisation")
        .order_by("submitted_at", "pk")
    )
    answers = defaultdict(dict)
    for application_id, key, value, file in (
        Answer.objects.filter(application__call=call)
        .exclude(application__state=State.DRAFT)
        .values_list("application_id", "question__key", "value", "file")
    ):
        answers[application_id][key] = neutral_file_name(application_id, key, file) if file else value
    calibration = calibrate_call(call=call)
    reviews = calibration.reviews if calibration else {}
    raw = calibration.raw_mean if calibration else {}
    merit = calibration.merit if calibration else {}
    people = [] if blind else ["applicant", "email", "organisation"]
    header = ["id", "state", f"submitted ({call.campus.time_zone})", *people, *keys]
    header += ["reviews", "raw_mean", "calibrated_merit"]
    rows = []
    for application in applications:
        row = [application.pk, application.state, local_time(application.submitted_at, call.campus)]
        if not blind:
            organisation = application.organisation
            row += [
                application.applicant.get_full_name(),
                application.applicant.email,
                organisation.name if organisation else "",
            ]
        row += [cell_value(answers[application.pk].get(key)) for key in keys]
        row += [
            reviews.get(application.pk, 0),
            rounded(raw.get(application.pk)),
            rounded(merit.get(application.pk)),
        ]
        rows.append(row)
    return Table("applications", header, rows)


def reviews_table(*, call, blind=False):
    """One row per submitted review: each criterion's score, the weighted total, the comment."""
    criteria = list(Criterion.objects.filter(call=call).order_by("position", "pk"))
    reviews = list(
        Review.objects.filter(application__call=call, submitted_at__isnull=False)
        .select_related("reviewer")
        .order_by("application_id", "submitted_at", "pk")
    )
    scores = defaultdict(dict)
    for review_id, criterion_id, value in Score.objects.filter(
        review__application__call=call, review__submitted_at__isnull=False
    ).values_list("review_id", "criterion_id", "value"):
        scores[review_id][criterion_id] = value
    people = [] if blind else ["reviewer", "reviewer_email"]
    header = ["application", *people, *(criterion.name for criterion in criteria), "total", "comment"]
    header.append(f"submitted ({call.campus.time_zone})")
    rows = []
    for review in reviews:
        values = scores[review.pk]
        row = [review.application_id]
        if not blind:
            row += [review.reviewer.get_full_name(), review.reviewer.email]
        row += [values.get(criterion.pk) for criterion in criteria]
        complete = criteria and len(values) >= len(criteria)
        row += [rounded(review_total(values, criteria)) if complete else None, review.comment]
        row.append(local_time(review.submitted_at, call.campus))
        rows.append(row)
    return Table("reviews", header, rows)


def safe_text(value):
    """Text that a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return safe_text(value)


def to_csv(table):
    """UTF-8 with a byte-order mark, so spreadsheet programs read Korean correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_text(name) for name in table.header])
    for row in table.rows:
        writer.writerow([csv_value(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(table):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(table.name)
    sheet.append([safe_text(name) for name in table.header])
    for row in table.rows:
        sheet.append([safe_text(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


TABLES = {"applications": applications_table, "reviews": reviews_table}
FORMATS = {
    "csv": ("text/csv; charset=utf-8", to_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", to_xlsx),
}


def export_call(*, call, table, file_format, blind=False):
    """``(file name, content type, bytes)`` of one table of ``call`` in ``file_format``."""
    built = TABLES[table](call=call, blind=blind)
    content_type, write = FORMATS[file_format]
    suffix = "-blind" if blind else ""
    return f"{call.slug}-{built.name}{suffix}.{file_format}", content_type, write(built)
