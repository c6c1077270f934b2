"""The team solver's refusals and findings in the operator's language.

The solver reports machine-readable codes with their numbers and ids; here they become
sentences naming people, problems and groups. A code this module does not know yet is shown
with its code rather than the solver's English.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass
class Names:
    """How to call the ids a finding carries: people (participant ids), problems (agenda ids)
    and teams (their index in the plan)."""

    people: dict = field(default_factory=dict)
    problems: dict = field(default_factory=dict)
    teams: list = field(default_factory=list)

    def person(self, key):
        return self.people.get(key) or _("participant %(id)s") % {"id": key}

    def problem(self, key):
        return self.problems.get(key) or _("problem %(id)s") % {"id": key}

    def team(self, index):
        if index is not None and 0 <= index < len(self.teams):
            return self.teams[index]
        return _("group %(number)s") % {"number": (index or 0) + 1}


def _sizes_cannot_split(fields):
    people, low, high = fields["people"], fields["min_size"], fields["max_size"]
    text = _("%(people)s participants cannot be split into groups of %(low)s to %(high)s.") % {
        "people": people,
        "low": low,
        "high": high,
    }
    if people < low:
        return text + " " + _("A group needs at least %(low)s.") % {"low": low}
    fewest = -(-people // high)
    fewer = fewest - 1
    reason = ngettext(
        "%(fewer)s group holds at most %(most)s people and %(fewest)s groups need at least %(least)s.",
        "%(fewer)s groups hold at most %(most)s people and %(fewest)s groups need at least %(least)s.",
        fewer,
    ) % {"fewer": fewer, "most": fewer * high, "fewest": fewest, "least": fewest * low}
    return f"{text} {reason}"


def _too_few_teams(fields):
    return _(
        "%(people)s participants need at least %(needed)s groups of at most %(high)s, but the offered "
        "problems allow only %(allowed)s groups (%(capacity)s people). Offer more problems or let "
        "problems take more groups."
    ) % {
        "people": fields["people"],
        "needed": fields["teams_needed"],
        "high": fields["max_size"],
        "allowed": fields["teams_allowed"],
        "capacity": fields["teams_allowed"] * fields["max_size"],
    }


def problem_error_message(code, fields):
    """Why the formation cannot start (a ``TeamProblemError``'s code and fields)."""
    if code == "no_people":
        return _("Nobody takes part in the cohort: there is no one to place in groups.")
    if code == "no_options":
        return _("No problem is offered to the cohort yet: offer problems first.")
    if code == "sizes_crossed":
        return _("The smallest group (%(low)s) is larger than the largest (%(high)s).") % {
            "low": fields["min_size"],
            "high": fields["max_size"],
        }
    if code == "sizes_cannot_split":
        return _sizes_cannot_split(fields)
    if code == "too_few_teams":
        return _too_few_teams(fields)
    if code == "unknown_attribute":
        return _(
            "No participant taking part has the attribute “%(attribute)s”: fill it in or remove it "
            "from the formation settings."
        ) % {"attribute": fields["attribute"]}
    return _("The groups cannot be formed from these data (solver code “%(code)s”).") % {"code": code}


def finding_message(code, fields, names):
    """One violation of a plan, or one note of the solver, as a sentence."""
    if code == "team_too_small":
        return _("%(group)s has %(size)s members, fewer than %(low)s.") % {
            "group": names.team(fields.get("team")),
            "size": fields["size"],
            "low": fields["min_size"],
        }
    if code == "team_too_large":
        return _("%(group)s has %(size)s members, more than %(high)s.") % {
            "group": names.team(fields.get("team")),
            "size": fields["size"],
            "high": fields["max_size"],
        }
    if code == "isolated":
        values = {
            "person": names.person(fields["person"]),
            "group": names.team(fields.get("team")),
            "attribute": fields["attribute"],
            "value": fields["value"],
        }
        if fields.get("unavoidable"):
            return (
                _(
                    "%(person)s is the only member of %(group)s with %(attribute)s “%(value)s” "
                    "(the only one in the cohort)."
                )
                % values
            )
        return _("%(person)s is the only member of %(group)s with %(attribute)s “%(value)s”.") % values
    if code == "option_overused":
        return _("%(problem)s is taken by %(count)s groups; it allows %(most)s.") % {
            "problem": names.problem(fields["option"]),
            "count": len(fields["teams"]),
            "most": fields["max_teams"],
        }
    if code == "person_missing":
        return _("%(person)s is not in any group.") % {"person": names.person(fields["person"])}
    if code == "person_repeated":
        return _("%(person)s is in more than one group.") % {"person": names.person(fields["person"])}
    if code == "unknown_option":
        return _("%(group)s works on no problem offered to the cohort.") % {
            "group": names.team(fields.get("team"))
        }
    if code == "unknown_person":
        return _("%(group)s has a member who does not take part in the cohort.") % {
            "group": names.team(fields.get("team"))
        }
    if code == "isolation_unavoidable":
        return _(
            "%(person)s is the only person with %(attribute)s “%(value)s” in the cohort, so no group "
            "can give them a peer of that kind."
        ) % {
            "person": names.person(fields["person"]),
            "attribute": fields["attribute"],
            "value": fields["value"],
        }
    if code == "isolation_relaxed":
        groups = ", ".join(f"{value}: {count}" for value, count in fields["groups"].items())
        return _(
            "The groups of %(attribute)s (%(groups)s) cannot all be split into groups of %(low)s to "
            "%(high)s without leaving someone the only one; the groups leave as few people alone as "
            "they can."
        ) % {
            "attribute": fields["attribute"],
            "groups": groups,
            "low": fields["min_size"],
            "high": fields["max_size"],
        }
    if code == "isolation_relaxed_together":
        return _(
            "No plan keeps everyone with a peer by %(attributes)s at once; the groups leave as few "
            "people alone as they can."
        ) % {"attributes": ", ".join(fields["attributes"])}
    if code == "greedy_plan":
        return _(
            "The solver found no better plan within the time limit: the greedy baseline's plan is shown."
        )
    return _("The solver reports “%(code)s”.") % {"code": code}
