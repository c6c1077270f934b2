"""Mentoring sessions: either side of an active mentorship asks for one, the other side answers,
the mentor records it as held and the mentee rates it (any group member, one rating per session)."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity

from ..models import MentoringSession, MentorProfile, Mentorship
from .errors import MentorsError
from .mentoring_mail import mail_other_side
from .mentoring_people import MENTOR, requester_side, side_of
from .mentoring_times import ends_at, shown_time

Session = MentoringSession.State
MIN_MINUTES = 10
MAX_MINUTES = 8 * 60
RATING_EDIT_DAYS = 14
TOPIC_MAX = MentoringSession._meta.get_field("topic").max_length
PLACE_MAX = MentoringSession._meta.get_field("place").max_length
LINK_MAX = MentoringSession._meta.get_field("online_link").max_length


def _side(mentorship, actor):
    side = side_of(mentorship, actor)
    if side is None:
        raise MentorsError(_("Only the mentor and the mentee arrange the sessions of a mentorship."))
    return side


def _check_active(mentorship):
    if mentorship.state == Mentorship.State.ACTIVE:
        return
    if mentorship.state == Mentorship.State.PROPOSED:
        raise MentorsError(_("Sessions are arranged once both sides have accepted the match."))
    if mentorship.state == Mentorship.State.CHANGE_REQUESTED:
        raise MentorsError(
            _("A change of this match was asked for: no new session until the campus team decides.")
        )
    raise MentorsError(_("This mentorship has ended: no new session can be arranged."))


def _clean_topic(topic):
    topic = " ".join(topic.split())
    if not topic:
        raise MentorsError(_("Say what the session is about."), field="topic")
    if len(topic) > TOPIC_MAX:
        raise MentorsError(_("A topic has at most %(most)s characters.") % {"most": TOPIC_MAX}, field="topic")
    return topic


def _clean_where(place, online_link, *, required):
    place, online_link = " ".join(place.split()), online_link.strip()
    if required and not place and not online_link:
        raise MentorsError(_("Give a place or an online link (or both)."), field="place")
    if len(place) > PLACE_MAX:
        raise MentorsError(_("A place has at most %(most)s characters.") % {"most": PLACE_MAX}, field="place")
    if online_link:
        try:
            URLValidator(schemes=["http", "https"])(online_link)
        except ValidationError:
            raise MentorsError(
                _("Give the online link as a web address (https://…)."), field="online_link"
            ) from None
        if len(online_link) > LINK_MAX:
            raise MentorsError(_("This link is too long."), field="online_link")
    return place, online_link


def _check_length(duration_minutes):
    if not MIN_MINUTES <= duration_minutes <= MAX_MINUTES:
        raise MentorsError(
            _("A session lasts from %(least)s to %(most)s minutes.")
            % {"least": MIN_MINUTES, "most": MAX_MINUTES},
            field="duration_minutes",
        )


def _check_free(mentorship, side, starts_at, duration_minutes):
    """Refuse a time that overlaps another session of the same mentor: an accepted or held one, or
    a request still to be answered (one whose time passed unanswered holds no time any more).

    The mentor's profile row is locked first, so two requests for the same hour cannot both pass.
    """
    MentorProfile.objects.select_for_update().get(pk=mentorship.mentor_id)
    ends = starts_at + timedelta(minutes=duration_minutes)
    busy = Q(state__in=(Session.ACCEPTED, Session.HELD)) | Q(
        state=Session.REQUESTED, starts_at__gt=timezone.now()
    )
    nearby = (
        MentoringSession.objects.filter(
            busy,
            mentorship__mentor_id=mentorship.mentor_id,
            starts_at__lt=ends,
            starts_at__gt=starts_at - timedelta(minutes=MAX_MINUTES),
        )
        .select_related(
            "mentorship__mentor__user", "mentorship__mentee__participant__user", "mentorship__mentee__group"
        )
        .order_by("starts_at", "pk")
    )
    clash = next((session for session in nearby if ends_at(session) > starts_at), None)
    if clash is None:
        return
    campus = mentorship.campus
    start, end = shown_time(clash.starts_at, campus), shown_time(ends_at(clash), campus)
    times = {"start": start, "end": end[11:] if end[:10] == start[:10] else end}
    if side == MENTOR:
        message = _("You already meet %(who)s from %(start)s to %(end)s.")
        times["who"] = str(clash.mentorship.mentee)
    elif clash.mentorship_id == mentorship.pk:
        message = _("You already meet %(who)s from %(start)s to %(end)s.")
        times["who"] = str(mentorship.mentor)
    else:
        # The mentee does not learn whom else the mentor meets.
        message = _("Your mentor is not free from %(start)s to %(end)s; choose another time.")
    raise MentorsError(message % times, field="starts_at")


def _log(session, actor, action, **data):
    log_activity(
        campus=session.campus,
        actor=actor,
        action=f"mentor.session_{action}",
        subject=session,
        data={"mentorship": session.mentorship_id, **data},
    )


@transaction.atomic
def request_session(*, mentorship, actor, starts_at, duration_minutes, place, online_link, topic, base_url):
    """Ask the other side of ``mentorship`` for a session; they are mailed."""
    side = _side(mentorship, actor)
    _check_active(mentorship)
    topic = _clean_topic(topic)
    place, online_link = _clean_where(place, online_link, required=True)
    if starts_at <= timezone.now():
        raise MentorsError(
            _("Ask for a session at a time to come; the mentor logs a meeting already had as held."),
            field="starts_at",
        )
    _check_length(duration_minutes)
    _check_free(mentorship, side, starts_at, duration_minutes)
    session = MentoringSession.objects.create(
        campus=mentorship.campus,
        mentorship=mentorship,
        state=Session.REQUESTED,
        requested_by=actor,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        place=place,
        online_link=online_link,
        topic=topic,
    )
    _log(session, actor, "requested", side=side)
    mail_other_side(session, side, "session_requested", actor=actor, base_url=base_url)
    return session


@transaction.atomic
def log_held_session(
    *,
    mentorship,
    actor,
    starts_at,
    duration_minutes,
    place,
    online_link,
    topic,
    private_notes,
    shared_notes,
    follow_ups,
):
    """The mentor records a meeting they already had; it is created held."""
    if _side(mentorship, actor) != MENTOR:
        raise MentorsError(_("Only the mentor logs a meeting they had."))
    _check_active(mentorship)
    topic = _clean_topic(topic)
    place, online_link = _clean_where(place, online_link, required=False)
    if starts_at > timezone.now():
        raise MentorsError(
            _("A held session has already begun; to plan one to come, ask for a session."), field="starts_at"
        )
    _check_length(duration_minutes)
    _check_free(mentorship, MENTOR, starts_at, duration_minutes)
    session = MentoringSession.objects.create(
        campus=mentorship.campus,
        mentorship=mentorship,
        state=Session.HELD,
        requested_by=actor,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        place=place,
        online_link=online_link,
        topic=topic,
        private_notes=private_notes.strip(),
        shared_notes=shared_notes.strip(),
        follow_ups=follow_ups.strip(),
    )
    _log(session, actor, "logged")
    return session


def _locked(session):
    """Read ``session`` again, locked until the transaction ends: two answers cannot both apply."""
    session.refresh_from_db(from_queryset=MentoringSession.objects.select_for_update())
    return session


@transaction.atomic
def accept_session(*, session, actor, base_url):
    side = _answering_side(_locked(session), actor)
    _check_active(session.mentorship)
    if session.starts_at <= timezone.now():
        raise MentorsError(_("The time of this session has passed; ask for a new one."))
    session.state = Session.ACCEPTED
    session.save(update_fields=["state", "updated"])
    _log(session, actor, "accepted")
    mail_other_side(session, side, "session_accepted", actor=actor, base_url=base_url)
    return session


@transaction.atomic
def decline_session(*, session, actor, reason, base_url):
    side = _answering_side(_locked(session), actor)
    reason = reason.strip()
    if not reason:
        raise MentorsError(_("Say why, so that the other side can suggest a better time."), field="reason")
    session.state = Session.DECLINED
    session.save(update_fields=["state", "updated"])
    _log(session, actor, "declined", reason=reason)
    mail_other_side(session, side, "session_declined", actor=actor, base_url=base_url, reason=reason)
    return session


def _answering_side(session, actor):
    """The other side of the one who asked: only they accept or decline."""
    side = _side(session.mentorship, actor)
    if session.state != Session.REQUESTED:
        raise MentorsError(
            _("This session is %(state)s: there is no request to answer.")
            % {"state": session.get_state_display()}
        )
    if side == requester_side(session):
        raise MentorsError(_("You asked for this session: the other side answers it."))
    return side


@transaction.atomic
def cancel_session(*, session, actor, reason, base_url):
    """Either side calls off a requested or accepted session before it starts."""
    side = _side(session.mentorship, actor)
    _locked(session)
    if session.state not in (Session.REQUESTED, Session.ACCEPTED):
        raise MentorsError(
            _("This session is %(state)s: it cannot be cancelled.") % {"state": session.get_state_display()}
        )
    if session.starts_at <= timezone.now():
        raise MentorsError(_("This session has begun: it can no longer be cancelled."))
    session.state = Session.CANCELLED
    session.save(update_fields=["state", "updated"])
    reason = reason.strip()
    _log(session, actor, "cancelled", reason=reason)
    mail_other_side(session, side, "session_cancelled", actor=actor, base_url=base_url, reason=reason)
    return session


@transaction.atomic
def record_held(*, session, actor, private_notes, shared_notes, follow_ups):
    """The mentor marks an accepted session held once its time has come, with notes (or edits them)."""
    if _side(session.mentorship, actor) != MENTOR:
        raise MentorsError(_("Only the mentor records a session as held."))
    _locked(session)
    if session.state not in (Session.ACCEPTED, Session.HELD):
        raise MentorsError(
            _("This session is %(state)s: only an accepted session is recorded as held.")
            % {"state": session.get_state_display()}
        )
    if session.starts_at > timezone.now():
        raise MentorsError(_("This session has not begun yet: record it once it took place."))
    first = session.state == Session.ACCEPTED
    session.state = Session.HELD
    session.private_notes = private_notes.strip()
    session.shared_notes = shared_notes.strip()
    session.follow_ups = follow_ups.strip()
    session.save(update_fields=["state", "private_notes", "shared_notes", "follow_ups", "updated"])
    _log(session, actor, "held" if first else "notes_edited")
    return session


def may_still_rate(session, now=None):
    """Whether the mentee may give or change the rating of a held session now."""
    if session.state != Session.HELD:
        return False
    return session.rated_at is None or (now or timezone.now()) <= session.rated_at + timedelta(
        days=RATING_EDIT_DAYS
    )


@transaction.atomic
def rate_session(*, session, actor, rating, comment):
    """The mentee rates a held session from 1 to 5, once; the rating may be changed for 14 days."""
    side = _side(session.mentorship, actor)
    if side == MENTOR:
        raise MentorsError(_("The mentee rates a session, not the mentor."), field="rating")
    _locked(session)
    if session.state != Session.HELD:
        raise MentorsError(_("Only a held session is rated."), field="rating")
    if not may_still_rate(session):
        raise MentorsError(
            _("A rating can be changed for %(days)s days; this one was given on %(date)s.")
            % {"days": RATING_EDIT_DAYS, "date": shown_time(session.rated_at, session.campus)[:10]},
            field="rating",
        )
    if rating not in range(1, 6):
        raise MentorsError(_("Rate the session from 1 to 5."), field="rating")
    first = session.rated_at is None
    session.rating, session.rating_comment = rating, comment.strip()
    if first:
        session.rated_at = timezone.now()
    session.save(update_fields=["rating", "rating_comment", "rated_at", "updated"])
    _log(session, actor, "rated" if first else "rating_changed", rating=rating)
    return session
