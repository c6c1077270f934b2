"""The printable certificate: one A4 landscape page in Korean or English, with its QR code.

The Korean glyphs come from an installed TrueType font (Debian's fonts-nanum), embedded as a
subset, so the PDF reads the same everywhere and its text can be copied and searched.
"""

import io
import subprocess
from html import escape
from pathlib import Path

import segno
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

KNOWN_FONT_PATHS = ("/usr/share/fonts/truetype/nanum/NanumGothic.ttf",)
FONT_NAME = "OpenCampusKorean"
PAGE = landscape(A4)
INK, ACCENT = (0.1, 0.1, 0.12), (0.05, 0.32, 0.45)


class KoreanFontMissing(Exception):
    """No font with Korean glyphs is installed; the text says how to install one."""


def korean_font(known_paths=KNOWN_FONT_PATHS, fc_list="fc-list"):
    """The path of a TrueType font with Korean glyphs: Nanum Gothic, else whatever fontconfig knows."""
    for path in known_paths:
        if Path(path).is_file():
            return path
    try:
        found = subprocess.run(
            [fc_list, ":lang=ko", "--format", "%{file}\n"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        found = ""
    for path in found.splitlines():
        # ReportLab embeds TrueType outlines only, not the CFF outlines of .otf/.ttc CJK fonts.
        if path.lower().endswith(".ttf") and Path(path).is_file():
            return path
    raise KoreanFontMissing(
        _(
            "No Korean font is installed, so certificate PDFs cannot be made. Install the Debian "
            "package fonts-nanum (./dev serve installs it when it runs as root)."
        )
    )


def _font():
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, korean_font()))
    return FONT_NAME


def _style(size, *, colour=INK, leading=None):
    return ParagraphStyle(
        f"certificate-{size}",
        fontName=FONT_NAME,
        fontSize=size,
        leading=leading or size * 1.35,
        alignment=TA_CENTER,
        textColor=colour,
        wordWrap="CJK",
    )


def _centred(canvas, text, *, top, size, width=640, colour=INK):
    """Draw ``text`` centred with its top at ``top``; returns where the next line may start."""
    paragraph = Paragraph(escape(text), _style(size, colour=colour))
    _width, height = paragraph.wrap(width, PAGE[1])
    paragraph.drawOn(canvas, (PAGE[0] - width) / 2, top - height)
    return top - height


def _qr_code(canvas, url, *, x, y, size):
    """The verification address as a QR code, drawn as vector squares (crisp at any zoom)."""
    rows = list(segno.make(url, error="m").matrix_iter(border=2))
    module = size / len(rows)
    canvas.setFillColorRGB(*INK)
    for row_number, row in enumerate(rows):
        for column, dark in enumerate(row):
            if dark:
                canvas.rect(
                    x + column * module,
                    y + size - (row_number + 1) * module,
                    module,
                    module,
                    stroke=0,
                    fill=1,
                )


def _frame(canvas):
    width, height = PAGE
    canvas.setStrokeColorRGB(*ACCENT)
    canvas.setLineWidth(3)
    canvas.rect(24, 24, width - 48, height - 48)
    canvas.setLineWidth(0.8)
    canvas.rect(32, 32, width - 64, height - 64)


def _body(certificate):
    return _(
        "completed %(course)s (%(cohort)s), held from %(start)s to %(end)s, "
        "attending %(rate)s%% of the sessions that counted."
    ) % {
        "course": certificate.track_name,
        "cohort": certificate.cohort_name,
        "start": date_format(certificate.starts_on, "DATE_FORMAT"),
        "end": date_format(certificate.ends_on, "DATE_FORMAT"),
        "rate": certificate.attendance_rate,
    }


def _draw(canvas, certificate):
    width, height = PAGE
    campus = certificate.campus
    _frame(canvas)
    top = _centred(canvas, campus.name, top=height - 80, size=15, colour=ACCENT)
    top = _centred(canvas, _("Certificate of completion"), top=top - 28, size=34)
    top = _centred(canvas, _("This certifies that"), top=top - 36, size=13)
    top = _centred(canvas, certificate.holder_name, top=top - 16, size=30)
    top = _centred(canvas, _body(certificate), top=top - 26, size=14, width=600)
    issued = date_format(certificate.issued_at.astimezone(campus.tz).date(), "DATE_FORMAT")
    _centred(
        canvas,
        _("Issued on %(date)s by %(campus)s.") % {"date": issued, "campus": campus.name},
        top=top - 28,
        size=12,
    )
    _qr_code(canvas, certificate.url, x=56, y=52, size=92)
    canvas.setFont(FONT_NAME, 9)
    canvas.setFillColorRGB(*INK)
    canvas.drawString(160, 126, _("Check that this certificate is genuine:"))
    canvas.drawString(160, 112, certificate.url)
    canvas.drawString(160, 98, _("Certificate %(id)s") % {"id": certificate.public_id})
    canvas.setFont(FONT_NAME, 13)
    canvas.drawRightString(width - 60, 70, campus.name)


def certificate_pdf(certificate, *, language):
    """The certificate as a one-page PDF in ``language`` (``ko`` or ``en``)."""
    _font()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE, pageCompression=1)
    with translation.override(language):
        canvas.setTitle(f"{_('Certificate of completion')} · {certificate.holder_name}")
        canvas.setAuthor(certificate.campus.name)
        canvas.setCreator("Open Campus")
        _draw(canvas, certificate)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
