import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django_scopes import scope, scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog, OutboxMessage
from opencampus.core.services.outbox import (
    OutboxError,
    discard_messages,
    draft_mail,
    edit_message,
    release_messages,
)

State = OutboxMessage.State

pytestmark = pytest.mark.django_db


def make_message(campus, **fields):
    fields = {
        "to": "applicant@example.org",
        "subject": "Your application",
        "body": "Thank you for applying.\n",
        "language": "ko",
        **fields,
    }
    with scopes_disabled():
        return OutboxMessage.objects.create(campus=campus, **fields)


def reload(message):
    with scopes_disabled():
        return OutboxMessage.objects.get(pk=message.pk)


def actions_logged(campus):
    with scopes_disabled():
        return list(ActivityLog.objects.filter(campus=campus).order_by("pk").values_list("action", flat=True))


@pytest.fixture
def mail_template(settings, tmp_path):
    """A mail template in a test-only template folder: subject on the first line."""
    folder = tmp_path / "templates" / "mail"
    folder.mkdir(parents=True)
    (folder / "decision.txt").write_text(
        "{% load i18n %}{{ campus.name }}: {{ decided|date:'F' }}\n\n"
        "{% get_current_language as language %}{{ name }} · {{ language }}\n",
    )
    settings.TEMPLATES = [
        {**engine, "DIRS": [tmp_path / "templates", *engine["DIRS"]]} for engine in settings.TEMPLATES
    ]
    return "mail/decision.txt"


# draft_mail


@pytest.mark.parametrize(
    ("language", "subject"),
    [("ko", "서울혁신파크: 8월"), ("en", "Seoul Innovation Park: August")],
)
def test_draft_mail_renders_in_requested_language(campus, mail_template, language, subject):
    with translation.override("ko" if language == "en" else "en"), scope(campus=campus):
        message = draft_mail(
            campus=campus,
            to="innovator@example.org",
            template=mail_template,
            context={"name": "Kim", "decided": datetime.date(2020, 8, 1)},
            language=language,
            reason="decision",
        )

    assert message.subject == subject
    assert message.body == f"Kim · {language}\n"
    assert message.language == language
    assert message.state == State.DRAFT


def test_draft_mail_writes_plain_text_without_html_escapes(campus, mail_template):
    campus.name_ko = "Kim & Lee's <Park>"
    with scope(campus=campus):
        message = draft_mail(
            campus=campus,
            to="innovator@example.org",
            template=mail_template,
            context={"name": 'Hana "Seo" & co', "decided": datetime.date(2020, 8, 1)},
            language="ko",
        )

    assert message.subject == "Kim & Lee's <Park>: 8월"
    assert message.body == 'Hana "Seo" & co · ko\n'


def test_draft_mail_sends_nothing_and_keeps_caller_language(campus, mail_template):
    with translation.override("ko"), scope(campus=campus):
        draft_mail(
            campus=campus,
            to="innovator@example.org",
            template=mail_template,
            context={"name": "Kim", "decided": datetime.date(2020, 8, 1)},
            language="en",
        )
        language_after = translation.get_language()

    assert language_after == "ko"
    assert mail.outbox == []


# services


def test_edit_message_sent_message_raises(campus, operator):
    message = make_message(campus, state=State.SENT)

    with pytest.raises(OutboxError), scope(campus=campus):
        edit_message(message=message, actor=operator, subject="Changed", body="Changed")

    assert reload(message).subject == "Your application"


def test_edit_message_unchanged_text_logs_nothing(campus, operator):
    message = make_message(campus)

    with scope(campus=campus):
        changed = edit_message(message=message, actor=operator, subject=message.subject, body=message.body)

    assert changed is False
    assert actions_logged(campus) == []


def test_release_messages_skips_sent_and_discarded(campus, operator, django_capture_on_commit_callbacks):
    draft = make_message(campus)
    sent = make_message(campus, state=State.SENT)
    discarded = make_message(campus, state=State.DISCARDED)

    with django_capture_on_commit_callbacks(execute=True), scope(campus=campus):
        count = release_messages(messages=[draft, sent, discarded], actor=operator)

    assert count == 1
    assert reload(draft).state == State.SENT
    assert reload(discarded).state == State.DISCARDED
    assert len(mail.outbox) == 1
    assert actions_logged(campus) == ["outbox.released"]


