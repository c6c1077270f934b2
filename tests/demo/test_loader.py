import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import RequestFactory
from django_scopes import scopes_disabled

from opencampus.core.management.commands import load_demo as command
from opencampus.core.models import Campus
from opencampus.demo import seoul
from opencampus.demo.loader import load_demo
from opencampus.people.models import CampusRole, ConsentRecord, Membership, Organisation, Profile, User
from tests.demo.conftest import PASSWORD

DOMAIN = "@demo.opencampus.example"
LOGINS = {
    "operator": "operator@demo.opencampus.example",
    "staff": "staff@demo.opencampus.example",
    "reviewer": "reviewer@demo.opencampus.example",
    "mentor": "mentor@demo.opencampus.example",
    "participant": "participant@demo.opencampus.example",
    "resident": "resident@demo.opencampus.example",
    "partner": "partner@demo.opencampus.example",
}


def counts():
    with scopes_disabled():
        return {
            model.__name__: model.objects.count()
            for model in (Campus, Organisation, User, Profile, CampusRole, Membership, ConsentRecord)
        }


def log_in(email, password):
    return authenticate(RequestFactory().post("/login/"), username=email, password=password)


@pytest.mark.django_db
def test_seoul_has_230_resident_organisations_and_about_1200_members(demo):
    with scopes_disabled():
        residents = Organisation.objects.filter(campus__slug="seoul", kind="resident")
        assert residents.count() == 230
        assert {"non-electric-workshop-seoul", "seoul-innovation-fab-lab"} <= set(
            residents.values_list("slug", flat=True)
        )
        assert set(residents.values_list("category", flat=True)) >= {
            "intermediary", "youth", "village", "social_economy", "culture_arts", "healing_welfare",
            "environment", "makers",
        }  # fmt: skip
        members = Membership.objects.filter(organisation__in=residents)
        assert 1150 <= members.count() <= 1250
        # One membership per generated account, one representative per organisation.
        generated = User.objects.filter(email__startswith="member", email__endswith=DOMAIN)
        assert members.filter(user__in=generated).count() == generated.count()
        representatives = members.filter(role="representative")
        assert representatives.count() == 230
        assert representatives.values("organisation").distinct().count() == 230
        assert CampusRole.objects.filter(campus__slug="seoul", role="resident").count() == members.count()


@pytest.mark.django_db
def test_generated_names_are_bilingual_and_deterministic(demo):
    with scopes_disabled():
        names = list(Organisation.objects.filter(campus__slug="seoul").values_list("name_ko", "name_en"))
    assert all(name_ko and name_en for name_ko, name_en in names)
    assert len({name_ko for name_ko, _ in names}) == len(names)
    first, second = seoul.plan(), seoul.plan()
    assert first == second


@pytest.mark.django_db
def test_partner_institutions_have_both_names(demo):
    with scopes_disabled():
        partners = {
            organisation.slug: organisation
            for organisation in Organisation.objects.filter(campus__slug="seoul", kind="partner")
        }
    for slug, country in [
        ("brainport", "NL"),
        ("p2p-foundation", "NL"),
        ("six", "GB"),
        ("shenzhen-innovation-institution", "CN"),
        ("fab-city-global-initiative", "ES"),
        ("socia", "EU"),
        ("social-innovation-academy-bilbao", "ES"),
        ("global-innovation-academy", "GB"),
        ("triangle-social-innovation-academy", "US"),
    ]:
        partner = partners[slug]
        assert all([partner.name_ko, partner.name_en, partner.description_ko, partner.description_en])
        assert partner.country == country
    assert partners["p2p-foundation"].name_ko == "P2P 재단"


@pytest.mark.django_db
def test_campuses(demo):
    seoul_campus = Campus.objects.get(slug="seoul")
    assert seoul_campus.time_zone == "Asia/Seoul"
    assert seoul_campus.default_language == "ko"
    assert "109,691" in seoul_campus.description_en
    assert "10만9691㎡" in seoul_campus.description_ko
    assert "통일로 684" in seoul_campus.address
    assert seoul_campus.contact_email.endswith("@example.org")
    suwon = Campus.objects.get(slug="suwon")
    assert "fictional" in suwon.description_en
    with scopes_disabled():
        assert Organisation.objects.filter(campus=suwon).count() >= 3
        assert CampusRole.objects.filter(
            campus=suwon, role="operator", user__email="operator@suwon.demo.opencampus.example"
        ).exists()
        assert not CampusRole.objects.filter(campus=suwon, user__email=LOGINS["operator"]).exists()


