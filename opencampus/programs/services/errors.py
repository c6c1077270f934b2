from opencampus.core.errors import RefusedInput


class AdmissionError(RefusedInput):
    """A change the cohort's admission rules do not allow.

    The text is for people; ``field`` names the input it is about, if any.
    """
