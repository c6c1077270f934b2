"""Which roles a person holds on a campus, read once per request and person."""

from django_scopes import scopes_disabled

from opencampus.core.models import Campus

from .models import CampusRole

Role = CampusRole.Role


def campus_of(obj):
    if obj is None or isinstance(obj, Campus):
        return obj
    return getattr(obj, "campus", None)


def roles_on(user, campus):
    """The set of role names ``user`` holds on ``campus`` (cached on the user object)."""
    if campus is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cache = user.__dict__.setdefault("_campus_roles", {})
    if campus.pk not in cache:
        with scopes_disabled():
            cache[campus.pk] = frozenset(
                CampusRole.objects.filter(user=user, campus=campus).values_list("role", flat=True)
            )
    return cache[campus.pk]


def forget_roles(user):
    user.__dict__.pop("_campus_roles", None)
