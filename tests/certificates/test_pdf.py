"""The printable certificate, in Korean and in English, with its verification address."""

import io

import pytest
from django_scopes import scope
from pypdf import PdfReader

from opencampus.certificates.services.pdf import KoreanFontMissing, certificate_pdf, korean_font


def text_of(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


@pytest.mark.usefixtures("korean_font_installed")
def test_the_english_certificate(campus, certificate):
    with scope(campus=campus):
        text = text_of(certificate_pdf(certificate, language="en"))
    assert "Certificate of completion" in text
    assert "Kim Minji" in text
    assert "completed Top innovators (2020 pilot)" in text
    assert "attending 100.0% of the sessions that counted" in text
    assert certificate.url in text
    assert "Seoul Innovation Park" in text


@pytest.mark.usefixtures("korean_font_installed")
def test_the_korean_certificate_embeds_a_korean_font(campus, certificate):
    with scope(campus=campus):
        pdf = certificate_pdf(certificate, language="ko")
    text = text_of(pdf)
    assert "김민지" in text
    assert "탑 혁신가 과정" in text
    assert "서울혁신파크" in text
    assert certificate.url in text
    fonts = {
        font["/BaseFont"]
        for font in PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"].values()
        if "/BaseFont" in font.get_object()
    }
    assert any("OpenCampusKorean" in str(name) or "Nanum" in str(name) for name in fonts), fonts


def test_without_a_korean_font_the_error_says_what_to_install(tmp_path):
    with pytest.raises(KoreanFontMissing, match="fonts-nanum"):
        korean_font(known_paths=[tmp_path / "missing.ttf"], fc_list=str(tmp_path / "no-fc-list"))
