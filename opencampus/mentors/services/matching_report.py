"""A run's two results side by side: welfare figures, a row per mentee, the maximum-fit result's
blocking pairs with why they block, and each mentor's load. Names are loaded in bulk by id."""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..models import Mentee, MentorProfile
from .matching import METHODS

UNMATCHED_REASONS = {
    "no_acceptable_mentor": _("no mentor shares a language or all are forbidden"),
    "all_full": _("every suitable mentor is full"),
}
BLOCKING_REASONS = {
    (True, True): _("the mentee is unmatched and the mentor has room"),
    (True, False): _("the mentee is unmatched and the mentor prefers them to one of their mentees"),
    (False, True): _("the mentee prefers this mentor, who has room"),
    (False, False): _("both prefer each other to their matches"),
}


@dataclass
class Cell:
    """One mentee's place in one result: a mentor, or the reason they stay unmatched."""

    mentor: MentorProfile | None = None
    rank: int | None = None
    fit: float | None = None
    pinned: bool = False
    reason: str = ""


@dataclass
class Welfare:
    matched: int
    mentees: int
    total_fit: float
    mean_fit: float | None
    mean_mentee_rank: float | None
    mean_mentor_rank: float | None
    first_choices: int
    blocking_pairs: int
    seconds: float | None


def welfare_of(result):
    matched = result.get("matched", 0)
    total_fit = result.get("total_fit", 0)
    return Welfare(
        matched=matched,
        mentees=matched + len(result.get("unmatched", {})),
        total_fit=total_fit,
        mean_fit=round(total_fit / matched, 1) if matched else None,
        mean_mentee_rank=result.get("mean_mentee_rank"),
        mean_mentor_rank=result.get("mean_mentor_rank"),
        first_choices=result.get("first_choices", 0),
        blocking_pairs=len(result.get("blocking_pairs", [])),
        seconds=result.get("seconds"),
    )


class Names:
    """The run's mentees and mentors, two queries whatever their number."""

    def __init__(self, run, results):
        mentee_ids, mentor_ids = set(), {int(key) for key in run.results.get("capacities", {})}
        for result in results.values():
            mentee_ids.update(int(key) for key in result.get("unmatched", {}))
            for item in result.get("assignments", []):
                mentee_ids.add(int(item["mentee"]))
                mentor_ids.add(int(item["mentor"]))
        self.mentees = (
            Mentee.objects.filter(round_id=run.round_id)
            .select_related("participant__user", "group__agenda")
            .in_bulk(mentee_ids)
        )
        self.mentors = MentorProfile.objects.select_related("user").in_bulk(mentor_ids)

    def mentee(self, key):
        return self.mentees.get(int(key))

    def mentor(self, key):
        return self.mentors.get(int(key))


def cells_of(result, names):
    cells = {
        int(item["mentee"]): Cell(
            mentor=names.mentor(item["mentor"]),
            rank=item.get("mentee_rank"),
            fit=item.get("fit"),
            pinned=item.get("pinned", False),
        )
        for item in result.get("assignments", [])
    }
    for key, code in result.get("unmatched", {}).items():
        cells[int(key)] = Cell(reason=UNMATCHED_REASONS.get(code, code))
    return cells


def blocking_rows(result, capacities, names):
    """The result's blocking pairs with why each blocks: the mentee is unmatched or prefers the
    mentor; the mentor has room or prefers the mentee to one they have."""
    matched = {item["mentee"] for item in result.get("assignments", [])}
    load = Counter(item["mentor"] for item in result.get("assignments", []))
    rows = []
    for pair in result.get("blocking_pairs", []):
        mentee, mentor = pair["mentee"], pair["mentor"]
        has_room = load[mentor] < capacities.get(mentor, 0)
        rows.append(
            {
                "mentee": names.mentee(mentee),
                "mentor": names.mentor(mentor),
                "why": BLOCKING_REASONS[(mentee not in matched, has_room)],
            }
        )
    return rows


def load_rows(results, capacities, names):
    taken = {
        method: Counter(item["mentor"] for item in result.get("assignments", []))
        for method, result in results.items()
    }
    rows = [
        {
            "mentor": names.mentor(key),
            "capacity": capacity,
            **{method: taken[method][key] for method in METHODS},
        }
        for key, capacity in capacities.items()
    ]
    return sorted(rows, key=lambda row: str(row["mentor"] or ""))


def run_report(run):
    results = {method: run.results.get(method) or {} for method in METHODS}
    capacities = run.results.get("capacities", {})
    names = Names(run, results)
    cells = {method: cells_of(result, names) for method, result in results.items()}
    mentee_ids = sorted(set().union(*cells.values()), key=lambda key: (str(names.mentee(key) or ""), key))
    return {
        "welfare": {method: welfare_of(result) for method, result in results.items()},
        "rows": [
            {"mentee": names.mentee(key), **{method: cells[method].get(key) for method in METHODS}}
            for key in mentee_ids
        ],
        "blocking": blocking_rows(results["max_fit"], capacities, names),
        "load": load_rows(results, capacities, names),
        "capacity_shortfall": run.results.get("capacity_shortfall", 0),
    }
