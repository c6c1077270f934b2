"""The campus team's curriculum pages: sessions, weekly slots, materials, timetable versions."""

import copy
from itertools import groupby

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.people.views.manage import ManagePermissionMixin

from .. import rules  # noqa: F401 (registers the permissions checked here)
from ..forms.curriculum import MaterialForm, SessionForm, SlotForm
from ..models import Cohort, CohortSlot, Session, SessionMaterial, Timetable, TimetableEntry
from ..services import curriculum as services
from ..services.curriculum import CurriculumError
from ..services.planning import PlanningError, plan_timetable
from ..services.publishing import PublishError, publish_timetable
from ..services.timetable_diff import diff_timetables
from ..services.unplaced_reasons import describe_unplaced


def curriculum_url(cohort, name="cohort", **kwargs):
    return campus_reverse(cohort.campus, f"curriculum_manage:{name}", cohort=cohort.slug, **kwargs)


def show_error(form, error):
    form.add_error(error.field if error.field in form.fields else None, error.message)


class CurriculumPermissionMixin(ManagePermissionMixin):
    permission_required = "programs.manage_cohorts"


class CohortMixin(CurriculumPermissionMixin):
    @cached_property
    def cohort(self):
        return get_object_or_404(
            Cohort.objects.select_related("campus", "track", "place"),
            campus=self.request.campus,
            slug=self.kwargs["cohort"],
        )


class CohortListView(CurriculumPermissionMixin, View):
    def get(self, request):
        cohorts = Cohort.objects.filter(campus=request.campus).select_related("track")
        return render(request, "programs/curriculum/cohorts.html", {"cohorts": cohorts})


class CurriculumView(CohortMixin, View):
    """A cohort's sessions, slots and timetable versions, with the form to add a slot."""

    template_name = "programs/curriculum/cohort.html"

    def render_page(self, slot_form):
        sessions = (
            Session.objects.filter(cohort=self.cohort)
            .select_related("room")
            .prefetch_related("instructors", "features", "after", "materials")
        )
        context = {
            "cohort": self.cohort,
            "sessions": sessions,
            "slots": CohortSlot.objects.filter(cohort=self.cohort),
            "slot_form": slot_form,
            "timetables": Timetable.objects.filter(cohort=self.cohort).select_related("created_by"),
        }
        return render(self.request, self.template_name, context)

    def get(self, request, cohort):
        return self.render_page(SlotForm())

    def post(self, request, cohort):
        form = SlotForm(request.POST, instance=CohortSlot(campus=request.campus, cohort=self.cohort))
        if form.is_valid():
            try:
                services.save_slot(slot=form.instance, actor=request.user)
            except CurriculumError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The weekly slot has been added."))
                return redirect(curriculum_url(self.cohort))
        return self.render_page(form)


class RemoveSlotView(CohortMixin, View):
    http_method_names = ["post"]

    def post(self, request, cohort, pk):
        slot = get_object_or_404(CohortSlot, campus=request.campus, cohort=self.cohort, pk=pk)
        services.remove_slot(slot=slot, actor=request.user)
        messages.success(request, _("The weekly slot has been removed."))
        return redirect(curriculum_url(self.cohort))


class SessionFormView(CohortMixin, View):
    template_name = "programs/curriculum/session_form.html"

    @cached_property
    def session(self):
        if "pk" not in self.kwargs:
            return Session(campus=self.request.campus, cohort=self.cohort)
        return get_object_or_404(
            Session, campus=self.request.campus, cohort=self.cohort, pk=self.kwargs["pk"]
        )

    def render_page(self, form, material_form=None):
        context = {
            "cohort": self.cohort,
            "session": self.session if self.session.pk else None,
            "form": form,
            "material_form": material_form or MaterialForm(),
            "materials": self.session.materials.all() if self.session.pk else (),
        }
        return render(self.request, self.template_name, context)

    def get(self, request, cohort, pk=None):
        return self.render_page(SessionForm(instance=copy.copy(self.session), cohort=self.cohort))

    def post(self, request, cohort, pk=None):
        form = SessionForm(request.POST, instance=copy.copy(self.session), cohort=self.cohort)
        if form.is_valid():
            try:
                session = services.save_session(session=form.instance, actor=request.user, **form.relations())
            except CurriculumError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The session has been saved."))
                return redirect(curriculum_url(self.cohort, "session", pk=session.pk))
        return self.render_page(form)


