"""Joining the network: a confirmed place in a mentor recruitment call (and its withdrawal), an
invitation by e-mail from the mail to the profile form, and a person added by the campus team."""

import re

import pytest
from django.conf import settings
from django.utils import translation
from django_scopes import scope, scopes_disabled

from opencampus.calls.models import Application, Call
from opencampus.calls.services.states import set_application_state
from opencampus.mentors.models import MentorInvitation, MentorProfile
from opencampus.mentors.services.errors import MentorsError
from opencampus.mentors.services.network_recruitment import add_mentor, invite_mentor
from tests import english
from tests.factories import PASSWORD, ApplicationFactory, CallFactory

from .network_helpers import (  # noqa: F401 (fixtures)
    actions,
    environment_fixture,
    fresh,
    in_campus_fixture,
    make_mentor_fixture,
    outbox,
    url,
)

_english = english.english_pages
make_person = english.people_prefer_english
State = Application.State


def profiles(campus):
    with scopes_disabled():
        return list(MentorProfile.objects.filter(campus=campus).select_related("user", "application"))


def joined_mails(campus):
    return [message for message in outbox(campus) if message.reason == "mentor.joined"]


def application(campus, kind, state, applicant=None):
    with scopes_disabled():
        call = CallFactory(campus=campus, kind=kind)
        return ApplicationFactory(
            call=call, campus=campus, state=state, **({"applicant": applicant} if applicant else {})
        )


def move(application, state, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), scope(campus=application.campus):
        set_application_state(application=application, state=state, actor=None)


# Through a call


def test_a_confirmed_mentor_application_makes_a_pending_profile_and_a_mail(
    campus, make_person, django_capture_on_commit_callbacks
):
    accepted = application(campus, Call.Kind.MENTORS, State.ACCEPTED, applicant=make_person())

    move(accepted, State.CONFIRMED, django_capture_on_commit_callbacks)

    [profile] = profiles(campus)
    assert (profile.user, profile.state, profile.source, profile.application) == (
        accepted.applicant,
        MentorProfile.State.PENDING,
        MentorProfile.Source.CALL,
        accepted,
    )
    [mail] = joined_mails(campus)
    assert mail.to == accepted.applicant.email
    assert mail.subject == "Complete your mentor profile at Seoul Innovation Park"
    assert "/c/seoul/mentors/me/" in mail.body


@pytest.mark.parametrize("kind", [Call.Kind.COHORT, Call.Kind.RESIDENCY, Call.Kind.OTHER])
def test_other_calls_make_no_mentor(campus, kind, django_capture_on_commit_callbacks):
    accepted = application(campus, kind, State.ACCEPTED)

    move(accepted, State.CONFIRMED, django_capture_on_commit_callbacks)

    assert profiles(campus) == []
    assert joined_mails(campus) == []


def test_a_confirmed_mentor_keeps_the_profile_they_have(
    campus, make_mentor, django_capture_on_commit_callbacks
):
    mentor = make_mentor()
    accepted = application(campus, Call.Kind.MENTORS, State.ACCEPTED, applicant=mentor.user)

    move(accepted, State.CONFIRMED, django_capture_on_commit_callbacks)

    assert profiles(campus) == [mentor]
    assert fresh(mentor).state == MentorProfile.State.ACTIVE
    assert joined_mails(campus) == []


def test_withdrawing_after_confirmation_removes_the_pending_profile(
    campus, django_capture_on_commit_callbacks
):
    accepted = application(campus, Call.Kind.MENTORS, State.ACCEPTED)
    move(accepted, State.CONFIRMED, django_capture_on_commit_callbacks)

    move(fresh(accepted), State.WITHDRAWN, django_capture_on_commit_callbacks)

    assert profiles(campus) == []
    assert actions(campus, "mentor.") == ["mentor.joined", "mentor.removed"]


def test_withdrawing_after_confirmation_leaves_an_active_profile(campus, django_capture_on_commit_callbacks):
    accepted = application(campus, Call.Kind.MENTORS, State.ACCEPTED)
    move(accepted, State.CONFIRMED, django_capture_on_commit_callbacks)
    with scopes_disabled():
        MentorProfile.objects.filter(campus=campus).update(state=MentorProfile.State.ACTIVE)

    move(fresh(accepted), State.WITHDRAWN, django_capture_on_commit_callbacks)

    [profile] = profiles(campus)
    assert profile.state == MentorProfile.State.ACTIVE


# By invitation


