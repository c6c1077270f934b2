"""The mentor network on the demo campus itself, in a real browser: staff compute the 2020 pilot's
participants round and see the stable and the maximum-fit results side by side; the demo mentor
finds the working group they mentor and the autumn's rated meetings."""

import re

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from opencampus.demo.loader import load_demo
from opencampus.mentors.models import MatchingRound, Mentorship
from tests.browser.test_park_journey import log_in, log_out
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo():
    load_demo(password=PASSWORD)
    with scopes_disabled():
        participants = MatchingRound.objects.get(mentee_kind="participants")
        mentorship = Mentorship.objects.select_related("mentee__group").get(
            mentor__user__email="mentor@demo.opencampus.example"
        )
        return {
            "round": participants,
            "mentees": participants.mentees.count(),
            "group": mentorship.mentee.group,
        }


def test_staff_match_the_pilot_in_the_browser_and_the_mentor_sees_their_group(page, demo, screenshot):
    log_in(page, "staff@demo.opencampus.example")
    page.goto("/c/seoul/manage/mentors/matching/")
    page.locator(f"a[href='/c/seoul/manage/mentors/matching/{demo['round'].pk}/']").click()
    page.locator("form[action$='/compute/'] button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/matching/\d+/runs/\d+/$"))
    welfare = page.locator("table.matching-welfare tbody tr")
    matched = f"{demo['mentees']} / {demo['mentees']}"
    expect(welfare.first.locator("td")).to_have_text([matched, matched])
    expect(welfare.last.locator("td").first).to_have_text("0")  # the stable result has no blocking pair
    screenshot(page, "demo-mentor-matching")
    log_out(page)

    log_in(page, "mentor@demo.opencampus.example")
    page.goto("/c/seoul/mentors/mentoring/")
    expect(page.locator("#my-mentees").locator("..")).to_contain_text(demo["group"].name)
