"""Query counts and render times of a call's pages as the call grows from 300 to 3,000 applications.

For each size it builds a throwaway SQLite database (a temporary ``VAR_DIR``) holding one
campus, 30 reviewers and one call whose applications each have two answers and three
submitted reviews scored on two criteria (fixed seed), then renders the operator's
applications list, assignment progress, scores and selection pages and a reviewer's queue
with Django's test client, counting the SQL queries (must not grow) and timing the best of 3.

    .venv/bin/python bench/pages.py              # prints the table, writes bench/results/pages.md
    .venv/bin/python bench/pages.py --no-write
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
from pathlib import Path

from report import cpu_model

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "pages.md"
SIZES = (300, 3_000)
REVIEWERS = 30


def setup_django(var_dir):
    os.environ["VAR_DIR"] = str(var_dir)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opencampus.settings")
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    settings.STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


def build(size):
    from django.core.management import call_command
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from opencampus.calls.models import Answer, Application, Call, Criterion, Review, Score, SelectionQuota
    from opencampus.calls.services.forms import current_form
    from opencampus.core.models import Campus
    from opencampus.people.models import CampusRole, Profile, User

    call_command("migrate", verbosity=0)
    rng = random.Random(size)
    now = timezone.now()
    with scopes_disabled():
        campus = Campus.objects.create(slug="bench", name_ko="벤치", name_en="Bench")
        operator = User.objects.create_user("operator@bench.example", None, name_en="Operator")
        CampusRole.objects.create(campus=campus, user=operator, role="operator")
        reviewers = User.objects.bulk_create(
            User(email=f"reviewer{n}@bench.example", name_en=f"Reviewer {n}", password="!")
            for n in range(REVIEWERS)
        )
        Profile.objects.bulk_create(Profile(user=reviewer, expertise="energy") for reviewer in reviewers)
        CampusRole.objects.bulk_create(CampusRole(campus=campus, user=r, role="reviewer") for r in reviewers)
        call = Call.objects.create(
            campus=campus,
            slug="call",
            kind="cohort",
            title_en="Bench call",
            places=30,
            is_published=True,
            opens_at=now - datetime.timedelta(days=30),
            closes_at=now - datetime.timedelta(days=1),
        )
        form = current_form(call)
        section = form.sections.create(campus=campus, title_en="About")
        fields = ["environment", "manufacturing", "investment", "digital"]
        field = section.questions.create(
            campus=campus,
            form=form,
            key="field",
            kind="single_choice",
            label_en="Field",
            required=True,
            choices=[{"value": value, "label_ko": value, "label_en": value} for value in fields],
        )
        idea = section.questions.create(
            campus=campus, form=form, key="idea", kind="long_text", label_en="Idea"
        )
        criteria = [
            Criterion.objects.create(campus=campus, call=call, name_en=name, position=n)
            for n, name in enumerate(["Impact", "Feasibility"])
        ]
        for value in fields:
            SelectionQuota.objects.create(
                campus=campus, call=call, question_key="field", value=value, minimum=5
            )
        applicants = User.objects.bulk_create(
            User(email=f"applicant{n}@bench.example", name_en=f"Applicant {n}", password="!")
            for n in range(size)
        )
        applications = Application.objects.bulk_create(
            Application(
                campus=campus, call=call, form=form, applicant=applicant, state="submitted", submitted_at=now
            )
            for applicant in applicants
        )
        Answer.objects.bulk_create(
            answer
            for application in applications
            for answer in (
                Answer(campus=campus, application=application, question=field, value=rng.choice(fields)),
                Answer(campus=campus, application=application, question=idea, value="an energy cooperative"),
            )
        )
        reviews = Review.objects.bulk_create(
            Review(
                campus=campus,
                application=application,
                reviewer=reviewers[(n * 3 + k) % REVIEWERS],
                submitted_at=now,
            )
            for n, application in enumerate(applications)
            for k in range(3)
        )
        Score.objects.bulk_create(
            Score(campus=campus, review=review, criterion=criterion, value=rng.randint(1, 5))
            for review in reviews
            for criterion in criteria
        )
    return operator, reviewers[0]


def measure(client, url):
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


PAGES = [
    ("applications list", "operator", "/c/bench/manage/calls/call/applications/"),
    ("assignment and progress", "operator", "/c/bench/manage/calls/call/review/assignment/"),
    ("scores (raw and calibrated)", "operator", "/c/bench/manage/calls/call/scores/"),
    ("selection with 4 quotas", "operator", "/c/bench/manage/calls/call/selection/"),
    ("reviewer's queue", "reviewer", "/c/bench/reviews/"),
]


def run_size(size):
    """Run in a child process so each size gets a fresh database and Django setup."""
    with tempfile.TemporaryDirectory() as var_dir:
        setup_django(var_dir)
        from django.test import Client

        operator, reviewer = build(size)
        clients = {"operator": Client(), "reviewer": Client()}
        clients["operator"].force_login(operator)
        clients["reviewer"].force_login(reviewer)
        for name, who, url in PAGES:
            queries, seconds = measure(clients[who], url)
            print(f"{name}\t{queries}\t{seconds:.3f}")


def machine():
    model = cpu_model()
    import django

    return [
        f"- CPU: {model}, {os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f} at the start)",
        f"- Python {platform.python_version()}, Django {django.get_version()}, SQLite",
        f"- Date: {datetime.date.today().isoformat()}",
    ]


def measure_sizes(script, sizes):
    """``{page: {size: (queries, seconds)}}`` from ``script --size N`` run in a child process per size."""
    results = {}
    for size in sizes:
        output = subprocess.run(
            [sys.executable, script, "--size", str(size)], capture_output=True, text=True, check=True
        ).stdout
        for line in output.strip().splitlines():
            name, queries, seconds = line.split("\t")
            results.setdefault(name, {})[size] = (int(queries), float(seconds))
    return results


def results_table(title, description, results, sizes):
    """The results file: a table with a "constant queries" column, then the machine."""
    header = " | ".join(f"queries at {size:,} | seconds at {size:,}" for size in sizes)
    lines = [
        f"# {title}",
        "",
        *description,
        "",
        f"| page | {header} | constant queries |",
        "|---|" + "---|" * (2 * len(sizes) + 1),
    ]
    for name, by_size in results.items():
        cells = " | ".join(f"{by_size[size][0]} | {by_size[size][1]:.3f}" for size in sizes)
        constant = "yes" if len({by_size[size][0] for size in sizes}) == 1 else "**no**"
        lines.append(f"| {name} | {cells} | {constant} |")
    lines += ["", "Machine:", *machine()]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help=f"print only, do not write {RESULTS.name}")
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.size:
        run_size(args.size)
        return

    text = results_table(
        "Call pages as the call grows",
        [
            "Produced by `.venv/bin/python bench/pages.py`: one call, 30 reviewers, three submitted reviews",
            "per application on two criteria; best of 3 renders with Django's test client on SQLite.",
        ],
        measure_sizes(__file__, SIZES),
        SIZES,
    )
    print(text)
    if not args.no_write:
        RESULTS.write_text(text)


if __name__ == "__main__":
    main()