@pytest.mark.django_db
def test_every_demo_login_can_log_in_and_holds_its_role(demo):
    with scopes_disabled():
        for role, email in LOGINS.items():
            user = log_in(email, PASSWORD)
            assert user is not None, email
            assert all([user.name_ko, user.name_en])
            assert CampusRole.objects.filter(campus__slug="seoul", user=user, role=role).exists()
            assert ConsentRecord.objects.filter(campus__slug="seoul", user=user, purpose="account").exists()
            assert Profile.objects.filter(user=user).exists()
        mentor = User.objects.get(email=LOGINS["mentor"])
        assert mentor.profile.expertise_list == ["environment", "manufacturing"]
        resident = Membership.objects.get(user__email=LOGINS["resident"])
        assert resident.role == "representative"
        assert resident.organisation.kind == "resident"
        partner = Membership.objects.get(user__email=LOGINS["partner"])
        assert partner.organisation.slug == "p2p-foundation"
    assert log_in("operator@suwon.demo.opencampus.example", PASSWORD) is not None
    admin = log_in("admin@demo.opencampus.example", PASSWORD)
    assert admin is not None
    assert admin.is_staff
    assert admin.is_superuser


@pytest.mark.django_db
def test_generated_accounts_cannot_log_in(demo):
    generated = User.objects.filter(email__startswith="member", email__endswith=DOMAIN)
    assert generated.count() > 1000
    assert not any(user.has_usable_password() for user in generated)
    assert log_in(f"member0001{DOMAIN}", PASSWORD) is None
    assert not User.objects.filter(email__startswith="member", is_staff=True).exists()


@pytest.mark.django_db
def test_loading_again_changes_nothing(demo):
    before = counts()
    again = load_demo(password=PASSWORD)
    assert again.changed == 0, (again.created, again.updated)
    assert counts() == before


@pytest.mark.django_db
def test_loading_again_repairs_and_changes_the_password(demo):
    member = User.objects.get(email=f"member0002{DOMAIN}")
    member.set_password(PASSWORD)
    member.save()
    Campus.objects.filter(slug="seoul").update(name_en="Renamed")

    again = load_demo(password="another-password")

    # Nine demo logins get the new password (the mentor is one person on two campuses), one
    # generated account loses the password someone gave it, one campus gets its name back.
    assert again.updated == {"people.User": 9 + 1, "core.Campus": 1}
    assert again.created == {}
    assert Campus.objects.get(slug="seoul").name_en == "Seoul Innovation Park"
    assert not User.objects.get(pk=member.pk).has_usable_password()
    assert log_in(LOGINS["staff"], "another-password") is not None


@pytest.mark.django_db
def test_command_prints_the_logins(demo, settings):
    settings.DEBUG = True  # the guard would refuse the PostgreSQL run of the suite otherwise
    out = io.StringIO()
    call_command("load_demo", password=PASSWORD, stdout=out)
    text = out.getvalue()
    assert "http://127.0.0.1:8000/c/seoul/" in text
    for email in [
        *LOGINS.values(),
        "admin@demo.opencampus.example",
        "operator@suwon.demo.opencampus.example",
    ]:
        assert email in text
    assert "0 rows created, 0 updated" in text


@pytest.fixture
def stub_loader(monkeypatch, demo):
    calls = []

    def fake(*, password):
        calls.append(password)
        return demo

    monkeypatch.setattr(command, "load_demo", fake)
    return calls


@pytest.fixture
def production_database(monkeypatch):
    monkeypatch.setattr(connection, "vendor", "postgresql")


@pytest.mark.django_db
@pytest.mark.usefixtures("production_database")
def test_refuses_a_production_database_without_force(settings, stub_loader):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", stdout=io.StringIO())
    assert stub_loader == []

    call_command("load_demo", "--force", stdout=io.StringIO())
    assert stub_loader == ["opencampus-demo"]


@pytest.mark.django_db
@pytest.mark.usefixtures("production_database")
def test_runs_on_another_database_when_debug_is_on(settings, stub_loader):
    settings.DEBUG = True
    call_command("load_demo", "--password", "chosen", stdout=io.StringIO())
    assert stub_loader == ["chosen"]


@pytest.mark.django_db
def test_runs_on_sqlite_with_debug_off(settings, stub_loader, monkeypatch):
    monkeypatch.setattr(connection, "vendor", "sqlite")
    settings.DEBUG = False
    call_command("load_demo", stdout=io.StringIO())
    assert stub_loader == ["opencampus-demo"]
