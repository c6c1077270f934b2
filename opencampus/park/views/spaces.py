"""Public space pages: the campus's spaces as a tree, one space's page, and what a training is.

Anyone may see spaces in use; the campus team also sees those taken out of use.
"""

from collections import defaultdict

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from ..forms.spaces import SpaceFilterForm
from ..models import ClosedDay, OpeningHours, Space, SpacePhoto, Training
from ..services.tree import space_tree

UPCOMING_CLOSED_DAYS = 10


def campus_spaces(campus):
    """All spaces of ``campus`` with what the lists show, in a fixed number of queries."""
    first_photo = SpacePhoto.objects.order_by("position", "pk")[:1]
    return (
        Space.objects.filter(campus=campus)
        .select_related("campus", "required_training")
        .prefetch_related("features", Prefetch("photos", queryset=first_photo, to_attr="first_photos"))
    )


def arrange_tree(spaces):
    """Hang each space under its parent (``space.child_nodes``); return the top ones.

    A space whose parent is not among ``spaces`` (hidden, out of use) is shown at the top.
    """
    by_id = {space.pk: space for space in spaces}
    children = defaultdict(list)
    roots = []
    for space in spaces:
        if space.parent_id in by_id:
            children[space.parent_id].append(space)
        else:
            roots.append(space)
    for space in spaces:
        space.child_nodes = children[space.pk]
    return roots


def path_names(space, by_id):
    """The names of the spaces ``space`` is inside, outermost first."""
    names, seen = [], {space.pk}
    parent = by_id.get(space.parent_id)
    while parent is not None and parent.pk not in seen:
        seen.add(parent.pk)
        names.append(parent.name)
        parent = by_id.get(parent.parent_id)
    return list(reversed(names))


def booking_audience(space):
    """Who may book ``space``, in words; None when it cannot be booked."""
    if not space.is_bookable:
        return None
    if space.bookable_by_public:
        return _("anyone signed in; the campus team always")
    who = []
    if space.bookable_by_residents:
        who.append(_("resident organisations"))
    if space.bookable_by_participants:
        who.append(_("programme participants"))
    if not who:
        return _("the campus team only")
    return _("%(who)s; the campus team always") % {"who": ", ".join(who)}


def duration_text(minutes):
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return _("%(hours)s and %(minutes)s") % {
            "hours": ngettext("%d hour", "%d hours", hours) % hours,
            "minutes": ngettext("%d minute", "%d minutes", rest) % rest,
        }
    if hours:
        return ngettext("%d hour", "%d hours", hours) % hours
    return ngettext("%d minute", "%d minutes", rest) % rest


def booking_rules(space):
    """The space's booking rules as sentences (the training link is added by the template)."""
    if not space.is_bookable:
        return [_("This space cannot be booked.")]
    days = space.max_days_ahead
    rules = [
        _("Who may book: %(who)s.") % {"who": booking_audience(space)},
        ngettext("Bookable up to %(days)d day ahead.", "Bookable up to %(days)d days ahead.", days)
        % {"days": days},
    ]
    if space.max_duration_minutes:
        rules.append(
            _("A booking lasts at most %(length)s.") % {"length": duration_text(space.max_duration_minutes)}
        )
    else:
        rules.append(_("Bookings may be of any length."))
    if space.min_notice_hours:
        hours = space.min_notice_hours
        rules.append(
            ngettext(
                "Book at least %(hours)d hour before the start.",
                "Book at least %(hours)d hours before the start.",
                hours,
            )
            % {"hours": hours}
        )
    if space.cancel_deadline_hours:
        hours = space.cancel_deadline_hours
        rules.append(
            ngettext(
                "Cancel or move a booking up to %(hours)d hour before the start.",
                "Cancel or move a booking up to %(hours)d hours before the start.",
                hours,
            )
            % {"hours": hours}
        )
    else:
        rules.append(_("Cancel or move a booking any time before the start."))
    if space.requires_approval:
        rules.append(_("The campus team approves each booking before it holds."))
    else:
        rules.append(_("Bookings hold at once, without approval."))
    return rules