def test_invitation_from_the_team_to_the_profile_form(client, campus, operator, make_person, environment):
    client.force_login(operator)
    response = client.post(
        url(campus, "mentors_manage:invitations"),
        {"invite-email": "Hana@Example.org", "invite-message": "We would love your energy expertise."},
    )
    assert response.status_code == 302
    [mail] = outbox(campus)
    assert (mail.to, mail.state, mail.reason) == ("hana@example.org", "draft", "mentor.invited")
    # Nobody has this address yet, so the mail is in the campus's language.
    assert (mail.language, mail.recipient) == ("ko", None)
    assert "서울혁신파크" in mail.subject
    assert "We would love your energy expertise." in mail.body
    link = re.search(r"http://testserver(/c/seoul/mentors/invitation/[\w-]+/)", mail.body).group(1)
    with scopes_disabled():
        assert MentorInvitation.objects.get().token in link
    client.logout()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # logging out drops every cookie

    # Anonymous: asked to log in, and the log-in brings them back to the invitation.
    page = client.get(link)
    assert "Log in to see and accept the invitation." in page.text
    assert "We would love" not in page.text
    hana = make_person(email="hana@example.org", name_en="Hana Seo")
    logged_in = client.post(
        url(campus, "people:login"), {"username": "hana@example.org", "password": PASSWORD, "next": link}
    )
    assert logged_in.url == link
    assert "We would love your energy expertise." in client.get(link).text

    accepted = client.post(link)

    assert accepted.url == url(campus, "mentors:my_profile")
    [profile] = profiles(campus)
    assert (profile.user, profile.state, profile.source) == (
        hana,
        MentorProfile.State.PENDING,
        MentorProfile.Source.INVITATION,
    )
    with scopes_disabled():
        invitation = MentorInvitation.objects.get()
    assert invitation.accepted_by == hana
    assert "Waiting for vetting" in client.get(accepted.url).text
    assert "You accepted this invitation." in client.get(link).text


def test_a_used_invitation_says_so_to_someone_else(client, campus, operator, make_person, in_campus):
    with in_campus():
        invitation = invite_mentor(campus=campus, actor=operator, email="hana@example.org")
    first, second = make_person(), make_person()
    client.force_login(first)
    client.post(url(campus, "mentors:invitation", token=invitation.token))
    client.force_login(second)

    page = client.get(url(campus, "mentors:invitation", token=invitation.token))
    again = client.post(url(campus, "mentors:invitation", token=invitation.token))

    assert "This invitation was used on" in page.text
    assert again.status_code == 400
    assert [profile.user for profile in profiles(campus)] == [first]


def test_an_unknown_invitation_is_not_found(client, campus, make_person):
    client.force_login(make_person())

    assert client.get(url(campus, "mentors:invitation", token="nope")).status_code == 404
    assert client.post(url(campus, "mentors:invitation", token="nope")).status_code == 404


def test_an_invitation_belongs_to_its_campus(client, campus, other_campus, other_operator, make_person):
    with scopes_disabled():
        invitation = invite_mentor(campus=other_campus, actor=other_operator, email="hana@example.org")
    client.force_login(make_person())

    assert client.get(url(campus, "mentors:invitation", token=invitation.token)).status_code == 404
    assert client.post(url(campus, "mentors:invitation", token=invitation.token)).status_code == 404
    assert profiles(campus) == []


def test_an_anonymous_post_to_an_invitation_goes_to_log_in(client, campus, operator, in_campus):
    with in_campus():
        invitation = invite_mentor(campus=campus, actor=operator, email="hana@example.org")

    response = client.post(url(campus, "mentors:invitation", token=invitation.token))

    assert response.url.startswith(url(campus, "people:login"))
    assert fresh(invitation).accepted_at is None


def test_inviting_an_address_with_an_open_invitation_says_so(client, campus, operator, in_campus):
    with in_campus():
        invite_mentor(campus=campus, actor=operator, email="hana@example.org")
    client.force_login(operator)

    response = client.post(url(campus, "mentors_manage:invitations"), {"invite-email": "HANA@example.org"})

    assert response.status_code == 400
    [error] = response.context["invite_form"].errors["email"]
    assert error.startswith("This address was already invited on ")
    assert 'value="HANA@example.org"' in response.text
    assert len(outbox(campus)) == 1


def test_inviting_a_person_already_in_the_network_is_refused(campus, operator, make_mentor, in_campus):
    mentor = make_mentor()

    with in_campus(), pytest.raises(MentorsError) as refused:
        invite_mentor(campus=campus, actor=operator, email=mentor.user.email.upper())

    assert refused.value.field == "email"


