from opencampus.core.errors import RefusedInput


class WorkgroupError(RefusedInput):
    """A change the working-group rules do not allow.

    The text is for people; ``field`` names the form input it is about, if any.
    """
