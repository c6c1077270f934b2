"""Query counts and render times of the problem-to-impact chain's pages as a campus grows.

For each size N it builds a throwaway SQLite database (a temporary ``VAR_DIR``) holding one
campus with N social problems (each with a state history of three changes, N/10 endorsements
and two comments) and one cohort of N participants in N/5 working groups on the first N/5
problems, each group running one experiment with four milestones and three updates; the first
problem gets every group and experiment, so its lineage grows with N. It renders the problem
list, the first problem's page and story, a group's page, the experiment list and an
experiment's page with Django's test client, counting the SQL queries (must not grow) and
timing the best of 3.

    .venv/bin/python bench/chain_pages.py              # prints the table, writes the results
    .venv/bin/python bench/chain_pages.py --no-write
"""

import argparse
import datetime
import tempfile
from pathlib import Path

from pages import measure, measure_sizes, results_table, setup_django

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "chain_pages.md"
SIZES = (20, 200)
HISTORY = ("under_review", "adopted", "in_experiment")


def build(size):
    from django.core.management import call_command
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from opencampus.agendas.models import Agenda, Comment, Endorsement, StateChange, Theme
    from opencampus.core.models import Campus
    from opencampus.experiments.models import Experiment, Milestone, Update
    from opencampus.people.models import CampusRole, User
    from opencampus.programs.models import Cohort, Participant, Track
    from opencampus.workgroups.models import GroupMember, WorkingGroup

    call_command("migrate", verbosity=0)
    today = timezone.localdate()
    with scopes_disabled():
        campus = Campus.objects.create(slug="bench", name_ko="벤치", name_en="Bench")
        staff = User.objects.create_user("staff@bench.example", None, name_en="Staff")
        CampusRole.objects.create(campus=campus, user=staff, role="staff")
        theme = Theme.objects.create(campus=campus, slug="waste", name_en="Waste")
        people = User.objects.bulk_create(
            User(email=f"person{n}@bench.example", name_en=f"Person {n}", password="!") for n in range(size)
        )
        agendas = Agenda.objects.bulk_create(
            Agenda(
                campus=campus,
                title_en=f"Problem {n}",
                description_en="Rubbish piles up in the alleys.",
                theme=theme,
                proposed_by=people[n],
                state="in_experiment",
            )
            for n in range(size)
        )
        StateChange.objects.bulk_create(
            StateChange(
                campus=campus, agenda=agenda, from_state=before, to_state=after, explanation="Because."
            )
            for agenda in agendas
            for before, after in zip(("proposed", *HISTORY), HISTORY, strict=False)
        )
        Endorsement.objects.bulk_create(
            Endorsement(campus=campus, agenda=agenda, user=person)
            for agenda in agendas
            for person in people[: size // 10]
        )
        Comment.objects.bulk_create(
            Comment(campus=campus, agenda=agenda, author=person, body="Same in our street.")
            for agenda in agendas
            for person in people[:2]
        )
        track = Track.objects.create(campus=campus, slug="pilot", kind="top_innovator", name_en="Pilot")
        cohort = Cohort.objects.create(
            campus=campus,
            track=track,
            slug="pilot",
            name_en="Pilot",
            starts_on=today,
            ends_on=today + datetime.timedelta(weeks=16),
            size=size,
        )
        participants = Participant.objects.bulk_create(
            Participant(campus=campus, cohort=cohort, user=person, source="late", joined_on=today)
            for person in people
        )
        groups = WorkingGroup.objects.bulk_create(
            WorkingGroup(campus=campus, cohort=cohort, name=f"Group {n}", agenda=agendas[0])
            for n in range(size // 5)
        )
        GroupMember.objects.bulk_create(
            GroupMember(campus=campus, group=groups[n // 5], participant=participant)
            for n, participant in enumerate(participants)
        )
        experiments = Experiment.objects.bulk_create(
            Experiment(
                campus=campus,
                title_en=f"Experiment {n}",
                theme=theme,
                agenda=agendas[0],
                working_group=group,
                starts_on=today,
                status="running",
            )
            for n, group in enumerate(groups)
        )
        Milestone.objects.bulk_create(
            Milestone(
                campus=campus, experiment=experiment, title_en=f"Step {n}", weight=n + 1, progress=25 * n
            )
            for experiment in experiments
            for n in range(4)
        )
        Update.objects.bulk_create(
            Update(campus=campus, experiment=experiment, happened_on=today, body="We met.", author=staff)
            for experiment in experiments
            for _n in range(3)
        )
    return campus, staff, agendas[0], groups[0], experiments[0]


def pages(campus, agenda, group, experiment):
    from opencampus.core.links import campus_reverse

    return [
        ("problem list", campus_reverse(campus, "agendas:list")),
        ("problem page with its lineage", campus_reverse(campus, "agendas:detail", pk=agenda.pk)),
        ("problem's story", campus_reverse(campus, "agendas:story", pk=agenda.pk)),
        ("working group page", campus_reverse(campus, "workgroups:group", pk=group.pk)),
        ("experiment list", campus_reverse(campus, "experiments:list")),
        ("experiment page", campus_reverse(campus, "experiments:detail", pk=experiment.pk)),
    ]


def run_size(size):
    """Run in a child process so each size gets a fresh database and Django setup."""
    with tempfile.TemporaryDirectory() as var_dir:
        setup_django(var_dir)
        from django.test import Client

        campus, staff, agenda, group, experiment = build(size)
        client = Client()
        client.force_login(staff)
        for name, url in pages(campus, agenda, group, experiment):
            queries, seconds = measure(client, url)
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
        "The chain's pages as a campus grows",
        [
            "Produced by `.venv/bin/python bench/chain_pages.py`: N problems with their history,",
            "endorsements and comments, a cohort of N participants in N/5 working groups whose",
            "experiments (four milestones, three updates each) all grew out of the first problem;",
            "signed in as staff; best of 3 renders with Django's test client on SQLite.",
        ],
        measure_sizes(__file__, SIZES),
        SIZES,
    )
    print(text)
    if not args.no_write:
        RESULTS.write_text(text)


if __name__ == "__main__":
    main()
