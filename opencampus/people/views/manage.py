"""The campus team's pages for people and their roles, organisations and their members."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from opencampus.core.links import campus_reverse
from opencampus.core.views.mixins import CampusPermissionMixin, query_string_without_page

from ..forms.manage import (
    AddMemberForm,
    ChangeMemberRoleForm,
    GrantRoleForm,
    NewOrganisationForm,
    OrganisationDetailsForm,
    OrganisationForm,
    RevokeRoleForm,
)
from ..models import CampusRole, Membership, Organisation, User
from ..services.accounts import grant_role, revoke_role
from ..services.organisations import (
    OrganisationError,
    add_member,
    change_member_role,
    create_organisation,
    remove_member,
    update_organisation,
)
from .organisation_filters import OrganisationFilterMixin


class ManagePermissionMixin(CampusPermissionMixin):
    """Anonymous people go to the log-in page before any record is looked up."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


def error_text(error):
    return " ".join(error.messages)


# People and roles


class PeopleView(ManagePermissionMixin, ListView):
    permission_required = "people.view_people"
    template_name = "people/manage/people.html"
    context_object_name = "people"
    paginate_by = 30

    def get_queryset(self):
        campus = self.request.campus
        self.query = self.request.GET.get("q", "").strip()[:100]
        self.role = self.request.GET.get("role", "")
        grants = CampusRole.objects.filter(campus=campus)
        if self.role in CampusRole.Role.values:
            grants = grants.filter(role=self.role)
        people = User.objects.filter(pk__in=grants.values("user"))
        if self.query:
            people = people.filter(
                Q(name_ko__icontains=self.query)
                | Q(name_en__icontains=self.query)
                | Q(email__icontains=self.query)
            )
        roles_here = CampusRole.objects.filter(campus=campus).order_by("role")
        return people.prefetch_related(Prefetch("campus_roles", queryset=roles_here, to_attr="roles_here"))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=self.query,
            role=self.role,
            roles=CampusRole.Role.choices,
            can_manage_roles=self.request.user.has_perm("people.manage_roles", self.request.campus),
            query_string=query_string_without_page(self.request),
            **kwargs,
        )


class GrantRoleView(ManagePermissionMixin, View):
    permission_required = "people.manage_roles"
    template_name = "people/manage/grant_role.html"

    def get(self, request):
        form = GrantRoleForm(campus=request.campus, initial={"role": request.GET.get("role")})
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = GrantRoleForm(request.POST, campus=request.campus)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form})
        person, role = form.cleaned_data["person"], form.cleaned_data["role"]
        grant_role(
            campus=request.campus,
            user=person,
            role=role,
            actor=request.user,
            campus_link=request.build_absolute_uri(campus_reverse(request.campus, "core:home")),
        )
        messages.success(
            request,
            _("%(person)s is now %(role)s on this campus. A notification to them waits in the outbox.")
            % {"person": person, "role": CampusRole.Role(role).label},
        )
        return redirect(campus_reverse(request.campus, "people_manage:people"))


class RevokeRoleView(ManagePermissionMixin, View):
    permission_required = "people.manage_roles"
    http_method_names = ["post"]

    def post(self, request, user_id):
        campus = request.campus
        grants = CampusRole.objects.filter(campus=campus, user_id=user_id)
        if not grants.exists():
            raise Http404("This person holds no role on this campus.")
        person = User.objects.get(pk=user_id)
        form = RevokeRoleForm(request.POST)
        role = form.cleaned_data["role"] if form.is_valid() else None
        if role is None or not grants.filter(role=role).exists():
            messages.error(request, _("This person does not hold that role."))
        elif person == request.user and role == CampusRole.Role.OPERATOR:
            messages.error(
                request,
                _("You cannot revoke your own operator role. Ask another operator to do it."),
            )
        else:
            revoke_role(campus=campus, user=person, role=role, actor=request.user)
            messages.success(
                request,
                _("%(person)s is no longer %(role)s on this campus.")
                % {"person": person, "role": CampusRole.Role(role).label},
            )
        return redirect(campus_reverse(campus, "people_manage:people"))


# Organisations


class OrganisationListView(ManagePermissionMixin, OrganisationFilterMixin, ListView):
    permission_required = "people.view_people"
    template_name = "people/manage/organisations.html"
    context_object_name = "organisations"
    paginate_by = 30
    search_fields = ("name_ko", "name_en", "slug")

    def get_queryset(self):
        return self.filter_organisations(Organisation.objects.annotate(member_count=Count("memberships")))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_add=self.request.user.has_perm("people.add_organisation", self.request.campus), **kwargs
        )


