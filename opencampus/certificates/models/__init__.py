from .certificates import Certificate
from .keys import SigningKey

__all__ = ["Certificate", "SigningKey"]
