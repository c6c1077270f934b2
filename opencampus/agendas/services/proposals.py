"""Proposing a social problem and changing it afterwards; both keep the similarity index current."""

import dataclasses

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity
from opencampus.people.models import Membership
from opencampus.people.rules import is_campus_team

from ..models import Agenda, Evidence, Follow
from .errors import AgendaError
from .similarity import index_agenda

AGENDA_FIELDS = (
    "title_ko",
    "title_en",
    "description_ko",
    "description_en",
    "theme",
    "district",
    "place",
    "affected",
)


@dataclasses.dataclass(frozen=True)
class NewEvidence:
    """A link or an uploaded file that shows the problem is real."""

    title: str
    url: str = ""
    file: UploadedFile | None = None


def agenda_problems(agenda):
    """``[(field, message), …]`` that keep ``agenda`` from being saved."""
    problems = []
    if not (agenda.title_ko.strip() or agenda.title_en.strip()):
        problems.append(("title_ko", _("Give the problem a title in Korean or in English.")))
    if not (agenda.description_ko.strip() or agenda.description_en.strip()):
        problems.append(("description_ko", _("Describe the problem in Korean or in English.")))
    for field in ("theme", "district"):
        related = getattr(agenda, field)
        if related is not None and related.campus_id != agenda.campus_id:
            problems.append((field, _("This belongs to another campus.")))
    return problems


def ensure_valid(agenda):
    problems = agenda_problems(agenda)
    if problems:
        raise AgendaError(problems[0][1])


def origin_of(*, campus, author, organisation):
    if organisation is not None:
        if not Membership.objects.filter(campus=campus, organisation=organisation, user=author).exists():
            raise AgendaError(_("You can propose only on behalf of an organisation you belong to."))
        return Agenda.Origin.ORGANISATION
    if is_campus_team(author, campus):
        return Agenda.Origin.STAFF
    return Agenda.Origin.CITIZEN


def set_sdgs(agenda, *, goals, targets):
    """Tag ``agenda`` with ``goals`` and ``targets``; a target brings its goal along."""
    for target in targets:
        if target.campus_id not in (None, agenda.campus_id):
            raise AgendaError(_("This SDG target belongs to another campus."))
    agenda.sdg_targets.set(targets)
    agenda.sdg_goals.set({*goals, *(target.goal for target in targets)})


def add_evidence(agenda, items, *, actor):
    for item in items:
        Evidence.objects.create(
            campus=agenda.campus,
            agenda=agenda,
            title=item.title,
            url=item.url if item.file is None else "",
            file=item.file or "",
            added_by=actor,
        )


@transaction.atomic
def propose_agenda(*, campus, author, organisation=None, sdg_goals=(), sdg_targets=(), evidence=(), **fields):
    """Create a proposed problem; its proposer follows it from the start.

    ``fields`` are the ones in ``AGENDA_FIELDS``. Raises ``AgendaError`` for what the person must fix.
    """
    origin = origin_of(campus=campus, author=author, organisation=organisation)
    agenda = Agenda(campus=campus, proposed_by=author, organisation=organisation, origin=origin, **fields)
    ensure_valid(agenda)
    agenda.save()
    set_sdgs(agenda, goals=sdg_goals, targets=sdg_targets)
    add_evidence(agenda, evidence, actor=author)
    Follow.objects.create(campus=campus, agenda=agenda, user=author)
    index_agenda(agenda=agenda)
    log_activity(
        campus=campus, actor=author, action="agenda.proposed", subject=agenda, data={"origin": origin}
    )
    return agenda


@transaction.atomic
def update_agenda(*, agenda, actor, sdg_goals=(), sdg_targets=(), evidence=(), remove_evidence=(), **fields):
    """Change the texts, tags and evidence of ``agenda`` (who may is the views' rules' business)."""
    for name, value in fields.items():
        setattr(agenda, name, value)
    ensure_valid(agenda)
    agenda.save()
    set_sdgs(agenda, goals=sdg_goals, targets=sdg_targets)
    removed = [item for item in remove_evidence if item.agenda_id == agenda.pk]
    for item in removed:
        stored = item.file
        item.delete()
        if stored:
            transaction.on_commit(lambda stored=stored: stored.storage.delete(stored.name))
    add_evidence(agenda, evidence, actor=actor)
    index_agenda(agenda=agenda)
    log_activity(
        campus=agenda.campus,
        actor=actor,
        action="agenda.changed",
        subject=agenda,
        data={"evidence_added": len(evidence), "evidence_removed": len(removed)},
    )
    return agenda
