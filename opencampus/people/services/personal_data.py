"""A person's rights over their personal data: consents, a full download, account deletion.

People are global, so the download and the deletion cover every campus; consents are
given and withdrawn one campus at a time.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.models import ActivityLog, OutboxMessage
from opencampus.core.services.activity import log_activity

from ..consent_terms import CONSENT_TERMS
from ..models import CampusRole, ConsentRecord, Membership, Profile, User
from ..roles import forget_roles
from ..signals import collect_personal_data, erase_personal_data


def give_consent(*, campus, user, purpose):
    """Record ``user``'s consent to an optional ``purpose``; an active one is returned as is."""
    terms = CONSENT_TERMS[purpose]
    with transaction.atomic():
        # Lock the person's row so two quick clicks cannot both find no active consent.
        User.objects.select_for_update().filter(pk=user.pk).first()
        active = ConsentRecord.objects.filter(
            campus=campus, user=user, purpose=purpose, withdrawn_at__isnull=True
        ).first()
        if active is not None:
            return active
        consent = ConsentRecord.objects.create(
            campus=campus,
            user=user,
            purpose=purpose,
            items=str(terms.items),
            retention_months=terms.retention_months,
        )
        log_activity(
            campus=campus, actor=user, action="consent.given", subject=consent, data={"purpose": purpose}
        )
    return consent


def withdraw_consent(*, consent, actor):
    """Withdraw an active consent; returns False when it was already withdrawn."""
    if consent.purpose == ConsentRecord.Purpose.ACCOUNT:
        raise ValueError("The account consent ends with the account: delete the account instead.")
    if not consent.is_active:
        return False
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    log_activity(
        campus=consent.campus,
        actor=actor,
        action="consent.withdrawn",
        subject=consent,
        data={"purpose": consent.purpose},
    )
    return True


def export_personal_data(*, user):
    """Everything the platform holds about ``user``, on every campus, ready for ``json.dumps``."""
    with scopes_disabled():
        own_subjects = _own_subjects(user)
        data = {
            "exported_at": _iso(timezone.now()),
            "account": {
                "id": user.pk,
                "email": user.email,
                "name_ko": user.name_ko,
                "name_en": user.name_en,
                "preferred_language": user.preferred_language,
                "is_active": user.is_active,
                "is_platform_administrator": user.is_staff,
                "is_superuser": user.is_superuser,
                "date_joined": _iso(user.date_joined),
                "last_login": _iso(user.last_login),
            },
            "profile": _export_profile(user),
            "campus_roles": [
                {"campus": role.campus.slug, "role": role.role, "granted": _iso(role.granted)}
                for role in CampusRole.objects.filter(user=user).select_related("campus").order_by("pk")
            ],
            "memberships": [
                {
                    "campus": membership.campus.slug,
                    "organisation": {
                        "slug": membership.organisation.slug,
                        "name_ko": membership.organisation.name_ko,
                        "name_en": membership.organisation.name_en,
                    },
                    "role": membership.role,
                    "is_listed": membership.is_listed,
                    "since": membership.since.isoformat() if membership.since else None,
                }
                for membership in Membership.objects.filter(user=user)
                .select_related("campus", "organisation")
                .order_by("pk")
            ],
            "consents": [
                {
                    "campus": consent.campus.slug,
                    "purpose": consent.purpose,
                    "items": consent.items,
                    "retention_months": consent.retention_months,
                    "given_at": _iso(consent.given_at),
                    "withdrawn_at": _iso(consent.withdrawn_at),
                }
                for consent in ConsentRecord.objects.filter(user=user).select_related("campus").order_by("pk")
            ],
            "activity": [
                _export_activity(entry, own_subjects)
                for entry in ActivityLog.objects.filter(actor=user)
                .select_related("campus", "content_type")
                .order_by("pk")
            ],
            "messages": [
                {
                    "campus": message.campus.slug,
                    "to": message.to,
                    "subject": message.subject,
                    "body": message.body,
                    "language": message.language,
                    "state": message.state,
                    "reason": message.reason,
                    "created": _iso(message.created),
                    "sent_at": _iso(message.sent_at),
                }
                for message in _messages_to(user).select_related("campus").order_by("pk")
            ],
            "logins": [
                {
                    "at": _iso(entry.attempt_time),
                    "logged_out_at": _iso(entry.logout_time),
                    "ip_address": entry.ip_address,
                    "user_agent": entry.user_agent,
                }
                for entry in AccessLog.objects.filter(username__iexact=user.email).order_by("pk")
            ],
        }
        for _receiver, sections in collect_personal_data.send(sender=User, user=user):
            data.update(sections)
        return data


