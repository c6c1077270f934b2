"""A call from its form to a confirmed cohort, in a real browser (issue 3).

The operator builds and publishes a call; three people apply in the browser (a fourth
application comes from the factories); the operator closes the call, sets up the review and
assigns two reviewers, who score every application; the operator reads the scores, adds a
quota, stages a selection, sends the decisions and releases the letters from the outbox.
The first accepted applicant confirms, the second declines, and the place goes to the first
on the waiting list, who confirms too.

Every person uses their own browser context, as on their own computer, and logs in through
the login form. The operator and one applicant read the pages in English, the others in Korean.
"""

import re
import zoneinfo
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.text import capfirst
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from opencampus.calls.models import Answer, Application, Call, Criterion, Review
from opencampus.calls.services.forms import current_form
from opencampus.core.models import OutboxMessage
from tests.factories import PASSWORD, ApplicationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

State = Application.State
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")
SLUG = "innovators-2026"
CALL = f"/c/seoul/calls/{SLUG}/"
MANAGE = f"/c/seoul/manage/calls/{SLUG}/"
FIELDS = "energy | 에너지 | Energy\ndigital | 디지털 | Digital\nfood | 먹거리 | Food"
# Scores on the 1-5 "Impact" scale: (first reviewer, second reviewer) for each applicant.
SCORES = {"ahn": (5, 5), "baek": (4, 3), "cho": (3, 3), "dong": (1, 2)}


def campus_time(moment):
    """A datetime-local input's value in campus time (Asia/Seoul), to the minute."""
    return timezone.localtime(moment, SEOUL).strftime("%Y-%m-%dT%H:%M")


def state_label(state, language):
    """How the pages write an application's state, in ``language``."""
    with translation.override(language):
        return capfirst(str(State(state).label))


def log_in(page, person, path):
    page.goto(f"/c/seoul/login/?next={path}")
    page.locator("#id_username").fill(person.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))


def reload(application):
    with scopes_disabled():
        return Application.objects.get(pk=application.pk)


def letters_to(person):
    """The mails sent to ``person`` so far (the live server's mailer is the locmem one)."""
    return [message for message in mail.outbox if message.to == [person.email]]


def confirm_link(message):
    link = re.search(r"https?://\S+/application/confirm/", message.body)
    assert link, message.body
    return link.group(0)


