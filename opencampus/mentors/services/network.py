"""A mentor's profile and its vetting: the mentor keeps it up to date, the campus team activates,
deactivates and reactivates it (with the campus's mentor role following the state)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from opencampus.core.links import campus_reverse
from opencampus.core.services.activity import log_activity
from opencampus.core.services.outbox import draft_mail
from opencampus.people.models import CampusRole
from opencampus.people.roles import forget_roles
from opencampus.people.services.accounts import revoke_role

from ..models import MENTORING_LANGUAGES, MentorProfile
from .errors import MentorsError

State = MentorProfile.State
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
BIO_MAX = 4000
CAPACITY_MAX = 50
LANGUAGE_CODES = frozenset(code for code, _label in MENTORING_LANGUAGES)
PROFILE_FIELDS = (
    "keywords",
    "languages",
    "affiliation",
    "capacity",
    "bio_ko",
    "bio_en",
    "is_listed",
    "teaches",
)


def link(campus, base_url, name, **kwargs):
    """The absolute address of a campus page, for mails."""
    return base_url.rstrip("/") + campus_reverse(campus, name, **kwargs)


def draft_mentor_mail(*, campus, user, template, reason, context=None):
    """Draft ``mentors/mail/<template>.txt`` to ``user`` in their language."""
    return draft_mail(
        campus=campus,
        to=user.email,
        recipient=user,
        template=f"mentors/mail/{template}.txt",
        context={"person": user, **(context or {})},
        language=user.preferred_language or campus.default_language,
        reason=reason,
    )


def open_mentorships(profile):
    """How many mentees ``profile`` mentors now (every mentorship that has not ended)."""
    return profile.mentorships.exclude(state="ended").count()


def lock_profile(profile):
    """``profile`` read again with its row locked until the transaction ends."""
    return (
        MentorProfile.objects.select_for_update(of=("self",))
        .select_related("campus", "user")
        .get(pk=profile.pk)
    )


# The mentor's own profile


def _check_own_profile(profile, fields, values):
    if not fields:
        raise MentorsError(_("Choose at least one field you mentor in."), field="fields")
    if any(field.campus_id != profile.campus_id for field in fields):
        raise MentorsError(_("Choose fields of this campus."), field="fields")
    if not set(values["languages"]) <= LANGUAGE_CODES:
        raise MentorsError(_("Choose languages from the list."), field="languages")
    for name in ("bio_ko", "bio_en"):
        if len(values[name]) > BIO_MAX:
            raise MentorsError(
                _("Keep the introduction under %(max)s characters (it has %(length)s).")
                % {"max": BIO_MAX, "length": len(values[name])},
                field=name,
            )
    capacity = values["capacity"]
    if not 1 <= capacity <= CAPACITY_MAX:
        raise MentorsError(
            _("Take between 1 and %(max)s mentees or groups at once.") % {"max": CAPACITY_MAX},
            field="capacity",
        )
    mentees = open_mentorships(profile)
    if capacity < mentees:
        raise MentorsError(
            ngettext(
                "You mentor %(count)s mentee now; your capacity cannot be lower than that.",
                "You mentor %(count)s mentees now; your capacity cannot be lower than that.",
                mentees,
            )
            % {"count": mentees},
            field="capacity",
        )


@transaction.atomic
def update_own_profile(*, profile, actor, fields, **values):
    """Save what a mentor tells about themselves: ``fields`` (MentorField list) and ``PROFILE_FIELDS``."""
    unknown = set(values) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown profile fields: {sorted(unknown)}")
    profile = lock_profile(profile)
    values = {name: values.get(name, getattr(profile, name)) for name in PROFILE_FIELDS}
    fields = list(fields)
    _check_own_profile(profile, fields, values)
    values["languages"] = [code for code, _label in MENTORING_LANGUAGES if code in set(values["languages"])]
    changed = sorted(name for name, value in values.items() if getattr(profile, name) != value)
    if {field.pk for field in fields} != set(profile.fields.values_list("pk", flat=True)):
        changed.append("fields")
    for name, value in values.items():
        setattr(profile, name, value)
    profile.save()
    profile.fields.set(fields)
    log_activity(
        campus=profile.campus,
        actor=actor,
        action="mentor.profile_changed",
        subject=profile,
        data={"changed": sorted(changed)},
    )
    return profile


# Vetting by the campus team


def set_vetting_note(*, profile, actor, note):
    """The team's own note about a mentor (never shown to them)."""
    if profile.vetting_note == note:
        return False
    profile.vetting_note = note
    profile.save(update_fields=["vetting_note", "updated"])
    log_activity(campus=profile.campus, actor=actor, action="mentor.note_changed", subject=profile)
    return True


