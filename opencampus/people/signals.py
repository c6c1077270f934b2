"""How the domain apps join in a person's rights over their data without ``people`` knowing them.

``collect_personal_data`` receivers return a dict of sections to add to the download;
``erase_personal_data`` receivers remove or anonymise what identifies the person, inside the
deletion's transaction.
"""

from django.dispatch import Signal

collect_personal_data = Signal()  # kwargs: user
erase_personal_data = Signal()  # kwargs: user, email (the address the person had)
