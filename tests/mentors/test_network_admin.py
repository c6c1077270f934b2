"""The raw-data administration lists the mentor network of the operator's campuses only."""

from django_scopes import scopes_disabled

from opencampus.mentors.models import MentorInvitation
from tests.factories import MentorFieldFactory

from .network_helpers import environment_fixture, make_mentor_fixture  # noqa: F401 (fixtures)


def test_operators_see_only_their_campus_mentors(
    client, campus, other_campus, make_mentor, make_person, operator
):
    make_mentor(user=make_person(name_ko="서울 멘토", name_en="Seoul mentor"))
    with scopes_disabled():
        foreign_field = MentorFieldFactory(campus=other_campus)
    make_mentor(
        on=other_campus, fields=[foreign_field], user=make_person(name_ko="부산 멘토", name_en="Busan mentor")
    )
    client.force_login(operator)

    response = client.get("/admin/mentors/mentorprofile/")

    assert response.status_code == 200
    assert "Seoul mentor" in response.text
    assert "Busan mentor" not in response.text


def test_every_network_changelist_and_change_page_opens(client, campus, operator, environment, make_mentor):
    mentor = make_mentor()
    with scopes_disabled():
        invitation = MentorInvitation.objects.create(campus=campus, email="hana@example.org", token="x" * 43)
    client.force_login(operator)
    for model, pk in (
        ("mentorfield", environment.pk),
        ("mentorprofile", mentor.pk),
        ("mentorinvitation", invitation.pk),
    ):
        assert client.get(f"/admin/mentors/{model}/").status_code == 200, model
        assert client.get(f"/admin/mentors/{model}/{pk}/change/").status_code == 200, model
