from datetime import datetime, timedelta

import pytest
from django.db.models import Count, Sum
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.demo.loader import load_demo
from opencampus.demo.park_spaces import closed_dates
from opencampus.park.models import (
    Booking,
    ClosedDay,
    Occurrence,
    OpeningHours,
    Residency,
    Space,
    SpaceClaim,
    TourSlot,
    TrainingRecord,
    VisitRequest,
    VisitSurvey,
)
from opencampus.park.services.booking_rules import current_residency
from opencampus.park.services.bookings import request_booking
from opencampus.park.services.conflicts import find_conflicts
from opencampus.park.services.trainings import valid_training
from opencampus.park.services.tree import space_tree
from opencampus.park.services.visit_stats import year_stats
from opencampus.people.models import Membership, User
from opencampus.programs.models import TimetableEntry

RESIDENT = "resident@demo.opencampus.example"
PARTICIPANT = "participant@demo.opencampus.example"
PARK_MODELS = (
    Space, OpeningHours, ClosedDay, Residency, TrainingRecord, Booking, Occurrence, SpaceClaim, TourSlot,
    VisitRequest, VisitSurvey,
)  # fmt: skip


@pytest.fixture(autouse=True)
def _unscoped():
    with scopes_disabled():
        yield


def seoul_spaces():
    return Space.objects.filter(campus__slug="seoul")


def visited_in(year):
    return VisitRequest.objects.filter(
        campus__slug="seoul", state=VisitRequest.State.VISITED, slot__start__year=year
    ).aggregate(institutions=Count("pk"), visitors=Sum("headcount"))


@pytest.mark.django_db
@pytest.mark.parametrize(("year", "institutions", "visitors"), [(2018, 166, 3150), (2019, 332, 6300)])
def test_visits_add_up_to_the_articles_figures(demo, year, institutions, visitors):
    assert visited_in(year) == {"institutions": institutions, "visitors": visitors}
    stats = year_stats(campus=demo.campuses["seoul"], year=year)
    assert (stats.total.institutions, stats.total.visitors, stats.total.estimated) == (
        institutions,
        visitors,
        0,
    )


@pytest.mark.django_db
def test_visits_follow_the_seasons_and_come_from_every_kind_of_body(demo):
    stats = year_stats(campus=demo.campuses["seoul"], year=2018)
    by_month = {row.key: row.institutions for row in stats.months}
    assert by_month[5] > 2 * by_month[1]
    assert by_month[10] > 2 * by_month[12]
    assert {row.key for row in stats.by_kind} == set(VisitRequest.InstitutionKind.values)
    countries = {row.key for row in stats.by_country}
    assert {"KR", "JP", "CN", "TW"} <= countries
    assert len(countries) >= 8
    # Every tour keeps its announced groups within its capacity.
    for slot in TourSlot.objects.filter(campus__slug="seoul").annotate(seated=Sum("visits__group_size")):
        assert (slot.seated or 0) <= slot.capacity


@pytest.mark.django_db
def test_some_2019_groups_answered_the_survey(demo):
    surveys = VisitSurvey.objects.filter(visit__slot__start__year=2019)
    assert 80 <= surveys.count() <= 200
    assert not VisitSurvey.objects.filter(visit__slot__start__year=2018).exists()
    assert year_stats(campus=demo.campuses["seoul"], year=2019).survey["average"] > 3.5


@pytest.mark.django_db
def test_tours_ahead_and_the_visits_waiting_for_them(demo):
    now = timezone.now()
    tours = TourSlot.objects.filter(campus__slug="seoul", start__gt=now)
    seoul_tz = demo.campuses["seoul"].tz
    assert {tour.start.astimezone(seoul_tz).weekday() for tour in tours} == {1, 3}
    assert {tour.start.astimezone(seoul_tz).hour for tour in tours} == {10, 14}
    assert 5 <= tours.filter(language="en").count() <= 6
    assert tours.count() >= 18
    assert all(tour.capacity == 40 for tour in tours)
    upcoming = VisitRequest.objects.filter(campus__slug="seoul").exclude(state=VisitRequest.State.VISITED)
    states = dict(upcoming.values_list("state").order_by("state").annotate(count=Count("pk")))
    assert states == {"requested": 4, "confirmed": 4, "declined": 1}
    assert all(visit.slot.start > now for visit in upcoming.filter(state="confirmed"))


