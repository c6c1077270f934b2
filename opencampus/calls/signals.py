from django.dispatch import Signal

# Sent after an application's state changed: sender=Application, application, old_state, actor.
application_state_changed = Signal()
