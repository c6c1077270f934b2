"""Booking latency, and query counts and render times of the park's pages, at two campus sizes.

For each size it builds a throwaway database (SQLite in a temporary ``VAR_DIR``; with
``--postgres`` the PostgreSQL database ``oc_bench_park``, created and dropped here) holding
one campus whose spaces form a tree of buildings, floors, rooms and the equipment in them,
a year of confirmed one-date bookings from this week's Monday (rooms, equipment and floors on
weekdays, whole buildings on Saturdays, never overlapping, one ``SpaceClaim`` per occupied
space), one busy room, 25 pending requests over the next 90 days and three past years of
visited tours (fixed seed). It then times, best of several runs, ``request_booking`` of one
free hour and of a weekly series of 52 dates (``skip_conflicts``) in the busy room and in a
building, each committed and deleted again, and ``approve_bookings`` of the 25 requests; and
renders with Django's test client the week grid, the free-room search, the staff queue, the
visit statistics and the public spaces tree, counting SQL queries (must not grow with size)
and timing the best of 3. PostgreSQL gets ``ANALYZE`` after the load (autovacuum would soon
run it). SQLite is measured as loaded, before any statistics exist (the application runs
``PRAGMA optimize`` when a connection opens, which gathers them later); ``--analyze`` measures
it with statistics.

    .venv/bin/python bench/park.py               # SQLite: prints, writes bench/results/park.md
    .venv/bin/python bench/park.py --postgres    # PostgreSQL: adds its section to the same file
    .venv/bin/python bench/park.py --analyze     # SQLite after ANALYZE: adds its section
    .venv/bin/python bench/park.py --no-write
"""

import argparse
import datetime
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from report import cpu_model

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "park.md"
POSTGRES_DB = "oc_bench_park"
POSTGRES_URL = f"postgres://postgres@127.0.0.1:5432/{POSTGRES_DB}"
DATABASES = {"sqlite": "SQLite", "sqlite-analyze": "SQLite after ANALYZE", "postgres": "PostgreSQL"}
TZ = ZoneInfo("Asia/Seoul")
SERVICE_REPEATS = 5
APPROVE_REPEATS = 3
PENDING = 25
BOOKERS = 20
CHUNK = 5_000


@dataclass(frozen=True)
class Size:
    spaces: int
    buildings: int
    floors: int  # per building
    rooms: int  # per floor; the remaining spaces are equipment, spread over the rooms
    occurrences: int
    busy: int  # of the occurrences, those in the busy room
    visits: int

    def describe(self):
        return (
            f"{self.spaces} spaces ({self.buildings} buildings of {self.floors} floors of "
            f"{self.rooms} rooms, the rest equipment in the rooms), {self.occurrences:,} confirmed "
            f"dates ({self.busy:,} in the busy room), {self.visits:,} visited tours over 3 years"
        )


SIZES = {
    "small": Size(spaces=50, buildings=2, floors=2, rooms=4, occurrences=2_000, busy=400, visits=500),
    "large": Size(spaces=300, buildings=5, floors=3, rooms=6, occurrences=50_000, busy=1_500, visits=10_000),
}
# Shares of the confirmed dates booked on whole buildings (Saturdays), floors and equipment;
# the rest are rooms.
SHARES = {"building": 0.01, "floor": 0.03, "equipment": 0.10}


def setup_django(var_dir, database_url):
    os.environ["VAR_DIR"] = str(var_dir)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opencampus.settings")
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    settings.STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


# Building the data


class Calendar:
    """Which hours each space is held, so generated dates never overlap (the exclusion constraint)."""

    def __init__(self, tree, monday):
        self.tree, self.monday, self.held = tree, monday, {}

    def start(self, day, hour):
        local = datetime.datetime.combine(self.monday + datetime.timedelta(days=day), datetime.time(hour))
        return local.replace(tzinfo=TZ)

    def take(self, space_id, day, hour, hours):
        """Hold ``space_id`` and everything inside it for ``hours`` from ``hour`` if all are free."""
        slots = [day * 24 + hour + offset for offset in range(hours)]
        claimed = self.tree.claimed_by(space_id)
        if any(slot in self.held.get(held, ()) for held in claimed for slot in slots):
            return None
        for held in claimed:
            self.held.setdefault(held, set()).update(slots)
        start = self.start(day, hour)
        return space_id, start, start + datetime.timedelta(hours=hours)

    def is_free(self, space_id, day, hour):
        return not any(day * 24 + hour in self.held.get(held, ()) for held in self.tree.claimed_by(space_id))


