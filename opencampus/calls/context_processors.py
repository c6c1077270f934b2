def reviewing(request):
    """Whether the header shows the reviewer's "My reviews" link."""
    campus = getattr(request, "campus", None)
    user = getattr(request, "user", None)
    return {"can_review": bool(campus and user is not None and user.has_perm("calls.review", campus))}
