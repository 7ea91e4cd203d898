"""Import of catalog and guideline tables: read and check the file, stage a preview, save on confirm.

The preview is staged as JSON beside the data (not in the session: a table may be large) and is
only usable by the account that uploaded it. Nothing reaches the catalog before confirmation.
"""

import json
import logging
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

from gongkai.catalog.excel import MAX_UPLOAD_BYTES, CatalogFileError, read_catalog_workbook

log = logging.getLogger(__name__)
STAGE_SECONDS = 24 * 3600


@dataclass
class Preview:
    filename: str
    rows: list[dict]  # one per source row: sheet, row_number, status, reason, element
    counts: dict[str, int]

    def rows_to_save(self) -> list[tuple[int, dict]]:
        return [(r["row_number"], r["element"]) for r in self.rows if r["status"] == "read"]

    def as_json(self) -> list[dict]:
        return [
            {
                "sheet": r["sheet"],
                "row": r["row_number"],
                "status": r["status"],
                "reason": r["reason"],
                **(r["element"] or {}),
            }
            for r in self.rows
        ]


def read_upload(upload) -> bytes:
    """The bytes of an uploaded file, refused before reading when it is too large."""
    if upload.size > MAX_UPLOAD_BYTES:
        log.warning(
            "catalog import refused: file=%s reason=too large (%d bytes)", upload.name, upload.size
        )
        raise ValidationError(f"文件“{upload.name}”超过 20 MB，不能导入。")
    return upload.read()


def read_preview(*, data: bytes, filename: str) -> Preview:
    """Read an uploaded table; raises ValidationError with the Chinese message, logs the reason."""
    try:
        tables = read_catalog_workbook(data, filename=filename)
    except CatalogFileError as exc:
        log.warning(
            "catalog import refused: file=%s reason=%s", filename, getattr(exc, "detail", exc)
        )
        raise ValidationError(exc.message) from exc
    rows = [asdict(row) for table in tables for row in table.rows]
    counts = {
        status: sum(1 for r in rows if r["status"] == status)
        for status in ("read", "merged", "rejected")
    }
    return Preview(filename=filename, rows=rows, counts=counts)


def _stage_dir() -> Path:
    path = Path(settings.DATA_DIR) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def stage_preview(preview: Preview, *, user_id: int, target: str) -> str:
    """Keep a preview until the user confirms it; returns its token."""
    token = secrets.token_urlsafe(16)
    payload = {
        "user_id": user_id,
        "target": target,
        "created": time.time(),
        "preview": asdict(preview),
    }
    (_stage_dir() / f"{token}.json").write_text(
        json.dumps(payload, ensure_ascii=False), encoding="utf-8"
    )
    return token


def load_staged(token: str, *, user_id: int, target: str) -> Preview:
    if not token.replace("-", "").replace("_", "").isalnum():
        raise ValidationError("导入预览已失效，请重新上传文件。")
    path = _stage_dir() / f"{token}.json"
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError("导入预览已失效，请重新上传文件。") from exc
    if payload["user_id"] != user_id or payload["target"] != target:
        raise ValidationError("导入预览不属于当前用户或当前目录。")
    if time.time() - payload["created"] > STAGE_SECONDS:
        raise ValidationError("导入预览已过期，请重新上传文件。")
    return Preview(**payload["preview"])


def discard_staged(token: str) -> None:
    (_stage_dir() / f"{token}.json").unlink(missing_ok=True)
