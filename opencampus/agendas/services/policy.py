"""A campus's rules for proposals; a campus that never set them gets the defaults."""

from opencampus.core.services.activity import log_activity

from ..models import AgendaPolicy


def agenda_policy(campus):
    """The campus's policy, or an unsaved one with the defaults."""
    return AgendaPolicy.objects.filter(campus=campus).first() or AgendaPolicy(campus=campus)


def set_agenda_policy(*, campus, actor, allow_self_endorsement):
    policy = agenda_policy(campus)
    if policy.pk is not None and policy.allow_self_endorsement == allow_self_endorsement:
        return policy
    policy.allow_self_endorsement = allow_self_endorsement
    policy.save()
    log_activity(
        campus=campus,
        actor=actor,
        action="agenda_policy.changed",
        subject=policy,
        data={"allow_self_endorsement": allow_self_endorsement},
    )
    return policy