def build_spaces(campus, size, rng):
    from opencampus.park.models import Feature, OpeningHours, Space

    def level(kind, parents, count, capacity):
        return Space.objects.bulk_create(
            Space(
                campus=campus,
                parent=parent,
                kind=kind,
                slug=f"{kind}-{n}",
                name_ko=f"{kind} {n}",
                name_en=f"{kind.title()} {n}",
                capacity=capacity(),
                max_days_ahead=400,
            )
            for n, parent in enumerate(parent for parent in parents for _ in range(count))
        )

    buildings = level(Space.Kind.BUILDING, [None], size.buildings, lambda: 300)
    floors = level(Space.Kind.FLOOR, buildings, size.floors, lambda: 100)
    rooms = level(Space.Kind.ROOM, floors, size.rooms, lambda: rng.choice([6, 8, 10, 12, 16, 20, 30, 40]))
    left = size.spaces - len(buildings) - len(floors) - len(rooms)
    equipment = Space.objects.bulk_create(
        Space(
            campus=campus,
            parent=rooms[n % len(rooms)],
            kind=Space.Kind.EQUIPMENT,
            slug=f"equipment-{n}",
            name_ko=f"장비 {n}",
            name_en=f"Equipment {n}",
            max_days_ahead=400,
        )
        for n in range(left)
    )
    features = Feature.objects.bulk_create(
        Feature(campus=campus, slug=slug, name_en=slug.title()) for slug in ("projector", "step-free", "sink")
    )
    Space.features.through.objects.bulk_create(
        Space.features.through(space_id=room.pk, feature_id=feature.pk)
        for room in rooms
        for feature in rng.sample(features, 2)
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(
            campus=campus, space=building, weekday=day, opens=datetime.time(8), closes=datetime.time(22)
        )
        for building in buildings
        for day in range(6)
    )
    return buildings, floors, rooms, equipment


def place_dates(calendar, size, spaces, rng):
    """(space_id, start, end) of every confirmed date: buildings first, the busy room last but one."""
    buildings, floors, rooms, equipment = spaces
    weekdays = [day for day in range(364) if day % 7 < 5]
    saturdays = [day for day in range(364) if day % 7 == 5]
    busy = rooms[0]
    plan = [
        ("building", buildings, saturdays, round(size.occurrences * SHARES["building"]), (2, 3)),
        ("floor", floors, weekdays, round(size.occurrences * SHARES["floor"]), (1, 2)),
        ("busy", [busy], weekdays, size.busy, (1, 2)),
        ("equipment", equipment, weekdays, round(size.occurrences * SHARES["equipment"]), (1, 2)),
    ]
    plan.append(("room", rooms[1:], weekdays, size.occurrences - sum(item[3] for item in plan), (1, 2)))
    dates = []
    for name, candidates, days, wanted, lengths in plan:
        placed, tries = 0, 0
        while placed < wanted:
            tries += 1
            if tries > wanted * 100:
                raise RuntimeError(f"could not place {wanted} {name} dates; lower the size")
            hours = rng.choice(lengths)
            taken = calendar.take(
                rng.choice(candidates).pk, rng.choice(days), rng.randint(8, 22 - hours), hours
            )
            if taken:
                dates.append(taken)
                placed += 1
    return dates