@pytest.mark.django_db
def test_space_tree_has_the_fab_lab_and_its_machines_need_trainings(demo):
    fab_lab = seoul_spaces().get(slug="fab-lab")
    machines = {space.slug: space for space in fab_lab.children.select_related("required_training")}
    assert set(machines) == {"laser-cutter", "3d-printer-1", "3d-printer-2", "cnc-router"}
    assert {slug: machine.required_training.valid_for_days for slug, machine in machines.items()} == {
        "laser-cutter": 365,
        "3d-printer-1": 730,
        "3d-printer-2": 730,
        "cnc-router": 180,
    }
    assert all(machine.kind == Space.Kind.EQUIPMENT for machine in machines.values())
    assert fab_lab.parent.parent.kind == Space.Kind.BUILDING
    assert sorted(fab_lab.opening_hours.values_list("weekday", flat=True)) == [0, 1, 2, 3, 4]


@pytest.mark.django_db
def test_spaces_set_the_rules_the_park_describes(demo):
    spaces = {space.slug: space for space in seoul_spaces()}
    lab = spaces["social-innovation-lab"]
    assert lab.requires_approval
    assert (lab.bookable_by_residents, lab.bookable_by_participants, lab.bookable_by_public) == (
        True,
        True,
        False,
    )
    desk = spaces["coworking-desk-1"]
    assert (desk.bookable_by_public, desk.max_duration_minutes, desk.min_notice_hours) == (True, 240, 0)
    meeting_rooms = [space for slug, space in spaces.items() if "seminar" in slug or "training" in slug]
    assert all(12 <= room.capacity <= 80 for room in meeting_rooms)
    assert all(room.min_notice_hours == room.cancel_deadline_hours == 24 for room in meeting_rooms)
    assert any(room.requires_approval for room in meeting_rooms)
    assert spaces["sangsang-hall"].capacity >= 200
    assert spaces["innovation-plaza"].kind == Space.Kind.OUTDOOR
    assert spaces["mirae-cheong-301"].is_bookable is False
    assert set(spaces["social-innovation-lab"].features.values_list("slug", flat=True)) >= {
        "projector",
        "video-conferencing",
        "step-free-access",
    }
    buildings = [space for space in spaces.values() if space.kind == Space.Kind.BUILDING]
    for building in buildings:
        assert building.opening_hours.count() == 6
    assert ClosedDay.objects.filter(campus__slug="seoul", space__isnull=True, date="2027-02-07").exists()


@pytest.mark.django_db
def test_suwon_runs_a_small_park_of_its_own(demo):
    suwon = Space.objects.filter(campus__slug="suwon")
    assert suwon.filter(kind=Space.Kind.BUILDING).count() == 1
    assert suwon.filter(kind=Space.Kind.ROOM).count() == 3
    assert not VisitRequest.objects.filter(campus__slug="suwon").exists()


@pytest.mark.django_db
def test_residencies_of_the_230_resident_organisations(demo):
    residencies = Residency.objects.filter(campus__slug="seoul")
    states = dict(residencies.values_list("state").order_by("state").annotate(count=Count("pk")))
    assert states == {"resident": 215, "leaving": 8, "applied": 5, "left": 2}
    assert residencies.values("organisation").distinct().count() == 230
    current = residencies.filter(state__in=["resident", "leaving"])
    assert all(0 <= residency.monthly_fee <= 1_500_000 for residency in current)
    assert all(10 <= residency.monthly_booking_hours <= 40 for residency in current)
    assert current.filter(spaces__slug="social-innovation-lab").count() == 19
    assert not current.filter(spaces__isnull=True).exists()
    assert current.filter(spaces__slug="global-coworking").exists()


@pytest.mark.django_db
def test_the_resident_login_acts_for_a_resident_organisation_with_a_quota(demo):
    organisation = Membership.objects.get(user__email=RESIDENT).organisation
    residency = current_residency(organisation)
    assert residency.state == Residency.State.RESIDENT
    assert residency.monthly_booking_hours >= 20
    assert residency.spaces.get().slug == "mirae-cheong-301"


