import os
import shutil
from pathlib import Path

import pytest
from django_scopes import scopes_disabled

from tests.factories import CampusFactory, CampusRoleFactory, UserFactory

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "browser"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Tasks run in-process in tests; one test runs the real database worker instead."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Templates need no collected manifest in tests."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def campus(db):
    return CampusFactory(slug="seoul", name_ko="서울혁신파크", name_en="Seoul Innovation Park")


@pytest.fixture
def other_campus(db):
    return CampusFactory(slug="busan", name_ko="부산 캠퍼스", name_en="Busan Campus")


@pytest.fixture
def make_person(db):
    """``make_person(campus, "operator", "staff")``: a person holding those roles there."""

    def make(campus=None, *roles, **fields):
        user = UserFactory(**fields)
        with scopes_disabled():
            for role in roles:
                CampusRoleFactory(campus=campus, user=user, role=role)
        return user

    return make


@pytest.fixture
def operator(campus, make_person):
    return make_person(campus, "operator")


@pytest.fixture
def staff_member(campus, make_person):
    return make_person(campus, "staff")


@pytest.fixture
def participant(campus, make_person):
    return make_person(campus, "participant")


@pytest.fixture
def other_operator(other_campus, make_person):
    """Operator of the *other* campus: must never reach this campus's data."""
    return make_person(other_campus, "operator")


def chromium_path():
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. In CI a missing browser fails the run."""
    executable = chromium_path()
    if executable is None:
        message = "Chromium is not installed (./dev test installs Debian's chromium package as root)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API keeps an event loop in this thread; the ORM calls made by the
    # test itself (fixtures, assertions) are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            page.csp_violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()


@pytest.fixture
def screenshot(request):
    """``screenshot(page, "name")`` keeps a PNG of the page under test-artifacts/browser/."""
    folder = ARTIFACTS / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    counter = iter(range(1, 100))

    def take(page, name):
        path = folder / f"{next(counter):02d}-{name}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return take
