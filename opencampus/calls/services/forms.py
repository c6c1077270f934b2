"""Application forms are versioned: a version with applications is never edited in place."""

from django.db import transaction
from django.db.models import Max

from ..models import FormVersion, Question


def current_form(call):
    """The newest form version of ``call`` (created empty if the call has none yet)."""
    form = call.form_versions.order_by("-number").first()
    if form is None:
        form = FormVersion.objects.create(campus=call.campus, call=call, number=1)
    return form


@transaction.atomic
def editable_form(call):
    """The version operators may edit now: the current one, or a fresh copy if it has applications."""
    form = current_form(call)
    if not form.applications.exists():
        return form
    return copy_form(form)


def copy_form(form):
    number = (form.call.form_versions.aggregate(top=Max("number"))["top"] or 0) + 1
    copy = FormVersion.objects.create(campus=form.campus, call=form.call, number=number)
    for section in form.sections.order_by("position", "pk"):
        questions = list(section.questions.order_by("position", "pk"))
        section.pk, section.form = None, copy
        section._state.adding = True
        section.save()
        for question in questions:
            question.pk, question.form, question.section = None, copy, section
            question._state.adding = True
        Question.objects.bulk_create(questions)
    return copy


def questions_of(form):
    """Every question of ``form`` in reading order, sections fetched with them."""
    return list(
        Question.objects.filter(form=form)
        .select_related("section")
        .order_by("section__position", "section__pk", "position", "pk")
    )
