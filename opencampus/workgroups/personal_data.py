"""Working groups in a person's data download and in an account's deletion."""

from .models import AgendaChoice, GroupFile, GroupMember, GroupNote, GroupTask, Trait


def _iso(value):
    return value.isoformat() if value is not None else None


def collect(sender, *, user, **kwargs):
    return {
        "problem_rankings": [
            {"cohort": choice.participant.cohort.slug, "problem": choice.offer.agenda_id, "rank": choice.rank}
            for choice in AgendaChoice.objects.filter(participant__user=user).select_related(
                "participant__cohort", "offer"
            )
        ],
        "traits": [
            {"cohort": trait.participant.cohort.slug, "attribute": trait.attribute, "value": trait.value}
            for trait in Trait.objects.filter(participant__user=user).select_related("participant__cohort")
        ],
        "working_groups": [
            {
                "campus": member.campus.slug,
                "cohort": member.group.cohort.slug,
                "group": member.group.name,
                "joined": _iso(member.joined),
            }
            for member in GroupMember.objects.filter(participant__user=user).select_related(
                "campus", "group__cohort"
            )
        ],
        "group_tasks": [
            {
                "group": task.group.name,
                "task": task.title,
                "due_on": _iso(task.due_on),
                "done_at": _iso(task.done_at),
            }
            for task in GroupTask.objects.filter(assignee__user=user).select_related("group")
        ],
        "group_notes": [
            {"group": note.group.name, "note": note.body, "created": _iso(note.created)}
            for note in GroupNote.objects.filter(author=user).select_related("group")
        ],
        "group_files": [
            {
                "group": item.group.name,
                "title": item.title,
                "file": item.file.name,
                "created": _iso(item.created),
            }
            for item in GroupFile.objects.filter(uploaded_by=user).select_related("group")
        ],
    }


def erase(sender, *, user, email, **kwargs):
    """Rankings and traits go; notes, files and tasks stay with the group, no longer naming the
    person as their author."""
    AgendaChoice.objects.filter(participant__user=user).delete()
    Trait.objects.filter(participant__user=user).delete()
    GroupNote.objects.filter(author=user).update(author=None)
    GroupFile.objects.filter(uploaded_by=user).update(uploaded_by=None)
    GroupTask.objects.filter(created_by=user).update(created_by=None)
