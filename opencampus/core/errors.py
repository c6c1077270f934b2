class RefusedInput(Exception):
    """A change a rule refuses, told to the person who asked for it.

    ``message`` is for people (lazy text is fine); ``field`` names the form input it is about, if any,
    so a view can show it next to that input and keep what was typed.
    """

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self):
        return str(self.message)
