import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled
from pypdf import PdfReader, PdfWriter

from opencampus.calls.models import Answer, Bid, Conflict, Criterion, Review, ReviewPhase, Score
from opencampus.calls.services.applications import save_answers, start_application, submit_application
from opencampus.calls.services.forms import current_form
from opencampus.core.links import campus_reverse
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    QuestionFactory,
    SectionFactory,
    UserFactory,
)

AUTHOR = "Hong Gildong"
NAME, EMAIL, ORGANISATION = "Hong Gildong", "gildong@example.org", "Fab Lab Seoul"


def url(campus, name, **kwargs):
    return campus_reverse(campus, f"reviews:{name}", **kwargs)


def pdf_bytes():
    writer = PdfWriter()
    writer.add_blank_page(width=100, height=100)
    writer.add_metadata({"/Author": AUTHOR, "/Creator": "Hancom Office", "/Producer": "Hancom PDF"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def call(campus):
    with scopes_disabled():
        call = CallFactory(campus=campus, slug="pilot", allow_organisations=True)
        section = SectionFactory(form=current_form(call), campus=campus, title_en="Your project")
        QuestionFactory(section=section, key="title", kind="short_text", label_en="Project title", position=0)
        QuestionFactory(section=section, key="idea", kind="long_text", label_en="The idea", position=1)
        QuestionFactory(section=section, key="proposal", kind="file", label_en="Proposal", position=2)
        Criterion.objects.create(
            campus=campus, call=call, name_en="Impact", guidance_en="Who gains?", weight=2
        )
        Criterion.objects.create(
            campus=campus, call=call, name_en="Feasibility", weight=1, scale_min=0, scale_max=10, position=1
        )
    return call


def make_phase(call, *, blind=True, others=False, starts=-1, ends=7):
    now = timezone.now()
    with scopes_disabled():
        return ReviewPhase.objects.create(
            campus=call.campus,
            call=call,
            name_en="First round",
            starts_at=now + timedelta(days=starts),
            ends_at=now + timedelta(days=ends),
            is_blind=blind,
            can_see_other_reviews=others,
        )


@pytest.fixture
def phase(call):
    return make_phase(call)


def submitted(call, *, title="Zero-waste market", applicant=None, organisation=None):
    with scopes_disabled():
        applicant = applicant or UserFactory()
        application = start_application(call=call, applicant=applicant, organisation=organisation)
        save_answers(
            application=application,
            values={"title": title, "idea": "Refill stations in every market"},
            files={
                "proposal": SimpleUploadedFile(
                    f"{AUTHOR.replace(' ', '-')}-proposal.pdf", pdf_bytes(), content_type="application/pdf"
                )
            },
        )
        submit_application(application=application, actor=applicant)
        application.refresh_from_db()
    return application


@pytest.fixture
def application(call, campus):
    applicant = UserFactory(name_en=NAME, name_ko="홍길동", email=EMAIL)
    organisation = OrganisationFactory(campus=campus, name_en=ORGANISATION, name_ko="서울 팹랩")
    with scopes_disabled():
        MembershipFactory(organisation=organisation, user=applicant)
    return submitted(call, applicant=applicant, organisation=organisation)


@pytest.fixture
def reviewer(campus, make_person):
    return make_person(campus, "reviewer", preferred_language="en")


def assign(application, reviewer, **fields):
    with scopes_disabled():
        return Review.objects.create(
            campus=application.campus, application=application, reviewer=reviewer, **fields
        )


@pytest.fixture
def review(application, reviewer):
    return assign(application, reviewer)


def criteria(call):
    with scopes_disabled():
        return {criterion.name_en: criterion for criterion in Criterion.objects.filter(call=call)}


def file_answer(application):
    with scopes_disabled():
        return Answer.objects.get(application=application, question__key="proposal")


def fresh(review):
    with scopes_disabled():
        return Review.objects.filter(pk=review.pk).first()


def page_urls(campus, call, review):
    return [
        url(campus, "queue"),
        url(campus, "review", review_id=review.pk),
        url(campus, "file", review_id=review.pk, answer_id=file_answer(review.application).pk),
        url(campus, "bids", slug=call.slug),
    ]


def count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


# Who may come in


def test_pages_send_anonymous_people_to_login(client, campus, call, phase, review):
    login = campus_reverse(campus, "people:login")
    for address in page_urls(campus, call, review):
        response = client.get(address)
        assert response.status_code == 302
        assert response.url.startswith(login)
    response = client.post(url(campus, "conflict", review_id=review.pk), {"note": "my cousin"})
    assert response.url.startswith(login)
    assert fresh(review) is not None


@pytest.fixture
def other_campus_reviewer(other_campus, make_person):
    return make_person(other_campus, "reviewer")


@pytest.mark.parametrize("person", ["participant", "operator", "other_campus_reviewer"])
def test_pages_forbid_people_without_the_reviewer_role_here(
    client, campus, call, phase, review, request, person
):
    client.force_login(request.getfixturevalue(person))

    for address in page_urls(campus, call, review):
        assert client.get(address).status_code == 403
    assert client.post(url(campus, "conflict", review_id=review.pk), {"note": "x"}).status_code == 403
    assert fresh(review) is not None


def test_another_reviewers_review_is_not_found(client, campus, call, phase, review, make_person):
    someone_else = make_person(campus, "reviewer")
    client.force_login(someone_else)
    answer = file_answer(review.application)

    assert client.get(url(campus, "review", review_id=review.pk)).status_code == 404
    assert client.get(url(campus, "file", review_id=review.pk, answer_id=answer.pk)).status_code == 404
    assert client.post(url(campus, "review", review_id=review.pk), {"action": "submit"}).status_code == 404
    assert client.post(url(campus, "conflict", review_id=review.pk), {"note": "x"}).status_code == 404
    assert fresh(review) is not None
    with scopes_disabled():
        assert not Conflict.objects.exists()


def test_a_file_of_an_application_not_assigned_to_me_is_not_found(
    client, campus, call, phase, review, reviewer
):
    other = submitted(call, title="Another project")
    client.force_login(reviewer)

    address = url(campus, "file", review_id=review.pk, answer_id=file_answer(other).pk)

    assert client.get(address).status_code == 404


def test_a_review_of_another_campus_is_not_found(client, campus, other_campus, reviewer):
    with scopes_disabled():
        foreign = ApplicationFactory(
            call=CallFactory(campus=other_campus, slug="pilot"), campus=other_campus, state="submitted"
        )
    foreign_review = assign(foreign, reviewer)
    client.force_login(reviewer)

    assert client.get(url(campus, "review", review_id=foreign_review.pk)).status_code == 404


# Blind review


def test_blind_phase_hides_name_email_organisation_and_file_name(client, campus, phase, review, reviewer):
    client.force_login(reviewer)

    response = client.get(url(campus, "review", review_id=review.pk))

    html = response.text
    assert response.status_code == 200
    assert "Zero-waste market" in html
    assert "Refill stations" in html
    for hidden in (NAME, "홍길동", EMAIL, ORGANISATION, "서울 팹랩", "Hong-Gildong"):
        assert hidden not in html
    assert f"application-{review.application_id}-proposal.pdf" in html


def test_open_phase_shows_the_applicant(client, campus, call, review, reviewer):
    make_phase(call, blind=False)
    client.force_login(reviewer)

    html = client.get(url(campus, "review", review_id=review.pk)).text

    assert NAME in html
    assert EMAIL in html
    assert ORGANISATION in html


def test_blind_file_is_a_copy_without_author_under_a_neutral_name(client, campus, phase, review, reviewer):
    client.force_login(reviewer)
    answer = file_answer(review.application)

    response = client.get(url(campus, "file", review_id=review.pk, answer_id=answer.pk))

    content = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert f'filename="application-{review.application_id}-proposal.pdf"' in response["Content-Disposition"]
    assert AUTHOR.encode() not in content
    assert b"Hancom" not in content
    assert not PdfReader(io.BytesIO(content)).metadata
    assert len(PdfReader(io.BytesIO(content)).pages) == 1


def test_open_phase_file_is_the_original(client, campus, call, review, reviewer):
    make_phase(call, blind=False)
    client.force_login(reviewer)
    answer = file_answer(review.application)

    response = client.get(url(campus, "file", review_id=review.pk, answer_id=answer.pk))

    content = b"".join(response.streaming_content)
    assert "Hong-Gildong-proposal" in response["Content-Disposition"]
    assert AUTHOR.encode() in content


def test_blind_file_that_cannot_be_cleaned_is_not_served(client, campus, phase, review, reviewer):
    answer = file_answer(review.application)
    with answer.file.open("wb") as handle:
        handle.write(b"%PDF-1.4 broken, by " + AUTHOR.encode())
    client.force_login(reviewer)

    response = client.get(url(campus, "file", review_id=review.pk, answer_id=answer.pk), follow=True)

    assert response.redirect_chain[-1][0] == url(campus, "review", review_id=review.pk)
    assert "no anonymous copy" in response.text


# Scoring


def test_draft_keeps_scores_and_submit_needs_every_criterion(client, campus, call, phase, review, reviewer):
    by_name = criteria(call)
    impact, feasibility = by_name["Impact"], by_name["Feasibility"]
    client.force_login(reviewer)
    address = url(campus, "review", review_id=review.pk)

    draft = client.post(address, {f"criterion_{impact.pk}": "4", "comment": "Strong idea", "action": "draft"})
    refused = client.post(address, {f"criterion_{impact.pk}": "5", "comment": "Changed", "action": "submit"})

    assert draft.status_code == 302
    assert refused.status_code == 200
    assert "Score every criterion" in refused.text
    assert f'value="5" id="id_criterion_{impact.pk}_4" checked' in refused.text
    assert "Changed" in refused.text
    with scopes_disabled():
        assert Score.objects.get(review=review, criterion=impact).value == 4
    assert fresh(review).submitted_at is None

    done = client.post(
        address,
        {
            f"criterion_{impact.pk}": "5",
            f"criterion_{feasibility.pk}": "7",
            "comment": "Go",
            "action": "submit",
        },
    )

    assert done.status_code == 302
    saved = fresh(review)
    assert saved.submitted_at is not None
    assert saved.comment == "Go"


def test_score_outside_the_scale_is_refused_and_values_kept(client, campus, call, phase, review, reviewer):
    feasibility = criteria(call)["Feasibility"]
    client.force_login(reviewer)

    response = client.post(
        url(campus, "review", review_id=review.pk),
        {f"criterion_{feasibility.pk}": "11", "comment": "Kept text", "action": "draft"},
    )

    assert response.status_code == 200
    assert "Kept text" in response.text
    with scopes_disabled():
        assert not Score.objects.filter(review=review).exists()


def test_after_the_phase_ends_the_review_is_read_only(client, campus, call, review, reviewer):
    make_phase(call, starts=-10, ends=-1)
    impact = criteria(call)["Impact"]
    client.force_login(reviewer)
    address = url(campus, "review", review_id=review.pk)

    page = client.get(address)
    response = client.post(
        address, {f"criterion_{impact.pk}": "3", "comment": "Typed late", "action": "draft"}
    )

    assert "ended on" in page.text
    assert "Save draft" not in page.text
    assert response.status_code == 200
    assert "can no longer be changed" in response.text
    assert "Typed late" in response.text
    assert "Save draft" not in response.text
    with scopes_disabled():
        assert not Score.objects.filter(review=review).exists()


def test_before_any_phase_the_application_can_be_read_but_not_scored(client, campus, call, review, reviewer):
    impact = criteria(call)["Impact"]
    client.force_login(reviewer)
    address = url(campus, "review", review_id=review.pk)

    page = client.get(address)
    client.post(address, {f"criterion_{impact.pk}": "3", "action": "draft"})

    assert page.status_code == 200
    assert "No review phase" in page.text
    assert NAME not in page.text
    with scopes_disabled():
        assert not Score.objects.filter(review=review).exists()


def submit_scores(review, reviewer, call, impact, feasibility, comment=""):
    from opencampus.calls.services.scoring import save_review

    by_name = criteria(call)
    with scopes_disabled():
        save_review(
            review=review,
            values={by_name["Impact"].pk: impact, by_name["Feasibility"].pk: feasibility},
            comment=comment,
            actor=reviewer,
            submit=True,
        )


def test_other_reviews_appear_after_submitting_blind_to_names(
    client, campus, call, review, reviewer, make_person
):
    make_phase(call, others=True)
    colleague = make_person(campus, "reviewer", name_en="Reviewer Colleague", email="colleague@example.org")
    other = assign(review.application, colleague)
    submit_scores(other, colleague, call, 2, 3, comment="Too expensive")
    client.force_login(reviewer)
    address = url(campus, "review", review_id=review.pk)

    before = client.get(address).text
    submit_scores(review, reviewer, call, 5, 9)
    after = client.get(address).text

    assert "Too expensive" not in before
    assert "Too expensive" in after
    assert "Reviewer 1" in after
    assert "Reviewer Colleague" not in after
    assert "colleague@example.org" not in after


def test_other_reviews_stay_hidden_when_the_phase_does_not_allow_it(
    client, campus, call, phase, review, reviewer, make_person
):
    colleague = make_person(campus, "reviewer")
    submit_scores(assign(review.application, colleague), colleague, call, 2, 3, comment="Too expensive")
    submit_scores(review, reviewer, call, 5, 9)
    client.force_login(reviewer)

    assert "Too expensive" not in client.get(url(campus, "review", review_id=review.pk)).text


# Conflicts of interest


def test_declaring_a_conflict_hands_the_review_back(client, campus, phase, review, reviewer):
    client.force_login(reviewer)

    response = client.post(url(campus, "conflict", review_id=review.pk), {"note": "A former colleague"})

    assert response.status_code == 302
    assert response.url == url(campus, "queue")
    assert fresh(review) is None
    with scopes_disabled():
        conflict = Conflict.objects.get()
    assert (conflict.application_id, conflict.reviewer_id) == (review.application_id, reviewer.pk)
    assert conflict.source == Conflict.Source.DECLARED
    assert conflict.note == "A former colleague"


def test_a_conflict_needs_a_note_and_keeps_the_review(client, campus, phase, review, reviewer):
    client.force_login(reviewer)

    response = client.post(url(campus, "conflict", review_id=review.pk), {"note": ""})

    assert response.status_code == 200
    assert "Say briefly why" in response.text
    assert fresh(review) is not None


def test_a_submitted_review_stays_when_a_conflict_is_declared(client, campus, call, phase, review, reviewer):
    submit_scores(review, reviewer, call, 4, 4)
    client.force_login(reviewer)

    client.post(url(campus, "conflict", review_id=review.pk), {"note": "Found out later"})

    assert fresh(review) is not None
    with scopes_disabled():
        assert Conflict.objects.count() == 1


def test_a_reviewer_with_a_recorded_conflict_cannot_score(client, campus, call, phase, review, reviewer):
    with scopes_disabled():
        Conflict.objects.create(
            campus=campus, application=review.application, reviewer=reviewer, source=Conflict.Source.STAFF
        )
    impact = criteria(call)["Impact"]
    client.force_login(reviewer)
    address = url(campus, "review", review_id=review.pk)

    page = client.get(address)
    client.post(address, {f"criterion_{impact.pk}": "3", "action": "draft"})

    assert "conflict of interest with this application" in page.text
    with scopes_disabled():
        assert not Score.objects.filter(review=review).exists()


# The queue


def test_queue_shows_my_reviews_and_progress_only(client, campus, call, phase, review, reviewer, make_person):
    second = assign(submitted(call, title="Community fridge"), reviewer)
    submit_scores(second, reviewer, call, 3, 3)
    someone_else = make_person(campus, "reviewer")
    not_mine = assign(submitted(call, title="Repair café"), someone_else)
    client.force_login(reviewer)

    response = client.get(url(campus, "queue"))

    html = response.text
    assert response.context["submitted"] == 1
    assert response.context["assigned"] == 2
    assert "1 of 2 submitted" in html
    assert url(campus, "review", review_id=review.pk) in html
    assert url(campus, "review", review_id=not_mine.pk) not in html
    assert "Repair café" not in html
    assert NAME not in html
    assert url(campus, "bids", slug=call.slug) in html


def test_queue_marks_calls_without_an_open_phase(client, campus, call, review, reviewer):
    make_phase(call, starts=3, ends=10)
    client.force_login(reviewer)

    response = client.get(url(campus, "queue"))

    assert response.context["groups"][0]["state"].status == "upcoming"
    assert "opens on" in response.text


def test_queue_query_count_does_not_grow_with_reviews(client, campus, call, phase, reviewer):
    client.force_login(reviewer)
    address = url(campus, "queue")

    assign(submitted(call), reviewer)
    one = count_queries(client, address)
    with scopes_disabled():
        other_call = CallFactory(campus=campus, slug="lab")
    make_phase(other_call)
    assign(submitted(call), reviewer)
    with scopes_disabled():
        assign(ApplicationFactory(call=other_call, campus=campus, state="submitted"), reviewer)
    three = count_queries(client, address)

    assert one == three


# Bids


def test_bids_list_titles_only_and_store_preferences(client, campus, call, phase, application, reviewer):
    other = submitted(call, title="Community fridge")
    client.force_login(reviewer)
    address = url(campus, "bids", slug=call.slug)

    page = client.get(address)
    response = client.post(address, {f"bid_{application.pk}": "2", f"bid_{other.pk}": "-1"})

    assert f"Application {application.pk}" in page.text
    assert "Zero-waste market" in page.text
    assert NAME not in page.text
    assert ORGANISATION not in page.text
    assert response.status_code == 302
    with scopes_disabled():
        assert dict(Bid.objects.filter(reviewer=reviewer).values_list("application_id", "level")) == {
            application.pk: Bid.Level.EAGER,
            other.pk: Bid.Level.NOT_WILLING,
        }

    client.post(address, {f"bid_{application.pk}": "", f"bid_{other.pk}": "1"})

    with scopes_disabled():
        assert dict(Bid.objects.filter(reviewer=reviewer).values_list("application_id", "level")) == {
            other.pk: Bid.Level.WILLING
        }


def test_bids_refuse_an_unknown_level_and_keep_nothing(client, campus, call, phase, application, reviewer):
    client.force_login(reviewer)

    response = client.post(url(campus, "bids", slug=call.slug), {f"bid_{application.pk}": "7"})

    assert response.status_code == 200
    with scopes_disabled():
        assert not Bid.objects.exists()


def test_bids_leave_out_applications_i_have_a_conflict_with(
    client, campus, call, phase, application, reviewer
):
    with scopes_disabled():
        MembershipFactory(organisation=application.organisation, user=reviewer)
    other = submitted(call, title="Community fridge")
    client.force_login(reviewer)

    response = client.get(url(campus, "bids", slug=call.slug))

    listed = [row[0] for row in response.context["form"].rows()]
    assert listed == [other]
    assert response.context["conflict_count"] == 1


def test_bids_of_another_campus_call_are_not_found(client, campus, other_campus, reviewer):
    with scopes_disabled():
        CallFactory(campus=other_campus, slug="theirs")
    client.force_login(reviewer)

    assert client.get(url(campus, "bids", slug="theirs")).status_code == 404


def test_bids_query_count_does_not_grow_with_applications(client, campus, call, phase, reviewer):
    client.force_login(reviewer)
    address = url(campus, "bids", slug=call.slug)

    submitted(call)
    one = count_queries(client, address)
    submitted(call)
    submitted(call)
    three = count_queries(client, address)

    assert one == three


def test_a_long_scale_is_a_number_input(client, campus, call, phase, review, reviewer):
    with scopes_disabled():
        Criterion.objects.filter(call=call).delete()
    percent = Criterion.objects.create(
        campus=campus, call=call, name_en="Overall", scale_min=0, scale_max=100
    )
    client.force_login(reviewer)
    address = url(campus, "review", review_id=review.pk)

    page = client.get(address)
    response = client.post(address, {f"criterion_{percent.pk}": "85", "action": "submit"})

    assert f'type="number" name="criterion_{percent.pk}"' in page.text
    assert response.status_code == 302
    with scopes_disabled():
        assert Score.objects.get(review=review).value == 85


def test_header_links_reviewers_to_their_queue(client, campus, make_person, participant):
    reviewer = make_person(campus, "reviewer")

    client.force_login(reviewer)
    as_reviewer = client.get(f"/c/{campus.slug}/")
    client.force_login(participant)
    as_participant = client.get(f"/c/{campus.slug}/")

    assert f'href="/c/{campus.slug}/reviews/"' in as_reviewer.text
    assert f'href="/c/{campus.slug}/reviews/"' not in as_participant.text