def save_dates(campus, dates, bookers, tree, rng):
    from opencampus.park.models import Booking, Occurrence, SpaceClaim

    claims = 0
    for first in range(0, len(dates), CHUNK):
        chunk = dates[first : first + CHUNK]
        bookings = Booking.objects.bulk_create(
            Booking(
                campus=campus,
                space_id=space_id,
                kind=Booking.Kind.BLOCKING if rng.random() < 0.05 else Booking.Kind.BOOKING,
                state=Booking.State.CONFIRMED,
                booked_by=rng.choice(bookers),
                title=f"Booking {first + n}",
                start=start,
                end=end,
            )
            for n, (space_id, start, end) in enumerate(chunk)
        )
        occurrences = Occurrence.objects.bulk_create(
            Occurrence(
                campus=campus,
                booking=booking,
                space_id=booking.space_id,
                start=booking.start,
                end=booking.end,
                state=Occurrence.State.CONFIRMED,
            )
            for booking in bookings
        )
        made = SpaceClaim.objects.bulk_create(
            (
                SpaceClaim(
                    campus=campus,
                    occurrence=occurrence,
                    space_id=space_id,
                    start=occurrence.start,
                    end=occurrence.end,
                )
                for occurrence in occurrences
                for space_id in tree.claimed_by(occurrence.space_id)
            ),
            batch_size=2_000,
        )
        claims += len(made)
    return claims


def place_requests(calendar, spaces, rng):
    """25 free (space_id, start, end) requests over the next 90 days: rooms, two floors, a building."""
    buildings, floors, rooms, _equipment = spaces
    weekdays = [day for day in range(7, 97) if day % 7 < 5]
    saturdays = [day for day in range(7, 97) if day % 7 == 5]
    wanted = [(buildings, saturdays)] + [(floors, weekdays)] * 2 + [(rooms[1:], weekdays)] * (PENDING - 3)
    requests = []
    for candidates, days in wanted:
        taken = None
        while taken is None:
            taken = calendar.take(rng.choice(candidates).pk, rng.choice(days), rng.randint(8, 21), 1)
        requests.append(taken)
    return requests


def create_requests(campus, requests, bookers):
    from opencampus.park.models import Booking, Occurrence

    bookings = Booking.objects.bulk_create(
        Booking(
            campus=campus,
            space_id=space_id,
            state=Booking.State.PENDING,
            booked_by=bookers[n % len(bookers)],
            title=f"Request {n}",
            start=start,
            end=end,
        )
        for n, (space_id, start, end) in enumerate(requests)
    )
    Occurrence.objects.bulk_create(
        Occurrence(
            campus=campus, booking=booking, space_id=booking.space_id, start=booking.start, end=booking.end
        )
        for booking in bookings
    )
    return bookings


def build_visits(campus, size, rng, year):
    from opencampus.park.models import TourSlot, VisitRequest, VisitSurvey

    slots = TourSlot.objects.bulk_create(
        TourSlot(campus=campus, start=start, end=start + datetime.timedelta(hours=2), capacity=60)
        for day in range((datetime.date(year, 1, 1) - datetime.date(year - 3, 1, 1)).days)
        if (date := datetime.date(year - 3, 1, 1) + datetime.timedelta(days=day)).weekday() < 5
        for hour in (10, 14)
        if (start := datetime.datetime.combine(date, datetime.time(hour), tzinfo=TZ))
    )
    kinds = list(VisitRequest.InstitutionKind.values)
    countries = ["KR"] * 8 + ["JP", "US", "DE", "VN", "FR", "TW"]
    visits = []
    for n in range(size.visits):
        slot = rng.choice(slots)
        group = rng.randint(5, 60)
        visits.append(
            VisitRequest(
                campus=campus,
                institution=f"Institution {n}",
                institution_kind=rng.choice(kinds),
                country=rng.choice(countries),
                contact_name="Kim Minji",
                contact_email=f"visit{n}@bench.example",
                group_size=group,
                state=VisitRequest.State.VISITED,
                slot=slot,
                headcount=group - rng.randint(0, 5) if rng.random() < 0.8 else None,
                checked_in_at=slot.start,
            )
        )
    visits = VisitRequest.objects.bulk_create(visits, batch_size=2_000)
    VisitSurvey.objects.bulk_create(
        (
            VisitSurvey(
                campus=campus, visit=visit, rating=rng.randint(1, 5), would_recommend=rng.random() < 0.9
            )
            for visit in visits
            if rng.random() < 0.4
        ),
        batch_size=2_000,
    )


@dataclass
class Bench:
    campus: object
    staff: object
    booker: object
    bookers: list
    busy: object
    building: object
    requests: list
    room_hour: datetime.datetime
    building_hour: datetime.datetime
    next_monday: datetime.date
    stats_year: int
    claims: int


def free_hour(calendar, space_id, days):
    return next(
        calendar.start(day, hour)
        for day in days
        for hour in range(9, 21)
        if calendar.is_free(space_id, day, hour)
    )


