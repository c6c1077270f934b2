"""The public directory of the campus's organisations, with what they hold and do in the park.

It lives here rather than in ``people`` because it shows residencies, bookings and calls:
``people`` stays below the domain apps.
"""

from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, ListView

from opencampus.calls.models import Application
from opencampus.core.views.mixins import CampusPermissionMixin
from opencampus.people.models import Membership, Organisation
from opencampus.people.views.organisation_filters import OrganisationFilterMixin

from ..models import Booking, Occurrence, Residency

RESIDENT_STATES = (Residency.State.RESIDENT, Residency.State.LEAVING)
UPCOMING_ACTIVITIES = 10


def current_residencies():
    """Prefetch for an organisation's resident or leaving residency, with the spaces it holds."""
    return Prefetch(
        "residencies",
        queryset=Residency.objects.filter(state__in=RESIDENT_STATES).prefetch_related("spaces"),
        to_attr="current_residencies",
    )


class OrganisationDirectoryView(OrganisationFilterMixin, ListView):
    template_name = "park/directory/organisations.html"
    context_object_name = "organisations"
    paginate_by = 30
    search_fields = ("name_ko", "name_en", "description_ko", "description_en")

    def get_queryset(self):
        organisations = self.filter_organisations(Organisation.objects.filter(is_public=True))
        self.residents_only = self.request.GET.get("residents") == "1"
        if self.residents_only:
            resident = Residency.objects.filter(organisation=OuterRef("pk"), state__in=RESIDENT_STATES)
            organisations = organisations.filter(Exists(resident))
        return organisations.prefetch_related(current_residencies())

    def get_context_data(self, **kwargs):
        return super().get_context_data(residents_only=self.residents_only, **kwargs)


class OrganisationDetailView(CampusPermissionMixin, DetailView):
    permission_required = "people.view_organisation"
    template_name = "park/directory/organisation.html"
    context_object_name = "organisation"

    def get_object(self, queryset=None):
        if not hasattr(self, "object"):
            self.object = get_object_or_404(Organisation, slug=self.kwargs["slug"])
        return self.object

    def get_permission_object(self):
        return self.get_object()

    def get_context_data(self, **kwargs):
        organisation = self.object
        listed = (
            Membership.objects.filter(organisation=organisation, is_listed=True)
            .select_related("user")
            .order_by("role", "user__name_ko")
        )
        residency = (
            Residency.objects.filter(organisation=organisation, state__in=RESIDENT_STATES)
            .prefetch_related("spaces")
            .first()
        )
        upcoming = (
            Occurrence.objects.filter(
                booking__organisation=organisation,
                booking__kind=Booking.Kind.BOOKING,
                booking__state=Booking.State.CONFIRMED,
                state=Occurrence.State.CONFIRMED,
                end__gte=timezone.now(),
            )
            .select_related("booking", "space")
            .order_by("start", "pk")[:UPCOMING_ACTIVITIES]
        )
        # Only the calls' public titles: the applications themselves stay private.
        selected_in = (
            Application.objects.filter(
                organisation=organisation,
                state__in=[Application.State.ACCEPTED, Application.State.CONFIRMED],
                call__is_published=True,
            )
            .select_related("call")
            .order_by("-call__opens_at", "pk")
        )
        calls = list({application.call_id: application.call for application in selected_in}.values())
        return super().get_context_data(
            listed_members=listed, residency=residency, upcoming=upcoming, calls=calls, **kwargs
        )
