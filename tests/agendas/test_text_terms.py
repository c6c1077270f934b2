from opencampus.agendas.text_terms import TERM_MAX, terms, terms_of_many


def test_terms_korean_keep_nouns_and_verb_stems_without_particles():
    found = terms("골목에 쓰레기가 쌓인다")

    assert set(found) == {"골목", "쓰레기", "쌓이다"}


def test_terms_korean_prefix_joins_its_noun_and_keeps_the_bare_noun():
    found = terms("폐건전지를 재활용해요")

    assert {"폐건전지", "건전지", "재활용", "활용"} <= set(found)


def test_terms_korean_nouns_written_together_make_compounds():
    together = terms("전기차충전소가 부족해요")
    apart = terms("전기 차 충전소가 부족해요")

    assert {"전기", "차", "충전소", "전기차", "전기차충전소"} <= set(together)
    assert "전기차충전소" not in apart


def test_terms_korean_number_joins_its_noun():
    found = terms("1인가구 고독사")

    assert {"1인", "1인가구", "가구", "고독사"} <= set(found)


def test_terms_korean_function_nouns_only_inside_compounds():
    found = terms("퇴근 후에 방과후 돌봄이 필요합니다")

    assert "후" not in found
    assert "필요" not in found
    assert {"퇴근", "방과후", "돌봄"} <= set(found)


def test_terms_korean_light_verbs_are_dropped():
    found = terms("태양광을 설치해야 합니다. 지원이 없어요.")

    assert set(found) == {"태양광", "설치", "지원"}


def test_terms_english_lowercase_stemmed_without_stopwords():
    found = terms("The recycling bins are overflowing because nobody empties them")

    assert set(found) == {"recycl", "bin", "overflow", "nobodi", "empti"}


def test_terms_english_contractions_and_possessives_are_one_word():
    found = terms("The shop's owner can't and doesn't")

    assert set(found) == {"shop", "owner"}


def test_terms_mixed_text_keeps_korean_and_english_words_whole():
    found = terms("푸드 스타트업용 shared kitchen이 필요해요, LED를 교체")

    assert {"푸드", "스타트업", "share", "kitchen", "led", "교체"} <= set(found)
    assert "필요" not in found


def test_terms_count_repeated_words():
    assert terms("쓰레기 쓰레기 쓰레기")["쓰레기"] == 3
    assert terms("bins and more bins")["bin"] == 2


def test_terms_normalise_full_width_letters():
    assert terms("\uff2c\uff25\uff24 가로등") == terms("LED 가로등")


def test_terms_are_cut_to_the_column_length():
    found = terms("a" * 100 + " 가로등")

    assert max(len(term) for term in found) == TERM_MAX


def test_terms_of_text_without_words_are_empty():
    assert terms("") == {}
    assert terms("  !!! 123 … ") == {}


def test_terms_of_many_match_one_by_one():
    texts = ["골목에 쓰레기가 쌓인다", "", "Rubbish piles up", "LED 가로등 교체"]

    assert list(terms_of_many(texts)) == [terms(text) for text in texts]
