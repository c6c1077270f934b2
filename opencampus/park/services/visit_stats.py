"""Visit statistics: institutions and visitors per month, kind, country and year.

Each table is one aggregate query, so the page costs the same with 10 visits or 10,000.
A visit counts in the month its tour started (campus time). Visitors are the headcount
taken at check-in, or the announced group size where no headcount was taken.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Avg, Count, Q, Sum
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear

from ..models import VisitRequest, VisitSurvey

VISITORS = Coalesce("headcount", "group_size")
TOTALS = {
    "institutions": Count("pk"),
    "visitors": Sum(VISITORS, default=0),
    "estimated": Count("pk", filter=Q(headcount__isnull=True)),
}


@dataclass
class Row:
    key: object
    institutions: int = 0
    visitors: int = 0
    estimated: int = 0


@dataclass
class YearStats:
    year: int
    months: list
    total: Row
    by_kind: list
    by_country: list
    by_year: list
    survey: dict


def visited(campus):
    return VisitRequest.objects.filter(campus=campus, state=VisitRequest.State.VISITED, slot__isnull=False)


def in_year(campus, year):
    tz = campus.tz
    return visited(campus).filter(
        slot__start__gte=datetime(year, 1, 1, tzinfo=tz), slot__start__lt=datetime(year + 1, 1, 1, tzinfo=tz)
    )


def _rows(queryset, key):
    return [Row(key=row[key], **{name: row[name] for name in TOTALS}) for row in queryset]


def year_stats(*, campus, year):
    """The statistics of ``year`` on ``campus`` (six queries, however many visits)."""
    tz = campus.tz
    visits = in_year(campus, year)
    monthly = {
        row.key: row
        for row in _rows(
            visits.annotate(month=ExtractMonth("slot__start", tzinfo=tz))
            .values("month")
            .annotate(**TOTALS)
            .order_by("month"),
            "month",
        )
    }
    months = [monthly.get(month, Row(key=month)) for month in range(1, 13)]
    total = Row(
        key=year,
        institutions=sum(row.institutions for row in months),
        visitors=sum(row.visitors for row in months),
        estimated=sum(row.estimated for row in months),
    )
    by_kind = _rows(
        visits.values("institution_kind").annotate(**TOTALS).order_by("-visitors", "institution_kind"),
        "institution_kind",
    )
    by_country = _rows(
        visits.values("country").annotate(**TOTALS).order_by("-visitors", "country"), "country"
    )
    by_year = _rows(
        visited(campus)
        .annotate(year=ExtractYear("slot__start", tzinfo=tz))
        .values("year")
        .annotate(**TOTALS)
        .order_by("-year"),
        "year",
    )
    survey = VisitSurvey.objects.filter(visit__in=visits).aggregate(
        count=Count("pk"),
        average=Avg("rating"),
        recommend=Count("pk", filter=Q(would_recommend=True)),
    )
    return YearStats(
        year=year,
        months=months,
        total=total,
        by_kind=by_kind,
        by_country=by_country,
        by_year=by_year,
        survey=survey,
    )


@dataclass
class Bar:
    month: int
    value: int
    x: float
    y: float
    width: float
    height: float

    @property
    def label_x(self):
        return round(self.x + self.width / 2, 1)


def chart_bars(months, *, width=600, height=200, gap=8):
    """Bars of visitors per month scaled into a ``width`` by ``height`` drawing."""
    peak = max((row.visitors for row in months), default=0) or 1
    slot = width / len(months)
    bars = []
    for index, row in enumerate(months):
        bar_height = round(height * row.visitors / peak, 1)
        bars.append(
            Bar(
                month=row.key,
                value=row.visitors,
                x=round(index * slot + gap / 2, 1),
                y=round(height - bar_height, 1),
                width=round(slot - gap, 1),
                height=bar_height,
            )
        )
    return bars
