"""Participants' traits: the attribute values groups are balanced on, typed in a table, copied
from the call's answers or uploaded as CSV. Each way saves all of its values or none."""

import csv
import io
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencampus.calls.models import Answer, Question
from opencampus.core.services.activity import log_activity
from opencampus.programs.models import Participant

from ..models import Trait
from .errors import WorkgroupError

ATTRIBUTE_MAX = 40
VALUE_MAX = 100
CSV_MAX_BYTES = 1024 * 1024
CSV_MAX_ROWS = 5000
CSV_HEADER = ["email", "attribute", "value"]
ATTRIBUTE_PATTERN = re.compile(r"^[a-z0-9_-]+$")


def active_participants(cohort):
    return Participant.objects.filter(cohort=cohort, state=Participant.State.ACTIVE).select_related("user")


def trait_values(cohort):
    """``{(participant id, attribute): value}`` for the cohort's participants."""
    return {
        (trait.participant_id, trait.attribute): trait.value
        for trait in Trait.objects.filter(participant__cohort=cohort)
    }


def clean_attribute(name):
    """The attribute name as stored (lower case), or a ``WorkgroupError`` saying what is wrong."""
    name = name.strip().lower()
    if not name:
        raise WorkgroupError(_("Give the attribute a name."), field="attribute")
    if len(name) > ATTRIBUTE_MAX or not ATTRIBUTE_PATTERN.match(name):
        raise WorkgroupError(
            _(
                "“%(name)s” is not an attribute name: use up to %(most)s letters, digits, hyphens "
                "or underscores (e.g. sector, age-group)."
            )
            % {"name": name[:60], "most": ATTRIBUTE_MAX},
            field="attribute",
        )
    return name


def clean_value(value):
    value = value.strip()
    if len(value) > VALUE_MAX:
        raise WorkgroupError(
            _("A value has at most %(most)s characters.") % {"most": VALUE_MAX}, field="value"
        )
    return value


def _apply(cohort, values):
    """Write ``{(participant id, attribute): value}``; an empty value removes the trait.
    Returns how many traits changed."""
    current = {
        (trait.participant_id, trait.attribute): trait
        for trait in Trait.objects.filter(participant__cohort=cohort).select_for_update()
    }
    changed, new = 0, []
    for (participant_id, attribute), value in values.items():
        trait = current.get((participant_id, attribute))
        if not value:
            if trait is not None:
                trait.delete()
                changed += 1
        elif trait is None:
            new.append(
                Trait(campus=cohort.campus, participant_id=participant_id, attribute=attribute, value=value)
            )
        elif trait.value != value:
            trait.value = value
            trait.save(update_fields=["value"])
            changed += 1
    Trait.objects.bulk_create(new)
    return changed + len(new)


def _log(cohort, actor, how, changed):
    log_activity(
        campus=cohort.campus,
        actor=actor,
        action="workgroups.traits_changed",
        subject=cohort,
        data={"how": how, "changed": changed},
    )


@transaction.atomic
def save_traits(*, cohort, values, actor):
    """Save the table: ``values`` maps (participant id, attribute) to the typed value."""
    ours = set(active_participants(cohort).values_list("pk", flat=True))
    cleaned = {}
    for (participant_id, attribute), value in values.items():
        if participant_id not in ours:
            raise WorkgroupError(_("Traits can be set only for active participants of this cohort."))
        cleaned[participant_id, clean_attribute(attribute)] = clean_value(value)
    changed = _apply(cohort, cleaned)
    _log(cohort, actor, "table", changed)
    return changed


# From the call's answers


def call_choice_questions(cohort):
    """``[(key, label)]``: the single-choice questions of the call that filled the cohort, by key
    (the newest form version's label)."""
    if cohort.call_id is None:
        return []
    questions = Question.objects.filter(form__call_id=cohort.call_id, kind=Question.Kind.SINGLE_CHOICE)
    labels = {}
    for question in questions.order_by("-form__number", "position", "pk"):
        labels.setdefault(question.key, question.label)
    return sorted(labels.items())