def test_release_messages_enqueues_only_after_commit(campus, operator, django_capture_on_commit_callbacks):
    draft = make_message(campus)

    with django_capture_on_commit_callbacks() as callbacks, scope(campus=campus):
        release_messages(messages=[draft], actor=operator)

    assert reload(draft).state == State.QUEUED
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_discard_messages_accepts_failed_not_queued(campus, operator):
    failed = make_message(campus, state=State.FAILED, error="Connection refused")
    queued = make_message(campus, state=State.QUEUED)

    with scope(campus=campus):
        count = discard_messages(messages=[failed, queued], actor=operator)

    assert count == 1
    assert reload(failed).state == State.DISCARDED
    assert reload(queued).state == State.QUEUED


# the list


def outbox_url(campus, **query):
    url = campus_reverse(campus, "core_manage:outbox")
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def test_outbox_anonymous_redirects_to_login(client, campus):
    response = client.get(outbox_url(campus))

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_outbox_wrong_role_or_other_campus_is_forbidden(client, campus, request, person):
    client.force_login(request.getfixturevalue(person))

    response = client.get(outbox_url(campus))

    assert response.status_code == 403


@pytest.mark.parametrize("person", ["operator", "staff_member"])
def test_outbox_campus_team_sees_messages(client, campus, request, person):
    make_message(campus, subject="Welcome to the 2020 cohort")
    client.force_login(request.getfixturevalue(person))

    response = client.get(outbox_url(campus))

    assert response.status_code == 200
    assert "Welcome to the 2020 cohort" in response.text


def test_outbox_lists_drafts_first_by_default(client, campus, operator):
    older_draft = make_message(campus, subject="older draft")
    sent = make_message(campus, subject="sent", state=State.SENT)
    newer_draft = make_message(campus, subject="newer draft")
    failed = make_message(campus, subject="failed", state=State.FAILED)
    client.force_login(operator)

    response = client.get(outbox_url(campus))

    assert list(response.context["outbox_messages"]) == [newer_draft, older_draft, failed, sent]


def test_outbox_filters_by_state_and_counts_each_state(client, campus, other_campus, operator):
    make_message(campus, subject="a draft")
    make_message(campus, subject="another draft")
    make_message(campus, subject="a sent one", state=State.SENT)
    make_message(other_campus, subject="elsewhere", state=State.SENT)
    client.force_login(operator)

    response = client.get(outbox_url(campus, state="sent"))

    assert [message.subject for message in response.context["outbox_messages"]] == ["a sent one"]
    counts = {state: count for state, _label, count in response.context["state_counts"]}
    assert counts == {"draft": 2, "failed": 0, "queued": 0, "sent": 1, "discarded": 0}
    assert response.context["total"] == 3


def test_outbox_query_count_does_not_grow_with_messages(client, campus, operator):
    client.force_login(operator)
    make_message(campus)
    with CaptureQueriesContext(connection) as one:
        client.get(outbox_url(campus))
    make_message(campus, state=State.SENT)
    make_message(campus, state=State.FAILED, error="Connection refused")
    with CaptureQueriesContext(connection) as three:
        response = client.get(outbox_url(campus))

    assert len(response.context["outbox_messages"]) == 3
    assert len(three) == len(one)


# bulk release and discard


def act_url(campus):
    return campus_reverse(campus, "core_manage:outbox_act")


def test_outbox_act_releases_selected_drafts(
    client, campus, staff_member, django_capture_on_commit_callbacks
):
    first = make_message(campus, to="one@example.org")
    second = make_message(campus, to="two@example.org")
    untouched = make_message(campus, to="three@example.org")
    client.force_login(staff_member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            act_url(campus), {"operation": "release", "selected": [first.pk, second.pk], "state": "draft"}
        )

    assert response.status_code == 302
    assert response.url == outbox_url(campus, state="draft")
    assert {reload(first).state, reload(second).state} == {State.SENT}
    assert reload(untouched).state == State.DRAFT
    assert sorted(message.to[0] for message in mail.outbox) == ["one@example.org", "two@example.org"]
    assert actions_logged(campus) == ["outbox.released", "outbox.released"]


def test_outbox_act_discards_selected_drafts(client, campus, operator):
    draft = make_message(campus)
    client.force_login(operator)

    response = client.post(act_url(campus), {"operation": "discard", "selected": [draft.pk]}, follow=True)

    assert reload(draft).state == State.DISCARDED
    assert "메시지 1건을 폐기했습니다." in response.text
    assert mail.outbox == []