@pytest.mark.django_db
def test_demo_logins_hold_a_valid_laser_cutter_training_and_someone_an_expired_one(demo):
    today = timezone.localdate()
    laser = seoul_spaces().get(slug="laser-cutter").required_training
    for email in (RESIDENT, PARTICIPANT):
        assert valid_training(user=User.objects.get(email=email), training=laser, on_date=today)
    expired = TrainingRecord.objects.filter(campus__slug="seoul", expires_on__lte=today)
    assert expired.filter(training=laser).exists()
    assert expired.filter(user__email=RESIDENT, training__slug="cnc-router").exists()


@pytest.mark.django_db
def test_bookings_of_the_coming_weeks(demo):
    # The 2020 pilot course's rooms, booked by its timetable, are the courses demo's.
    courses = TimetableEntry.objects.exclude(booking=None).values("booking")
    bookings = Booking.objects.filter(campus__slug="seoul").exclude(pk__in=courses)
    confirmed = bookings.filter(kind=Booking.Kind.BOOKING, state=Booking.State.CONFIRMED)
    assert 40 <= confirmed.count() <= 45
    assert bookings.filter(state=Booking.State.CANCELLED).count() == 3
    assert not Occurrence.objects.filter(start__lt=timezone.now(), booking__in=bookings).exists()
    assert not Occurrence.objects.filter(start__gt=timezone.now() + timedelta(days=36)).exists()
    # Every confirmed date holds its space, and nothing else does.
    claimed = Occurrence.objects.filter(claims__isnull=False).distinct()
    assert set(claimed) == set(Occurrence.objects.filter(state=Occurrence.State.CONFIRMED))
    series = confirmed.get(frequency=Booking.Frequency.WEEKLY)
    assert series.organisation == Membership.objects.get(user__email=RESIDENT).organisation
    assert series.occurrences.filter(state=Occurrence.State.CONFIRMED).count() == 4
    blocking = bookings.get(kind=Booking.Kind.BLOCKING)
    assert blocking.space.slug == "fab-lab"
    assert SpaceClaim.objects.filter(occurrence__booking=blocking).count() == 5  # the lab and its 4 machines


@pytest.mark.django_db
def test_the_staff_queue_shows_lab_requests_two_of_them_overlapping(demo):
    pending = Booking.objects.filter(campus__slug="seoul", state=Booking.State.PENDING)
    assert set(pending.values_list("space__slug", flat=True)) == {"social-innovation-lab"}
    assert pending.count() == 4
    campus = demo.campuses["seoul"]
    tree = space_tree(campus)
    soft = [
        conflict
        for booking in pending
        for conflict in find_conflicts(
            space=booking.space,
            intervals=[(booking.start, booking.end)],
            tree=tree,
            exclude_occurrences=list(booking.occurrences.values_list("pk", flat=True)),
        )
    ]
    assert len(soft) == 2
    assert not any(conflict.hard for conflict in soft)


@pytest.mark.django_db
def test_the_resident_login_can_book_a_coworking_desk(demo):
    campus = demo.campuses["seoul"]
    resident = User.objects.get(email=RESIDENT)
    organisation = Membership.objects.get(user=resident).organisation
    desk = seoul_spaces().get(slug="coworking-desk-8")
    day = timezone.localdate() + timedelta(days=1)
    while day.weekday() > 4 or day in closed_dates():
        day += timedelta(days=1)
    start = datetime.combine(day, datetime.min.time(), tzinfo=campus.tz) + timedelta(hours=10)

    result = request_booking(
        space=desk,
        actor=resident,
        title="데모 예약",
        start=start,
        end=start + timedelta(hours=3),
        organisation=organisation,
        now=timezone.now(),
    )

    assert result.booking.state == Booking.State.CONFIRMED
    assert result.booking.occurrences.get().claims.count() == 1


@pytest.mark.django_db
def test_loading_again_changes_nothing(demo):
    before = {model.__name__: model.objects.count() for model in PARK_MODELS}
    again = load_demo(password="demo-password-for-tests")
    assert again.changed == 0, (again.created, again.updated)
    assert {model.__name__: model.objects.count() for model in PARK_MODELS} == before
