from tests.factories import CampusFactory, UserFactory


def test_pages_are_korean_by_default(client, campus):
    response = client.get(f"/c/{campus.slug}/")

    assert response.headers["Content-Language"] == "ko"
    assert '<html lang="ko">' in response.text


def test_accept_language_header_does_not_override_korean_default(client, campus):
    response = client.get(f"/c/{campus.slug}/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.headers["Content-Language"] == "ko"


def test_campus_default_language_applies_to_visitors(client, db):
    english = CampusFactory(slug="global", default_language="en")

    response = client.get(f"/c/{english.slug}/")

    assert response.headers["Content-Language"] == "en"


def test_switcher_sets_cookie_and_returns_to_page(client, campus):
    response = client.post("/language/", {"language": "en", "next": f"/c/{campus.slug}/organisations/"})

    assert response.url == f"/c/{campus.slug}/organisations/"
    assert response.cookies["opencampus_language"].value == "en"
    assert client.get(f"/c/{campus.slug}/").headers["Content-Language"] == "en"


def test_switcher_remembers_choice_on_the_person(client, campus):
    user = UserFactory(preferred_language="ko")
    client.force_login(user)

    client.post("/language/", {"language": "en", "next": "/"})

    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_switcher_refuses_offsite_redirect(client, db):
    response = client.post("/language/", {"language": "en", "next": "https://evil.example/"})

    assert response.url == "/"


def test_switcher_ignores_unknown_language(client, db):
    response = client.post("/language/", {"language": "xx", "next": "/"})

    assert "opencampus_language" not in response.cookies


def test_times_are_shown_in_campus_time_zone(client, db):
    from django.utils import timezone

    berlin = CampusFactory(slug="berlin", time_zone="Europe/Berlin")
    seen = {}

    def capture(request):
        seen["tz"] = timezone.get_current_timezone_name()

    from django.test import RequestFactory

    from opencampus.core.middleware import CampusMiddleware

    request = RequestFactory().get(f"/c/{berlin.slug}/")
    CampusMiddleware(capture)(request)

    assert seen["tz"] == "Europe/Berlin"