def build(size, rng):
    from django.core.management import call_command
    from django_scopes import scopes_disabled

    from opencampus.core.models import Campus
    from opencampus.park.services.tree import SpaceTree
    from opencampus.people.models import CampusRole, User

    call_command("migrate", verbosity=0)
    today = datetime.datetime.now(TZ).date()
    monday = today - datetime.timedelta(days=today.weekday())
    with scopes_disabled():
        campus = Campus.objects.create(slug="bench", name_ko="벤치", name_en="Bench", time_zone="Asia/Seoul")
        staff = User.objects.create_user("staff@bench.example", None, name_en="Staff")
        CampusRole.objects.create(campus=campus, user=staff, role=CampusRole.Role.STAFF)
        bookers = User.objects.bulk_create(
            User(email=f"booker{n}@bench.example", name_en=f"Booker {n}", password="!")
            for n in range(BOOKERS)
        )
        CampusRole.objects.bulk_create(
            CampusRole(campus=campus, user=booker, role=CampusRole.Role.PARTICIPANT) for booker in bookers
        )
        spaces = build_spaces(campus, size, rng)
        tree = SpaceTree({space.pk: space.parent_id for level in spaces for space in level})
        calendar = Calendar(tree, monday)
        claims = save_dates(campus, place_dates(calendar, size, spaces, rng), bookers, tree, rng)
        requests = place_requests(calendar, spaces, rng)
        create_requests(campus, requests, bookers)
        build_visits(campus, size, rng, today.year)
    busy, building = spaces[2][0], spaces[0][0]
    return Bench(
        campus=campus,
        staff=staff,
        booker=bookers[0],
        bookers=bookers,
        busy=busy,
        building=building,
        requests=requests,
        room_hour=free_hour(calendar, busy.pk, [day for day in range(7, 14) if day % 7 < 5]),
        building_hour=free_hour(calendar, building.pk, [12]),
        next_monday=monday + datetime.timedelta(days=7),
        stats_year=today.year - 1,
        claims=claims,
    )


# Measuring


