class AgendaError(Exception):
    """Something a person must change before the action can go ahead; the text is for people."""
