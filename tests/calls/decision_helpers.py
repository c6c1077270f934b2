"""Builders shared by the selection, decision and export tests: a call with quota questions,
applications with answers, and submitted reviews."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.calls.models import Answer, Application, Criterion, Question, Review
from opencampus.calls.services.decisions import Links
from opencampus.calls.services.forms import current_form
from opencampus.calls.services.scoring import save_review
from tests.factories import ApplicationFactory, CallFactory, QuestionFactory, SectionFactory, UserFactory

State = Application.State
LINKS = Links(confirm="https://campus.example/confirm/", status="https://campus.example/status/")
FIELDS = [
    {"value": "energy", "label_ko": "에너지", "label_en": "Energy"},
    {"value": "digital", "label_ko": "디지털", "label_en": "Digital"},
    {"value": "food", "label_ko": "먹거리", "label_en": "Food"},
]


def make_call(campus, *, slug="pilot", places=2):
    """A call whose form asks for a field (single choice), a motivation, topics and a plan (file);
    its rubric has one criterion scored 0-10, so a review's total is ten times its score."""
    with scopes_disabled():
        call = CallFactory(campus=campus, slug=slug, places=places, title_en="Pilot cohort")
        section = SectionFactory(form=current_form(call), campus=campus)
        QuestionFactory(
            section=section, key="field", kind=Question.Kind.SINGLE_CHOICE, label_en="Field", choices=FIELDS
        )
        QuestionFactory(section=section, key="motivation", kind=Question.Kind.LONG_TEXT, label_en="Why?")
        QuestionFactory(
            section=section,
            key="topics",
            kind=Question.Kind.MULTIPLE_CHOICE,
            label_en="Topics",
            choices=FIELDS,
        )
        QuestionFactory(section=section, key="plan", kind=Question.Kind.FILE, label_en="Plan")
        Criterion.objects.create(campus=campus, call=call, name_en="Impact", scale_min=0, scale_max=10)
    return call


def applicant(call, *, field="energy", state=State.ELIGIBLE, name="", email=None, language="ko", **extra):
    """An application in ``state`` with answers (and a plan file named after the person)."""
    with scopes_disabled():
        fields = {"preferred_language": language}
        fields.update({"name_en": name} if name else {})
        fields.update({"email": email} if email else {})
        person = UserFactory(**fields)
        application = ApplicationFactory(
            call=call, campus=call.campus, applicant=person, state=state, submitted_at=timezone.now(), **extra
        )
        questions = {question.key: question for question in current_form(call).questions.all()}
        for key, value in (("field", field), ("motivation", "Zero-waste markets"), ("topics", [field])):
            Answer.objects.create(
                campus=call.campus, application=application, question=questions[key], value=value
            )
        if name:
            plan = SimpleUploadedFile(f"{name} CV.pdf", b"%PDF-1.4", content_type="application/pdf")
            Answer.objects.create(
                campus=call.campus, application=application, question=questions["plan"], file=plan
            )
    return application


def review(application, reviewer, score, comment=""):
    """A submitted review with ``score`` (0-10) on the one criterion: a total of ``10 * score``."""
    with scopes_disabled():
        item = Review.objects.create(campus=application.campus, application=application, reviewer=reviewer)
        criterion = Criterion.objects.get(call=application.call)
        save_review(review=item, values={criterion.pk: score}, comment=comment, actor=reviewer, submit=True)
    return item


def scored(call, reviewers, scores, **fields):
    """An application every one of ``reviewers`` scored, with ``scores`` in the same order."""
    application = applicant(call, **fields)
    for reviewer, score in zip(reviewers, scores, strict=True):
        review(application, reviewer, score)
    return application


def reload(application):
    with scopes_disabled():
        return Application.objects.get(pk=application.pk)
