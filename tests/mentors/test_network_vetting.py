"""Vetting: the campus team's list with counts and filters, a mentor's page, activating (role and
mail), deactivating with a reason (role taken back; refused while mentees remain), reactivating."""

import pytest
from django.utils import translation
from django_scopes import scopes_disabled

from opencampus.mentors.models import MentorProfile
from opencampus.mentors.services.errors import MentorsError
from opencampus.mentors.services.network import activate_mentor, deactivate_mentor, reactivate_mentor
from tests import english
from tests.factories import ApplicationFactory, CallFactory, CampusRoleFactory, MentorshipFactory

from .network_helpers import (  # noqa: F401 (fixtures)
    actions,
    count_queries,
    digital_fixture,
    environment_fixture,
    fresh,
    in_campus_fixture,
    make_mentor_fixture,
    outbox,
    roles,
    url,
)

_english = english.english_pages
make_person = english.people_prefer_english
State = MentorProfile.State


@pytest.fixture
def pending(make_mentor, make_person):
    return make_mentor(
        user=make_person(name_en="Mina Park"),
        state=State.PENDING,
        activated_at=None,
        bio_ko="",
        bio_en="Solar.",
    )


@pytest.fixture
def active(make_mentor, campus, make_person):
    mentor = make_mentor(user=make_person(name_en="Jun Lee"))
    with scopes_disabled():
        CampusRoleFactory(campus=campus, user=mentor.user, role="mentor")
    return mentor


def give_mentees(mentor, count):
    with scopes_disabled():
        for _ in range(count):
            MentorshipFactory(
                mentor=mentor, campus=mentor.campus, mentee__round__cohort__track__campus=mentor.campus
            )


# Services


def test_activating_grants_the_mentor_role_and_drafts_a_mail(campus, operator, pending, in_campus):
    with in_campus():
        activate_mentor(profile=pending, actor=operator, base_url="https://campus.example")

    saved = fresh(pending)
    assert saved.state == State.ACTIVE
    assert saved.activated_at is not None
    assert "mentor" in roles(campus, pending.user)
    assert actions(campus, "mentor.") == ["mentor.activated"]
    assert actions(campus, "role.") == ["role.granted"]
    [mail] = outbox(campus)
    assert mail.to == pending.user.email
    assert mail.subject == "You are now an active mentor at Seoul Innovation Park"
    assert "https://campus.example/c/seoul/mentors/me/" in mail.body
    assert "https://campus.example/c/seoul/my-programs/teaching/" in mail.body


def test_activation_needs_a_field(campus, operator, pending, in_campus):
    with scopes_disabled():
        pending.fields.clear()

    with in_campus(), pytest.raises(MentorsError) as refused:
        activate_mentor(profile=pending, actor=operator)

    assert "at least one field" in str(refused.value)
    assert fresh(pending).state == State.PENDING
    assert roles(campus, pending.user) == set()
    assert outbox(campus) == []


def test_activation_needs_an_introduction_in_one_language(campus, operator, pending, in_campus):
    with scopes_disabled():
        MentorProfile.objects.filter(pk=pending.pk).update(bio_en="  ")

    with in_campus(), pytest.raises(MentorsError) as refused:
        activate_mentor(profile=pending, actor=operator)

    assert "introduction in Korean or English" in str(refused.value)
    assert fresh(pending).state == State.PENDING


def test_an_active_mentor_is_not_activated_twice(campus, operator, active, in_campus):
    with in_campus(), pytest.raises(MentorsError):
        activate_mentor(profile=active, actor=operator)

    assert outbox(campus) == []


def test_deactivating_takes_the_role_back_and_mails_the_reason(campus, operator, active, in_campus):
    with in_campus():
        deactivate_mentor(profile=active, actor=operator, reason="On sabbatical until spring.")

    assert fresh(active).state == State.INACTIVE
    assert "mentor" not in roles(campus, active.user)
    [mail] = outbox(campus)
    assert "On sabbatical until spring." in mail.body
    assert actions(campus, "mentor.") == ["mentor.deactivated"]


