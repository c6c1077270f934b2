import json
import subprocess
import sys
from pathlib import Path

import pytest

from opencampus.solvers import __main__ as cli

ROOT = Path(__file__).resolve().parents[2]

INSTANCE = {
    "reviews_per_application": 1,
    "reviewers": [
        {"id": "r1", "min_load": 0, "max_load": 10, "organisation": "org-a"},
        {"id": "r2", "max_load": 1},
    ],
    "applications": [{"id": "a1", "organisation": "org-b"}, {"id": "a2", "organisation": "org-a"}],
    "affinity": [{"application": "a1", "reviewer": "r1", "score": 0.83}],
    "conflicts": [{"application": "a1", "reviewer": "r2"}],
}


def run_cli(tmp_path, instance, *options):
    path = tmp_path / "instance.json"
    path.write_text(instance if isinstance(instance, str) else json.dumps(instance), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "opencampus.solvers", "assign", str(path), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_cli_assign_prints_the_solution_as_json(tmp_path):
    completed = run_cli(tmp_path, INSTANCE)

    assert completed.returncode == 0, completed.stderr
    output = json.loads(completed.stdout)
    assert set(output) == {"status", "objective", "bound", "gap", "message", "assignments"}
    assert output["status"] == "optimal"
    assert output["objective"] == pytest.approx(0.83)
    assert output["objective"] <= output["bound"] <= output["objective"] + 1e-6
    # a2 shares org-a with r1, and r2 conflicts with a1.
    assert output["assignments"] == [
        {"application": "a1", "reviewer": "r1"},
        {"application": "a2", "reviewer": "r2"},
    ]


def test_cli_assign_honours_pinned_and_forbidden_pairs(tmp_path):
    instance = INSTANCE | {
        "applications": [{"id": "a1"}, {"id": "a2"}],
        "conflicts": [],
        "pinned": [{"application": "a1", "reviewer": "r2"}],
        "forbidden": [{"application": "a2", "reviewer": "r2"}],
    }

    output = json.loads(run_cli(tmp_path, instance).stdout)

    assert output["assignments"] == [
        {"application": "a1", "reviewer": "r2"},
        {"application": "a2", "reviewer": "r1"},
    ]


def test_cli_assign_one_per_organisation(tmp_path):
    instance = {
        "reviews_per_application": 2,
        "reviewers": [
            {"id": "r1", "max_load": 1, "organisation": "lab"},
            {"id": "r2", "max_load": 1, "organisation": "lab"},
            {"id": "r3", "max_load": 1},
        ],
        "applications": [{"id": "a1"}],
        "affinity": [
            {"application": "a1", "reviewer": "r1", "score": 1.0},
            {"application": "a1", "reviewer": "r2", "score": 0.9},
        ],
    }

    plain = json.loads(run_cli(tmp_path, instance).stdout)
    separated = json.loads(run_cli(tmp_path, instance, "--one-per-organisation").stdout)

    assert plain["objective"] == pytest.approx(1.9)
    assert separated["status"] == "optimal"
    assert separated["objective"] == pytest.approx(1.0)
    assert separated["assignments"] == [
        {"application": "a1", "reviewer": "r1"},
        {"application": "a1", "reviewer": "r3"},
    ]


def test_cli_assign_reports_an_infeasible_instance_as_a_result(tmp_path):
    instance = INSTANCE | {"reviews_per_application": 3}

    completed = run_cli(tmp_path, instance)

    assert completed.returncode == 0
    output = json.loads(completed.stdout)
    assert output["status"] == "infeasible"
    assert "needs 6 reviews but reviewers can take at most 11" not in output["message"]
    assert "fewer than 3 eligible reviewers" in output["message"]
    assert output["assignments"] == []


@pytest.mark.parametrize(
    ("instance", "message"),
    [
        ("{not json", "is not valid JSON"),
        (
            {key: value for key, value in INSTANCE.items() if key != "reviewers"},
            "missing the field 'reviewers'",
        ),
        (INSTANCE | {"reviewers": [{"id": "r1"}]}, "reviewers[0] is missing the field 'max_load'"),
        (
            INSTANCE | {"affinity": [{"application": "a1", "reviewer": "r1", "score": "high"}]},
            "affinity[0].score must be a number",
        ),
        (
            INSTANCE | {"conflicts": [{"application": "a9", "reviewer": "r1"}]},
            "unknown application or reviewer",
        ),
        ([1, 2], "must be a JSON object"),
    ],
)
def test_cli_assign_rejects_bad_input_with_exit_code_2(tmp_path, capsys, instance, message):
    path = tmp_path / "instance.json"
    path.write_text(instance if isinstance(instance, str) else json.dumps(instance), encoding="utf-8")

    code = cli.main(["assign", str(path)])

    assert code == 2
    output = capsys.readouterr()
    assert output.out == ""
    assert message in output.err


def test_cli_exits_with_code_2_on_a_missing_field(tmp_path):
    completed = run_cli(tmp_path, {"reviewers": [], "applications": []})

    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "error: invalid assign instance" in completed.stderr
    assert "missing the field 'reviews_per_application'" in completed.stderr


def test_cli_reports_a_missing_file(tmp_path, capsys):
    code = cli.main(["assign", str(tmp_path / "nowhere.json")])

    assert code == 2
    assert "cannot read" in capsys.readouterr().err


def test_cli_reports_a_solver_module_that_is_missing(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(cli.COMMANDS, "assign", "no_such_solver")

    code = cli.main(["assign", str(tmp_path / "instance.json")])

    assert code == 1
    assert "the 'assign' solver is not installed" in capsys.readouterr().err


def test_cli_refuses_assign_options_for_other_commands(tmp_path, capsys):
    code = cli.main(["select", str(tmp_path / "instance.json"), "--one-per-organisation"])

    assert code == 2
    assert "--one-per-organisation applies to 'assign' only" in capsys.readouterr().err


TIMETABLE = {
    "weeks": 2,
    "slots": [{"id": "tue-eve", "day": 1, "start": 1110, "end": 1290}],
    "rooms": [{"id": "r1", "capacity": 30, "busy": [[2550, 2700]]}],
    "instructors": [{"id": "kim", "available": [{"day": 1, "start": 1080, "end": 1320}]}],
    "sessions": [
        {"id": "intro", "cohort": "c1", "duration": 150, "instructors": ["kim"], "attendees": 20},
        {"id": "wrap-up", "cohort": "c1", "duration": 90, "after": ["intro"]},
    ],
}


def run_timetable(tmp_path, instance, *options):
    path = tmp_path / "timetable.json"
    path.write_text(json.dumps(instance), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "opencampus.solvers", "timetable", str(path), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_cli_timetable_prints_the_plan_as_json(tmp_path):
    completed = run_timetable(tmp_path, TIMETABLE, "--time-limit", "10", "--workers", "1")

    assert completed.returncode == 0, completed.stderr
    output = json.loads(completed.stdout)
    assert output["status"] == "optimal"
    # Week 1's evening is booked, so the intro waits for week 2 and the wrap-up cannot follow it.
    assert [(p["session"], p["week"], p["room"]) for p in output["placements"]] == [("intro", 2, "r1")]
    assert output["unplaced"] == [
        {
            "session": "wrap-up",
            "reasons": [
                {
                    "code": "precedence",
                    "detail": "no start is left after the earliest end of 'intro'",
                    "cause": "too_late",
                    "predecessor": "intro",
                }
            ],
        }
    ]


def test_cli_timetable_rejects_a_malformed_instance_with_exit_code_2(tmp_path):
    instance = TIMETABLE | {"sessions": [{"id": "s1", "cohort": "c1", "duration": 60, "after": ["s9"]}]}

    completed = run_timetable(tmp_path, instance)

    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "error: invalid timetable instance" in completed.stderr
    assert "sessions[0].after: unknown session 's9'" in completed.stderr


def test_cli_timetable_checks_its_options(tmp_path):
    completed = run_timetable(tmp_path, TIMETABLE, "--workers", "0")

    assert completed.returncode == 2
    assert "workers must be a whole number >= 1" in completed.stderr


def test_cli_refuses_timetable_options_for_other_commands(tmp_path, capsys):
    code = cli.main(["assign", str(tmp_path / "instance.json"), "--workers", "2"])

    assert code == 2
    assert "--workers applies to 'timetable' and 'teams' only" in capsys.readouterr().err
