"""A group's page: members, problem, mentor, tasks, notes, files and experiments."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from opencampus.workgroups.models import GroupFile, GroupMember, GroupNote, GroupTask
from opencampus.workgroups.models.group import NOTE_MAX
from opencampus.workgroups.services import group_work
from tests.factories import ExperimentFactory

from .helpers import actions, public_url, rows


@pytest.fixture
def group(cohort, join, offer, group_of):
    offered = offer(cohort, title_en="Food waste")
    return group_of(
        cohort,
        join(cohort, name_en="Ana"),
        join(cohort, name_en="Ben"),
        agenda=offered.agenda,
        name="Compost",
    )


@pytest.fixture
def ana(group):
    with scopes_disabled():
        return (
            group.members.select_related("participant__user")
            .get(participant__user__name_en="Ana")
            .participant
        )


@pytest.fixture
def signed_in(client, ana):
    client.force_login(ana.user)
    return client


def url(group, name="group", **kwargs):
    return public_url(group.campus, name, pk=group.pk, **kwargs)


def test_members_see_members_problem_and_the_mentor_to_come(signed_in, group):
    page = signed_in.get(url(group))

    assert page.status_code == 200
    assert "Ana" in page.text
    assert "Ben" in page.text
    assert "Food waste" in page.text
    assert "No mentor matched yet" in page.text


def test_the_campus_team_sees_the_page_too(client, group, staff_member):
    client.force_login(staff_member)
    assert client.get(url(group)).status_code == 200


def test_a_task_is_added_assigned_done_and_reopened(signed_in, campus, group, ana):
    response = signed_in.post(
        url(group, "task_add"),
        {"task-title": "Visit the market", "task-assignee": ana.pk, "task-due_on": "2030-05-01"},
    )
    assert response.status_code == 302
    task = rows(GroupTask)[0]
    assert (task.title, task.assignee_id, task.due_on) == ("Visit the market", ana.pk, date(2030, 5, 1))

    signed_in.post(url(group, "task_assign", task=task.pk), {"assignee": "", "due_on": ""})
    assert (rows(GroupTask)[0].assignee_id, rows(GroupTask)[0].due_on) == (None, None)
    signed_in.post(url(group, "task_done", task=task.pk))
    assert rows(GroupTask)[0].done_at is not None
    page = signed_in.post(url(group, "task_reopen", task=task.pk), follow=True)
    assert rows(GroupTask)[0].done_at is None
    assert "The task is open again." in page.text
    assert actions(campus) == [
        "workgroups.task_added",
        "workgroups.task_assigned",
        "workgroups.task_done",
        "workgroups.task_reopened",
    ]


def test_a_task_goes_only_to_a_member(signed_in, cohort, group, join):
    outsider = join(cohort)

    response = signed_in.post(url(group, "task_add"), {"task-title": "Sneaky", "task-assignee": outsider.pk})

    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert 'value="Sneaky"' in response.text
    assert rows(GroupTask) == []


def test_notes_are_escaped_keep_line_breaks_and_come_newest_first(signed_in, group):
    signed_in.post(url(group, "note_add"), {"note-body": "First note"})
    signed_in.post(url(group, "note_add"), {"note-body": "<script>alert(1)</script>\nsecond line"})

    page = signed_in.get(url(group)).text

    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>second line" in page
    assert "<script>alert(1)</script>" not in page
    assert page.index("second line") < page.index("First note")


def test_a_huge_note_is_refused_and_kept(signed_in, group):
    body = "x" * (NOTE_MAX + 1)

    response = signed_in.post(url(group, "note_add"), {"note-body": body})

    assert response.status_code == 400
    assert f"at most {NOTE_MAX} characters (it has {NOTE_MAX + 1})" in response.text
    assert body in response.text
    assert rows(GroupNote) == []


def test_script_in_a_task_title_is_shown_as_text(signed_in, group):
    signed_in.post(url(group, "task_add"), {"task-title": "<img src=x onerror=alert(1)>"})

    page = signed_in.get(url(group)).text

    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<img src=x" not in page


def test_a_file_is_uploaded_and_downloaded_through_the_check(
    signed_in, client, group, settings, tmp_path, join, cohort
):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("plan.txt", b"the plan", content_type="text/plain")

    signed_in.post(url(group, "file_add"), {"file-title": "", "file-file": upload})

    item = rows(GroupFile)[0]
    assert item.title == "plan"
    response = signed_in.get(url(group, "file", file=item.pk))
    assert b"".join(response.streaming_content) == b"the plan"
    assert 'filename="plan' in response["Content-Disposition"]
    client.force_login(join(cohort).user)
    assert client.get(url(group, "file", file=item.pk)).status_code == 403


def test_a_file_over_the_limit_is_refused(signed_in, group, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(group_work, "FILE_MAX_MB", 0)
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4 data", content_type="application/pdf")

    response = signed_in.post(url(group, "file_add"), {"file-title": "Big", "file-file": upload})

    assert response.status_code == 400
    assert "the largest file accepted is 0 MB" in response.text
    assert rows(GroupFile) == []


def test_the_group_experiments_are_listed(signed_in, campus, group):
    with scopes_disabled():
        experiment = ExperimentFactory(campus=campus, working_group=group, title_en="Shared compost bins")

    page = signed_in.get(url(group)).text

    assert "Shared compost bins" in page
    assert f"/experiments/{experiment.pk}/" in page


def fill(campus, group, count):
    with scopes_disabled():
        members = list(group.members.all())
        for n in range(count):
            GroupTask.objects.create(
                campus=campus, group=group, title=f"Task {n}", assignee=members[0].participant
            )
            GroupNote.objects.create(
                campus=campus, group=group, body=f"Note {n}", author=members[0].participant.user
            )
            GroupFile.objects.create(
                campus=campus, group=group, title=f"File {n}", file=f"workgroups/files/{n}.txt"
            )
            ExperimentFactory(campus=campus, working_group=group)


def test_the_page_reads_as_many_rows_for_three_items_as_for_one(
    signed_in, campus, cohort, group, join, group_of
):
    fill(campus, group, 1)
    bigger = group_of(cohort, join(cohort), join(cohort), join(cohort), name="Bigger")
    fill(campus, bigger, 3)
    signed_in.get(url(group))  # warm the session and role caches alike

    with CaptureQueriesContext(connection) as one:
        signed_in.get(url(group))
    signed_in.force_login(rows(GroupMember, group=bigger)[0].participant.user)
    signed_in.get(url(bigger))
    with CaptureQueriesContext(connection) as three:
        signed_in.get(url(bigger))

    assert len(three) == len(one)
