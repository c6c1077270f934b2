"""Query counts and render times of a cohort's pages as it grows from 30 to 300 participants.

For each size it builds a throwaway SQLite database (a temporary ``VAR_DIR``) holding one
campus, one instructor and one cohort whose 16 weeks of two sessions each are published and
held, with every participant's attendance recorded (fixed seed: mostly present, some late,
absent or excused), then renders the participant's home, the staff attendance overview and a
session's roster, the cohort roster, the certificates page and the timetable version with
Django's test client, counting the SQL queries (must not grow) and timing the best of 3.

    .venv/bin/python bench/course_pages.py              # prints the table, writes the results
    .venv/bin/python bench/course_pages.py --no-write
"""

import argparse
import datetime
import random
import tempfile
from pathlib import Path

from pages import measure, measure_sizes, results_table, setup_django

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "course_pages.md"
SIZES = (30, 300)
WEEKS, PER_WEEK = 16, 2
STATES = ["present"] * 17 + ["late", "absent", "excused"]


def build(size):
    from django.core.management import call_command
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from opencampus.core.models import Campus
    from opencampus.people.models import CampusRole, User
    from opencampus.programs.models import (
        Attendance,
        Cohort,
        Participant,
        Session,
        Timetable,
        TimetableEntry,
        Track,
    )

    call_command("migrate", verbosity=0)
    rng = random.Random(size)
    now = timezone.now()
    first = (now - datetime.timedelta(weeks=WEEKS + 1)).replace(hour=10, minute=0, second=0, microsecond=0)
    with scopes_disabled():
        campus = Campus.objects.create(slug="bench", name_ko="벤치", name_en="Bench")
        staff = User.objects.create_user("staff@bench.example", None, name_en="Staff")
        CampusRole.objects.create(campus=campus, user=staff, role="staff")
        track = Track.objects.create(campus=campus, slug="citizens", kind="citizen", name_en="Citizens")
        cohort = Cohort.objects.create(
            campus=campus,
            track=track,
            slug="large",
            name_en="Large cohort",
            starts_on=first.date(),
            ends_on=first.date() + datetime.timedelta(weeks=WEEKS),
            size=size,
        )
        timetable = Timetable.objects.create(
            campus=campus,
            cohort=cohort,
            number=1,
            state="published",
            solver_status="optimal",
            published_at=now,
        )
        sessions = Session.objects.bulk_create(
            Session(campus=campus, cohort=cohort, title_en=f"Session {n}", position=n)
            for n in range(WEEKS * PER_WEEK)
        )
        TimetableEntry.objects.bulk_create(
            TimetableEntry(
                campus=campus,
                timetable=timetable,
                session=session,
                starts_at=first + datetime.timedelta(days=3.5 * n),
                ends_at=first + datetime.timedelta(days=3.5 * n, hours=3),
                week=n // PER_WEEK + 1,
            )
            for n, session in enumerate(sessions)
        )
        people = User.objects.bulk_create(
            User(email=f"participant{n}@bench.example", name_en=f"Participant {n}", password="!")
            for n in range(size)
        )
        CampusRole.objects.bulk_create(
            CampusRole(campus=campus, user=user, role="participant") for user in people
        )
        participants = Participant.objects.bulk_create(
            Participant(campus=campus, cohort=cohort, user=user, source="first_come", joined_on=first.date())
            for user in people
        )
        marks = []
        for participant in participants:
            for session in sessions:
                state = rng.choice(STATES)
                marks.append(
                    Attendance(
                        campus=campus,
                        session=session,
                        participant=participant,
                        state=state,
                        reason="ill" if state == "excused" else "",
                        via="staff",
                        marked_at=now,
                    )
                )
        Attendance.objects.bulk_create(marks, batch_size=2000)
    return campus, cohort, staff, people[0], sessions[0]


def pages(campus, cohort, session):
    from opencampus.core.links import campus_reverse

    return [
        ("participant's home", "participant", campus_reverse(campus, "participation:home")),
        (
            "attendance overview",
            "staff",
            campus_reverse(campus, "attendance_manage:overview", cohort=cohort.slug),
        ),
        (
            "session roster",
            "staff",
            campus_reverse(campus, "attendance_manage:session", cohort=cohort.slug, pk=session.pk),
        ),
        ("cohort roster", "staff", campus_reverse(campus, "programs_manage:roster", slug=cohort.slug)),
        (
            "completion and certificates",
            "staff",
            campus_reverse(campus, "certificates_manage:cohort", cohort=cohort.slug),
        ),
        (
            "timetable version",
            "staff",
            campus_reverse(campus, "curriculum_manage:timetable", cohort=cohort.slug, number=1),
        ),
    ]


def run_size(size):
    """Run in a child process so each size gets a fresh database and Django setup."""
    with tempfile.TemporaryDirectory() as var_dir:
        setup_django(var_dir)
        from django.test import Client

        campus, cohort, staff, participant, session = build(size)
        clients = {"staff": Client(), "participant": Client()}
        clients["staff"].force_login(staff)
        clients["participant"].force_login(participant)
        for name, who, url in pages(campus, cohort, session):
            queries, seconds = measure(clients[who], url)
            print(f"{name}\t{queries}\t{seconds:.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help=f"print only, do not write {RESULTS.name}")
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.size:
        run_size(args.size)
        return

    text = results_table(
        "A cohort's pages as the cohort grows",
        [
            "Produced by `.venv/bin/python bench/course_pages.py`: one cohort, 16 weeks of two held",
            "sessions, every participant's attendance recorded; best of 3 renders with Django's test",
            "client on SQLite.",
        ],
        measure_sizes(__file__, SIZES),
        SIZES,
    )
    print(text)
    if not args.no_write:
        RESULTS.write_text(text)


if __name__ == "__main__":
    main()