def best_of(repeats, prepare, call, clean):
    """Best seconds, the last run's query count and what ``clean`` says of it; only ``call`` is timed."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    best, queries, note = float("inf"), None, ""
    for _ in range(repeats):
        arguments = prepare()
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            result = call(**arguments)
            elapsed = time.perf_counter() - started
        note = clean(result)
        best, queries = min(best, elapsed), len(context)
    return queries, best, note


def measure_services(bench):
    from django_scopes import scope

    from opencampus.park.models import Booking, Space, SpaceClaim
    from opencampus.park.services.bookings import approve_bookings, request_booking
    from opencampus.people.models import User

    def booking_of(space, start, **recurrence):
        def prepare():
            return {
                "space": Space.objects.select_related("campus", "required_training").get(pk=space.pk),
                "actor": User.objects.get(pk=bench.booker.pk),
                "title": "Bench",
                "start": start,
                "end": start + datetime.timedelta(hours=1),
                **recurrence,
            }

        return prepare

    def forget(result):
        booking = result.booking
        dates, claims = (
            booking.occurrences.count(),
            SpaceClaim.objects.filter(occurrence__booking=booking).count(),
        )
        booking.delete()
        if dates == 1:
            return f"1 date, {claims} claims"
        return f"{dates} dates, {len(result.skipped)} skipped, {claims} claims"

    series = {"frequency": Booking.Frequency.WEEKLY, "count": 52, "skip_conflicts": True}
    # The weekly series start on the next Tuesday at 10:00 (room) and the next Saturday at 10:00 (building).
    tuesday = datetime.datetime.combine(bench.next_monday + datetime.timedelta(days=1), datetime.time(10), TZ)
    saturday = datetime.datetime.combine(
        bench.next_monday + datetime.timedelta(days=5), datetime.time(10), TZ
    )
    cases = [
        ("one hour in the busy room", booking_of(bench.busy, bench.room_hour)),
        ("weekly series of 52 in the busy room", booking_of(bench.busy, tuesday, **series)),
        ("one hour on a building", booking_of(bench.building, bench.building_hour)),
        ("weekly series of 52 on a building", booking_of(bench.building, saturday, **series)),
    ]
    results = []
    with scope(campus=bench.campus):
        for name, prepare in cases:
            queries, seconds, note = best_of(SERVICE_REPEATS, prepare, request_booking, forget)
            results.append((f"request_booking: {name}", queries, seconds, note))

        def pending():
            return {
                "bookings": list(Booking.objects.filter(campus=bench.campus, state=Booking.State.PENDING)),
                "actor": User.objects.get(pk=bench.staff.pk),
            }

        def renew(result):
            approved, refused = result
            if len(approved) != PENDING or refused:
                raise RuntimeError(f"approved {len(approved)}, refused {len(refused)}")
            Booking.objects.filter(pk__in=[booking.pk for booking in approved]).delete()
            create_requests(bench.campus, bench.requests, bench.bookers)
            return ""

        queries, seconds, note = best_of(APPROVE_REPEATS, pending, approve_bookings, renew)
        results.append((f"approve_bookings: {PENDING} requests", queries, seconds, note))
    return results


def measure_page(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    best, queries = float("inf"), None
    for _ in range(3):
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            response = client.get(url, HTTP_HOST="127.0.0.1")
            elapsed = time.perf_counter() - started
        assert response.status_code == 200, (url, response.status_code)
        best, queries = min(best, elapsed), len(context)
    return queries, best


def pages(bench):
    wednesday = bench.next_monday + datetime.timedelta(days=2)
    tuesday = bench.next_monday + datetime.timedelta(days=1)
    base = "/c/bench"
    return [
        (
            "week grid of the busy room",
            "booker",
            f"{base}/availability/{bench.busy.slug}/week/?date={wednesday}",
        ),
        (
            "week grid of a building",
            "booker",
            f"{base}/availability/{bench.building.slug}/week/?date={wednesday}",
        ),
        (
            "free-room search (afternoon, 10 people)",
            "booker",
            f"{base}/availability/find/?date={tuesday}&start=13:00&end=18:00&people=10",
        ),
        (f"booking queue ({PENDING} requests)", "staff", f"{base}/manage/bookings/"),
        ("visit statistics of a year", "staff", f"{base}/manage/visits/stats/?year={bench.stats_year}"),
        ("public spaces tree", "anonymous", f"{base}/spaces/"),
    ]


def analyze():
    """Gather the planner's statistics, as autovacuum soon does on PostgreSQL; SQLite never does
    unless told (``ANALYZE`` or ``PRAGMA optimize``), and without them it picks the campus index."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def database_version():
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version}"


def run_size(name, database):
    """Run in a child process so each size gets a fresh database and Django setup."""
    with tempfile.TemporaryDirectory() as var_dir:
        setup_django(var_dir, POSTGRES_URL if database == "postgres" else None)
        from django.test import Client

        started = time.perf_counter()
        bench = build(SIZES[name], random.Random(name))
        if database != "sqlite":
            analyze()
        print(f"built\t{time.perf_counter() - started:.1f}\t{bench.claims}")
        print(f"database\t{database_version()}")
        clients = {"booker": Client(), "staff": Client(), "anonymous": Client()}
        clients["booker"].force_login(bench.booker)
        clients["staff"].force_login(bench.staff)
        for page, who, url in pages(bench):
            queries, seconds = measure_page(clients[who], url)
            print(f"page\t{page}\t{queries}\t{seconds:.4f}\t")
        for service, queries, seconds, note in measure_services(bench):
            print(f"service\t{service}\t{queries}\t{seconds:.4f}\t{note}")


# Running and reporting


def postgres(*command):
    subprocess.run([*command, "-h", "127.0.0.1", "-U", "postgres", POSTGRES_DB], check=True)


