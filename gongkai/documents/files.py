"""Attachment files: what may be uploaded, and the bridge to `office_text` for text and masking.

A file is accepted only when its extension and its first bytes agree and, for the zip-based
formats (docx, xlsx, ofd), its archive is sane: office_text refuses zip bombs and damaged files.
office_text reads paths, so bytes go through a private temporary file.
"""

import hashlib
import io
import logging
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

from gongkai.documents import office_text
from gongkai.documents.choices import AttachmentKind

logger = logging.getLogger(__name__)

EXTENSIONS: dict[str, AttachmentKind] = {
    "pdf": AttachmentKind.PDF,
    "docx": AttachmentKind.DOCX,
    "xlsx": AttachmentKind.XLSX,
    "ofd": AttachmentKind.OFD,
    "jpg": AttachmentKind.IMAGE,
    "jpeg": AttachmentKind.IMAGE,
    "png": AttachmentKind.IMAGE,
}
_ZIP_MAGIC = b"PK\x03\x04"
_MAGIC: dict[str, bytes] = {
    "pdf": b"%PDF-",
    "docx": _ZIP_MAGIC,
    "xlsx": _ZIP_MAGIC,
    "ofd": _ZIP_MAGIC,
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
    "png": b"\x89PNG\r\n\x1a\n",
}
# The part a genuine file of each zip-based format must contain (GB/T 33190-2016 for OFD).
_REQUIRED_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "ofd": "OFD.xml"}
ACCEPT = ",".join(f".{ext}" for ext in EXTENSIONS)
MAX_NAME_LENGTH = 200


class UnreadableFile(Exception):
    """The file could not be read or rewritten; the message is safe to show (no content in it)."""


@dataclass(frozen=True)
class CheckedFile:
    name: str
    extension: str
    kind: AttachmentKind
    size: int
    sha256: str


def max_bytes() -> int:
    return settings.UPLOAD_MAX_BYTES


@contextmanager
def _on_disk(data: bytes, extension: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="gongkai-") as folder:
        path = Path(folder) / f"file.{extension}"
        path.write_bytes(data)
        yield path


def check_size(*, name: str, size: int) -> None:
    """Refuse a file over the limit (also called before an upload is read into memory)."""
    limit = max_bytes()
    if size > limit:
        raise ValidationError(
            f"附件《{_clean_name(name)}》超过 {limit // (1024 * 1024)} MB，请压缩或拆分后上传。"
        )


def _clean_name(name: str) -> str:
    return (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()


def check_upload(*, name: str, data: bytes) -> CheckedFile:
    """Accept a file or raise ValidationError saying, in Chinese, what is wrong with it."""
    name = _clean_name(name)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in EXTENSIONS:
        raise ValidationError("不支持的附件类型，只能上传 pdf、docx、xlsx、ofd、jpg、png 文件。")
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(f"文件名过长，请缩短到 {MAX_NAME_LENGTH} 个字符以内。")
    if not data:
        raise ValidationError(f"附件《{name}》是空文件。")
    check_size(name=name, size=len(data))
    if not data.startswith(_MAGIC[extension]):
        logger.info("attachment refused: content does not match extension .%s", extension)
        raise ValidationError(
            f"附件《{name}》的内容与扩展名 .{extension} 不符，文件可能已损坏或被改名。"
        )
    if extension in _REQUIRED_PART:
        _check_archive(name, extension, data)
    return CheckedFile(
        name=name,
        extension=extension,
        kind=EXTENSIONS[extension],
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _check_archive(name: str, extension: str, data: bytes) -> None:
    try:
        if extension == "ofd":
            _check_ofd(data)
        else:
            with _on_disk(data, extension) as path:
                office_text.check_file(path)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (office_text.UnsupportedFile, zipfile.BadZipFile) as exc:
        logger.info("attachment refused: .%s archive rejected", extension)
        reason = str(exc) if isinstance(exc, office_text.UnsupportedFile) else ""
        raise ValidationError(
            f"附件《{name}》未通过安全检查：{reason or '文件已损坏或不是有效的文档。'}"
        ) from exc
    if _REQUIRED_PART[extension] not in names:
        raise ValidationError(f"附件《{name}》不是有效的 .{extension} 文件，可能已损坏或被改名。")


def _check_ofd(data: bytes) -> None:
    """The same zip-bomb limits office_text applies to docx and xlsx."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
    if sum(m.file_size for m in members) > office_text.MAX_UNZIPPED_BYTES:
        raise office_text.UnsupportedFile("文件解压后超过 200 MB，疑似压缩炸弹，已拒绝读取。")
    for m in members:
        if m.file_size >= office_text.RATIO_CHECK_FROM and m.file_size > (
            office_text.MAX_MEMBER_RATIO * max(m.compress_size, 1)
        ):
            raise office_text.UnsupportedFile("文件压缩比异常，疑似压缩炸弹，已拒绝读取。")


def extract_text(*, extension: str, data: bytes) -> str:
    """The text of a docx, xlsx or pdf for the personal-information check."""
    try:
        with _on_disk(data, extension) as path:
            return office_text.extract_text(path)
    except office_text.UnsupportedFile as exc:
        raise UnreadableFile(str(exc)) from exc


def masked_copy(*, extension: str, data: bytes) -> tuple[bytes, int]:
    """A copy of a docx or xlsx with every personal-information finding masked, and their count."""
    mask = {"docx": office_text.mask_docx, "xlsx": office_text.mask_xlsx}.get(extension)
    if mask is None:
        raise ValueError(f"cannot mask a .{extension} file")
    try:
        with _on_disk(data, extension) as path:
            target = path.with_name(f"masked.{extension}")
            count = mask(path, target)
            return target.read_bytes(), count
    except office_text.UnsupportedFile as exc:
        raise UnreadableFile(str(exc)) from exc
