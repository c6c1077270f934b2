"""The first journey of every newcomer, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import CampusFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-enough-secret-2026"


def test_newcomer_signs_up_logs_in_switches_to_english_edits_profile_and_logs_out(page, screenshot):
    CampusFactory(slug="seoul", name_ko="서울혁신파크", name_en="Seoul Innovation Park")

    page.goto("/c/seoul/")
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.get_by_role("heading", level=1)).to_have_text("서울혁신파크")
    screenshot(page, "campus-home-korean")

    page.locator("main a[href='/c/seoul/signup/']").click()
    page.locator("#id_email").fill("newcomer@example.org")
    page.locator("#id_name_ko").fill("김혁신")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill("a-different-secret-2026")
    page.locator("#id_accept_terms").check()
    screenshot(page, "signup-filled")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#id_email")).to_have_value("newcomer@example.org")
    expect(page.locator("#id_password2")).to_have_attribute("aria-invalid", "true")
    screenshot(page, "signup-error-kept-values")

    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/c/seoul/me/$"))
    screenshot(page, "signed-up-profile")

    page.locator("header form[action='/c/seoul/logout/'] button").click()
    expect(page.locator("header a[href='/c/seoul/login/']")).to_be_visible()
    page.locator("header a[href='/c/seoul/login/']").click()
    page.locator("#id_username").fill("Newcomer@Example.org")
    page.locator("#id_password").fill(PASSWORD)
    screenshot(page, "login")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("header a[href='/c/seoul/me/']")).to_be_visible()

    page.locator("header button[value=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Seoul Innovation Park")
    screenshot(page, "campus-home-english")

    page.locator("header a[href='/c/seoul/me/']").click()
    page.locator("#id_account-name_en").fill("Hyeoksin Kim")
    page.locator("#id_profile-expertise").fill("energy, waste, food")
    page.locator("input[name='profile-languages'][value='en']").check()
    page.locator("#id_profile-bio_en").fill("I work on zero-waste neighbourhoods.")
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator(".messages")).to_contain_text("Your profile has been saved.")
    expect(page.locator("#id_profile-bio_en")).to_have_value("I work on zero-waste neighbourhoods.")
    screenshot(page, "profile-saved-english")

    page.locator("header form[action='/c/seoul/logout/'] button").click()
    expect(page.locator("header a[href='/c/seoul/login/']")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    screenshot(page, "logged-out-still-english")

    assert page.csp_violations == []


def test_pages_fit_a_phone_and_keyboard_reaches_content_first(browser, live_server, screenshot):
    CampusFactory(slug="seoul", name_ko="서울혁신파크", name_en="Seoul Innovation Park")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740})
    page = context.new_page()

    for path, name in [("/c/seoul/", "phone-home"), ("/c/seoul/signup/", "phone-signup")]:
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways on a phone"
        screenshot(page, name)

    page.goto("/c/seoul/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    context.close()