def run_child(name, database):
    if database == "postgres":
        postgres("dropdb", "--if-exists", "--force")
        postgres("createdb")
    try:
        return subprocess.run(
            [sys.executable, __file__, "--size", name, "--database", database],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        if database == "postgres":
            postgres("dropdb", "--if-exists", "--force")


def collect(database):
    results = {"page": {}, "service": {}, "notes": {}, "built": {}, "database": ""}
    for name in SIZES:
        started = time.perf_counter()
        for line in filter(None, run_child(name, database).splitlines()):
            kind, *fields = line.split("\t")
            if kind == "built":
                results["built"][name] = (float(fields[0]), int(fields[1]))
            elif kind == "database":
                results["database"] = fields[0]
            else:
                label, queries, seconds, note = fields
                results[kind].setdefault(label, {})[name] = (int(queries), float(seconds))
                results["notes"].setdefault(label, {})[name] = note
        print(f"{DATABASES[database]} {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return results


def table(rows, first_column):
    header = " | ".join(f"queries {name} | seconds {name}" for name in SIZES)
    lines = [f"| {first_column} | {header} | constant queries |", "|---|" + "---|" * (2 * len(SIZES) + 1)]
    for label, by_size in rows.items():
        cells = " | ".join(f"{by_size[name][0]} | {by_size[name][1]:.3f}" for name in SIZES)
        constant = "yes" if len({by_size[name][0] for name in SIZES}) == 1 else "**no**"
        lines.append(f"| {label} | {cells} | {constant} |")
    return lines


def machine(database_version, load):
    model = cpu_model()
    import django

    return [
        f"- Platform: {platform.platform()}",
        f"- CPU: {model}, {os.cpu_count()} cores (load average {load:.1f} at the start)",
        f"- Python {platform.python_version()}, Django {django.get_version()}, {database_version}",
        f"- Date: {datetime.date.today().isoformat()}",
    ]


def section(database, results, load):
    notes = [
        f"- {label.removeprefix('request_booking: ')}: " + "; ".join(by_size[name] for name in SIZES)
        for label, by_size in results["notes"].items()
        if any(by_size.values())
    ]
    built = "; ".join(
        f"{name} {seconds:.0f} s ({claims:,} claims)" for name, (seconds, claims) in results["built"].items()
    )
    lines = [
        f"## {DATABASES[database]}",
        "",
        f"Booking services, best of {SERVICE_REPEATS} ({APPROVE_REPEATS} for approving), each booking "
        "committed, then deleted untimed:",
        "",
        *table(results["service"], "service"),
        "",
        "What each booking made (small; large):",
        "",
        *notes,
        "",
        "Pages, best of 3 renders with Django's test client:",
        "",
        *table(results["page"], "page"),
        "",
        f"Building the data took {built}.",
        "",
        "Machine:",
        *machine(results["database"], load),
    ]
    return "\n".join(lines) + "\n"


def header():
    sizes = "\n".join(f"- {name}: {size.describe()}" for name, size in SIZES.items())
    return (
        "# Park: booking latency and page costs as the campus grows\n\n"
        "Produced by `.venv/bin/python bench/park.py` (SQLite, a throwaway file database),\n"
        "`... --analyze` (the same after `ANALYZE`) and `... --postgres` (PostgreSQL, a throwaway\n"
        "database, analysed after the load as autovacuum would); each writes its own section. Confirmed\n"
        "dates are one-date bookings over a year from this week's Monday, one to three hours long, never\n"
        "overlapping, each holding one claim per space it occupies; 25 requests wait for approval.\n\n"
        f"{sizes}\n"
    )


def write(database, text):
    sections = {}
    if RESULTS.exists():
        for part in RESULTS.read_text().split("\n## ")[1:]:
            title = part.split("\n", 1)[0].strip()
            sections[title] = "## " + part.rstrip("\n") + "\n"
    sections[DATABASES[database]] = text
    ordered = [sections[title] for title in DATABASES.values() if title in sections]
    RESULTS.write_text(header() + "\n" + "\n".join(ordered))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help=f"measure on PostgreSQL ({POSTGRES_URL})")
    parser.add_argument(
        "--analyze", action="store_true", help="on SQLite, run ANALYZE once the data is built"
    )
    parser.add_argument("--no-write", action="store_true", help=f"print only, do not write {RESULTS.name}")
    parser.add_argument("--size", choices=SIZES, help=argparse.SUPPRESS)
    parser.add_argument("--database", choices=DATABASES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.size:
        run_size(args.size, args.database)
        return
    database = "postgres" if args.postgres else "sqlite-analyze" if args.analyze else "sqlite"
    load = os.getloadavg()[0]
    text = section(database, collect(database), load)
    print(text)
    if not args.no_write:
        write(database, text)


if __name__ == "__main__":
    main()
