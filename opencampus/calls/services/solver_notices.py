"""The solvers' notices (``opencampus.solvers.notices``) in the reader's language.

A notice is a stable code and its params; each code maps to a translatable sentence here.
Applications are shown as "#123", reviewers by name when a ``people`` mapping (id → user) is
given, else "#id", quotas by their labels when given. An unknown code gives ``None``, so that the
caller falls back to the solver's English text.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

NAMED = 5  # ids named before "and N more"


def as_json(notices):
    """Notices as stored in a JSON field: ``[{"code": ..., "params": {...}}]``."""
    return [{"code": notice.code, "params": notice.params} for notice in notices]


def notice_text(notice, *, people=None, quotas=None):
    """The sentence for one notice (a ``Notice`` or its JSON), or ``None`` for an unknown code."""
    if isinstance(notice, dict):
        code, params = notice.get("code"), notice.get("params") or {}
    else:
        code, params = notice.code, notice.params
    wording = _WORDINGS.get(code)
    if wording is None:
        return None
    try:
        return wording(params, _Names(people or {}, quotas or {}))
    except (KeyError, TypeError, ValueError):
        return None  # params of another shape (an older run): the English text will do


def notice_texts(notices, fallback, *, people=None, quotas=None):
    """The sentences for ``notices``; ``fallback`` (the solver's English texts, one per notice, or
    one text for them all) stands in for any notice that cannot be worded, or when there are none."""
    notices = list(notices or ())
    fallback = [fallback] if isinstance(fallback, str) else list(fallback or ())
    if not notices:
        return [text for text in fallback if text]
    texts = [notice_text(notice, people=people, quotas=quotas) for notice in notices]
    if None in texts:
        if len(fallback) == len(texts):
            return [
                text if text is not None else english for text, english in zip(texts, fallback, strict=True)
            ]
        return [text for text in fallback if text]
    return texts


def reviewer_ids(notices):
    """Every reviewer id the notices name, to look their names up in one query."""
    found = set()
    for notice in notices or ():
        params = (notice.get("params") or {}) if isinstance(notice, dict) else notice.params
        found.update(params.get("reviewers") or ())
        found.update(pair[1] for pair in params.get("pairs") or ())
    return found


class _Names:
    def __init__(self, people, quotas):
        self.people, self.quotas = people, quotas

    def application(self, pk):
        return f"#{pk}"

    def reviewer(self, pk):
        person = self.people.get(pk)
        return str(person) if person is not None else f"#{pk}"

    def quota(self, name):
        return self.quotas.get(name, name)

    def listed(self, items, name):
        shown = ", ".join(name(item) for item in items[:NAMED])
        if len(items) > NAMED:
            return _("%(shown)s and %(count)s more") % {"shown": shown, "count": len(items) - NAMED}
        return shown

    def applications(self, ids):
        return self.listed(ids, self.application)

    def reviewers(self, ids):
        return self.listed(ids, self.reviewer)

    def pairs(self, pairs):
        return self.listed(pairs, lambda pair: f"{self.application(pair[0])} ({self.reviewer(pair[1])})")


# Assignment


def _pinned_conflict(p, names):
    text = ngettext(
        "The pinned pair %(pairs)s is a conflict of interest.",
        "The pinned pairs %(pairs)s are conflicts of interest.",
        len(p["pairs"]),
    )
    return text % {"pairs": names.pairs(p["pairs"])}


def _pinned_forbidden(p, names):
    text = ngettext(
        "The pinned pair %(pairs)s is also banned.",
        "The pinned pairs %(pairs)s are also banned.",
        len(p["pairs"]),
    )
    return text % {"pairs": names.pairs(p["pairs"])}


def _too_many_pinned_reviewers(p, names):
    text = ngettext(
        "Application %(applications)s has more than %(k)s pinned reviewers.",
        "Applications %(applications)s have more than %(k)s pinned reviewers.",
        len(p["applications"]),
    )
    return text % {"applications": names.applications(p["applications"]), "k": p["k"]}


def _too_many_pinned_pairs(p, names):
    text = ngettext(
        "Reviewer %(reviewers)s is pinned to more applications than the most reviews per reviewer.",
        "Reviewers %(reviewers)s are pinned to more applications than the most reviews per reviewer.",
        len(p["reviewers"]),
    )
    return text % {"reviewers": names.reviewers(p["reviewers"])}


def _capacity(p, names):
    return _(
        "%(needed)s reviews are needed but the reviewers can take at most %(capacity)s (%(missing)s missing)."
    ) % {"needed": p["needed"], "capacity": p["capacity"], "missing": p["missing"]}


def _min_loads_too_high(p, names):
    return _(
        "The fewest reviews per reviewer add up to %(minimum)s but only %(needed)s reviews are needed "
        "(%(excess)s too many)."
    ) % {"minimum": p["minimum"], "needed": p["needed"], "excess": p["excess"]}


def _pinned_same_organisation(p, names):
    text = ngettext(
        "Application %(applications)s has two pinned reviewers from the same organisation.",
        "Applications %(applications)s have two pinned reviewers from the same organisation.",
        len(p["applications"]),
    )
    return text % {"applications": names.applications(p["applications"])}


def _too_few_eligible(p, names):
    count = len(p["applications"])
    if p.get("distinct_organisations"):
        text = ngettext(
            "Application %(applications)s has fewer than %(k)s eligible reviewers from distinct "
            "organisations (%(missing)s missing).",
            "Applications %(applications)s have fewer than %(k)s eligible reviewers from distinct "
            "organisations (%(missing)s missing).",
            count,
        )
    else:
        text = ngettext(
            "Application %(applications)s has fewer than %(k)s eligible reviewers (%(missing)s missing).",
            "Applications %(applications)s have fewer than %(k)s eligible reviewers (%(missing)s missing).",
            count,
        )
    return text % {
        "applications": names.applications(p["applications"]),
        "k": p["k"],
        "missing": p["missing"],
    }


def _min_load_unreachable(p, names):
    text = ngettext(
        "Reviewer %(reviewers)s cannot reach the fewest reviews with the applications they may review "
        "(%(missing)s missing).",
        "Reviewers %(reviewers)s cannot reach the fewest reviews with the applications they may review "
        "(%(missing)s missing).",
        len(p["reviewers"]),
    )
    return text % {"reviewers": names.reviewers(p["reviewers"]), "missing": p["missing"]}


def _bottleneck(p, names):
    text = _(
        "Conflicts and the most reviews per reviewer leave room for only %(placed)s of the %(total)s "
        "reviews still to assign (%(missing)s missing)."
    ) % {"placed": p["placed"], "total": p["total"], "missing": p["missing"]}
    if p.get("applications"):
        text += " " + _("The bottleneck is %(applications)s.") % {
            "applications": names.applications(p["applications"])
        }
    return text


def _min_loads_unmet(p, names):
    return _(
        "The fewest reviews per reviewer cannot all be met with the eligible pairs (%(missing)s missing)."
    ) % {"missing": p["missing"]}


def _time_limit(p, names):
    return _(
        "No assignment was found within the time limit of %(seconds)s s, and none was proven impossible "
        "either: raise the time limit."
    ) % {"seconds": f"{p['time_limit']:g}"}


def _greedy_short(p, names):
    return _(
        "The greedy assignment left %(unassigned)s reviews unassigned and reviewers %(deficit)s reviews "
        "below their fewest."
    ) % {"unassigned": p["unassigned"], "deficit": p["deficit"]}


def _assigned(p, names):
    values = {"reviews": p["reviews"], "applications": p["applications"], "slack": f"{p['slack']:.3g}"}
    if p["optimal"]:
        text = _(
            "Optimal: %(reviews)s reviews assigned to %(applications)s applications; "
            "bound - objective = %(slack)s."
        )
    else:
        text = _(
            "Feasible: %(reviews)s reviews assigned to %(applications)s applications; "
            "bound - objective = %(slack)s."
        )
    return text % values


# Calibration


def _split_groups(p, names):
    groups = "; ".join(
        _("group %(number)s: %(applications)s scored by %(reviewers)s")
        % {
            "number": number,
            "applications": names.applications(group["applications"]),
            "reviewers": names.reviewers(group["reviewers"]),
        }
        for number, group in enumerate(p["groups"], start=1)
    )
    return _(
        "The reviewers and applications fall into %(count)s groups that share no reviewer; calibrated scores "
        "compare only within a group (%(groups)s)."
    ) % {"count": len(p["groups"]), "groups": groups}


def _single_score(p, names):
    text = ngettext(
        "The calibration of application %(applications)s rests on a single score, hence on one "
        "reviewer's bias.",
        "The calibration of applications %(applications)s rests on a single score each, hence on one "
        "reviewer's bias.",
        len(p["applications"]),
    )
    return text % {"applications": names.applications(p["applications"])}


# Selection


def _too_many_pinned_in(p, names):
    return _("%(pinned)s applicants are pinned in but there are only %(places)s places.") % {
        "pinned": p["pinned"],
        "places": p["places"],
    }


def _min_above_max(p, names):
    return _("The minimum %(min)s is above the maximum %(max)s for %(quota)s.") % {
        "min": p["min"],
        "max": p["max"],
        "quota": names.quota(p["quota"]),
    }


def _min_above_places(p, names):
    return _("The minimum %(min)s for %(quota)s is more than the %(places)s places.") % {
        "min": p["min"],
        "quota": names.quota(p["quota"]),
        "places": p["places"],
    }


def _min_above_candidates(p, names):
    values = {"min": p["min"], "quota": names.quota(p["quota"]), "having": p["having"]}
    if p.get("pinned_out"):
        text = ngettext(
            "The minimum for %(quota)s is %(min)s, but only %(having)s applicant not pinned out "
            "has this answer.",
            "The minimum for %(quota)s is %(min)s, but only %(having)s applicants not pinned out "
            "have this answer.",
            p["having"],
        )
    else:
        text = ngettext(
            "The minimum for %(quota)s is %(min)s, but only %(having)s applicant has this answer.",
            "The minimum for %(quota)s is %(min)s, but only %(having)s applicants have this answer.",
            p["having"],
        )
    return text % values


def _max_below_pinned(p, names):
    return _(
        "The maximum for %(quota)s is %(max)s, but %(pinned)s pinned-in applicants have this answer."
    ) % {
        "quota": names.quota(p["quota"]),
        "max": p["max"],
        "pinned": p["pinned"],
    }


def _bound(names, kind, quota, bound):
    if kind == "min":
        return _("minimum %(bound)s for %(quota)s") % {"bound": bound, "quota": names.quota(quota)}
    return _("maximum %(bound)s for %(quota)s") % {"bound": bound, "quota": names.quota(quota)}


def _minimums_exceed_places(p, names):
    listed = ", ".join(_bound(names, "min", q["quota"], q["min"]) for q in p["quotas"])
    return _(
        "The minimums for %(attribute)s add up to %(total)s (%(quotas)s), more than the %(places)s places."
    ) % {
        "attribute": p["attribute"],
        "total": p["total"],
        "quotas": listed,
        "places": p["places"],
    }


def _maximums_limit_places(p, names):
    listed = ", ".join(_bound(names, "max", q["quota"], q["max"]) for q in p["quotas"])
    return _(
        "The maximums for %(attribute)s (%(quotas)s) allow at most %(room)s of the %(places)s places."
    ) % {
        "attribute": p["attribute"],
        "quotas": listed,
        "room": p["room"],
        "places": p["places"],
    }


def _constraint(names, item):
    if item["kind"] in ("min", "max"):
        return _bound(names, item["kind"], item["quota"], item["bound"])
    if item["kind"] == "in":
        return _("pinned in: %(applicant)s") % {"applicant": names.application(item["candidate"])}
    return _("pinned out: %(applicant)s") % {"applicant": names.application(item["candidate"])}


def _minimal_conflict(p, names):
    listed = "; ".join(_constraint(names, item) for item in p["constraints"])
    return _("No selection of %(places)s meets all of these together: %(constraints)s.") % {
        "places": p["places"],
        "constraints": listed,
    }


def _fewer_candidates(p, names):
    return _(
        "Only %(available)s applicants can be selected for %(places)s places; "
        "the selection takes all of them."
    ) % {
        "available": p["available"],
        "places": p["places"],
    }


_WORDINGS = {
    # assignment
    "pinned_conflict": _pinned_conflict,
    "pinned_forbidden": _pinned_forbidden,
    "too_many_pinned_reviewers": _too_many_pinned_reviewers,
    "too_many_pinned_pairs": _too_many_pinned_pairs,
    "capacity": _capacity,
    "min_loads_too_high": _min_loads_too_high,
    "pinned_same_organisation": _pinned_same_organisation,
    "too_few_eligible": _too_few_eligible,
    "min_load_unreachable": _min_load_unreachable,
    "bottleneck": _bottleneck,
    "min_loads_unmet": _min_loads_unmet,
    "constraints_together": lambda p, names: _("No assignment meets all the constraints together."),
    "organisation_infeasible": lambda p, names: _(
        "No assignment has at most one reviewer per organisation per application."
    ),
    "time_limit": _time_limit,
    "greedy_short": _greedy_short,
    "greedy": lambda p, names: _("Greedy assignment (no optimality claim)."),
    "assigned": _assigned,
    # calibration
    "split_groups": _split_groups,
    "single_score": _single_score,
    # selection
    "too_many_pinned_in": _too_many_pinned_in,
    "min_above_max": _min_above_max,
    "min_above_places": _min_above_places,
    "min_above_candidates": _min_above_candidates,
    "max_below_pinned": _max_below_pinned,
    "minimums_exceed_places": _minimums_exceed_places,
    "maximums_limit_places": _maximums_limit_places,
    "minimal_conflict": _minimal_conflict,
    "fewer_candidates": _fewer_candidates,
    "time_limit_none": lambda p, names: _("The time limit ran out before any selection was found."),
    "time_limit_not_optimal": lambda p, names: _(
        "The time limit ran out before the selection was proven optimal."
    ),
}
