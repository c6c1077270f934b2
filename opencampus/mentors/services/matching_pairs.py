"""The campus team's decisions about single pairs before matching: always match them, or never."""

from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity

from ..models import MatchingRound, PairRule
from .errors import MentorsError
from .rounds import mentor_pool

REASON_MAX = PairRule._meta.get_field("reason").max_length


def share_a_language(mentee, mentor):
    """An empty list means any language."""
    return not mentee.languages or not mentor.languages or bool(set(mentee.languages) & set(mentor.languages))


def check_pin(*, round, mentee, mentor):
    pinned = (
        PairRule.objects.filter(round=round, mentee=mentee, kind=PairRule.Kind.PIN)
        .select_related("mentor__user")
        .first()
    )
    if pinned is not None:
        raise MentorsError(
            _("%(mentee)s is already pinned to %(mentor)s.") % {"mentee": mentee, "mentor": pinned.mentor},
            field="mentee",
        )
    if not share_a_language(mentee, mentor):
        raise MentorsError(
            _("%(mentee)s and %(mentor)s share no language.") % {"mentee": mentee, "mentor": mentor},
            field="mentor",
        )
    pins = PairRule.objects.filter(round=round, mentor=mentor, kind=PairRule.Kind.PIN).count() + 1
    if pins > mentor.room:
        raise MentorsError(
            _("%(mentor)s can take %(room)s more; you pinned %(pins)s.")
            % {"mentor": mentor, "room": mentor.room, "pins": pins},
            field="mentor",
        )


def add_pair_rule(*, round, mentee, mentor, kind, actor, reason=""):
    """Pin (always match) or forbid (never match) a pair of the round."""
    if round.state != MatchingRound.State.RANKING:
        raise MentorsError(_("This round is published: its pairs no longer change."))
    if mentee.round_id != round.pk:
        raise MentorsError(_("Choose a mentee of this round."), field="mentee")
    pool = {profile.pk: profile for profile in mentor_pool(round)}
    if mentor.pk not in pool:
        raise MentorsError(_("Choose an active mentor of this campus."), field="mentor")
    if kind not in PairRule.Kind.values:
        raise MentorsError(_("Choose whether to pin or forbid the pair."), field="kind")
    reason = reason.strip()
    if len(reason) > REASON_MAX:
        raise MentorsError(
            _("Keep the reason under %(count)s characters.") % {"count": REASON_MAX}, field="reason"
        )
    existing = PairRule.objects.filter(mentee=mentee, mentor=mentor).first()
    if existing is not None:
        raise MentorsError(
            _("This pair already has a rule (%(rule)s): remove it first.")
            % {"rule": existing.get_kind_display()},
            field="kind",
        )
    if kind == PairRule.Kind.PIN:
        check_pin(round=round, mentee=mentee, mentor=pool[mentor.pk])
    rule = PairRule.objects.create(
        campus=round.campus, round=round, mentee=mentee, mentor=mentor, kind=kind, reason=reason
    )
    log_activity(
        campus=round.campus,
        actor=actor,
        action="mentor.pair_pinned" if kind == PairRule.Kind.PIN else "mentor.pair_forbidden",
        subject=round,
        data={"mentee": mentee.pk, "mentor": mentor.pk, "reason": reason},
    )
    return rule


def remove_pair_rule(*, rule, actor):
    round = rule.round
    if round.state != MatchingRound.State.RANKING:
        raise MentorsError(_("This round is published: its pairs no longer change."))
    data = {"mentee": rule.mentee_id, "mentor": rule.mentor_id, "kind": rule.kind}
    rule.delete()
    log_activity(
        campus=round.campus, actor=actor, action="mentor.pair_rule_removed", subject=round, data=data
    )
