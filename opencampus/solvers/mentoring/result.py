"""What the methods return, and the summary both compute from a matching."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from .market import Market
from .problem import Id

Method = Literal["stable", "max_fit"]
# Why a mentee is unmatched: no mentor is acceptable to them at all, or every acceptable one is
# full (stable: with mentees that mentor prefers; max_fit: the capacity is used better elsewhere).
Reason = Literal["no_acceptable_mentor", "all_full"]


@dataclass(frozen=True, kw_only=True)
class Assignment:
    """``mentee_rank``: the tier (1 is the best) the mentee gave the mentor, None when unranked;
    ``mentor_rank`` likewise the other way."""

    mentee: Id
    mentor: Id
    fit: float
    mentee_rank: int | None
    mentor_rank: int | None
    pinned: bool


@dataclass(frozen=True, kw_only=True)
class Result:
    """``assignments`` in the mentees' order; mean ranks over the assignments that have one (None
    when none does); ``first_choices``: assignments the mentee ranked in its first tier;
    ``blocking_pairs``: (mentee, mentor) pairs who would both rather be together, sorted."""

    method: Method
    assignments: tuple[Assignment, ...]
    unmatched: Mapping[Id, Reason]
    total_fit: float
    matched: int
    mean_mentee_rank: float | None
    mean_mentor_rank: float | None
    first_choices: int
    blocking_pairs: tuple[tuple[Id, Id], ...]
    seconds: float


def summarise(
    market: Market, method: Method, matching: dict[int, int], blocking: tuple, seconds: float
) -> Result:
    """The result of ``matching`` (mentee index -> mentor index)."""
    assignments = tuple(_assignment(market, e, matching[e]) for e in sorted(matching))
    unmatched = {
        mentee.id: "all_full" if market.acceptable[e].any() else "no_acceptable_mentor"
        for e, mentee in enumerate(market.mentees)
        if e not in matching
    }
    mentee_ranks = [a.mentee_rank for a in assignments if a.mentee_rank is not None]
    mentor_ranks = [a.mentor_rank for a in assignments if a.mentor_rank is not None]
    return Result(
        method=method,
        assignments=assignments,
        unmatched=unmatched,
        total_fit=sum(int(market.fit[e, m]) for e, m in matching.items()) / 10,
        matched=len(assignments),
        mean_mentee_rank=sum(mentee_ranks) / len(mentee_ranks) if mentee_ranks else None,
        mean_mentor_rank=sum(mentor_ranks) / len(mentor_ranks) if mentor_ranks else None,
        first_choices=sum(a.mentee_rank == 1 for a in assignments),
        blocking_pairs=blocking,
        seconds=seconds,
    )


def _assignment(market: Market, e: int, m: int) -> Assignment:
    return Assignment(
        mentee=market.mentees[e].id,
        mentor=market.mentors[m].id,
        fit=int(market.fit[e, m]) / 10,
        mentee_rank=int(market.mentee_tiers[e, m]) or None,
        mentor_rank=int(market.mentor_tiers[m, e]) or None,
        pinned=market.pinned.get(e) == m,
    )
