"""The pages around check-in and marking, as participants and staff use them."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django_scopes import scope, scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.programs.models import Attendance, Session
from opencampus.programs.services.check_in import open_check_in
from opencampus.programs.views.attendance_manage import qr_svg
from tests.curriculum_helpers import join, make_cohort, mark


def manage_url(session, name="session"):
    return campus_reverse(
        session.campus, f"attendance_manage:{name}", cohort=session.cohort.slug, pk=session.pk
    )


def states(session):
    with scopes_disabled():
        return dict(Attendance.objects.filter(session=session).values_list("participant_id", "state"))


@pytest.fixture
def opened(campus, soon, staff_member):
    with scope(campus=campus):
        return open_check_in(session=soon, actor=staff_member)


def test_staff_open_check_in_and_show_the_code_with_its_qr_code(client, campus, soon, staff_member):
    client.force_login(staff_member)
    response = client.post(manage_url(soon, "open_check_in"))
    assert response.url == manage_url(soon, "check_in_screen")
    with scopes_disabled():
        soon.refresh_from_db()
    page = client.get(response.url).content.decode()
    assert soon.check_in_code in page
    assert '<svg viewBox="' in page
    assert 'class="qr-code"' in page
    assert "style=" not in page[page.index("<svg") : page.index("</svg>")]
    check_in_address = campus_reverse(campus, "participation:check_in_code", code=soon.check_in_code)
    with translation.override("en"):  # the page's language; the request reset the active one
        assert str(qr_svg(f"http://testserver{check_in_address}")) in page

    response = client.post(manage_url(soon, "close_check_in"))
    assert response.status_code == 302
    assert (
        "Check-in is not open for this session."
        in client.get(manage_url(soon, "check_in_screen")).content.decode()
    )


def test_the_qr_address_asks_to_confirm_and_checks_in_only_on_post(client, campus, opened, member):
    client.force_login(member.user)
    address = campus_reverse(campus, "participation:check_in_code", code=opened.check_in_code)
    page = client.get(address)
    assert page.status_code == 200
    assert "Check me in" in page.content.decode()
    assert "Systems thinking" in page.content.decode()
    assert states(opened) == {}

    response = client.post(address)
    assert response.status_code == 302
    assert states(opened) == {member.pk: "present"}
    again = client.post(address)
    assert again.status_code == 400
    assert "You already checked in at" in again.content.decode()


def test_the_qr_address_shows_why_it_does_not_work(client, campus, member):
    client.force_login(member.user)
    page = client.get(campus_reverse(campus, "participation:check_in_code", code="WRONG2"))
    assert "No session has the check-in code “WRONG2”." in page.content.decode()
    assert "Check me in" not in page.content.decode()


def test_participants_type_the_code(client, campus, opened, member):
    client.force_login(member.user)
    address = campus_reverse(campus, "participation:check_in")
    assert client.post(address, {"code": "ABC"}).status_code == 400
    response = client.post(address, {"code": opened.check_in_code.lower()}, follow=True)
    assert "You are checked in to “Systems thinking”: present." in response.content.decode()
    assert states(opened) == {member.pk: "present"}


def test_staff_mark_the_roster_page(client, campus, soon, member, staff_member, make_person, cohort):
    other = join(cohort, make_person(campus, "participant"))
    client.force_login(staff_member)
    page = client.get(manage_url(soon)).content.decode()
    assert f'name="state-{member.pk}"' in page

    response = client.post(
        manage_url(soon),
        {f"state-{member.pk}": "excused", f"reason-{member.pk}": "", f"state-{other.pk}": "late"},
    )
    assert response.status_code == 400
    assert f"Say why {member.user.name_en} is excused. Nothing was saved." in response.content.decode()
    assert '<option value="late" selected>' in response.content.decode()
    assert states(soon) == {}

    response = client.post(
        manage_url(soon),
        {f"state-{member.pk}": "excused", f"reason-{member.pk}": "Ill", f"state-{other.pk}": "late"},
    )
    assert response.status_code == 302
    assert states(soon) == {member.pk: "excused", other.pk: "late"}


def test_a_forged_participant_id_is_refused_and_nothing_saved(
    client, campus, soon, member, staff_member, make_person
):
    foreign = join(make_cohort(campus, slug="citizens"), make_person(campus, "participant"))
    client.force_login(staff_member)
    refusals = {
        f"state-{foreign.pk}": f"Not on the roster of this session: participant #{foreign.pk}. Nothing was "
        "saved.",
        "state-99999": "Not on the roster of this session: participant #99999. Nothing was saved.",
        "state-x1": "The roster sent names a participant that does not exist.",
    }
    for forged, message in refusals.items():
        response = client.post(manage_url(soon), {f"state-{member.pk}": "present", forged: "present"})
        assert response.status_code == 400, forged
        assert message in response.content.decode(), forged
    assert states(soon) == {}


def test_mark_everyone_not_checked_in_absent(
    client, campus, opened, member, staff_member, cohort, make_person
):
    other = join(cohort, make_person(campus, "participant"))
    mark(opened, member)
    client.force_login(staff_member)
    response = client.post(manage_url(opened, "mark_absent"), follow=True)
    assert "1 attendance saved." in response.content.decode()
    assert states(opened) == {member.pk: "present", other.pk: "absent"}


def test_the_overview_shows_states_rates_and_who_is_below(
    client, campus, cohort, session_at, staff_member, make_person
):
    sessions = [session_at(timezone.now() - timedelta(days=10 - n), title=f"Week {n}") for n in range(4)]
    session_at(timezone.now() + timedelta(days=3), title="Still to come")
    good = join(cohort, make_person(campus, "participant", name_en="Good Attender"))
    poor = join(cohort, make_person(campus, "participant", name_en="Poor Attender"))
    for session in sessions:
        mark(session, good)
    mark(sessions[0], poor, Attendance.State.LATE)
    mark(sessions[1], poor, Attendance.State.EXCUSED, reason="Ill")
    client.force_login(staff_member)

    page = client.get(
        campus_reverse(campus, "attendance_manage:overview", cohort=cohort.slug)
    ).content.decode()
    assert "1 participant is below the attendance needed" in page
    assert "Poor Attender: 33.3%" in page
    assert "Good Attender: " not in page
    assert page.count('<td class="attendance-cell cell-present"') == 4
    assert page.count('<td class="attendance-cell cell-late"') == 1
    assert page.count('<td class="attendance-cell cell-excused"') == 1
    assert page.count('<td class="attendance-cell cell-unrecorded"') == 2
    assert "<td>100.0%</td>" in page  # week 0: both came
    assert "<td>50.0%</td>" in page  # weeks 2 and 3: one of two
    assert "Still to come" in page
    with scopes_disabled():
        later = Session.objects.get(title_en="Still to come")
    assert manage_url(later) in page