class DeleteSessionView(CohortMixin, View):
    http_method_names = ["post"]

    def post(self, request, cohort, pk):
        session = get_object_or_404(Session, campus=request.campus, cohort=self.cohort, pk=pk)
        try:
            services.delete_session(session=session, actor=request.user)
        except CurriculumError as error:
            messages.error(request, error.message)
            return redirect(curriculum_url(self.cohort, "session", pk=session.pk))
        messages.success(request, _("The session has been deleted."))
        return redirect(curriculum_url(self.cohort))


class AddMaterialView(SessionFormView):
    http_method_names = ["post"]

    def post(self, request, cohort, pk):
        material = SessionMaterial(campus=request.campus, session=self.session)
        form = MaterialForm(request.POST, request.FILES, instance=material)
        if not form.is_valid():
            return self.render_page(SessionForm(instance=copy.copy(self.session), cohort=self.cohort), form)
        services.add_material(material=form.instance, actor=request.user)
        messages.success(request, _("The material has been added."))
        return redirect(curriculum_url(self.cohort, "session", pk=self.session.pk))


class RemoveMaterialView(CohortMixin, View):
    http_method_names = ["post"]

    def post(self, request, cohort, pk, material):
        material = get_object_or_404(
            SessionMaterial, campus=request.campus, session__cohort=self.cohort, session_id=pk, pk=material
        )
        services.remove_material(material=material, actor=request.user)
        messages.success(request, _("The material has been removed."))
        return redirect(curriculum_url(self.cohort, "session", pk=pk))


class PlanView(CohortMixin, View):
    """Run the planner; the result is a new draft version (re-planning starts from the published one)."""

    http_method_names = ["post"]

    def post(self, request, cohort):
        try:
            timetable = plan_timetable(cohort=self.cohort, actor=request.user)
        except PlanningError as error:
            messages.error(request, str(error))
            return redirect(curriculum_url(self.cohort))
        messages.success(request, _("Version %(number)d has been planned.") % {"number": timetable.number})
        return redirect(curriculum_url(self.cohort, "timetable", number=timetable.number))


class TimetableMixin(CohortMixin):
    @cached_property
    def timetable(self):
        return get_object_or_404(
            Timetable.objects.select_related("based_on", "created_by", "published_by"),
            campus=self.request.campus,
            cohort=self.cohort,
            number=self.kwargs["number"],
        )


class TimetableView(TimetableMixin, View):
    template_name = "programs/curriculum/timetable.html"

    def get(self, request, cohort, number):
        timetable = self.timetable
        entries = list(
            TimetableEntry.objects.filter(timetable=timetable)
            .select_related("session", "room")
            .prefetch_related("session__instructors")
        )
        placed = [entry for entry in entries if entry.is_placed]
        published = Timetable.objects.filter(cohort=self.cohort, state=Timetable.State.PUBLISHED).first()
        compare_with = published if timetable.state == Timetable.State.DRAFT else timetable.based_on
        unplaced = describe_unplaced([entry for entry in entries if not entry.is_placed])
        context = {
            "cohort": self.cohort,
            "timetable": timetable,
            "weeks": [(week, list(items)) for week, items in groupby(placed, key=lambda entry: entry.week)],
            "unplaced": unplaced,
            "compared_with": compare_with,
            "changes": diff_timetables(compare_with, timetable) if compare_with else [],
        }
        return render(request, self.template_name, context)


class PublishView(TimetableMixin, View):
    http_method_names = ["post"]

    def post(self, request, cohort, number):
        try:
            changes = publish_timetable(
                timetable=self.timetable, actor=request.user, base_url=request.build_absolute_uri("/")
            )
        except PublishError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _(
                    "Version %(number)d is published: its rooms are booked and %(changes)d change(s) "
                    "wait in the outbox to be announced."
                )
                % {"number": self.timetable.number, "changes": len(changes)},
            )
        return redirect(curriculum_url(self.cohort, "timetable", number=self.timetable.number))
