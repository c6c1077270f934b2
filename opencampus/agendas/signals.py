"""Signals other apps may listen to without agendas knowing them."""

from django.dispatch import Signal

agenda_state_changed = Signal()  # kwargs: agenda, old_state, actor
