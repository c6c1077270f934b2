from opencampus.core.errors import RefusedInput


class MentorsError(RefusedInput):
    """A change the mentor network refuses; ``field`` names the input it is about, if any."""
