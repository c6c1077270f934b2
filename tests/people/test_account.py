import pytest
from django.core import mail
from django_scopes import scopes_disabled

from opencampus.core.models import ActivityLog
from opencampus.people.models import CampusRole, ConsentRecord, User
from tests.factories import PASSWORD, UserFactory

SIGNUP = {
    "email": "Newcomer@Example.org",
    "name_ko": "김혁신",
    "name_en": "",
    "preferred_language": "ko",
    "password1": "a-long-enough-secret-2026",
    "password2": "a-long-enough-secret-2026",
    "accept_terms": "on",
}


def test_signup_creates_person_with_public_role_consent_and_log(client, campus):
    response = client.post(f"/c/{campus.slug}/signup/", SIGNUP)

    assert response.status_code == 302
    user = User.objects.get(email="newcomer@example.org")
    assert user.profile is not None
    assert user.password.startswith("argon2")
    with scopes_disabled():
        assert list(CampusRole.objects.filter(user=user).values_list("campus", "role")) == [
            (campus.pk, "public")
        ]
        assert ConsentRecord.objects.get(user=user).purpose == "account"
        assert ActivityLog.objects.filter(action="person.signed_up", campus=campus).count() == 1


def test_signup_logs_the_person_in(client, campus):
    client.post(f"/c/{campus.slug}/signup/", SIGNUP)

    response = client.get(f"/c/{campus.slug}/me/")

    assert response.status_code == 200


def test_signup_with_taken_email_keeps_values_and_explains_in_korean(client, campus):
    UserFactory(email="newcomer@example.org")

    response = client.post(f"/c/{campus.slug}/signup/", SIGNUP)

    assert response.status_code == 200
    assert 'value="Newcomer@Example.org"' in response.text
    assert 'value="김혁신"' in response.text
    assert "이미 이 이메일 주소로 가입한 계정이 있습니다." in response.text


def test_signup_error_is_in_english_when_chosen(client, campus):
    UserFactory(email="newcomer@example.org")
    client.cookies["opencampus_language"] = "en"

    response = client.post(f"/c/{campus.slug}/signup/", SIGNUP)

    assert "An account with this e-mail address already exists." in response.text


def test_signup_without_any_name_is_refused(client, campus):
    response = client.post(f"/c/{campus.slug}/signup/", {**SIGNUP, "name_ko": ""})

    assert response.status_code == 200
    assert not User.objects.filter(email="newcomer@example.org").exists()


def test_signup_without_consent_is_refused(client, campus):
    data = {key: value for key, value in SIGNUP.items() if key != "accept_terms"}

    response = client.post(f"/c/{campus.slug}/signup/", data)

    assert response.status_code == 200
    assert not User.objects.filter(email="newcomer@example.org").exists()


def test_login_accepts_email_in_any_case(client, campus):
    UserFactory(email="person@example.org")

    response = client.post(
        f"/c/{campus.slug}/login/", {"username": "Person@Example.ORG", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == f"/c/{campus.slug}/"


def test_login_with_wrong_password_keeps_email_and_says_why(client, campus):
    UserFactory(email="person@example.org")

    response = client.post(f"/c/{campus.slug}/login/", {"username": "person@example.org", "password": "nope"})

    assert response.status_code == 200
    assert 'value="person@example.org"' in response.text
    assert "이메일 주소 또는 비밀번호가 올바르지 않습니다." in response.text


def test_login_is_throttled_after_repeated_failures(client, campus, settings):
    UserFactory(email="person@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(f"/c/{campus.slug}/login/", {"username": "person@example.org", "password": "nope"})

    response = client.post(
        f"/c/{campus.slug}/login/", {"username": "person@example.org", "password": PASSWORD}
    )

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_logout_needs_post_and_ends_the_session(client, campus):
    client.force_login(UserFactory())

    assert client.get(f"/c/{campus.slug}/logout/").status_code == 405
    response = client.post(f"/c/{campus.slug}/logout/")

    assert response.url == f"/c/{campus.slug}/"
    assert "_auth_user_id" not in client.session


def test_password_reset_mails_a_campus_link_that_works(client, campus):
    UserFactory(email="person@example.org")

    client.post(f"/c/{campus.slug}/password-reset/", {"email": "person@example.org"})

    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    path = link.split("testserver", 1)[1]
    assert path.startswith(f"/c/{campus.slug}/password-reset/")
    confirm = client.get(path, follow=True)
    assert confirm.status_code == 200
    new = "another-long-secret-2026"
    done = client.post(confirm.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.url == f"/c/{campus.slug}/password-reset/done/"
    assert User.objects.get(email="person@example.org").check_password(new)


def test_profile_page_sends_anonymous_to_campus_login(client, campus):
    response = client.get(f"/c/{campus.slug}/me/")

    assert response.url.startswith(f"/c/{campus.slug}/login/")


def test_profile_edit_saves_both_forms(client, campus):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        f"/c/{campus.slug}/me/",
        {
            "account-name_ko": "이름",
            "account-name_en": "Name",
            "account-preferred_language": "en",
            "profile-expertise": "energy, food",
            "profile-languages": ["ko", "ja"],
            "profile-bio_ko": "소개",
            "profile-bio_en": "About",
        },
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.name_en, user.preferred_language) == ("Name", "en")
    assert user.profile.languages == ["ko", "ja"]
    assert user.profile.expertise_list == ["energy", "food"]


def test_profile_edit_with_invalid_input_keeps_values(client, campus):
    client.force_login(UserFactory())

    response = client.post(
        f"/c/{campus.slug}/me/",
        {
            "account-name_ko": "",
            "account-name_en": "",
            "account-preferred_language": "ko",
            "profile-expertise": "energy",
            "profile-bio_en": "Kept text",
        },
    )

    assert response.status_code == 200
    assert "Kept text" in response.text
    assert 'aria-invalid="true"' in response.text


@pytest.mark.parametrize("path", ["signup/", "login/", "password-reset/"])
def test_account_pages_exist_per_campus_only(client, db, path):
    assert client.get(f"/c/nowhere/{path}").status_code == 404
