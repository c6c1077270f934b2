"""The dynamic application form: fields typed by question kind, limits, files, required checks."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django_scopes import scopes_disabled

from opencampus.calls.forms.application import ApplicationForm, ApplyForm
from opencampus.calls.models import Answer
from opencampus.calls.services.forms import questions_of
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    QuestionFactory,
    SectionFactory,
    UserFactory,
)

PDF = b"%PDF-1.7\n%%EOF\n"
CHOICES = [
    {"value": "environment", "label_ko": "환경", "label_en": "Environment"},
    {"value": "digital", "label_ko": "디지털", "label_en": ""},
]


@pytest.fixture(autouse=True)
def _english():
    """The form is built outside a request; its help texts and errors are checked in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def form_version(campus):
    with scopes_disabled():
        return SectionFactory(form__call=CallFactory(campus=campus), form__campus=campus, campus=campus).form


def question(form_version, **fields):
    with scopes_disabled():
        section = form_version.sections.first()
        return QuestionFactory(section=section, **fields)


def build(form_version, data=None, files=None, answers=None):
    with scopes_disabled():
        questions = questions_of(form_version)
    return ApplicationForm(data, files, questions=questions, answers=answers or {})


def test_fields_are_typed_by_question_kind(form_version):
    kinds = {
        "short_text": forms.CharField,
        "long_text": forms.CharField,
        "single_choice": forms.ChoiceField,
        "multiple_choice": forms.MultipleChoiceField,
        "number": forms.DecimalField,
        "date": forms.DateField,
        "file": forms.FileField,
        "consent": forms.BooleanField,
    }
    for kind in kinds:
        question(form_version, key=kind.replace("_", "-"), kind=kind, choices=CHOICES, required=True)

    form = build(form_version)

    for kind, field_class in kinds.items():
        field = form.fields[kind.replace("_", "-")]
        assert isinstance(field, field_class), kind
        assert field.required is False, "required is checked on submit only"
    assert isinstance(form.fields["long-text"].widget, forms.Textarea)
    assert form.fields["date"].widget.input_type == "date"


def test_text_limits_are_enforced(form_version):
    question(form_version, key="pitch", kind="short_text", min_length=5, max_length=10)

    too_short = build(form_version, {"q-pitch": "abc"})
    too_long = build(form_version, {"q-pitch": "a" * 11})
    right = build(form_version, {"q-pitch": "Repair"})

    assert not too_short.is_valid()
    assert not too_long.is_valid()
    assert right.is_valid()
    assert "At least 5 characters. At most 10 characters." in right.fields["pitch"].help_text


def test_text_without_a_limit_still_has_one(form_version):
    question(form_version, key="name", kind="short_text")

    assert build(form_version).fields["name"].max_length == 1000


def test_number_range_and_stored_as_json_number(form_version):
    question(form_version, key="budget", kind="number", min_value=Decimal("0"), max_value=Decimal("1000.50"))

    over = build(form_version, {"q-budget": "1000.51"})
    whole = build(form_version, {"q-budget": "12"})
    part = build(form_version, {"q-budget": "12.5"})

    assert not over.is_valid()
    assert whole.is_valid()
    assert whole.values() == {"budget": 12}
    assert part.is_valid()
    assert part.values() == {"budget": 12.5}


def test_date_is_stored_as_iso_text(form_version):
    question(form_version, key="founded", kind="date")

    form = build(form_version, {"q-founded": "2019-10-22"})

    assert form.is_valid()
    assert form.values() == {"founded": "2019-10-22"}


def test_choices_follow_the_active_language(form_version):
    question(form_version, key="field", kind="single_choice", choices=CHOICES)

    with translation.override("ko"):
        korean = dict(build(form_version).fields["field"].choices)
    with translation.override("en"):
        english = dict(build(form_version).fields["field"].choices)

    assert korean == {"environment": "환경", "digital": "디지털"}
    assert english == {"environment": "Environment", "digital": "디지털"}  # falls back to Korean


def test_unknown_choice_is_refused(form_version):
    question(form_version, key="fields", kind="multiple_choice", choices=CHOICES)

    form = build(form_version, {"q-fields": ["digital", "astrology"]})

    assert not form.is_valid()


def test_many_choices_use_a_select(form_version):
    many = [{"value": f"v{n}", "label_ko": f"{n}", "label_en": f"{n}"} for n in range(8)]
    question(form_version, key="district", kind="single_choice", choices=many)

    field = build(form_version).fields["district"]

    assert isinstance(field.widget, forms.Select)
    assert field.choices[0] == ("", "—")


def test_empty_answers_are_stored_empty(form_version):
    question(form_version, key="idea", kind="long_text")
    question(form_version, key="fields", kind="multiple_choice", choices=CHOICES)
    question(form_version, key="agree", kind="consent")
    question(form_version, key="age", kind="number")

    form = build(form_version, {})

    assert form.is_valid()
    assert form.values() == {"idea": "", "fields": [], "agree": False, "age": None}


