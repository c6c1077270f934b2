import hashlib
import json

import pytest

from opencampus.solvers.__main__ import main
from opencampus.solvers.lottery import draw, solve_json


def test_the_order_is_the_entrants_sorted_by_their_published_hash():
    entrants = [f"E-{number:04d}" for number in range(1, 51)]

    order = draw(seed="KOSPI 2027-03-02 2,601.45", entrants=entrants, places=10)

    def digest(entrant):
        return hashlib.sha256(f"KOSPI 2027-03-02 2,601.45\n{entrant}".encode()).hexdigest()

    assert sorted(order) == entrants
    assert [digest(entrant) for entrant in order] == sorted(digest(entrant) for entrant in entrants)


def test_the_draw_depends_on_the_seed_and_not_on_the_order_entrants_are_listed_in():
    entrants = [f"E-{number:04d}" for number in range(1, 31)]

    first = draw(seed="a", entrants=entrants, places=5)

    assert draw(seed="a", entrants=list(reversed(entrants)), places=5) == first
    assert draw(seed="b", entrants=entrants, places=5) != first


def test_a_known_vector_anyone_can_check_with_sha256sum():
    # printf 'seed\nE-0001' | sha256sum → 88c20583…; E-0002 → 16db52ee…; E-0003 → e415f53f…
    assert draw(seed="seed", entrants=["E-0001", "E-0002", "E-0003"], places=1) == [
        "E-0002",
        "E-0001",
        "E-0003",
    ]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"seed": "", "entrants": ["E-1"], "places": 1}, "seed"),
        ({"seed": "x", "entrants": ["E-1", "E-1"], "places": 1}, "entrants"),
        ({"seed": "x", "entrants": "E-1", "places": 1}, "entrants"),
        ({"seed": "x", "entrants": ["E-1"], "places": -1}, "places"),
        ({"seed": "x", "entrants": ["E-1"], "places": "1"}, "places"),
    ],
)
def test_a_malformed_draw_names_the_field(data, field):
    with pytest.raises(ValueError, match=field):
        solve_json(data)


def test_the_command_line_re_runs_a_published_draw(tmp_path, capsys):
    published = {"seed": "2027-03-02", "entrants": ["E-0001", "E-0002", "E-0003", "E-0004"], "places": 2}
    path = tmp_path / "draw.json"
    path.write_text(json.dumps(published))

    assert main(["lottery", str(path)]) == 0

    result = json.loads(capsys.readouterr().out)
    assert result["admitted"] == result["order"][:2]
    assert result["order"] == draw(seed="2027-03-02", entrants=published["entrants"], places=2)
