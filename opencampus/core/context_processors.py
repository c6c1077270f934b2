def campus(request):
    """The current campus, and whether the visitor may open its management pages."""
    current = getattr(request, "campus", None)
    user = getattr(request, "user", None)
    return {
        "campus": current,
        "can_manage_campus": bool(
            current and user is not None and user.has_perm("core.manage_campus", current)
        ),
    }