def test_outbox_act_without_selection_shows_error(client, campus, operator):
    client.force_login(operator)

    response = client.post(act_url(campus), {"operation": "release"}, follow=True)

    assert "메시지를 하나 이상 선택하세요." in response.text


def test_outbox_act_ignores_id_of_other_campus(client, campus, other_campus, operator):
    foreign = make_message(other_campus)
    client.force_login(operator)

    client.post(act_url(campus), {"operation": "release", "selected": [foreign.pk]})

    assert reload(foreign).state == State.DRAFT
    assert mail.outbox == []


def test_outbox_act_anonymous_redirects_to_login(client, campus):
    draft = make_message(campus)

    response = client.post(act_url(campus), {"operation": "discard", "selected": [draft.pk]})

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))
    assert reload(draft).state == State.DRAFT


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_outbox_act_wrong_role_or_other_campus_is_forbidden(client, campus, request, person):
    draft = make_message(campus)
    client.force_login(request.getfixturevalue(person))

    response = client.post(act_url(campus), {"operation": "discard", "selected": [draft.pk]})

    assert response.status_code == 403
    assert reload(draft).state == State.DRAFT


def test_outbox_act_get_is_not_allowed(client, campus, operator):
    client.force_login(operator)

    response = client.get(act_url(campus))

    assert response.status_code == 405


# one message


def message_url(campus, message):
    return campus_reverse(campus, "core_manage:outbox_message", pk=message.pk)


def test_outbox_message_anonymous_redirects_to_login(client, campus):
    message = make_message(campus)

    response = client.get(message_url(campus, message))

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_outbox_message_wrong_role_or_other_campus_is_forbidden(client, campus, request, person):
    message = make_message(campus)
    client.force_login(request.getfixturevalue(person))

    response = client.post(message_url(campus, message), {"subject": "Hacked", "body": "Hacked"})

    assert response.status_code == 403
    assert reload(message).subject == "Your application"


def test_outbox_message_guessed_id_of_other_campus_is_not_found(client, campus, other_campus, operator):
    foreign = make_message(other_campus)
    client.force_login(operator)

    get_response = client.get(message_url(campus, foreign))
    post_response = client.post(message_url(campus, foreign), {"subject": "Hacked", "body": "Hacked"})

    assert get_response.status_code == 404
    assert post_response.status_code == 404
    assert reload(foreign).subject == "Your application"


def test_outbox_message_draft_shows_edit_form(client, campus, operator):
    message = make_message(campus)
    client.force_login(operator)

    response = client.get(message_url(campus, message))

    assert response.status_code == 200
    assert response.context["form"].initial == {
        "subject": "Your application",
        "body": "Thank you for applying.\n",
    }


def test_outbox_message_edit_saves_and_logs(client, campus, operator):
    message = make_message(campus)
    client.force_login(operator)

    response = client.post(
        message_url(campus, message), {"subject": "Your application (2020)", "body": "Hello"}
    )

    assert response.status_code == 302
    edited = reload(message)
    assert (edited.subject, edited.body, edited.state) == ("Your application (2020)", "Hello", State.DRAFT)
    assert actions_logged(campus) == ["outbox.edited"]


def test_outbox_message_invalid_input_rerenders_with_values(client, campus, operator):
    message = make_message(campus)
    client.force_login(operator)

    response = client.post(message_url(campus, message), {"subject": "", "body": "My careful new wording"})

    assert response.status_code == 200
    assert response.context["form"].errors["subject"]
    assert "My careful new wording" in response.text
    assert reload(message).body == "Thank you for applying.\n"


def test_outbox_message_save_and_release_sends_edited_text(
    client, campus, operator, django_capture_on_commit_callbacks
):
    message = make_message(campus)
    client.force_login(operator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            message_url(campus, message), {"subject": "Final subject", "body": "Final body", "release": ""}
        )

    assert response.url == outbox_url(campus)
    assert reload(message).state == State.SENT
    assert [(sent.subject, sent.body) for sent in mail.outbox] == [("Final subject", "Final body")]
    assert actions_logged(campus) == ["outbox.edited", "outbox.released"]


def test_outbox_message_sent_is_read_only(client, campus, operator):
    message = make_message(campus, state=State.SENT)
    client.force_login(operator)

    get_response = client.get(message_url(campus, message))
    post_response = client.post(message_url(campus, message), {"subject": "Changed", "body": "Changed"})

    assert get_response.context["form"] is None
    assert "Thank you for applying." in get_response.text
    assert post_response.status_code == 302
    assert reload(message).subject == "Your application"