def test_flag_missing_marks_empty_required_questions(form_version):
    question(form_version, key="idea", kind="long_text", required=True)
    question(form_version, key="agree", kind="consent", required=True)
    question(form_version, key="note", kind="short_text")

    form = build(form_version, {"q-agree": "on"})
    form.is_valid()
    missing = form.flag_missing()

    assert [item.key for item in missing] == ["idea"]
    assert list(form.errors) == ["idea"]


def test_required_file_already_uploaded_counts_as_answered(campus, form_version, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cv = question(form_version, key="cv", kind="file", required=True, allowed_extensions=["pdf"])
    with scopes_disabled():
        application = ApplicationFactory(call=form_version.call, campus=campus, form=form_version)
        answer = Answer(campus=campus, application=application, question=cv)
        answer.file = SimpleUploadedFile("cv.pdf", PDF)
        answer.save()

    form = build(form_version, {}, answers={"cv": answer})
    form.is_valid()

    assert form.flag_missing() == []
    assert form.files_to_store() == {}
    assert form.sections()[0][1][0].current_file_name == "cv.pdf"


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("plan.docx", PDF, "Allowed types: PDF, ODT"),
        ("plan", PDF, "Allowed types: PDF, ODT"),
        ("plan.pdf.exe", PDF, "Allowed types: PDF, ODT"),
        ("plan.pdf", b"PK\x03\x04 a zip in disguise", "not a real PDF"),
        ("plan.pdf", PDF + b"x" * (2 * 1024 * 1024), "the largest file accepted is 2 MB"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_error(form_version, name, content, error):
    question(form_version, key="plan", kind="file", allowed_extensions=[".PDF", "odt"], max_file_mb=2)

    form = build(form_version, {}, {"q-plan": SimpleUploadedFile(name, content)})

    assert not form.is_valid()
    assert error in form.errors["plan"][0]
    assert form.files_to_store() == {}


@pytest.mark.parametrize("name", ["plan.pdf", "PLAN.PDF", "notes.odt"])
def test_good_uploads_pass(form_version, name):
    question(form_version, key="plan", kind="file", allowed_extensions=["pdf", "odt"], max_file_mb=2)
    upload = SimpleUploadedFile(name, PDF)

    form = build(form_version, {}, {"q-plan": upload})

    assert form.is_valid(), form.errors
    assert form.files_to_store() == {"plan": upload}


def test_file_question_without_a_size_gets_the_default_limit(form_version):
    question(form_version, key="plan", kind="file")

    form = build(form_version, {}, {"q-plan": SimpleUploadedFile("plan.txt", b"x" * (20 * 1024 * 1024 + 1))})

    assert not form.is_valid()
    assert "20 MB" in form.errors["plan"][0]


def test_initial_values_come_from_stored_answers(campus, form_version):
    idea = question(form_version, key="idea", kind="long_text")
    day = question(form_version, key="day", kind="date")
    with scopes_disabled():
        application = ApplicationFactory(call=form_version.call, campus=campus, form=form_version)
        answers = {
            "idea": Answer.objects.create(
                campus=campus, application=application, question=idea, value="Fab City"
            ),
            "day": Answer.objects.create(
                campus=campus, application=application, question=day, value="2020-08-01"
            ),
        }

    form = build(form_version, answers=answers)

    assert form["idea"].value() == "Fab City"
    assert 'value="2020-08-01"' in str(form["day"])
    assert form.is_bound is False
    assert datetime.date.fromisoformat(form["day"].value())


def test_apply_form_lists_only_organisations_the_person_acts_for(campus):
    person = UserFactory()
    with scopes_disabled():
        call = CallFactory(campus=campus, allow_individuals=False, allow_organisations=True)
        managed = OrganisationFactory(campus=campus)
        MembershipFactory(organisation=managed, user=person, role="manager")
        MembershipFactory(organisation=OrganisationFactory(campus=campus), user=person, role="member")

        form = ApplyForm({"applicant_as": str(managed.pk)}, call=call, user=person)

        assert form.can_apply
        assert [value for value, _label in form.fields["applicant_as"].choices] == [str(managed.pk)]
        assert form.is_valid()
        assert form.organisation() == managed


def test_apply_form_without_any_way_to_apply(campus):
    with scopes_disabled():
        call = CallFactory(campus=campus, allow_individuals=False, allow_organisations=True)

        assert not ApplyForm(call=call, user=UserFactory()).can_apply


def test_zero_is_an_answer_to_a_required_number(form_version):
    question(form_version, key="years", kind="number", required=True)

    form = build(form_version, {"q-years": "0"})
    form.is_valid()

    assert form.flag_missing() == []
    assert form.values() == {"years": 0}
