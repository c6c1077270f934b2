"""The terms a text is indexed and searched by, for Korean, English and both mixed (no Django).

Korean goes through kiwipiepy's morphological analyser and keeps the content morphemes: nouns,
roots, and verb and adjective stems as their dictionary form (``찾다``), minus a few light verbs;
particles and endings go. A prefix (``재``, ``폐``) or a number written against a noun makes one
unit with it (``재활용``, ``1인``), and the bare noun is kept as well, so "폐건전지" still meets
"건전지". Nouns written together make compounds (``음식물쓰레기``, ``1인가구``) indexed beside their
parts, so the same compound weighs more than the parts found apart. Latin words, alone or inside
Korean text, are lower-cased, stripped of stopwords and snowball-stemmed.
"""

import functools
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable

import snowballstemmer

TERM_MAX = 60
COMPOUND_MAX = 4
HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f]*")
APOSTROPHE_IN_WORD = re.compile(r"(?<=[A-Za-z])['\u2019](?=[A-Za-z])")

NOUNS = frozenset({"NNG", "NNP"})
PREFIXES = frozenset({"XPN", "SN"})
STEMS = frozenset({"VV", "VA"})
KEPT_AS_IS = frozenset({"XR", "SH"})
# Place and time words (앞, 후), and what every problem says (문제, 필요): they join compounds
# but are no terms of their own.
FUNCTION_NOUNS = frozenset({
    "곳", "후", "전", "앞", "뒤", "위", "밑", "안", "속", "중", "간", "날", "번", "쪽", "외", "내",
    "문제", "필요",
})  # fmt: skip
LIGHT_VERBS = frozenset({
    "하다", "되다", "있다", "없다", "않다", "같다", "위하다",
    "대하다", "통하다", "보다", "주다", "받다", "많다",
})  # fmt: skip
ENGLISH_STOPWORDS = frozenset({
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
    "being", "both", "but", "by", "can", "could", "did", "do", "does", "during", "each", "for", "from",
    "had", "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "me",
    "more", "most", "my", "no", "not", "of", "on", "only", "or", "other", "our", "out", "over", "own",
    "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "to", "too", "under", "up", "very", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "why", "will", "with", "would", "you", "your",
    "because", "cannot", "need", "needs", "needed", "problem", "problems", "dont", "doesnt", "didnt",
    "cant", "wont", "isnt", "arent", "wasnt", "hasnt", "havent", "im", "ive", "theres",
})  # fmt: skip


_kiwi = None
_kiwi_lock = threading.Lock()


def analyser():
    """The process's kiwipiepy instance, loaded on first use (about 1.5 s); analysis only reads it."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi()
    return _kiwi


_stemmer = threading.local()


@functools.lru_cache(maxsize=50_000)
def english_stem(word):
    # Snowball stemmers keep state between calls, so each thread gets its own.
    if not hasattr(_stemmer, "english"):
        _stemmer.english = snowballstemmer.stemmer("english")
    return _stemmer.english.stemWord(word)


def normalise(text):
    """NFKC, and English contractions and possessives as one word (don't → dont)."""
    return APOSTROPHE_IN_WORD.sub("", unicodedata.normalize("NFKC", text or ""))


def english_terms(words):
    for word in words:
        word = word.lower()
        if len(word) < 2 or word.isdigit() or word in ENGLISH_STOPWORDS:
            continue
        yield english_stem(word)[:TERM_MAX]


def korean_terms(tokens):
    """Terms of one text's kiwipiepy tokens (see the module's docstring)."""
    prefix = None  # (form, end) of a prefix or number waiting for its noun
    run = []  # the units of the nouns written together so far
    run_end = None
    for token in tokens:
        tag = token.tag.split("-", 1)[0]
        end = token.start + token.len
        if tag in NOUNS:
            unit = token.form
            if prefix is not None and prefix[1] == token.start:
                unit = prefix[0] + token.form
                yield unit[:TERM_MAX]
            if token.form not in FUNCTION_NOUNS:
                yield token.form[:TERM_MAX]
            if run and run_end != token.start:
                yield from compound(run)
                run = []
            run.append(unit)
            run_end = end
            prefix = None
            continue
        yield from compound(run)
        run = []
        prefix = None
        if tag in PREFIXES:
            prefix = (token.form, end)
        elif tag in STEMS and token.lemma not in LIGHT_VERBS:
            yield token.lemma[:TERM_MAX]
        elif tag in KEPT_AS_IS:
            yield token.form[:TERM_MAX]
        elif tag == "SL":
            yield from english_terms([token.form])
    yield from compound(run)


def compound(units):
    """Every span of two to four nouns written together: 전기차충전소 gives 전기차 too."""
    for start in range(len(units) - 1):
        for stop in range(start + 2, min(start + COMPOUND_MAX, len(units)) + 1):
            yield "".join(units[start:stop])[:TERM_MAX]


def latin_words(text):
    """Latin words as kiwipiepy's spans, so it keeps each whole (it splits some, e.g. "cant")."""
    return [(match.start(), match.end(), "SL") for match in LATIN_WORD.finditer(text)]


def terms(text: str) -> Counter[str]:
    """How often each term occurs in ``text``."""
    return next(iter(terms_of_many([text])))


def terms_of_many(texts: Iterable[str]) -> Iterable[Counter[str]]:
    """``terms`` of each text in turn; Korean texts are analysed in one batch, which is faster."""
    texts = [normalise(text) for text in texts]
    korean = [text for text in texts if HANGUL.search(text)]
    analysed = iter(analyser().tokenize(korean, pretokenized=latin_words) if korean else ())
    for text in texts:
        if HANGUL.search(text):
            yield Counter(korean_terms(next(analysed)))
        else:
            yield Counter(english_terms(LATIN_WORD.findall(text)))
