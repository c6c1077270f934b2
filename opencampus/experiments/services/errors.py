from opencampus.core.errors import RefusedInput


class ExperimentError(RefusedInput):
    """A change the experiment's rules do not allow.

    The text is for people; ``field`` names the input it is about, if any.
    """


def refuse(problems):
    """Raise the first of ``[(field, message), …]``, if any."""
    if problems:
        field, message = problems[0]
        raise ExperimentError(message, field=field)
