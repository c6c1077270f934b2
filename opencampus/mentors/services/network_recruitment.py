"""How people join the mentor network: through a recruitment call, by invitation, or added by the
campus team. Each way leaves a profile waiting for vetting and a mail asking to complete it."""

import secrets

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from opencampus.calls.models import Application, Call
from opencampus.core.services.activity import log_activity
from opencampus.core.services.outbox import draft_mail
from opencampus.people.models import User

from ..models import MentorInvitation, MentorProfile
from .errors import MentorsError
from .network import DEFAULT_BASE_URL, draft_mentor_mail, link

Source = MentorProfile.Source


def _join(*, campus, user, source, actor, base_url, application=None):
    """A pending profile for ``user`` and the mail asking them to complete it."""
    profile = MentorProfile.objects.create(
        campus=campus, user=user, source=source, application=application, state=MentorProfile.State.PENDING
    )
    log_activity(
        campus=campus,
        actor=actor,
        action="mentor.joined",
        subject=profile,
        data={"source": source, "application": application.pk if application else None},
    )
    draft_mentor_mail(
        campus=campus,
        user=user,
        template="network_complete_profile",
        reason="mentor.joined",
        context={"profile_link": link(campus, base_url, "mentors:my_profile")},
    )
    return profile


def _existing_profile(campus, user):
    return MentorProfile.objects.filter(campus=campus, user=user).first()


# Through a recruitment call (the receivers pass the calls app's state changes here)


def is_recruitment(application):
    return application.call.kind == Call.Kind.MENTORS


@transaction.atomic
def join_from_application(*, application, actor, base_url=DEFAULT_BASE_URL):
    """The applicant of a confirmed mentor-call ``application`` gets a pending profile (once)."""
    existing = _existing_profile(application.campus, application.applicant)
    if existing is not None:
        return existing
    return _join(
        campus=application.campus,
        user=application.applicant,
        source=Source.CALL,
        application=application,
        actor=actor,
        base_url=base_url,
    )


@transaction.atomic
def leave_for_application(*, application, actor):
    """A withdrawn confirmation removes the pending profile it brought; an active one stays."""
    profile = (
        MentorProfile.objects.select_for_update(of=("self",))
        .filter(application=application, state=MentorProfile.State.PENDING)
        .first()
    )
    if profile is None:
        return False
    log_activity(
        campus=profile.campus,
        actor=actor,
        action="mentor.removed",
        subject=profile,
        data={"application": application.pk, "because": Application.State.WITHDRAWN},
    )
    profile.delete()
    return True


# By invitation


def _normalised(email):
    return email.strip().lower()


@transaction.atomic
def invite_mentor(*, campus, actor, email, message="", base_url=DEFAULT_BASE_URL):
    """Mail a one-time link to join the network to ``email``."""
    email = _normalised(email)
    if not email:
        raise MentorsError(_("Give the e-mail address to invite."), field="email")
    open_invitation = MentorInvitation.objects.filter(
        campus=campus, email__iexact=email, accepted_at__isnull=True
    ).first()
    if open_invitation is not None:
        sent = formats.date_format(
            timezone.localtime(open_invitation.created, campus.tz), "SHORT_DATE_FORMAT"
        )
        raise MentorsError(
            _("This address was already invited on %(date)s and has not answered yet.") % {"date": sent},
            field="email",
        )
    if MentorProfile.objects.filter(campus=campus, user__email__iexact=email).exists():
        raise MentorsError(_("The person with this address is already in the mentor network."), field="email")
    invitation = MentorInvitation.objects.create(
        campus=campus, email=email, message=message.strip(), token=secrets.token_urlsafe(32), invited_by=actor
    )
    person = User.objects.filter(email__iexact=email).first()
    log_activity(
        campus=campus, actor=actor, action="mentor.invited", subject=invitation, data={"email": email}
    )
    draft_mail(
        campus=campus,
        to=email,
        template="mentors/mail/network_invitation.txt",
        context={
            "invitation": invitation,
            "inviter": actor,
            "invitation_link": link(campus, base_url, "mentors:invitation", token=invitation.token),
        },
        language=person.preferred_language if person else campus.default_language,
        recipient=person,
        reason="mentor.invited",
    )
    return invitation


@transaction.atomic
def cancel_invitation(*, invitation, actor):
    """Take back an invitation nobody accepted yet; its link stops working."""
    if invitation.accepted_at is not None:
        raise MentorsError(_("This invitation was accepted already."))
    log_activity(
        campus=invitation.campus,
        actor=actor,
        action="mentor.invitation_cancelled",
        subject=invitation,
        data={"email": invitation.email},
    )
    invitation.delete()


@transaction.atomic
def accept_invitation(*, invitation, user):
    """``user`` takes up the invitation: a pending profile (or the one they have) on its campus."""
    invitation = MentorInvitation.objects.select_for_update().select_related("campus").get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise MentorsError(_("This invitation was used already."))
    invitation.accepted_by, invitation.accepted_at = user, timezone.now()
    invitation.save(update_fields=["accepted_by", "accepted_at"])
    log_activity(
        campus=invitation.campus, actor=user, action="mentor.invitation_accepted", subject=invitation
    )
    profile = _existing_profile(invitation.campus, user)
    if profile is None:
        profile = MentorProfile.objects.create(
            campus=invitation.campus, user=user, source=Source.INVITATION, state=MentorProfile.State.PENDING
        )
        log_activity(
            campus=invitation.campus,
            actor=user,
            action="mentor.joined",
            subject=profile,
            data={"source": Source.INVITATION, "invitation": invitation.pk},
        )
    return profile


# Added by the campus team


@transaction.atomic
def add_mentor(*, campus, actor, email, base_url=DEFAULT_BASE_URL):
    """Put the person with the account ``email`` in the network directly, waiting for vetting."""
    email = _normalised(email)
    user = User.objects.filter(email__iexact=email).first() if email else None
    if user is None:
        raise MentorsError(
            _("No account uses this e-mail address; invite the person instead."), field="email"
        )
    existing = _existing_profile(campus, user)
    if existing is not None:
        raise MentorsError(
            _("This person is already in the mentor network (%(state)s).")
            % {"state": MentorProfile.State(existing.state).label},
            field="email",
        )
    return _join(campus=campus, user=user, source=Source.STAFF, actor=actor, base_url=base_url)
