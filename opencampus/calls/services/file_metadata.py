"""Copies of applicants' files without author metadata, for reviewers in blind phases.

PDF: the document information dictionary (``/Author``, ``/Creator``, ``/Producer``, …), every
XMP ``/Metadata`` stream (document, pages, images) and the author (``/T``) of comments and other
markup annotations are dropped, and objects nothing refers to any more are left out of the copy.
Office Open XML (docx, xlsx, pptx and their macro variants): the package's core, extended and
custom properties (creator, last modified by, company, manager, …) are replaced by empty
documents, and the authors of comments and tracked changes in the other parts are replaced by
“-”; everything else is copied unchanged.
Other file types are copied as they are.

A file that cannot be rewritten raises :class:`FileMetadataError`: it is never served with its
metadata by mistake.
"""

import posixpath
import re
import shutil
import tempfile
import zipfile
from xml.etree import ElementTree

from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader, PdfWriter
from pypdf.errors import DependencyError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

PDF_EXTENSIONS = {"pdf"}
OFFICE_EXTENSIONS = {"docx", "docm", "dotx", "xlsx", "xlsm", "xltx", "pptx", "pptm", "potx"}
# Keys whose values describe who made a PDF rather than what it shows.
PDF_METADATA_KEYS = (NameObject("/Metadata"), NameObject("/PieceInfo"))
# An Office file expanding past this is refused rather than unpacked (a zip bomb, or not a document).
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
SPOOL_BYTES = 8 * 1024 * 1024

RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
PROPERTY_PARTS = {
    "core": "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
    "app": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
    "custom": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties",
}
DEFAULT_PROPERTY_PARTS = {
    "docProps/core.xml": "core",
    "docProps/app.xml": "app",
    "docProps/custom.xml": "custom",
}
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
EMPTY_PARTS = {
    "core": XML_DECLARATION
    + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>',
    "app": XML_DECLARATION
    + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>',
    "custom": XML_DECLARATION
    + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>',
}


class FileMetadataError(Exception):
    """The file could not be rewritten without its metadata; the text is for the reader."""


def extension_of(filename):
    return posixpath.splitext(filename)[1].lstrip(".").lower()


def neutral_name(*, application_id, label, filename):
    """``application-123-proposal.pdf``: says nothing about who uploaded the file."""
    label = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") or "file"
    extension = extension_of(filename)
    name = f"application-{application_id}-{label}"
    return f"{name}.{extension}" if re.fullmatch(r"[a-z0-9]{1,10}", extension) else name


def stripped_copy(source, filename):
    """A new binary file object (at position 0) holding ``source`` without author metadata."""
    extension = extension_of(filename)
    if extension in PDF_EXTENSIONS:
        return strip_pdf(source)
    if extension in OFFICE_EXTENSIONS:
        return strip_office(source)
    target = spool()
    shutil.copyfileobj(source, target)
    target.seek(0)
    return target


def spool():
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)


# PDF


def strip_pdf(source):
    target = spool()
    try:
        reader = PdfReader(source)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileMetadataError(
                _("This PDF is protected by a password, so no anonymous copy can be made.")
            )
        writer = PdfWriter(clone_from=reader)
        remove_pdf_metadata(writer.root_object)
        writer.metadata = None
        writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
        writer.write(target)
    except FileMetadataError:
        target.close()
        raise
    except (PyPdfError, DependencyError, ValueError, KeyError, TypeError, NotImplementedError) as error:
        target.close()
        raise FileMetadataError(_("This PDF could not be read, so no anonymous copy can be made.")) from error
    target.seek(0)
    return target


def remove_pdf_metadata(root):
    """Drop metadata streams wherever they hang: catalogue, pages, images, forms."""
    pending, seen = [root], set()
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        if isinstance(item, DictionaryObject):  # streams are dictionaries too
            for name in PDF_METADATA_KEYS:
                item.pop(name, None)
            if is_markup_annotation(item):
                item.pop(NameObject("/T"), None)
            pending.extend(value for key, value in item.items() if key != "/Parent")
        elif isinstance(item, ArrayObject):
            pending.extend(item)


def is_markup_annotation(item):
    """Comments, highlights and the like carry their author in ``/T``; form fields (widgets) use
    ``/T`` for the field's name, which must stay."""
    return "/Rect" in item and "/Subtype" in item and item["/Subtype"] != "/Widget"


# Office Open XML

# Who wrote a comment or a tracked change: Word's w:author/w:initials (comments, insertions,
# deletions, people.xml), Excel's <author> list, PowerPoint's comment authors.
AUTHOR_PATTERNS = (
    (re.compile(rb'(\b\w+:(?:author|initials|userId|providerId)=")[^"]*(")'), rb"\1-\2"),
    (re.compile(rb"(<(?:\w+:)?author>)[^<]*(</(?:\w+:)?author>)"), rb"\1-\2"),
)
COMMENT_AUTHOR = re.compile(rb"<\w+:cmAuthor\b[^>]*>")
NAME_ATTRIBUTES = re.compile(rb'(\b(?:name|initials)=")[^"]*(")')


def without_authors(xml):
    for pattern, replacement in AUTHOR_PATTERNS:
        xml = pattern.sub(replacement, xml)
    return COMMENT_AUTHOR.sub(lambda tag: NAME_ATTRIBUTES.sub(rb"\1-\2", tag.group(0)), xml)


def strip_office(source):
    target = spool()
    try:
        with zipfile.ZipFile(source) as package:
            entries = package.infolist()
            if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
                raise FileMetadataError(_("This file is too large to make an anonymous copy of."))
            replaced = property_parts(package)
            with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as copy:
                for entry in entries:
                    kind = replaced.get(entry.filename)
                    if kind is not None:
                        copy.writestr(plain_entry(entry), EMPTY_PARTS[kind])
                        continue
                    if entry.filename.endswith((".xml", ".rels")):
                        copy.writestr(plain_entry(entry), without_authors(package.read(entry)))
                        continue
                    with package.open(entry) as part, copy.open(plain_entry(entry), "w") as out:
                        shutil.copyfileobj(part, out)
    except FileMetadataError:
        target.close()
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        target.close()
        raise FileMetadataError(
            _("This document could not be read, so no anonymous copy can be made.")
        ) from error
    target.seek(0)
    return target


def plain_entry(entry):
    """The same name and date, without extra fields (which can carry more about the author's system)."""
    info = zipfile.ZipInfo(entry.filename, date_time=entry.date_time)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = entry.external_attr
    return info


def property_parts(package):
    """``{part name: "core" | "app" | "custom"}``: the usual names and those ``_rels/.rels`` points to."""
    names = set(package.namelist())
    parts = {name: kind for name, kind in DEFAULT_PROPERTY_PARTS.items() if name in names}
    if "_rels/.rels" not in names or package.getinfo("_rels/.rels").file_size > 1024 * 1024:
        return parts
    try:
        relationships = ElementTree.fromstring(package.read("_rels/.rels"))
    except ElementTree.ParseError:
        return parts
    kinds = {relationship_type: kind for kind, relationship_type in PROPERTY_PARTS.items()}
    for relationship in relationships.iter(RELATIONSHIPS):
        kind = kinds.get(relationship.get("Type"))
        target = posixpath.normpath(relationship.get("Target", "").lstrip("/"))
        if kind and target in names:
            parts[target] = kind
    return parts
