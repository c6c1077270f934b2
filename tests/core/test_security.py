import re

from django.test import Client

from tests.factories import PASSWORD, UserFactory


def test_forms_without_csrf_token_are_refused(campus):
    UserFactory(email="person@example.org")
    client = Client(enforce_csrf_checks=True)

    credentials = {"username": "person@example.org", "password": PASSWORD}

    response = client.post(f"/c/{campus.slug}/login/", credentials)

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_strict_content_security_policy_is_sent(client, campus):
    policy = client.get(f"/c/{campus.slug}/").headers["Content-Security-Policy"]

    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


def test_pages_load_every_asset_from_this_server(client, campus):
    html = client.get(f"/c/{campus.slug}/signup/").text

    assets = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', html)
    assert assets
    assert all(asset.startswith("/static/") for asset in assets)
    assert "<script>" not in html
    assert "style=" not in html


def test_forbidden_page_explains_in_korean(client, campus, participant):
    client.force_login(participant)

    response = client.get(f"/c/{campus.slug}/manage/")

    assert response.status_code == 403
    assert "이 페이지를 열 수 없습니다" in response.text


def test_unknown_page_is_a_friendly_404(client, campus):
    response = client.get(f"/c/{campus.slug}/no-such-page/")

    assert response.status_code == 404
    assert "페이지를 찾을 수 없습니다" in response.text
