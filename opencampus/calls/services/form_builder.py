"""The operators' form builder: sections, questions and eligibility rules of a call.

Every change to the form goes through ``editable_form(call)``: while the current version has
no applications the change lands in it; once applications exist the change lands in a fresh
copy, so the answers already received keep the questions they answered. The object being
edited is always one of the *current* version; when a copy was made it is found again in the
copy (a question by its key, a section by its place in the reading order).
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from opencampus.core.errors import RefusedInput
from opencampus.core.services.activity import log_activity

from ..models import EligibilityRule, FormVersion, Question, Section
from .forms import current_form, editable_form

Kind = Question.Kind
TEXT_KINDS = {Kind.SHORT_TEXT, Kind.LONG_TEXT}
CHOICE_KINDS = {Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE}
UP, DOWN = "up", "down"

SECTION_FIELDS = ("title_ko", "title_en", "help_ko", "help_en")
QUESTION_FIELDS = (
    "key",
    "kind",
    "label_ko",
    "label_en",
    "help_ko",
    "help_en",
    "required",
    "min_length",
    "max_length",
    "min_value",
    "max_value",
    "choices",
    "allowed_extensions",
    "max_file_mb",
)
QUESTION_DEFAULTS = {
    "help_ko": "",
    "help_en": "",
    "label_ko": "",
    "label_en": "",
    "required": False,
    "min_length": None,
    "max_length": None,
    "min_value": None,
    "max_value": None,
    "choices": [],
    "allowed_extensions": [],
    "max_file_mb": None,
}
RULE_FIELDS = ("kind", "question_key", "values", "minimum", "maximum", "message_ko", "message_en")


class FormBuilderError(RefusedInput):
    """A change the form builder refuses; the text is for people, ``field`` names the culprit."""


@dataclass(frozen=True)
class FormChange:
    """What an edit did: the version it landed in, the edited object there, and — when the
    version in use had applications — the version those applications keep."""

    form: FormVersion
    item: Section | Question | None = None
    kept_version: FormVersion | None = None
    changed: bool = True

    @property
    def made_new_version(self):
        return self.kept_version is not None


# Finding things again in the version being edited


def ordered_sections(form):
    return list(Section.objects.filter(form=form).order_by("position", "pk"))


def ordered_questions(section):
    return list(Question.objects.filter(section=section).order_by("position", "pk"))


def _ensure_current(item, call):
    current = current_form(call)
    if item.form_id != current.pk:
        raise FormBuilderError(
            _("The form has changed since this page was opened. Look at the current version and try again.")
        )
    return current


def _editable(call, current, actor):
    """``(form to edit, version kept by applications or None)``."""
    form = editable_form(call)
    if form.pk == current.pk:
        return form, None
    log_activity(
        campus=call.campus,
        actor=actor,
        action="call.form.version_created",
        subject=call,
        data={"version": form.number, "from": current.number},
    )
    return form, current


def _section_in(form, section):
    """``section`` of the current version, as it is in ``form`` (itself or a fresh copy of it)."""
    if section.form_id == form.pk:
        return section
    index = [item.pk for item in ordered_sections(section.form_id)].index(section.pk)
    return ordered_sections(form)[index]


def _question_in(form, question):
    if question.form_id == form.pk:
        return question
    return Question.objects.select_related("section").get(form=form, key=question.key)


def _renumber(items):
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


def _swap(items, item, direction):
    """``items`` with ``item`` moved one place up or down (``None`` when it cannot move)."""
    index = [other.pk for other in items].index(item.pk)
    target = index - 1 if direction == UP else index + 1
    if direction not in (UP, DOWN) or not 0 <= target < len(items):
        return None
    items = list(items)
    items[index], items[target] = items[target], items[index]
    return items


def _log(call, actor, action, form, kept_version, **data):
    data = {"version": form.number, **data}
    if kept_version is not None:
        data["kept_version"] = kept_version.number
    log_activity(campus=call.campus, actor=actor, action=f"call.form.{action}", subject=call, data=data)


def _rules_using(call, key):
    return EligibilityRule.objects.filter(call=call, question_key=key)


# Sections


def _clean_section_fields(fields):
    unknown = set(fields) - set(SECTION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown section fields: {sorted(unknown)}")
    if not (fields["title_ko"] or fields["title_en"]):
        raise FormBuilderError(_("Give the section's title in Korean or in English."), field="title_ko")


@transaction.atomic
def add_section(*, call, actor, **fields):
    fields = {"title_ko": "", "title_en": "", "help_ko": "", "help_en": "", **fields}
    _clean_section_fields(fields)
    current = current_form(call)
    form, kept = _editable(call, current, actor)
    position = Section.objects.filter(form=form).count()
    section = Section.objects.create(campus=call.campus, form=form, position=position, **fields)
    _log(call, actor, "section_added", form, kept, section=str(section))
    return FormChange(form=form, item=section, kept_version=kept)


@transaction.atomic
def update_section(*, section, actor, **fields):
    _clean_section_fields({**{name: getattr(section, name) for name in SECTION_FIELDS}, **fields})
    call = section.form.call
    current = _ensure_current(section, call)
    changed = sorted(name for name, value in fields.items() if getattr(section, name) != value)
    if not changed:
        return FormChange(form=current, item=section, changed=False)
    form, kept = _editable(call, current, actor)
    target = _section_in(form, section)
    for name in changed:
        setattr(target, name, fields[name])
    target.save(update_fields=changed)
    _log(call, actor, "section_changed", form, kept, section=str(target), fields=changed)
    return FormChange(form=form, item=target, kept_version=kept)


@transaction.atomic
def delete_section(*, section, actor):
    """Delete a section and its questions (refused while an eligibility rule uses one of them)."""
    call = section.form.call
    current = _ensure_current(section, call)
    keys = list(Question.objects.filter(section=section).values_list("key", flat=True))
    used = sorted(
        set(
            EligibilityRule.objects.filter(call=call, question_key__in=keys).values_list(
                "question_key", flat=True
            )
        )
    )
    if used:
        raise FormBuilderError(
            _("Eligibility rules use questions of this section (%(keys)s). Delete those rules first.")
            % {"keys": ", ".join(used)}
        )
    form, kept = _editable(call, current, actor)
    target = _section_in(form, section)
    title = str(target)
    target.delete()
    _renumber(ordered_sections(form))
    _log(call, actor, "section_deleted", form, kept, section=title, questions=keys)
    return FormChange(form=form, kept_version=kept)


@transaction.atomic
def move_section(*, section, direction, actor):
    call = section.form.call
    current = _ensure_current(section, call)
    if _swap(ordered_sections(current), section, direction) is None:
        return FormChange(form=current, item=section, changed=False)
    form, kept = _editable(call, current, actor)
    target = _section_in(form, section)
    _renumber(_swap(ordered_sections(form), target, direction))
    _log(call, actor, "section_moved", form, kept, section=str(target), direction=direction)
    return FormChange(form=form, item=target, kept_version=kept)


# Questions


def _settle_question_fields(fields):
    """Check a question's full set of fields and clear those its kind does not use."""
    fields = dict(fields)
    kind = fields["kind"]
    if kind not in Kind.values:
        raise FormBuilderError(_("Choose one of the question kinds."), field="kind")
    if not (fields["label_ko"] or fields["label_en"]):
        raise FormBuilderError(_("Give the question in Korean or in English."), field="label_ko")
    if kind not in TEXT_KINDS:
        fields["min_length"] = fields["max_length"] = None
    if kind != Kind.NUMBER:
        fields["min_value"] = fields["max_value"] = None
    if kind not in CHOICE_KINDS:
        fields["choices"] = []
    if kind != Kind.FILE:
        fields["allowed_extensions"], fields["max_file_mb"] = [], None
    limits = [("min_length", "max_length"), ("min_value", "max_value")]
    for low, high in limits:
        if fields[low] is not None and fields[high] is not None and fields[low] > fields[high]:
            raise FormBuilderError(_("The minimum is larger than the maximum."), field=high)
    if kind in CHOICE_KINDS and not fields["choices"]:
        raise FormBuilderError(_("A choice question needs its choices."), field="choices")
    if kind == Kind.FILE and not fields["allowed_extensions"]:
        raise FormBuilderError(_("List the file types applicants may upload."), field="allowed_extensions")
    return fields