def weekly_hours(space, ancestors):
    """Seven (weekday, periods) rows, and the ancestor they come from (None: the space's own).

    Hours come from the space or, when it has none, the nearest space above with any;
    ``rows`` is None when no space up the tree has hours: open around the clock.
    """
    lineage = [space, *ancestors]
    by_space = defaultdict(lambda: defaultdict(list))
    for hours in OpeningHours.objects.filter(space__in=lineage).order_by("weekday", "opens"):
        by_space[hours.space_id][hours.weekday].append(hours)
    for source in lineage:
        if source.pk in by_space:
            days = by_space[source.pk]
            rows = [(day.label, days.get(day.value, [])) for day in OpeningHours.Weekday]
            return rows, (None if source is space else source)
    return None, None


def upcoming_closed_days(space, ancestors):
    lineage = [space.pk, *(ancestor.pk for ancestor in ancestors)]
    return (
        ClosedDay.objects.filter(
            Q(space_id__in=lineage) | Q(space__isnull=True),
            campus=space.campus,
            date__gte=timezone.localdate(),
        )
        .select_related("space")
        .order_by("date", "pk")[:UPCOMING_CLOSED_DAYS]
    )


class SpaceTreeView(View):
    template_name = "park/spaces/tree.html"

    def get(self, request):
        user, campus = request.user, request.campus
        spaces = [space for space in campus_spaces(campus) if user.has_perm("park.view_space", space)]
        for space in spaces:
            space.audience = booking_audience(space)
        form = SpaceFilterForm(request.GET or None, campus=campus)
        context = {
            "form": form,
            "space_count": len(spaces),
            "can_manage": user.has_perm("park.manage_spaces", campus),
        }
        if form.is_valid() and (form.cleaned_data["feature"] or form.cleaned_data["capacity"]):
            by_id = {space.pk: space for space in spaces}
            matches = [space for space in spaces if matches_filter(space, **form.cleaned_data)]
            for space in matches:
                space.path = path_names(space, by_id)
            context["matches"] = matches
        else:
            context["roots"] = arrange_tree(spaces)
        return render(request, self.template_name, context)


def matches_filter(space, *, feature, capacity):
    if feature is not None and feature not in space.features.all():
        return False
    return not capacity or (space.capacity or 0) >= capacity


class SpaceDetailView(View):
    template_name = "park/spaces/detail.html"

    def get(self, request, slug):
        campus = request.campus
        space = get_object_or_404(
            Space.objects.select_related("campus", "required_training"), campus=campus, slug=slug
        )
        if not request.user.has_perm("park.view_space", space):
            raise Http404("No such space in use.")
        ancestor_ids = space_tree(campus).ancestors(space.pk)
        found = Space.objects.in_bulk(ancestor_ids)
        ancestors = [found[pk] for pk in ancestor_ids if pk in found]
        hours, hours_from = weekly_hours(space, ancestors)
        children = [
            child
            for child in space.children.select_related("campus")
            if request.user.has_perm("park.view_space", child)
        ]
        context = {
            "space": space,
            "breadcrumbs": list(reversed(ancestors)),
            "photos": space.photos.all(),
            "features": space.features.all(),
            "hours": hours,
            "hours_from": hours_from,
            "closed_days": upcoming_closed_days(space, ancestors),
            "rules": booking_rules(space),
            "children": children,
            "can_manage": request.user.has_perm("park.manage_spaces", campus),
        }
        return render(request, self.template_name, context)


class TrainingDetailView(View):
    """What a training is and which spaces need it: linked from the spaces that require it."""

    template_name = "park/spaces/training.html"

    def get(self, request, slug):
        training = get_object_or_404(Training, campus=request.campus, slug=slug)
        spaces = [
            space
            for space in training.spaces.select_related("campus")
            if request.user.has_perm("park.view_space", space)
        ]
        return render(request, self.template_name, {"training": training, "spaces": spaces})