@pytest.fixture
def open_page(browser, live_server, page):
    """``open_page()``: a fresh browser context's page; its CSP violations land in ``page``'s list."""
    contexts = []

    def open_():
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        new = context.new_page()
        new.on(
            "console",
            lambda message: (
                page.csp_violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        new.on("dialog", lambda dialog: dialog.accept())
        return new

    yield open_
    for context in contexts:
        context.close()


def build_and_publish_call(page, screenshot, now):
    """The operator creates the call, builds its form (two questions) and publishes it."""
    page.locator("header a[href='/c/seoul/manage/']").click()
    page.locator("main a[href='/c/seoul/manage/calls/']").click()
    page.locator("main a[href='/c/seoul/manage/calls/new/']").click()
    page.locator("#id_slug").fill(SLUG)
    page.locator("#id_kind").select_option("cohort")
    page.locator("#id_title_ko").fill("2026 사회혁신가 코호트")
    page.locator("#id_title_en").fill("Social innovators 2026")
    page.locator("#id_description_en").fill(
        "Six months on the campus for people who fix their neighbourhood."
    )
    page.locator("#id_opens_at").fill(campus_time(now - timedelta(days=1)))
    page.locator("#id_closes_at").fill(campus_time(now + timedelta(days=14)))
    page.locator("#id_places").fill("2")
    screenshot(page, "operator-new-call")
    page.locator("main form.stacked button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(f"{MANAGE}form/") + "$"))

    page.locator(f"main a[href='{MANAGE}form/sections/new/']").click()
    page.locator("#id_title_ko").fill("지원 내용")
    page.locator("#id_title_en").fill("Your application")
    page.locator("main form.stacked button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(f"{MANAGE}form/") + "$"))

    for key, kind, label_ko, label_en, choices in [
        ("motivation", "long_text", "왜 지원하나요?", "Why do you apply?", ""),
        ("field", "single_choice", "분야", "Field", FIELDS),
    ]:
        page.locator(f"main a[href^='{MANAGE}form/questions/new/?section=']").click()
        page.locator("#id_key").fill(key)
        page.locator("#id_kind").select_option(kind)
        page.locator("#id_label_ko").fill(label_ko)
        page.locator("#id_label_en").fill(label_en)
        page.locator("#id_required").check()
        page.locator("#id_choices_text").fill(choices)
        page.locator("main form.stacked button[type=submit]").click()
        expect(page).to_have_url(re.compile(re.escape(f"{MANAGE}form/") + "$"))
        expect(page.locator("main code", has_text=key)).to_be_visible()
    screenshot(page, "operator-form-built")

    page.locator(f"nav a[href='{MANAGE}edit/']").click()
    page.locator(f"main form[action='{MANAGE}publish/'] button").click()
    expect(page.locator(".messages")).to_contain_text("The call is published.")
    screenshot(page, "operator-call-published")
    with scopes_disabled():
        return Call.objects.get(slug=SLUG)


def apply(page, person, field, motivation, screenshot, language, first_try_empty=False):
    """``person`` applies in the browser; the status page then says the application is submitted."""
    log_in(page, person, CALL)
    page.locator(f"main form[action='{CALL}apply/'] button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(f"{CALL}application/") + "$"))
    if first_try_empty:
        page.locator("button[name=action][value=submit]").click()
        expect(page.locator("#error-summary")).to_be_visible()
        expect(page.locator("#id_q-motivation")).to_have_attribute("aria-invalid", "true")
        screenshot(page, f"applicant-{person.name_en.split()[0].lower()}-missing-answers")
    page.locator("#id_q-motivation").fill(motivation)
    page.locator(f"input[name='q-field'][value='{field}']").check()
    screenshot(page, f"applicant-{person.name_en.split()[0].lower()}-form-filled")
    page.locator("button[name=action][value=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(f"{CALL}application/status/") + "$"))
    expect(page.locator("main .tag").first).to_have_text(state_label(State.SUBMITTED, language))
    expect(page.locator("main")).to_contain_text(motivation)
    screenshot(page, f"applicant-{person.name_en.split()[0].lower()}-submitted")
    assert len(letters_to(person)) == 1, "the receipt is mailed at once"


def factory_application(call, person, field, motivation):
    """An application submitted outside the browser, with its answers."""
    with scopes_disabled():
        application = ApplicationFactory(
            call=call, applicant=person, state=State.SUBMITTED, submitted_at=timezone.now()
        )
        for question in current_form(call).questions.all():
            value = {"motivation": motivation, "field": field}[question.key]
            Answer.objects.create(campus=call.campus, application=application, question=question, value=value)
    return application


def review_all(page, reviewer, applications, column, screenshot, name):
    """``reviewer`` scores every application assigned to them and submits each review."""
    log_in(page, reviewer, "/c/seoul/")
    page.locator("header a[href='/c/seoul/reviews/']").click()
    expect(page.locator("main progress")).to_have_attribute("value", "0")
    screenshot(page, f"{name}-queue")
    with scopes_disabled():
        criterion = Criterion.objects.get(call__slug=SLUG)
    for key, application in applications.items():
        with scopes_disabled():
            review = Review.objects.get(application=application, reviewer=reviewer)
        page.locator(f"main a[href='/c/seoul/reviews/{review.pk}/']").click()
        # Blind review: nothing on the page names the applicant.
        expect(page.locator("main")).not_to_contain_text(application.applicant.email)
        expect(page.locator("main")).not_to_contain_text(application.applicant.name_en)
        page.locator(f"input[name='criterion_{criterion.pk}'][value='{SCORES[key][column]}']").check()
        page.locator("#id_comment").fill(f"Score {SCORES[key][column]}: clear plan, some risks.")
        if key == "ahn":
            screenshot(page, f"{name}-review-filled")
        page.locator("button[name=action][value=submit]").click()
        expect(page.locator(".messages .success")).to_be_visible()
        page.locator("main a[href='/c/seoul/reviews/']").click()
    expect(page.locator("main progress")).to_have_attribute("value", str(len(applications)))
    screenshot(page, f"{name}-all-submitted")


def release_drafts(page, screenshot, name, count):
    """The operator releases every draft in the outbox; the mails go out at once."""
    page.goto("/c/seoul/manage/outbox/")
    page.locator("main a[href='?state=draft']").click()
    expect(page.locator("main input[name=selected]")).to_have_count(count)
    page.locator("main input[data-select-all]").check()
    screenshot(page, name)
    page.locator("main button[name=operation][value=release]").click()
    expect(page.locator(".messages")).to_contain_text(f"{count} message")
    with scopes_disabled():
        assert not OutboxMessage.objects.filter(state=OutboxMessage.State.DRAFT).exists()


def test_operator_runs_a_call_from_form_to_confirmed_cohort(page, open_page, screenshot, campus, make_person):
    operator = make_person(campus, "operator", name_en="Olga Operator", preferred_language="en")
    ahn = make_person(campus, name_en="Ahn Applicant", email="ahn@example.org", preferred_language="en")
    baek = make_person(campus, name_en="Baek Applicant", name_ko="백지원", email="baek@example.org")
    cho = make_person(campus, name_en="Cho Applicant", email="cho@example.org", preferred_language="en")
    dong = make_person(campus, name_en="Dong Applicant", email="dong@example.org", preferred_language="en")
    reviewers = [
        make_person(campus, "reviewer", name_en="Ria Reviewer", preferred_language="en"),
        make_person(campus, "reviewer", name_en="Ryu Reviewer", name_ko="류심사"),
    ]
    page.on("dialog", lambda dialog: dialog.accept())
    now = timezone.now()

    # 1. The operator builds the call and publishes it.
    log_in(page, operator, "/c/seoul/")
    call = build_and_publish_call(page, screenshot, now)

    # 2. Three people apply in the browser; a fourth application comes from the factories.
    pages = {key: open_page() for key in ("ahn", "baek", "cho")}
    apply(
        pages["ahn"],
        ahn,
        "energy",
        "A zero-waste market in every district.",
        screenshot,
        "en",
        first_try_empty=True,
    )
    apply(pages["baek"], baek, "digital", "동네 수리 카페 지도를 만들고 싶습니다.", screenshot, "ko")
    apply(pages["cho"], cho, "food", "Community kitchens that cook the market's leftovers.", screenshot, "en")
    with scopes_disabled():
        applications = {
            key: Application.objects.get(applicant=person)
            for key, person in (("ahn", ahn), ("baek", baek), ("cho", cho))
        }
    applications["dong"] = factory_application(call, dong, "energy", "Solar roofs for the library.")
    assert {reload(a).state for a in applications.values()} == {State.SUBMITTED}

    # The operator closes the call: applications can no longer change.
    page.goto(f"{MANAGE}edit/")
    page.locator("#id_closes_at").fill(campus_time(timezone.now()))
    page.locator("main form.stacked button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("The call has been saved.")
    page.locator(f"nav a[href='{MANAGE}applications/']").click()
    for application in applications.values():
        expect(page.locator(f"main a[href='{MANAGE}applications/{application.pk}/']").first).to_be_visible()
    screenshot(page, "operator-applications")
    pages["ahn"].goto(f"{CALL}application/")
    expect(pages["ahn"]).to_have_url(re.compile(re.escape(f"{CALL}application/status/") + "$"))

    # 3. Review setup: a phase open now with k = 2 in which the committee may also decide, and one
    #    criterion scored 1-5.
    page.locator(f"nav a[href='{MANAGE}review/setup/']").click()
    page.locator(f"main a[href='{MANAGE}review/phases/new/']").click()
    page.locator("#id_name_ko").fill("1차 심사")
    page.locator("#id_name_en").fill("First reading")
    page.locator("#id_starts_at").fill(campus_time(timezone.now() - timedelta(hours=1)))
    page.locator("#id_ends_at").fill(campus_time(timezone.now() + timedelta(days=7)))
    page.locator("#id_reviews_per_application").fill("2")
    page.locator("#id_can_change_decisions").check()
    page.locator("main form.stacked button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("The review phase has been added.")
    page.locator(f"main a[href='{MANAGE}review/criteria/new/']").click()
    page.locator("#id_name_ko").fill("임팩트")
    page.locator("#id_name_en").fill("Impact")
    page.locator("#id_guidance_en").fill("1: no change for anyone; 5: a whole district changes.")
    page.locator("#id_scale_min").fill("1")
    page.locator("#id_scale_max").fill("5")
    page.locator("main form.stacked button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("The criterion has been added.")
    expect(page.locator("main")).to_contain_text("Open now: First reading.")
    screenshot(page, "operator-review-setup")

    # The assignment: every application gets both reviewers.
    page.locator(f"nav a[href='{MANAGE}review/assignment/']").click()
    expect(page.locator("#id_reviews_per_application")).to_have_value("2")
    page.locator(f"main form[action='{MANAGE}review/assignment/run/'] button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Reviewers are assigned (optimal")
    expect(page.locator("main table").first.locator("tbody tr").first).to_contain_text("optimal")
    screenshot(page, "operator-assignment-optimal")
    with scopes_disabled():
        assert Review.objects.filter(application__call=call).count() == 8

    # 4. Both reviewers score their four applications.
    for column, reviewer in enumerate(reviewers):
        review_all(open_page(), reviewer, applications, column, screenshot, f"reviewer-{column + 1}")

    # 5. Scores, a quota, the selection (2 places, 1 on the waiting list), decisions, outbox.
    page.locator(f"nav a[href='{MANAGE}scores/']").click()
    first_row = page.locator("main table").first.locator("tbody tr").first
    expect(first_row).to_contain_text(f"#{applications['ahn'].pk}")
    screenshot(page, "operator-scores")

    page.locator(f"nav a[href='{MANAGE}selection/quotas/']").click()
    page.locator("#id_question_key").select_option("field")
    page.locator("#id_value").select_option("energy")
    page.locator("#id_minimum").fill("1")
    page.locator("main form.stacked button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("The quota has been added.")

    page.locator(f"nav a[href='{MANAGE}selection/']").click()
    page.locator("#id_places").fill("2")
    page.locator("#id_waitlist_size").fill("1")
    page.locator("main form.filters button[type=submit]").click()
    selected = page.locator("xpath=//h2[starts-with(., 'Selected')]/following-sibling::div[1]")
    waiting = page.locator("xpath=//h2[starts-with(., 'Waiting list')]/following-sibling::div[1]")
    for key, table in (("ahn", selected), ("baek", selected), ("cho", waiting)):
        expect(table.locator(f"a[href='{MANAGE}applications/{applications[key].pk}/']")).to_be_visible()
    screenshot(page, "operator-selection")
    page.locator("main form.inline-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(f"{MANAGE}decisions/") + "$"))
    expected = {
        "ahn": State.ACCEPTED,
        "baek": State.ACCEPTED,
        "cho": State.WAITLISTED,
        "dong": State.REJECTED,
    }
    for key, state in expected.items():
        row = page.locator(
            "main tr", has=page.locator(f"a[href='{MANAGE}applications/{applications[key].pk}/']")
        )
        expect(row.first.locator("td").nth(2)).to_contain_text(state_label(state, "en"))
    assert {reload(a).state for a in applications.values()} == {State.SUBMITTED}, "staging tells nobody"
    screenshot(page, "operator-decisions-staged")

    page.locator(f"main form[action='{MANAGE}decisions/send/'] button").click()
    expect(page.locator(".messages")).to_contain_text("4 decisions took effect.")
    assert {key: reload(a).state for key, a in applications.items()} == expected
    # Accepted places carry their confirm-by deadline, in campus time.
    deadline = timezone.localtime(reload(applications["ahn"]).confirm_by, SEOUL).strftime("%Y-%m-%d %H:%M")
    ahn_row = page.locator(
        "main tr", has=page.locator(f"a[href='{MANAGE}applications/{applications['ahn'].pk}/']")
    )
    expect(ahn_row.locator("td").nth(2)).to_have_text(deadline)
    screenshot(page, "operator-decisions-sent")
    assert not letters_to(dong), "letters wait in the outbox until released"

    page.locator("main a[href='/c/seoul/manage/outbox/']").click()
    release_drafts(page, screenshot, "operator-outbox-decisions", 4)
    # The three who applied in the browser had a receipt first; Dong's application came from the factories.
    for person, count in ((ahn, 2), (baek, 2), (cho, 2), (dong, 1)):
        assert len(letters_to(person)) == count, f"{person.email} has their decision letter"
    assert letters_to(ahn)[-1].subject == "You have a place in “Social innovators 2026”"
    assert "waiting list" in letters_to(cho)[-1].body
    assert "2026 사회혁신가 코호트" in letters_to(baek)[-1].subject

    # 6. Ahn confirms through the link in the letter.
    ahn_page = pages["ahn"]
    ahn_page.goto(f"{CALL}application/status/")
    expect(ahn_page.locator("main .tag").first).to_have_text(state_label(State.ACCEPTED, "en"))
    expect(ahn_page.locator("#place-heading + p")).to_contain_text(deadline)
    screenshot(ahn_page, "applicant-ahn-accepted")
    ahn_page.goto(confirm_link(letters_to(ahn)[-1]))
    expect(ahn_page.locator("main h1")).to_be_visible()
    screenshot(ahn_page, "applicant-ahn-confirm-page")
    ahn_page.locator("button[name=action][value=confirm]").click()
    expect(ahn_page.locator(".messages")).to_contain_text("You confirmed your place.")
    ahn_page.locator(f"main a[href='{CALL}application/status/']").click()
    expect(ahn_page.locator("main .tag").first).to_have_text(state_label(State.CONFIRMED, "en"))
    screenshot(ahn_page, "applicant-ahn-confirmed")

    # Baek declines; the place goes to Cho, first on the waiting list.
    baek_page = pages["baek"]
    baek_page.goto(confirm_link(letters_to(baek)[-1]))
    baek_page.locator("button[name=action][value=decline]").click()
    expect(baek_page.locator("main .danger-zone")).to_have_count(0)
    baek_page.locator(f"main a[href='{CALL}application/status/']").click()
    expect(baek_page.locator("main .tag").first).to_have_text(state_label(State.DECLINED, "ko"))
    screenshot(baek_page, "applicant-baek-declined")
    assert reload(applications["cho"]).state == State.ACCEPTED

    release_drafts(page, screenshot, "operator-outbox-offer", 1)
    offer = letters_to(cho)[-1]
    assert "has become free" in offer.body
    cho_page = pages["cho"]
    cho_page.goto(confirm_link(offer))
    cho_page.locator("button[name=action][value=confirm]").click()
    expect(cho_page.locator(".messages")).to_contain_text("You confirmed your place.")
    cho_page.goto(f"{CALL}application/status/")
    expect(cho_page.locator("main .tag").first).to_have_text(state_label(State.CONFIRMED, "en"))
    screenshot(cho_page, "applicant-cho-confirmed")

    # The cohort is complete.
    page.goto(f"{MANAGE}decisions/")
    expect(page.locator("main")).to_contain_text("No decision is staged.")
    for label, count in ((State.CONFIRMED, 2), (State.DECLINED, 1), (State.REJECTED, 1), (State.ACCEPTED, 0)):
        expect(page.locator("main .tag", has_text=f"{state_label(label, 'en')}: {count}")).to_have_count(1)
    screenshot(page, "operator-cohort-confirmed")
    assert {key: reload(a).state for key, a in applications.items()} == {
        "ahn": State.CONFIRMED,
        "baek": State.DECLINED,
        "cho": State.CONFIRMED,
        "dong": State.REJECTED,
    }

    assert page.csp_violations == []
