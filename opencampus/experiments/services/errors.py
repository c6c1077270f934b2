class ExperimentError(Exception):
    """A change the experiment's rules do not allow.

    The text is for people; ``field`` names the input it is about, if any.
    """

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self):
        return str(self.message)


def refuse(problems):
    """Raise the first of ``[(field, message), …]``, if any."""
    if problems:
        field, message = problems[0]
        raise ExperimentError(message, field=field)
