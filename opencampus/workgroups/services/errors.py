class WorkgroupError(Exception):
    """A change the working-group rules do not allow.

    The text is for people; ``field`` names the form input it is about, if any.
    """

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self):
        return str(self.message)
