"""The application draft saves itself while the person types, in a real browser."""

import re

import pytest
from django_scopes import scopes_disabled

from opencampus.calls.models import Answer
from tests.factories import PASSWORD, ApplicationFactory, CallFactory, QuestionFactory, SectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_draft_is_saved_after_a_pause_in_typing(page, campus, make_person):
    from playwright.sync_api import expect

    person = make_person(campus, "participant", preferred_language="en", email="autosave@example.org")
    with scopes_disabled():
        call = CallFactory(campus=campus, slug="pilot-2020")
        section = SectionFactory(form__call=call, form__campus=campus, campus=campus)
        QuestionFactory(section=section, key="motivation", kind="long_text", required=True)
        QuestionFactory(section=section, key="portfolio", kind="file", allowed_extensions=["pdf"])
        application = ApplicationFactory(call=call, campus=campus, applicant=person)

    page.goto("/c/seoul/login/?next=/c/seoul/calls/pilot-2020/application/")
    page.locator("#id_username").fill("autosave@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/calls/pilot-2020/application/$"))
    # The autosave listens from DOMContentLoaded on: keys typed before then raise no input event.
    page.wait_for_load_state("domcontentloaded")

    page.locator("#id_q-motivation").press_sequentially("Zero-waste markets")
    expect(page.locator("#autosave-status")).to_have_text(
        re.compile(r"Draft saved at \d\d:\d\d\."), timeout=8000
    )

    with scopes_disabled():
        assert Answer.objects.get(application=application, question__key="motivation").value == (
            "Zero-waste markets"
        )
    page.reload()
    expect(page.locator("#id_q-motivation")).to_have_value("Zero-waste markets")
    assert page.csp_violations == []
