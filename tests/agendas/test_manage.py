"""The campus team's pages: overview counts, moderation, themes, districts, local targets, policy."""

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.agendas.models import AgendaPolicy, Comment, CommentReport, District, SdgTarget, Theme
from tests.factories import ExperimentFactory, ThemeFactory, UserFactory

from .helpers import actions, fresh, manage_url, public_url, rows


@pytest.fixture
def team(client, staff_member):
    client.force_login(staff_member)
    return staff_member


@pytest.fixture
def reported(campus, agenda):
    with scopes_disabled():
        comment = Comment.objects.create(
            campus=campus, agenda=agenda, author=UserFactory(), body="Buy cheap pills"
        )
        for reason in ("spam", "offensive"):
            CommentReport.objects.create(
                campus=campus, comment=comment, reporter=UserFactory(), reason=reason
            )
    return comment


def open_reports(comment):
    return rows(CommentReport, comment=comment, resolved_at__isnull=True)


def test_index_counts_open_reports_and_problems_awaiting_review(client, campus, make_agenda, reported, team):
    make_agenda(state="under_review")
    make_agenda(state="adopted")

    response = client.get(manage_url(campus, "index"))

    assert (response.context["open_reports"], response.context["proposed"]) == (2, 1)
    assert len(response.context["awaiting"]) == 2
    assert "2 open reports" in response.content.decode()


def test_moderation_lists_reported_comments_with_their_reports(client, campus, reported, team):
    content = client.get(manage_url(campus, "moderation")).content.decode()

    assert "Buy cheap pills" in content
    assert "Spam or advertising" in content
    assert "Offensive or hateful" in content


def test_hide_needs_a_reason_and_resolves_the_reports(client, campus, reported, team):
    refused = client.post(manage_url(campus, "hide_comment", pk=reported.pk), {"reason": "  "}, follow=True)
    assert not fresh(reported).is_hidden
    assert "Give the reason for hiding" in refused.content.decode()

    client.post(manage_url(campus, "hide_comment", pk=reported.pk), {"reason": "Advertising"})

    comment = fresh(reported)
    assert (comment.is_hidden, comment.hidden_reason, comment.hidden_by) == (True, "Advertising", team)
    assert open_reports(reported) == []
    assert actions(campus, "agenda.") == ["agenda.comment_hidden"]


def test_hide_from_the_problem_page_returns_there(client, campus, agenda, reported, team):
    response = client.post(
        manage_url(campus, "hide_comment", pk=reported.pk), {"reason": "Spam", "back": "agenda"}
    )

    assert response.url == public_url(campus, "detail", pk=agenda.pk) + f"#comment-{reported.pk}"


def test_unhide_shows_the_comment_again(client, campus, reported, team):
    with scopes_disabled():
        Comment.objects.filter(pk=reported.pk).update(hidden_at=timezone.now(), hidden_reason="Spam")

    client.post(manage_url(campus, "unhide_comment", pk=reported.pk))

    comment = fresh(reported)
    assert (comment.is_hidden, comment.hidden_reason) == (False, "")
    assert actions(campus, "agenda.") == ["agenda.comment_unhidden"]


def test_resolve_reports_keeps_the_comment_visible(client, campus, reported, team):
    client.post(manage_url(campus, "resolve_reports", pk=reported.pk))
    again = client.post(manage_url(campus, "resolve_reports", pk=reported.pk), follow=True)

    assert not fresh(reported).is_hidden
    assert open_reports(reported) == []
    assert "This comment has no open reports." in again.content.decode()
    assert actions(campus, "agenda.") == ["agenda.reports_resolved"]


def test_theme_create_change_and_slug_unique_per_campus(client, campus, other_campus, theme, team):
    with scopes_disabled():
        ThemeFactory(campus=other_campus, slug="energy")

    client.post(
        manage_url(campus, "theme_create"),
        {"slug": "energy", "name_en": "Energy", "order": 1, "is_active": "on"},
    )
    taken = client.post(
        manage_url(campus, "theme_create"), {"slug": "waste", "name_en": "Waste again", "order": 2}
    )
    nameless = client.post(manage_url(campus, "theme_create"), {"slug": "food", "name_en": " ", "order": 3})
    client.post(
        manage_url(campus, "theme_edit", pk=theme.pk),
        {"slug": "waste", "name_en": "Waste and reuse", "order": 0},
    )

    assert [item.slug for item in rows(Theme, campus=campus)] == ["waste", "energy"]
    assert taken.status_code == nameless.status_code == 400
    assert "Another theme of this campus uses this address name." in taken.content.decode()
    assert "Give the name in Korean or in English." in nameless.content.decode()
    assert fresh(theme).name_en == "Waste and reuse"
    assert actions(campus, "theme.") == ["theme.created", "theme.changed"]


def test_theme_in_use_is_deactivated_not_deleted(client, campus, theme, make_agenda, team):
    make_agenda(theme=theme)
    with scopes_disabled():
        unused = ThemeFactory(campus=campus)
        by_experiment = ThemeFactory(campus=campus)
        ExperimentFactory(campus=campus, theme=by_experiment)

    for record in (theme, unused, by_experiment):
        client.post(manage_url(campus, "theme_remove", pk=record.pk))

    assert fresh(theme).is_active is False
    assert fresh(by_experiment).is_active is False
    assert rows(Theme, pk=unused.pk) == []


def test_districts_create_change_delete(client, campus, district, make_agenda, team):
    placed = make_agenda(district=district, place="Near the market")

    client.post(manage_url(campus, "district_create"), {"name_ko": "마포구", "order": 2})
    client.post(manage_url(campus, "district_edit", pk=district.pk), {"name_en": "Eunpyeong", "order": 1})
    changed = fresh(district)
    client.post(manage_url(campus, "district_delete", pk=district.pk))

    assert changed.name_en == "Eunpyeong"
    assert [item.name_ko for item in rows(District, campus=campus)] == ["마포구"]
    assert (fresh(placed).district, fresh(placed).place) == (None, "Near the market")


def test_local_targets_code_unique_per_campus_and_kept_while_used(
    client, campus, other_campus, goal_11, make_agenda, team
):
    with scopes_disabled():
        goal_11.targets.create(campus=other_campus, code="11.L.1", text_en="Busan's target")
    data = {"goal": goal_11.pk, "code": "11.L.1", "text_en": "Zero-waste markets"}

    client.post(manage_url(campus, "target_create"), data)
    twice = client.post(manage_url(campus, "target_create"), data)
    [target] = rows(SdgTarget, campus=campus)
    with scopes_disabled():
        make_agenda().sdg_targets.add(target)
    kept = client.post(manage_url(campus, "target_delete", pk=target.pk), follow=True)

    assert twice.status_code == 400
    assert "Another local target of this campus has this code." in twice.content.decode()
    assert rows(SdgTarget, pk=target.pk) == [target]
    assert "Problems are tagged with this target" in kept.content.decode()


def test_un_targets_are_not_editable_from_a_campus(client, campus, target_11_6, team):
    assert client.get(manage_url(campus, "target_edit", pk=target_11_6.pk)).status_code == 404
    assert client.post(manage_url(campus, "target_delete", pk=target_11_6.pk)).status_code == 404


def test_policy_flag_is_saved_and_logged(client, campus, team):
    client.post(manage_url(campus, "policy"), {"allow_self_endorsement": "on"})

    [policy] = rows(AgendaPolicy, campus=campus)
    assert policy.allow_self_endorsement is True
    assert actions(campus, "agenda_policy.") == ["agenda_policy.changed"]
