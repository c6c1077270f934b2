"""Working groups join a person's data download; deleting the account drops rankings and traits
and keeps the group's notes without their author."""

from django_scopes import scopes_disabled

from opencampus.people.services.personal_data import delete_account, export_personal_data
from opencampus.workgroups.models import AgendaChoice, GroupFile, GroupMember, GroupNote, GroupTask, Trait

from .helpers import give_trait, rows


def test_the_download_and_the_deletion_cover_rankings_traits_groups_and_notes(
    campus, cohort, join, offer, group_of
):
    offered = offer(cohort)
    person = join(cohort)
    give_trait(person, "sector", "civic")
    group = group_of(cohort, person, name="Compost")
    with scopes_disabled():
        AgendaChoice.objects.create(campus=campus, participant=person, offer=offered, rank=1)
        GroupNote.objects.create(campus=campus, group=group, author=person.user, body="Met the market")
        GroupFile.objects.create(
            campus=campus,
            group=group,
            title="Plan",
            file="workgroups/files/plan.txt",
            uploaded_by=person.user,
        )
        GroupTask.objects.create(
            campus=campus, group=group, title="Call", assignee=person, created_by=person.user
        )

    data = export_personal_data(user=person.user)

    assert data["problem_rankings"] == [{"cohort": cohort.slug, "problem": offered.agenda_id, "rank": 1}]
    assert data["traits"] == [{"cohort": cohort.slug, "attribute": "sector", "value": "civic"}]
    assert data["working_groups"][0]["group"] == "Compost"
    assert data["group_notes"][0]["note"] == "Met the market"
    assert data["group_files"][0]["title"] == "Plan"
    assert data["group_tasks"][0]["task"] == "Call"

    delete_account(user=person.user, campus=campus)

    assert rows(AgendaChoice) == []
    assert rows(Trait) == []
    note = rows(GroupNote)[0]
    assert (note.body, note.author_id) == ("Met the market", None)
    assert rows(GroupFile)[0].uploaded_by_id is None
    assert rows(GroupTask)[0].created_by_id is None
    assert len(rows(GroupMember)) == 1
