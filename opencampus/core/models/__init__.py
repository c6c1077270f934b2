from .activity import ActivityLog
from .campus import Campus, CampusScoped
from .outbox import OutboxMessage

__all__ = ["ActivityLog", "Campus", "CampusScoped", "OutboxMessage"]
