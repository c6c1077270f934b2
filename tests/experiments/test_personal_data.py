import datetime

from opencampus.experiments.services.updates import post_update
from opencampus.people.services.personal_data import delete_account, export_personal_data

from .conftest import fresh, text_file


def test_personal_data_lists_the_updates_a_person_posted(make_experiment, member, in_campus):
    experiment = make_experiment(title_en="Shared compost")
    with in_campus():
        post_update(
            experiment=experiment,
            author=member,
            happened_on=datetime.date(2026, 4, 1),
            body="Bins placed.",
            files=[text_file("minutes.txt")],
        )

    data = export_personal_data(user=member)

    assert data["experiment_updates"] == [
        {
            "campus": "seoul",
            "experiment": "Shared compost",
            "date": "2026-04-01",
            "text": "Bins placed.",
            "files": ["minutes.txt"],
        }
    ]


def test_deleting_an_account_keeps_its_updates_on_the_timeline(campus, make_experiment, member, in_campus):
    experiment = make_experiment()
    with in_campus():
        update = post_update(
            experiment=experiment,
            author=member,
            happened_on=datetime.date(2026, 4, 1),
            body="Bins placed.",
            files=[],
        )

    delete_account(user=member, campus=campus)

    assert fresh(update).body == "Bins placed."
    assert fresh(member).email.startswith("deleted-")