def test_an_invitation_to_a_known_person_is_written_in_their_language(
    campus, operator, make_person, in_campus
):
    make_person(email="jun@example.org", preferred_language="en")

    with in_campus():
        invite_mentor(campus=campus, actor=operator, email="jun@example.org")

    [mail] = outbox(campus)
    assert mail.language == "en"
    assert mail.recipient.email == "jun@example.org"


def test_a_cancelled_invitation_link_stops_working(client, campus, operator, make_person, in_campus):
    with in_campus():
        invitation = invite_mentor(campus=campus, actor=operator, email="hana@example.org")
    client.force_login(operator)

    client.post(url(campus, "mentors_manage:invitation_cancel", pk=invitation.pk))
    client.force_login(make_person())

    assert client.get(url(campus, "mentors:invitation", token=invitation.token)).status_code == 404


# Added by the team


def test_team_adds_a_person_with_an_account(client, campus, operator, make_person):
    person = make_person(email="mina@example.org")
    client.force_login(operator)

    response = client.post(url(campus, "mentors_manage:mentor_add"), {"add-email": "Mina@example.org"})

    [profile] = profiles(campus)
    assert response.url == url(campus, "mentors_manage:mentor", pk=profile.pk)
    assert (profile.user, profile.state, profile.source) == (
        person,
        MentorProfile.State.PENDING,
        MentorProfile.Source.STAFF,
    )
    [mail] = joined_mails(campus)
    assert mail.to == "mina@example.org"


def test_adding_an_unknown_address_says_to_invite_instead(client, campus, operator):
    client.force_login(operator)

    response = client.post(url(campus, "mentors_manage:mentor_add"), {"add-email": "nobody@example.org"})

    assert response.status_code == 400
    with translation.override("en"):  # the request ended by returning to the default language
        assert response.context["add_form"].errors["email"] == [
            "No account uses this e-mail address; invite the person instead."
        ]
    assert profiles(campus) == []


def test_adding_a_person_twice_is_refused(campus, operator, make_mentor, in_campus):
    mentor = make_mentor()

    with in_campus(), pytest.raises(MentorsError) as refused:
        add_mentor(campus=campus, actor=operator, email=mentor.user.email)

    assert "already in the mentor network" in str(refused.value)


def recruiting_posts(campus, invitation):
    return [
        url(campus, "mentors_manage:invitations"),
        url(campus, "mentors_manage:mentor_add"),
        url(campus, "mentors_manage:invitation_cancel", pk=invitation.pk),
    ]


POST_DATA = {"invite-email": "taken@example.org", "add-email": "taken@example.org"}


def nothing_sent(campus, invitation):
    assert fresh(invitation).email == "hana@example.org"
    assert len(outbox(campus)) == 1
    assert profiles(campus) == []


def test_recruiting_pages_send_anonymous_people_to_log_in(client, campus, operator, in_campus):
    with in_campus():
        invitation = invite_mentor(campus=campus, actor=operator, email="hana@example.org")
    login = url(campus, "people:login")

    assert client.get(url(campus, "mentors_manage:invitations")).url.startswith(login)
    for address in recruiting_posts(campus, invitation):
        assert client.post(address, POST_DATA).url.startswith(login), address
    nothing_sent(campus, invitation)


@pytest.mark.parametrize("role", ["participant", "mentor", "public"])
def test_recruiting_pages_refuse_people_outside_the_campus_team(
    client, campus, operator, make_person, role, in_campus
):
    with in_campus():
        invitation = invite_mentor(campus=campus, actor=operator, email="hana@example.org")
    client.force_login(make_person(campus, role))

    assert client.get(url(campus, "mentors_manage:invitations")).status_code == 403
    for address in recruiting_posts(campus, invitation):
        assert client.post(address, POST_DATA).status_code == 403, address
    nothing_sent(campus, invitation)


def test_recruiting_pages_refuse_the_operator_of_another_campus(
    client, campus, operator, other_operator, in_campus
):
    with in_campus():
        invitation = invite_mentor(campus=campus, actor=operator, email="hana@example.org")
    client.force_login(other_operator)

    assert client.get(url(campus, "mentors_manage:invitations")).status_code == 403
    for address in recruiting_posts(campus, invitation):
        assert client.post(address, POST_DATA).status_code == 403, address
    nothing_sent(campus, invitation)