@transaction.atomic
def fill_traits_from_call(*, cohort, question_key, attribute, actor):
    """Copy each active participant's answer to a single-choice question into a trait.

    Returns ``(filled, skipped)``: skipped people have no application or no answer.
    """
    if cohort.call_id is None:
        raise WorkgroupError(_("This cohort was not filled through a call."))
    if question_key not in dict(call_choice_questions(cohort)):
        raise WorkgroupError(
            _("The call has no single-choice question with the key “%(key)s”.") % {"key": question_key},
            field="question",
        )
    attribute = clean_attribute(attribute)
    participants = list(active_participants(cohort))
    answers = dict(
        Answer.objects.filter(
            application_id__in=[p.application_id for p in participants if p.application_id],
            question__key=question_key,
        ).values_list("application_id", "value")
    )
    values, skipped = {}, 0
    for participant in participants:
        answer = answers.get(participant.application_id)
        if participant.application_id is None or not isinstance(answer, str) or not answer.strip():
            skipped += 1
            continue
        values[participant.pk, attribute] = answer.strip()[:VALUE_MAX]
    _apply(cohort, values)
    _log(cohort, actor, "call", len(values))
    return len(values), skipped


# CSV upload


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str


class TraitImportError(WorkgroupError):
    """The upload is refused; ``problems`` lists what is wrong, line by line."""

    def __init__(self, problems):
        super().__init__(gettext_lazy("Nothing was saved: correct these lines and upload the file again."))
        self.problems = problems


def _csv_rows(upload):
    if upload.size > CSV_MAX_BYTES:
        raise WorkgroupError(
            _("The file is too large: at most %(size)s KB.") % {"size": CSV_MAX_BYTES // 1024}, field="file"
        )
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WorkgroupError(_("Save the file as CSV in UTF-8 and upload it again."), field="file") from None
    try:
        return list(enumerate(csv.reader(io.StringIO(text)), start=1))
    except csv.Error:
        raise WorkgroupError(_("The file cannot be read as CSV."), field="file") from None


@transaction.atomic
def import_traits(*, cohort, upload, actor):
    """Read ``email,attribute,value`` lines (a header line is optional; an empty value removes
    the trait). Raises ``TraitImportError`` listing every bad line; then nothing is saved."""
    rows = _csv_rows(upload)
    if rows and [cell.strip().lower() for cell in rows[0][1]] == CSV_HEADER:
        rows = rows[1:]
    rows = [(line, row) for line, row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise WorkgroupError(_("The file has no lines to read."), field="file")
    if len(rows) > CSV_MAX_ROWS:
        raise WorkgroupError(_("At most %(most)s lines at a time.") % {"most": CSV_MAX_ROWS}, field="file")
    by_email = {p.user.email.lower(): p.pk for p in active_participants(cohort)}
    values, problems, seen = {}, [], {}
    for line, row in rows:
        if len(row) != len(CSV_HEADER):
            problems.append(RowProblem(line, _("Expected 3 columns (email, attribute, value).")))
            continue
        email, attribute, value = (cell.strip() for cell in row)
        participant_id = by_email.get(email.lower())
        if participant_id is None:
            problems.append(
                RowProblem(
                    line, _("%(email)s is not an active participant of this cohort.") % {"email": email[:100]}
                )
            )
            continue
        try:
            key = (participant_id, clean_attribute(attribute))
            value = clean_value(value)
        except WorkgroupError as error:
            problems.append(RowProblem(line, str(error)))
            continue
        if key in seen:
            problems.append(
                RowProblem(
                    line,
                    _("Line %(first)s already sets this attribute for this person.") % {"first": seen[key]},
                )
            )
            continue
        seen[key] = line
        values[key] = value
    if problems:
        raise TraitImportError(problems)
    changed = _apply(cohort, values)
    _log(cohort, actor, "csv", changed)
    return len(values)
