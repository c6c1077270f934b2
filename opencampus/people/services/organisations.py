"""Organisations and the people who act for them, each change logged.

An organisation acts through its people, never through a shared login: whenever it has
members, at least one of them is its representative. Every membership change locks the
organisation first, then counts, so two concurrent changes cannot both remove the last
representative.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity

from ..models import Membership, Organisation

EDITABLE_FIELDS = (
    "slug",
    "name_ko",
    "name_en",
    "kind",
    "category",
    "country",
    "description_ko",
    "description_en",
    "website",
    "email",
    "is_public",
)


class OrganisationError(ValidationError):
    """A change the rules of organisations do not allow; the message is for people."""


def slug_is_taken(*, campus, slug, exclude=None):
    taken = Organisation.objects.filter(campus=campus, slug=slug)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    return taken.exists()


def _check_details(*, campus, fields, organisation=None):
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not an editable organisation field: {', '.join(sorted(unknown))}")
    if "slug" in fields and slug_is_taken(campus=campus, slug=fields["slug"], exclude=organisation):
        raise OrganisationError(
            _("Another organisation of this campus already uses this address name."), code="slug_taken"
        )


def _check_names(organisation):
    if not (organisation.name_ko or organisation.name_en):
        raise OrganisationError(_("Give the organisation's name in Korean or in English."), code="no_name")


def _check_role(role):
    if role not in Membership.Role.values:
        raise OrganisationError(_("That is not a role in an organisation."), code="unknown_role")


def _check_has_representative(organisation):
    memberships = Membership.objects.filter(organisation=organisation)
    if memberships.exists() and not memberships.filter(role=Membership.Role.REPRESENTATIVE).exists():
        raise OrganisationError(
            _(
                "An organisation with members needs at least one representative. "
                "Make someone else the representative first."
            ),
            code="no_representative",
        )


def _lock(organisation):
    return Organisation.objects.select_for_update().get(pk=organisation.pk)


@transaction.atomic
def create_organisation(*, campus, actor, slug, kind, representative=None, **details):
    """Create an organisation on ``campus``; ``representative``, if given, becomes its first member."""
    fields = {"slug": slug, "kind": kind, **details}
    _check_details(campus=campus, fields=fields)
    organisation = Organisation(campus=campus, **fields)
    _check_names(organisation)
    organisation.full_clean(validate_unique=False, validate_constraints=False)
    organisation.save()
    log_activity(
        campus=campus, actor=actor, action="organisation.created", subject=organisation, data={"slug": slug}
    )
    if representative is not None:
        add_member(
            organisation=organisation, user=representative, role=Membership.Role.REPRESENTATIVE, actor=actor
        )
    return organisation


@transaction.atomic
def update_organisation(*, organisation, actor, **changes):
    """Change the given fields; log the names of those that changed. Returns the saved organisation."""
    current = _lock(organisation)
    _check_details(campus=current.campus, fields=changes, organisation=current)
    changed = sorted(name for name, value in changes.items() if getattr(current, name) != value)
    if not changed:
        return current
    for name in changed:
        setattr(current, name, changes[name])
    _check_names(current)
    current.full_clean(validate_unique=False, validate_constraints=False)
    current.save(update_fields=changed)
    log_activity(
        campus=current.campus,
        actor=actor,
        action="organisation.updated",
        subject=current,
        data={"fields": changed},
    )
    return current


@transaction.atomic
def add_member(*, organisation, user, role, actor, since=None):
    """Make ``user`` a member of ``organisation`` with ``role``."""
    _check_role(role)
    organisation = _lock(organisation)
    if Membership.objects.filter(organisation=organisation, user=user).exists():
        raise OrganisationError(_("This person is already a member of the organisation."), code="member")
    membership = Membership.objects.create(
        campus=organisation.campus, organisation=organisation, user=user, role=role, since=since
    )
    _check_has_representative(organisation)
    log_activity(
        campus=organisation.campus,
        actor=actor,
        action="organisation.member_added",
        subject=organisation,
        data={"person": user.pk, "role": role},
    )
    return membership


@transaction.atomic
def change_member_role(*, membership, role, actor):
    """Give a member another role inside their organisation."""
    _check_role(role)
    organisation = _lock(membership.organisation)
    membership = Membership.objects.get(pk=membership.pk)
    previous = membership.role
    if previous == role:
        return membership
    membership.role = role
    membership.save(update_fields=["role"])
    _check_has_representative(organisation)
    log_activity(
        campus=organisation.campus,
        actor=actor,
        action="organisation.member_role_changed",
        subject=organisation,
        data={"person": membership.user_id, "from": previous, "to": role},
    )
    return membership


@transaction.atomic
def remove_member(*, membership, actor):
    """End a membership. The last representative can only leave as the last member."""
    organisation = _lock(membership.organisation)
    membership = Membership.objects.get(pk=membership.pk)
    membership.delete()
    _check_has_representative(organisation)
    log_activity(
        campus=organisation.campus,
        actor=actor,
        action="organisation.member_removed",
        subject=organisation,
        data={"person": membership.user_id, "role": membership.role},
    )
