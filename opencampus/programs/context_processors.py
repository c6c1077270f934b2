def my_programmes(request):
    """Whether the header shows the "My programmes" link."""
    campus = getattr(request, "campus", None)
    user = getattr(request, "user", None)
    return {
        "has_programmes": bool(
            campus and user is not None and user.has_perm("programs.view_my_programs", campus)
        )
    }
