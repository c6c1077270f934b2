"""A public lottery anyone can re-run: the order is fixed by the seed and the entrant numbers alone.

Each entrant's key is the SHA-256 of ``seed + "\\n" + number`` (UTF-8, hexadecimal); entrants
are drawn in ascending key order and the first ``places`` are admitted. The seed is announced
before the draw (something nobody knows in advance, such as a figure published on the day),
the list of entrant numbers is frozen when registration closes, and so the result can be
checked by anyone with ``python -m opencampus.solvers lottery DRAW.json``.
"""

import hashlib

ALGORITHM = 'entrants sorted by sha256(seed + "\\n" + entrant) in hexadecimal, ascending'


def key(seed: str, entrant: str) -> str:
    return hashlib.sha256(f"{seed}\n{entrant}".encode()).hexdigest()


def draw(*, seed: str, entrants: list[str], places: int) -> list[str]:
    """Every entrant in draw order; the first ``places`` are admitted."""
    if not seed:
        raise ValueError("seed: an empty seed makes the draw predictable")
    if len(set(entrants)) != len(entrants):
        raise ValueError("entrants: an entrant number appears twice")
    if places < 0:
        raise ValueError("places: must be zero or more")
    return sorted(entrants, key=lambda entrant: key(seed, entrant))


def solve_json(data: dict, **options) -> dict:
    seed, entrants, places = data["seed"], data["entrants"], data["places"]
    if not isinstance(seed, str):
        raise ValueError("seed: must be a string")
    if not isinstance(entrants, list) or not all(isinstance(entrant, str) for entrant in entrants):
        raise ValueError("entrants: must be a list of strings")
    if not isinstance(places, int) or isinstance(places, bool):
        raise ValueError("places: must be a whole number")
    order = draw(seed=seed, entrants=entrants, places=places)
    return {"algorithm": ALGORITHM, "order": order, "admitted": order[:places]}