def test_deactivating_needs_a_reason(campus, operator, active, in_campus):
    with in_campus(), pytest.raises(MentorsError) as refused:
        deactivate_mentor(profile=active, actor=operator, reason="  ")

    assert refused.value.field == "reason"
    assert fresh(active).state == State.ACTIVE


def test_deactivating_is_refused_while_mentees_remain_and_says_how_many(campus, operator, active, in_campus):
    give_mentees(active, 3)

    with in_campus(), pytest.raises(MentorsError) as refused:
        deactivate_mentor(profile=active, actor=operator, reason="Moving abroad.")

    assert str(refused.value) == "End or reassign their 3 mentees first."
    assert fresh(active).state == State.ACTIVE
    assert "mentor" in roles(campus, active.user)


def test_reactivating_an_inactive_mentor_grants_the_role_again(campus, operator, active, in_campus):
    with in_campus():
        deactivate_mentor(profile=active, actor=operator, reason="Paused.")
        reactivate_mentor(profile=fresh(active), actor=operator)

    assert fresh(active).state == State.ACTIVE
    assert "mentor" in roles(campus, active.user)
    assert outbox(campus)[-1].subject == "You are an active mentor at Seoul Innovation Park again"


def test_a_pending_mentor_is_activated_not_reactivated(operator, pending, in_campus):
    with in_campus(), pytest.raises(MentorsError):
        reactivate_mentor(profile=pending, actor=operator)

    assert fresh(pending).state == State.PENDING


# The team's pages


def test_list_counts_each_state_and_filters(client, campus, operator, pending, active, make_mentor, digital):
    make_mentor(state=State.INACTIVE, affiliation="Fab Lab Seoul", fields=[digital])
    client.force_login(operator)

    response = client.get(url(campus, "mentors_manage:network"))

    with translation.override("en"):
        assert [(state, str(label), count) for state, label, count in response.context["state_counts"]] == [
            ("pending", "waiting for vetting", 1),
            ("active", "active", 1),
            ("inactive", "inactive", 1),
        ]
    assert [profile.state for profile in response.context["profiles"]] == ["pending", "active", "inactive"]
    by_state = client.get(url(campus, "mentors_manage:network"), {"state": "pending"})
    assert list(by_state.context["profiles"]) == [pending]
    by_field = client.get(url(campus, "mentors_manage:network"), {"field": "digital"})
    assert [profile.affiliation for profile in by_field.context["profiles"]] == ["Fab Lab Seoul"]
    by_text = client.get(url(campus, "mentors_manage:network"), {"q": "mina"})
    assert list(by_text.context["profiles"]) == [pending]


def test_list_queries_do_not_grow_with_mentors(client, campus, operator, make_mentor, digital):
    client.force_login(operator)
    give_mentees(make_mentor(), 1)
    one = count_queries(client, url(campus, "mentors_manage:network"))
    for _ in range(3):
        give_mentees(make_mentor(fields=[digital]), 2)

    assert count_queries(client, url(campus, "mentors_manage:network")) == one


def test_mentor_page_shows_everything_with_the_application_link(client, campus, operator, make_mentor):
    with scopes_disabled():
        call = CallFactory(campus=campus, kind="mentors", slug="mentors-2026")
        application = ApplicationFactory(call=call, campus=campus)
    mentor = make_mentor(
        user=application.applicant, application=application, source="call", vetting_note="Met at the fair."
    )
    give_mentees(mentor, 1)
    client.force_login(operator)

    response = client.get(url(campus, "mentors_manage:mentor", pk=mentor.pk))

    assert response.status_code == 200
    assert url(campus, "calls_manage:application", slug="mentors-2026", pk=application.pk) in response.text
    assert "Met at the fair." in response.text
    assert response.context["profile"].open_mentorships == 1
    assert mentor.user.email in response.text


