"""Signed tokens for calendar feeds: calendar apps fetch feeds without a session, so the
feed's address carries who it is for. Whoever holds the link can read the feed."""

from django.core import signing

from ..models import User


def make_feed_token(*, user, campus, salt):
    return signing.dumps({"user": user.pk, "campus": campus.pk}, salt=salt, compress=True)


def feed_owner(*, token, campus, salt):
    """The active person whose feed on ``campus`` ``token`` opens; None for a bad or foreign token."""
    try:
        payload = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("campus") != campus.pk:
        return None
    return User.objects.filter(pk=payload.get("user"), is_active=True).first()
