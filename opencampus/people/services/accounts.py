"""People: sign-up, roles and memberships, each change logged."""

from django.db import transaction
from django.utils import translation

from opencampus.core.services.activity import log_activity
from opencampus.core.services.outbox import draft_mail

from ..consent_terms import ACCOUNT_TERMS
from ..models import CampusRole, ConsentRecord, Profile, User
from ..roles import forget_roles


@transaction.atomic
def sign_up(*, campus, email, password, name_ko="", name_en="", preferred_language="ko"):
    """Create a person, their profile and their public role on ``campus``."""
    user = User.objects.create_user(
        email, password, name_ko=name_ko, name_en=name_en, preferred_language=preferred_language
    )
    Profile.objects.create(user=user)
    CampusRole.objects.create(campus=campus, user=user, role=CampusRole.Role.PUBLIC)
    ConsentRecord.objects.create(
        campus=campus,
        user=user,
        purpose=ConsentRecord.Purpose.ACCOUNT,
        items=str(ACCOUNT_TERMS.items),
        retention_months=ACCOUNT_TERMS.retention_months,
    )
    log_activity(campus=campus, actor=user, action="person.signed_up", subject=user)
    return user


def grant_role(*, campus, user, role, actor, campus_link=""):
    """Give ``user`` ``role`` on ``campus`` and draft a notification for staff to release."""
    grant, created = CampusRole.objects.get_or_create(campus=campus, user=user, role=role)
    if created:
        forget_roles(user)
        log_activity(campus=campus, actor=actor, action="role.granted", subject=user, data={"role": role})
        if role != CampusRole.Role.PUBLIC:
            with translation.override(user.preferred_language):
                label = str(CampusRole.Role(role).label)
            draft_mail(
                campus=campus,
                to=user.email,
                recipient=user,
                template="people/mail/role_granted.txt",
                context={"person": user, "role": label, "campus_link": campus_link},
                language=user.preferred_language,
                reason="role.granted",
            )
    return grant


def revoke_role(*, campus, user, role, actor):
    deleted, _ = CampusRole.objects.filter(campus=campus, user=user, role=role).delete()
    if deleted:
        forget_roles(user)
        log_activity(campus=campus, actor=actor, action="role.revoked", subject=user, data={"role": role})
    return bool(deleted)


def ensure_profile(user):
    return Profile.objects.get_or_create(user=user)[0]
