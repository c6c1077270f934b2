import io
import zipfile

import openpyxl
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject
from pypdf.xmp import XmpInformation

from opencampus.calls.services.file_metadata import FileMetadataError, neutral_name, stripped_copy

AUTHOR = "Kim Minji"
COMPANY = "Eunpyeong Energy Co-op"


def pdf_with_metadata():
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata(
        {"/Author": AUTHOR, "/Creator": f"Hangul ({AUTHOR})", "/Producer": "Acrobat", "/Title": "Plan"}
    )
    xmp = XmpInformation.create()
    xmp.dc_creator = [AUTHOR]
    writer.xmp_metadata = xmp
    # Page-level XMP, as some editors write it.
    page_xmp = XmpInformation.create()
    page_xmp.dc_creator = [AUTHOR]
    writer.pages[0][NameObject("/Metadata")] = writer._add_object(page_xmp.stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


CORE_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Zero-waste market</dc:title><dc:creator>{AUTHOR}</dc:creator>
<cp:lastModifiedBy>{AUTHOR}</cp:lastModifiedBy>
<dcterms:created xsi:type="dcterms:W3CDTF">2020-03-01T09:00:00Z</dcterms:created>
</cp:coreProperties>"""
APP_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
<Application>Microsoft Office Word</Application><Company>{COMPANY}</Company><Manager>{AUTHOR}</Manager>
</Properties>"""
DOCUMENT_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>Our plan for a zero-waste market.</w:t></w:r></w:p></w:body></w:document>"""
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml"
 ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml"
 ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/>
<Relationship Id="rId2"
 Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
 Target="docProps/core.xml"/>
<Relationship Id="rId3"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
 Target="docProps/app.xml"/>
</Relationships>"""


def minimal_docx(core_path="docProps/core.xml"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", RELS.replace("docProps/core.xml", core_path))
        package.writestr("word/document.xml", DOCUMENT_XML)
        package.writestr(core_path, CORE_XML)
        package.writestr("docProps/app.xml", APP_XML)
    return buffer.getvalue()


def strip(data, name):
    with stripped_copy(io.BytesIO(data), name) as copy:
        return copy.read()


def test_pdf_copy_has_no_author_creator_producer_or_xmp():
    original = pdf_with_metadata()
    assert AUTHOR.encode() in original

    copy = strip(original, "plan.PDF")

    reader = PdfReader(io.BytesIO(copy))
    assert AUTHOR.encode() not in copy
    assert b"Acrobat" not in copy
    assert not reader.metadata
    assert reader.xmp_metadata is None
    assert "/Metadata" not in reader.pages[0]
    assert len(reader.pages) == 1
    assert reader.pages[0].mediabox.width == 200


def test_docx_copy_has_no_creator_last_modified_by_or_company():
    original = minimal_docx()

    copy = strip(original, "proposal.docx")

    with zipfile.ZipFile(io.BytesIO(copy)) as package:
        core = package.read("docProps/core.xml").decode()
        app = package.read("docProps/app.xml").decode()
        document = package.read("word/document.xml").decode()
        assert sorted(package.namelist()) == sorted(zipfile.ZipFile(io.BytesIO(original)).namelist())
    assert AUTHOR not in core
    assert "lastModifiedBy" not in core
    assert COMPANY not in app
    assert AUTHOR not in app
    assert "zero-waste market" in document
    assert AUTHOR.encode() not in copy


def test_core_properties_are_found_through_the_package_relationships():
    copy = strip(minimal_docx(core_path="meta/props.xml"), "proposal.docx")

    with zipfile.ZipFile(io.BytesIO(copy)) as package:
        assert AUTHOR not in package.read("meta/props.xml").decode()


def test_xlsx_copy_still_opens_without_its_creator():
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "budget"
    workbook.properties.creator = AUTHOR
    workbook.properties.lastModifiedBy = AUTHOR
    buffer = io.BytesIO()
    workbook.save(buffer)

    copy = strip(buffer.getvalue(), "budget.xlsx")

    reopened = openpyxl.load_workbook(io.BytesIO(copy))
    assert reopened.active["A1"].value == "budget"
    assert reopened.properties.creator != AUTHOR
    assert reopened.properties.lastModifiedBy != AUTHOR
    assert AUTHOR.encode() not in copy


def test_other_types_are_copied_as_they_are():
    data = b"HWP Document File \x00 written by Kim"

    assert strip(data, "plan.hwp") == data


@pytest.mark.parametrize(
    ("data", "name"), [(b"not a pdf at all", "plan.pdf"), (b"PK\x03\x04broken", "plan.docx")]
)
def test_unreadable_files_are_refused_rather_than_served_with_metadata(data, name):
    with pytest.raises(FileMetadataError):
        stripped_copy(io.BytesIO(data), name)


def test_password_protected_pdf_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(width=100, height=100)
    writer.add_metadata({"/Author": AUTHOR})
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)

    with pytest.raises(FileMetadataError, match="password"):
        stripped_copy(io.BytesIO(buffer.getvalue()), "plan.pdf")


def test_neutral_name_says_nothing_about_the_author():
    name = neutral_name(application_id=123, label="proposal", filename="calls/1/2/123/Kim_Minji_CV.PDF")

    assert name == "application-123-proposal.pdf"
    assert neutral_name(application_id=5, label="Plan File!", filename="x") == "application-5-plan-file"


def test_docx_comment_and_tracked_change_authors_are_removed():
    comments = (
        '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:comment w:id="0" w:author="{AUTHOR}" w:initials="KM"><w:p/></w:comment></w:comments>'
    )
    tracked = DOCUMENT_XML.replace("<w:r>", f'<w:ins w:id="1" w:author="{AUTHOR}"><w:r>').replace(
        "</w:r>", "</w:r></w:ins>"
    )
    buffer = io.BytesIO(minimal_docx())
    with zipfile.ZipFile(buffer, "a") as package:
        package.writestr("word/comments.xml", comments)
    original = buffer.getvalue().replace(DOCUMENT_XML.encode(), tracked.encode())

    copy = strip(original, "proposal.docx")

    with zipfile.ZipFile(io.BytesIO(copy)) as package:
        text = b"".join(package.read(name) for name in package.namelist())
    assert AUTHOR.encode() not in text
    assert b'w:initials="KM"' not in text
    assert b"Our plan for a zero-waste market." in text


def test_pdf_comment_author_is_removed_but_form_field_names_stay():
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    comment = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Text"),
                NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
                NameObject("/T"): TextStringObject(AUTHOR),
                NameObject("/Contents"): TextStringObject("Check the budget"),
            }
        )
    )
    field = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
                NameObject("/T"): TextStringObject("budget_total"),
            }
        )
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([comment, field])
    buffer = io.BytesIO()
    writer.write(buffer)

    copy = PdfReader(io.BytesIO(strip(buffer.getvalue(), "plan.pdf")))

    annotations = [annotation.get_object() for annotation in copy.pages[0]["/Annots"]]
    assert "/T" not in annotations[0]
    assert annotations[0]["/Contents"] == "Check the budget"
    assert annotations[1]["/T"] == "budget_total"
