from .consent import ConsentRecord
from .organisation import Membership, Organisation
from .role import CampusRole
from .user import Profile, User

__all__ = ["CampusRole", "ConsentRecord", "Membership", "Organisation", "Profile", "User"]