def test_mentor_page_history_shows_the_deactivation_and_its_reason(
    client, campus, operator, active, in_campus
):
    with in_campus():
        deactivate_mentor(profile=active, actor=operator, reason="On sabbatical until spring.")
    client.force_login(operator)

    response = client.get(url(campus, "mentors_manage:mentor", pk=active.pk))

    [(entry, label)] = response.context["history"]
    with translation.override("en"):
        assert (entry.action, str(label)) == ("mentor.deactivated", "deactivated")
    assert "On sabbatical until spring." in response.text


def test_team_activates_through_the_page(client, campus, operator, pending):
    client.force_login(operator)

    response = client.post(url(campus, "mentors_manage:mentor_activate", pk=pending.pk))

    assert response.status_code == 302
    assert fresh(pending).state == State.ACTIVE


def test_a_refused_activation_is_shown_on_the_mentor_page(client, campus, operator, pending):
    with scopes_disabled():
        pending.fields.clear()
    client.force_login(operator)

    response = client.post(url(campus, "mentors_manage:mentor_activate", pk=pending.pk))

    assert response.status_code == 400
    assert "A mentor needs at least one field before activation" in response.text


def test_a_refused_deactivation_keeps_the_reason_typed(client, campus, operator, active):
    give_mentees(active, 2)
    client.force_login(operator)

    response = client.post(
        url(campus, "mentors_manage:mentor_deactivate", pk=active.pk), {"reason": "Moving to Busan"}
    )

    assert response.status_code == 400
    assert "End or reassign their 2 mentees first." in response.text
    assert "Moving to Busan" in response.text
    assert fresh(active).state == State.ACTIVE


def test_team_saves_the_vetting_note(client, campus, staff_member, pending):
    client.force_login(staff_member)

    client.post(url(campus, "mentors_manage:mentor", pk=pending.pk), {"note": "References checked."})

    assert fresh(pending).vetting_note == "References checked."


def manage_pages(campus, profile):
    return [url(campus, "mentors_manage:network"), url(campus, "mentors_manage:mentor", pk=profile.pk)]


def manage_posts(campus, profile):
    return [
        url(campus, "mentors_manage:mentor", pk=profile.pk),
        url(campus, "mentors_manage:mentor_activate", pk=profile.pk),
        url(campus, "mentors_manage:mentor_reactivate", pk=profile.pk),
        url(campus, "mentors_manage:mentor_deactivate", pk=profile.pk),
    ]


POST_DATA = {"note": "Taken over", "reason": "Taken over"}


def unchanged(profile):
    saved = fresh(profile)
    assert (saved.state, saved.vetting_note) == (profile.state, profile.vetting_note)


def test_vetting_pages_send_anonymous_people_to_log_in(client, campus, pending):
    login = url(campus, "people:login")
    for address in manage_pages(campus, pending):
        assert client.get(address).url.startswith(login), address
    for address in manage_posts(campus, pending):
        assert client.post(address, POST_DATA).url.startswith(login), address
    unchanged(pending)


@pytest.mark.parametrize("role", ["participant", "mentor", "instructor"])
def test_vetting_pages_refuse_people_outside_the_campus_team(client, campus, pending, make_person, role):
    client.force_login(make_person(campus, role))
    for address in manage_pages(campus, pending):
        assert client.get(address).status_code == 403, address
    for address in manage_posts(campus, pending):
        assert client.post(address, POST_DATA).status_code == 403, address
    unchanged(pending)


def test_vetting_pages_refuse_the_operator_of_another_campus(client, campus, other_operator, pending):
    client.force_login(other_operator)
    for address in manage_pages(campus, pending):
        assert client.get(address).status_code == 403, address
    for address in manage_posts(campus, pending):
        assert client.post(address, POST_DATA).status_code == 403, address
    unchanged(pending)


def test_a_profile_of_another_campus_is_not_found(client, campus, other_campus, operator, make_mentor):
    elsewhere = make_mentor(on=other_campus, fields=[], state=State.PENDING)
    client.force_login(operator)

    for address in manage_pages(campus, elsewhere)[1:] + manage_posts(campus, elsewhere):
        assert client.post(address, POST_DATA).status_code == 404, address
    unchanged(elsewhere)