class NewOrganisationView(ManagePermissionMixin, View):
    permission_required = "people.add_organisation"
    template_name = "people/manage/organisation_form.html"

    def get(self, request):
        return render(request, self.template_name, {"form": NewOrganisationForm(campus=request.campus)})

    def post(self, request):
        form = NewOrganisationForm(request.POST, campus=request.campus)
        if form.is_valid():
            try:
                organisation = create_organisation(
                    campus=request.campus,
                    actor=request.user,
                    representative=form.cleaned_data["representative"],
                    **form.organisation_fields(),
                )
            except OrganisationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The organisation has been created."))
                return redirect(
                    campus_reverse(request.campus, "people_manage:members", slug=organisation.slug)
                )
        return render(request, self.template_name, {"form": form})


class OrganisationMixin(ManagePermissionMixin):
    """Views about one organisation, found by its address name inside the current campus."""

    permission_required = "people.change_organisation"

    def get_organisation(self):
        if not hasattr(self, "organisation"):
            self.organisation = get_object_or_404(
                Organisation.objects.select_related("campus"), slug=self.kwargs["slug"]
            )
        return self.organisation

    def get_permission_object(self):
        return self.get_organisation()

    def is_team(self):
        return self.request.user.has_perm("people.view_people", self.request.campus)


class EditOrganisationView(OrganisationMixin, View):
    template_name = "people/manage/organisation_form.html"

    def get_form_class(self):
        if self.request.user.has_perm("people.classify_organisation", self.request.campus):
            return OrganisationForm
        return OrganisationDetailsForm

    def make_form(self, data=None):
        # The form writes into its instance while validating; keep ``self.organisation`` as saved.
        instance = copy.copy(self.get_organisation())
        return self.get_form_class()(data, instance=instance, campus=self.request.campus)

    def render_form(self, form):
        context = {"form": form, "organisation": self.organisation, "is_team": self.is_team()}
        return render(self.request, self.template_name, context)

    def get(self, request, slug):
        return self.render_form(self.make_form())

    def post(self, request, slug):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                organisation = update_organisation(
                    organisation=self.organisation, actor=request.user, **form.organisation_fields()
                )
            except OrganisationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The organisation has been saved."))
                return redirect(
                    campus_reverse(request.campus, "people_manage:edit_organisation", slug=organisation.slug)
                )
        return self.render_form(form)


# Members

ROLE_ORDER = Case(
    *(When(role=role, then=Value(rank)) for rank, role in enumerate(Membership.Role.values)),
    output_field=IntegerField(),
)


class MembersView(OrganisationMixin, View):
    template_name = "people/manage/members.html"

    def memberships(self):
        return list(
            Membership.objects.filter(organisation=self.organisation)
            .select_related("user")
            .order_by(ROLE_ORDER, "user__email")
        )

    def render_page(self, form, memberships):
        context = {
            "organisation": self.organisation,
            "memberships": memberships,
            "form": form,
            "roles": Membership.Role.choices,
            "is_team": self.is_team(),
        }
        return render(self.request, self.template_name, context)

    def get(self, request, slug):
        memberships = self.memberships()
        # The first member of an organisation has to be its representative.
        role = Membership.Role.MEMBER if memberships else Membership.Role.REPRESENTATIVE
        form = AddMemberForm(organisation=self.organisation, initial={"role": role})
        return self.render_page(form, memberships)

    def post(self, request, slug):
        form = AddMemberForm(request.POST, organisation=self.organisation)
        if form.is_valid():
            person = form.cleaned_data["person"]
            try:
                add_member(
                    organisation=self.organisation,
                    user=person,
                    role=form.cleaned_data["role"],
                    actor=request.user,
                )
            except OrganisationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("%(person)s has been added.") % {"person": person})
                return redirect(members_url(request, self.organisation))
        return self.render_page(form, self.memberships())


def members_url(request, organisation):
    return campus_reverse(request.campus, "people_manage:members", slug=organisation.slug)


class MembershipActionView(OrganisationMixin, View):
    """A change to one membership, posted from the members page."""

    http_method_names = ["post"]

    def post(self, request, slug, membership_id):
        membership = get_object_or_404(
            Membership.objects.select_related("user"), pk=membership_id, organisation=self.organisation
        )
        try:
            self.act(membership)
        except ValidationError as error:
            messages.error(request, error_text(error))
        # Someone who changed or ended their own membership may no longer manage the organisation.
        if request.user.has_perm("people.change_organisation", self.organisation):
            return redirect(members_url(request, self.organisation))
        return redirect(campus_reverse(request.campus, "core:home"))


class ChangeMemberRoleView(MembershipActionView):
    def act(self, membership):
        form = ChangeMemberRoleForm(self.request.POST)
        if not form.is_valid():
            raise ValidationError(_("Choose one of the roles."))
        role = form.cleaned_data["role"]
        change_member_role(membership=membership, role=role, actor=self.request.user)
        messages.success(
            self.request,
            _("%(person)s is now %(role)s.")
            % {"person": membership.user, "role": Membership.Role(role).label},
        )


class RemoveMemberView(MembershipActionView):
    def act(self, membership):
        remove_member(membership=membership, actor=self.request.user)
        messages.success(self.request, _("%(person)s is no longer a member.") % {"person": membership.user})
