class MentorsError(Exception):
    """A change the mentor network refuses; ``field`` names the input it is about, if any."""

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self):
        return str(self.message)