@transaction.atomic
def delete_account(*, user, campus):
    """Remove what identifies ``user`` everywhere; keep anonymous rows so counts still hold.

    Activity entries keep their actor (now the anonymised account), consent records
    lose their person but stay countable, sent mail keeps its subject and body with
    an anonymised address, and unsent mail to the person is discarded.
    """
    with scopes_disabled():
        old_email = user.email
        own_subjects = _own_subjects(user)
        messages = list(_messages_to(user))

        user.email = f"deleted-{user.pk}@invalid.example"
        user.name_ko = user.name_en = ""
        user.set_unusable_password()
        user.is_active = user.is_staff = user.is_superuser = False
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
        forget_roles(user)

        erase_personal_data.send(sender=User, user=user, email=old_email)
        Profile.objects.filter(user=user).delete()
        Membership.objects.filter(user=user).delete()
        CampusRole.objects.filter(user=user).delete()
        withdrawn = ConsentRecord.objects.filter(user=user, withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now()
        )
        ConsentRecord.objects.filter(user=user).update(user=None)

        unsent = {OutboxMessage.State.DRAFT, OutboxMessage.State.QUEUED, OutboxMessage.State.FAILED}
        discarded = 0
        for message in messages:
            message.recipient, message.to = None, user.email
            if message.state in unsent:
                message.state = OutboxMessage.State.DISCARDED
                discarded += 1
            message.save(update_fields=["recipient", "to", "state"])

        # Entries about the person's own records named them; let them name the anonymised account.
        for content_type, object_ids in own_subjects.items():
            ActivityLog.objects.filter(content_type=content_type, object_id__in=object_ids).update(
                object_repr=str(user)
            )
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            model.objects.filter(username__iexact=old_email).delete()

        log_activity(
            campus=campus,
            actor=user,
            action="person.deleted",
            subject=user,
            data={"consents_withdrawn": withdrawn, "messages_discarded": discarded},
        )
    return user


def _export_profile(user):
    profile = Profile.objects.filter(user=user).first()
    if profile is None:
        return None
    return {
        "expertise": profile.expertise,
        "languages": profile.languages,
        "bio_ko": profile.bio_ko,
        "bio_en": profile.bio_en,
    }


def _export_activity(entry, own_subjects):
    exported = {
        "campus": entry.campus.slug,
        "action": entry.action,
        "at": _iso(entry.created),
        "record_type": entry.content_type.model if entry.content_type_id else None,
    }
    # What a person did to someone else's record may name that other person: leave it out.
    if entry.object_id in own_subjects.get(entry.content_type, ()):
        exported.update(record=entry.object_repr, details=entry.data)
    return exported


def _own_subjects(user):
    """The person's own records, as ``{content type: {object id, ...}}`` the activity log uses."""
    records = {
        User: [user.pk],
        Profile: Profile.objects.filter(user=user).values_list("pk", flat=True),
        CampusRole: CampusRole.objects.filter(user=user).values_list("pk", flat=True),
        Membership: Membership.objects.filter(user=user).values_list("pk", flat=True),
        ConsentRecord: ConsentRecord.objects.filter(user=user).values_list("pk", flat=True),
    }
    return {
        ContentType.objects.get_for_model(model): {str(pk) for pk in pks} for model, pks in records.items()
    }


def _messages_to(user):
    return OutboxMessage.objects.filter(Q(recipient=user) | Q(recipient__isnull=True, to__iexact=user.email))


def _iso(value):
    return value.isoformat() if value is not None else None
