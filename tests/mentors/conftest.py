from tests import english

_english = english.english_pages
make_person = english.people_prefer_english
