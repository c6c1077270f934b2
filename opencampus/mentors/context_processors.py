def my_mentoring(request):
    """Whether the header shows the "My mentoring" link (active mentors and participants)."""
    campus = getattr(request, "campus", None)
    user = getattr(request, "user", None)
    return {
        "has_mentoring": bool(
            campus and user is not None and user.has_perm("mentors.view_my_mentoring", campus)
        )
    }
