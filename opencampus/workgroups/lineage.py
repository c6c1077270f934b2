"""The working groups that took a social problem up, as steps of the agenda's lineage."""

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_scopes import scope

from opencampus.agendas.lineage import Step
from opencampus.core.links import campus_reverse
from opencampus.people.rules import is_campus_team

from .membership import active_memberships, mentored_groups
from .models import WorkingGroup


def working_group_steps(agenda, *, viewer):
    """One step per group on ``agenda``, in one query; the group's page is linked only for the
    people who may open it (its members and the campus team)."""
    with scope(campus=agenda.campus_id):
        groups = WorkingGroup.objects.filter(agenda=agenda).select_related("campus", "cohort")
        groups = groups.annotate(member_count=Count("members", distinct=True))
        if viewer.is_authenticated:
            mine = active_memberships(viewer).filter(group=OuterRef("pk"))
            mentored = mentored_groups(viewer).filter(pk=OuterRef("pk"))
            groups = groups.annotate(viewer_may_open=Exists(mine) | Exists(mentored))
        return [_step(group, viewer) for group in groups.order_by("created", "pk")]


def _step(group, viewer):
    may_open = getattr(group, "viewer_may_open", False) or is_campus_team(viewer, group.campus)
    return Step(
        kind="working_group",
        kind_label=_("working group"),
        title=f"{group.name} · {group.cohort.name}",
        url=campus_reverse(group.campus, "workgroups:group", pk=group.pk) if may_open else "",
        date=timezone.localdate(group.created),
        summary=ngettext("%(count)s member", "%(count)s members", group.member_count)
        % {"count": group.member_count},
        status="",
    )
