"""Checks on uploaded documents: allowed types by their content (not their name), and size.

Agencies upload reports, letters and photographs. We sniff the first bytes, because a file's
name and the browser's content type are whatever the sender says they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_FILES_PER_RETURN = 10

# (magic bytes, content type, what people call it)
SIGNATURES = (
    (b"%PDF-", "application/pdf", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "PNG image"),
    (b"\xff\xd8\xff", "image/jpeg", "JPEG image"),
    (b"PK\x03\x04", "application/zip", "Word, Excel or OpenDocument file"),
)
OFFICE_EXTENSIONS = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".odt": "application/vnd.oasis.opendocument.text",
}
# In the catalogue: an applicant's page (their appeal) says it in their language.
ALLOWED_DESCRIPTION = gettext_noop(
    "PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt), JPEG, PNG or text"
)


class UploadRefused(ValueError):
    """A file we will not keep; the message says why, in words the uploader can act on."""


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    content_type: str
    size: int


def check_upload(name: str, size: int, head: bytes) -> CheckedUpload:
    """Decide whether to accept a file from its name, size and first bytes."""
    # In the language of the page (an applicant's appeal may be in Welsh).
    display = name[-80:] or gettext("The file")
    if size == 0:
        raise UploadRefused(gettext("%(file)s is empty") % {"file": display})
    if size > MAX_UPLOAD_BYTES:
        raise UploadRefused(
            gettext("%(file)s must be smaller than %(size)sMB")
            % {"file": display, "size": MAX_UPLOAD_BYTES // 1024 // 1024}
        )
    content_type = _sniff(name, head)
    if content_type is None:
        raise UploadRefused(
            gettext("%(file)s must be a %(kinds)s")
            % {"file": display, "kinds": gettext(ALLOWED_DESCRIPTION)}
        )
    return CheckedUpload(name=name[-200:], content_type=content_type, size=size)


def check_file(upload) -> CheckedUpload:
    """Check an uploaded file (Django's UploadedFile) by its first bytes, leaving it ready to
    be stored from the start."""
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    return check_upload(upload.name, upload.size, head)


def _sniff(name: str, head: bytes) -> str | None:
    for magic, content_type, _ in SIGNATURES:
        if head.startswith(magic):
            if content_type == "application/zip":
                return OFFICE_EXTENSIONS.get(_extension(name))
            return content_type
    if _extension(name) == ".txt" and _is_text(head):
        return "text/plain"
    return None


def _extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        # The sample may end inside a multi-byte character: allow an incomplete tail.
        try:
            head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True