def _check_key_free(form, key, exclude=None):
    others = Question.objects.filter(form=form, key=key)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    if others.exists():
        raise FormBuilderError(
            _("Another question of this form already uses the key “%(key)s”.") % {"key": key}, field="key"
        )


@transaction.atomic
def add_question(*, section, actor, **fields):
    unknown = set(fields) - set(QUESTION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown question fields: {sorted(unknown)}")
    fields = _settle_question_fields({**QUESTION_DEFAULTS, **fields})
    call = section.form.call
    current = _ensure_current(section, call)
    _check_key_free(current, fields["key"])
    form, kept = _editable(call, current, actor)
    target_section = _section_in(form, section)
    position = Question.objects.filter(section=target_section).count()
    question = Question.objects.create(
        campus=call.campus, form=form, section=target_section, position=position, **fields
    )
    _log(call, actor, "question_added", form, kept, key=question.key)
    return FormChange(form=form, item=question, kept_version=kept)


@transaction.atomic
def update_question(*, question, actor, section=None, **fields):
    """Change a question; ``section`` (of the current version) moves it to the end of that section."""
    unknown = set(fields) - set(QUESTION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown question fields: {sorted(unknown)}")
    call = question.form.call
    current = _ensure_current(question, call)
    if section is not None and section.form_id != current.pk:
        raise FormBuilderError(_("Choose a section of this form."), field="section")
    merged = {name: getattr(question, name) for name in QUESTION_FIELDS}
    fields = _settle_question_fields({**merged, **fields})
    changed = sorted(name for name in QUESTION_FIELDS if merged[name] != fields[name])
    moves = section is not None and section.pk != question.section_id
    if not changed and not moves:
        return FormChange(form=current, item=question, changed=False)
    if "key" in changed:
        _check_key_free(current, fields["key"], exclude=question)
        if _rules_using(call, question.key).exists():
            raise FormBuilderError(
                _("An eligibility rule uses the key “%(key)s”; delete the rule before changing the key.")
                % {"key": question.key},
                field="key",
            )
    form, kept = _editable(call, current, actor)
    target = _question_in(form, question)
    old_section = target.section
    for name in changed:
        setattr(target, name, fields[name])
    update_fields = list(changed)
    if moves:
        target.section = _section_in(form, section)
        target.position = Question.objects.filter(section=target.section).count()
        update_fields += ["section", "position"]
    target.save(update_fields=update_fields)
    if moves:
        _renumber(ordered_questions(old_section))
    _log(call, actor, "question_changed", form, kept, key=target.key, fields=update_fields)
    return FormChange(form=form, item=target, kept_version=kept)


@transaction.atomic
def delete_question(*, question, actor):
    """Delete a question from the form (refused while an eligibility rule uses it)."""
    call = question.form.call
    current = _ensure_current(question, call)
    if _rules_using(call, question.key).exists():
        raise FormBuilderError(
            _("An eligibility rule uses the question “%(key)s”. Delete the rule first.")
            % {"key": question.key}
        )
    form, kept = _editable(call, current, actor)
    target = _question_in(form, question)
    section = target.section
    target.delete()
    _renumber(ordered_questions(section))
    _log(call, actor, "question_deleted", form, kept, key=question.key)
    return FormChange(form=form, kept_version=kept)


@transaction.atomic
def move_question(*, question, direction, actor):
    """Move a question one place up or down inside its section."""
    call = question.form.call
    current = _ensure_current(question, call)
    if _swap(ordered_questions(question.section_id), question, direction) is None:
        return FormChange(form=current, item=question, changed=False)
    form, kept = _editable(call, current, actor)
    target = _question_in(form, question)
    _renumber(_swap(ordered_questions(target.section_id), target, direction))
    _log(call, actor, "question_moved", form, kept, key=target.key, direction=direction)
    return FormChange(form=form, item=target, kept_version=kept)


# Eligibility rules (they belong to the call and name questions by key, across versions)


@transaction.atomic
def add_eligibility_rule(*, call, actor, **fields):
    unknown = set(fields) - set(RULE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown eligibility rule fields: {sorted(unknown)}")
    kind = fields.get("kind")
    if kind not in EligibilityRule.Kind.values:
        raise FormBuilderError(_("Choose one of the kinds of rule."), field="kind")
    key = fields.get("question_key", "")
    if kind == EligibilityRule.Kind.ORGANISATION_KIND:
        fields["question_key"] = ""
    elif not Question.objects.filter(form=current_form(call), key=key).exists():
        raise FormBuilderError(_("Choose a question of the current form."), field="question_key")
    rule = EligibilityRule.objects.create(campus=call.campus, call=call, **fields)
    log_activity(
        campus=call.campus,
        actor=actor,
        action="call.eligibility.rule_added",
        subject=call,
        data={"rule": rule.pk, "kind": rule.kind, "key": rule.question_key},
    )
    return rule


@transaction.atomic
def delete_eligibility_rule(*, rule, actor):
    """Delete a rule; results already recorded on applications stay as they were."""
    call = rule.call
    data = {"rule": rule.pk, "kind": rule.kind, "key": rule.question_key}
    rule.delete()
    log_activity(
        campus=call.campus, actor=actor, action="call.eligibility.rule_deleted", subject=call, data=data
    )