def _grant_mentor_role(profile, actor):
    # The activation mail already tells them, so unlike people's ``grant_role`` no role notice is drafted.
    _grant, created = CampusRole.objects.get_or_create(
        campus=profile.campus, user=profile.user, role=CampusRole.Role.MENTOR
    )
    if created:
        forget_roles(profile.user)
        log_activity(
            campus=profile.campus,
            actor=actor,
            action="role.granted",
            subject=profile.user,
            data={"role": CampusRole.Role.MENTOR},
        )


def _make_active(profile, *, actor, from_state, action, base_url):
    profile = lock_profile(profile)
    if profile.state != from_state:
        raise MentorsError(
            _("This mentor is “%(state)s” now; reload the page.") % {"state": State(profile.state).label}
        )
    if not profile.fields.exists():
        raise MentorsError(_("A mentor needs at least one field before activation; ask them to add one."))
    if not (profile.bio_ko.strip() or profile.bio_en.strip()):
        raise MentorsError(
            _("A mentor needs an introduction in Korean or English before activation; ask them to write one.")
        )
    profile.state = State.ACTIVE
    profile.activated_at = timezone.now()
    profile.save(update_fields=["state", "activated_at", "updated"])
    log_activity(
        campus=profile.campus, actor=actor, action=action, subject=profile, data={"from": from_state}
    )
    _grant_mentor_role(profile, actor)
    draft_mentor_mail(
        campus=profile.campus,
        user=profile.user,
        template="network_activated",
        reason=action,
        context={
            "again": from_state == State.INACTIVE,
            "profile_link": link(profile.campus, base_url, "mentors:my_profile"),
            "teaching_link": link(profile.campus, base_url, "participation:teaching"),
        },
    )
    return profile


@transaction.atomic
def activate_mentor(*, profile, actor, base_url=DEFAULT_BASE_URL):
    """A vetted mentor becomes active: listed in the directory (if they chose so) and matchable."""
    return _make_active(
        profile, actor=actor, from_state=State.PENDING, action="mentor.activated", base_url=base_url
    )


@transaction.atomic
def reactivate_mentor(*, profile, actor, base_url=DEFAULT_BASE_URL):
    return _make_active(
        profile, actor=actor, from_state=State.INACTIVE, action="mentor.reactivated", base_url=base_url
    )


@transaction.atomic
def deactivate_mentor(*, profile, actor, reason):
    """Take an active mentor out of the network for now; their open mentorships must end first."""
    reason = reason.strip()
    if not reason:
        raise MentorsError(_("Say why, for the record and for the mentor."), field="reason")
    profile = lock_profile(profile)
    if profile.state != State.ACTIVE:
        raise MentorsError(
            _("This mentor is “%(state)s” now; reload the page.") % {"state": State(profile.state).label}
        )
    mentees = open_mentorships(profile)
    if mentees:
        raise MentorsError(
            ngettext(
                "End or reassign their %(count)s mentee first.",
                "End or reassign their %(count)s mentees first.",
                mentees,
            )
            % {"count": mentees}
        )
    profile.state = State.INACTIVE
    profile.save(update_fields=["state", "updated"])
    log_activity(
        campus=profile.campus,
        actor=actor,
        action="mentor.deactivated",
        subject=profile,
        data={"reason": reason},
    )
    revoke_role(campus=profile.campus, user=profile.user, role=CampusRole.Role.MENTOR, actor=actor)
    draft_mentor_mail(
        campus=profile.campus,
        user=profile.user,
        template="network_deactivated",
        reason="mentor.deactivated",
        context={"reason": reason},
    )
    return profile
