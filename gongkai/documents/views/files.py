"""Serving an attachment's current copy (the masked one, once masked)."""

from urllib.parse import quote

from django.http import FileResponse, Http404

from gongkai.documents.models import Attachment


def file_response(attachment: Attachment) -> FileResponse:
    try:
        handle = attachment.file.open("rb")
    except OSError as exc:
        raise Http404("附件文件不存在。") from exc
    response = FileResponse(handle, as_attachment=True)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(attachment.name)}"
    response["X-Content-Type-Options"] = "nosniff"
    return response
