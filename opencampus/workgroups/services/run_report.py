"""A formation run as the operator reads it: the proposed groups with each member's rank of the
group's problem and traits, the scores, and the solver's notes in words."""

from dataclasses import dataclass, field

from opencampus.agendas.models import Agenda
from opencampus.programs.models import Participant

from .formation import group_names
from .solver_messages import Names, finding_message


@dataclass
class ProposedMember:
    participant: Participant | None
    name: str
    rank: int | None
    values: list  # the member's value of each attribute of the report, in order


@dataclass
class ProposedGroup:
    name: str
    agenda: Agenda | None
    score: int | None
    preference: int | None
    balance: dict
    members: list = field(default_factory=list)


@dataclass
class RunReport:
    groups: list
    notes: list
    violations: list
    attributes: list


def names_for(participant_ids, agenda_ids):
    """Participants (with their person) and agendas by id, and a ``Names`` to word findings."""
    participants = Participant.objects.select_related("user").in_bulk(participant_ids)
    agendas = Agenda.objects.in_bulk(agenda_ids)
    names = Names(
        people={pk: str(participant.user) for pk, participant in participants.items()},
        problems={pk: agenda.title for pk, agenda in agendas.items()},
    )
    return participants, agendas, names


def run_report(run):
    instance, result = run.instance, run.result
    people = {person["id"]: person for person in instance["people"]}
    teams = result.get("teams") or []
    participants, agendas, names = names_for(list(people), [option["id"] for option in instance["options"]])
    names.teams = group_names([team["option"] for team in teams], names.problems)
    attributes = sorted({name for person in people.values() for name in person.get("attributes", {})})
    groups = []
    for team, name in zip(teams, names.teams, strict=True):
        group = ProposedGroup(
            name=name,
            agenda=agendas.get(team["option"]),
            score=team["score"],
            preference=team["preference"],
            balance=team.get("balance", {}),
        )
        for member in team["members"]:
            person = people.get(member, {})
            ranking = person.get("ranking", [])
            group.members.append(
                ProposedMember(
                    participant=participants.get(member),
                    name=names.person(member),
                    rank=ranking.index(team["option"]) + 1 if team["option"] in ranking else None,
                    values=[person.get("attributes", {}).get(name, "") for name in attributes],
                )
            )
        groups.append(group)
    return RunReport(
        groups=groups,
        notes=[finding_message(note["code"], note, names) for note in result.get("notes", [])],
        violations=[finding_message(item["code"], item, names) for item in result.get("violations", [])],
        attributes=attributes,
    )
