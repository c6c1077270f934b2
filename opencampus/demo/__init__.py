"""Demo data: the Seoul Innovation Park scenario, loaded by ``manage.py load_demo``.

Plain modules, not an installed app. ``loader.load_demo`` loads each campus plan
(``seoul``, ``suwon``) and then runs the functions listed in ``loader.STEPS``: a later
feature adds its own demo module here with a ``load(context)`` function and lists it
there. Every step looks records up by a natural key before it writes, so loading twice
changes nothing.
"""
