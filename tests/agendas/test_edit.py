"""Changing a problem: texts, tags and evidence; the similarity index follows."""

import pytest
from django_scopes import scope, scopes_disabled

from opencampus.agendas.models import Evidence
from opencampus.agendas.services.similarity import similar_agendas
from tests.factories import ThemeFactory

from .helpers import actions, fresh, public_url, rows

NO_NEW_EVIDENCE = {
    "evidence-TOTAL_FORMS": "1",
    "evidence-INITIAL_FORMS": "0",
    "evidence-MIN_NUM_FORMS": "0",
    "evidence-MAX_NUM_FORMS": "10",
}


@pytest.fixture
def proposer(campus, make_person):
    return make_person(campus)


@pytest.fixture
def own(make_agenda, proposer, theme):
    return make_agenda(proposed_by=proposer, theme=theme, title_en="Dark alley", description_en="No lights")


def test_edit_changes_texts_and_reindexes(client, campus, own, proposer, theme, neighbours):
    client.force_login(proposer)

    response = client.post(
        public_url(campus, "edit", pk=own.pk),
        {
            "title_en": "Rubbish in the alley",
            "description_en": "Bins overflow",
            "theme": theme.pk,
            **NO_NEW_EVIDENCE,
        },
    )

    assert response.url == public_url(campus, "detail", pk=own.pk)
    assert fresh(own).title_en == "Rubbish in the alley"
    with scope(campus=campus):
        found = similar_agendas(campus=campus, text="rubbish alley bins overflow")
    assert [match.agenda for match in found] == [own]
    assert actions(campus, "agenda.") == ["agenda.changed"]


def test_edit_keeps_a_retired_theme_selectable(client, campus, proposer, make_agenda):
    with scopes_disabled():
        retired = ThemeFactory(campus=campus, is_active=False)
    own = make_agenda(proposed_by=proposer, theme=retired)
    client.force_login(proposer)

    form = client.get(public_url(campus, "edit", pk=own.pk)).context["form"]

    assert retired in form.fields["theme"].queryset


def test_edit_removes_evidence_and_adds_new(client, campus, own, proposer, theme):
    with scopes_disabled():
        old = Evidence.objects.create(campus=campus, agenda=own, title="Old", url="https://example.org/old")
    client.force_login(proposer)

    client.post(
        public_url(campus, "edit", pk=own.pk),
        {
            "title_en": own.title_en,
            "description_en": own.description_en,
            "theme": theme.pk,
            "remove_evidence": [old.pk],
            **NO_NEW_EVIDENCE,
            "evidence-0-url": "https://example.org/new",
        },
    )

    assert [(item.title, item.url) for item in rows(Evidence, agenda=own)] == [
        ("https://example.org/new", "https://example.org/new")
    ]


def test_edit_with_both_titles_emptied_is_refused_and_keeps_the_text(client, campus, own, proposer, theme):
    client.force_login(proposer)

    response = client.post(
        public_url(campus, "edit", pk=own.pk),
        {
            "title_ko": "",
            "title_en": " ",
            "description_en": "Changed text",
            "theme": theme.pk,
            **NO_NEW_EVIDENCE,
        },
    )

    assert response.status_code == 400
    assert "Changed text" in response.content.decode()
    assert fresh(own).title_en == "Dark alley"
