import uuid

from django.db import models

from gongkai.documents.choices import AttachmentKind, TextStatus


def _public_path(instance: "Attachment", filename: str) -> str:
    # Stored names are random: an uploaded file name may itself carry a person's name.
    return f"documents/files/{uuid.uuid4().hex}.{instance.extension}"


def _original_path(instance: "Attachment", filename: str) -> str:
    return f"documents/originals/{uuid.uuid4().hex}.{instance.extension}"


class Attachment(models.Model):
    """A file of a document. After masking, `file` is the masked copy and `original` the upload,
    kept for audit and never served to the public."""

    document = models.ForeignKey(
        "documents.Document", on_delete=models.PROTECT, related_name="attachments"
    )
    name = models.CharField("文件名", max_length=200)
    kind = models.CharField("类型", max_length=8, choices=AttachmentKind.choices)
    extension = models.CharField(max_length=8)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField(max_length=64)
    file = models.FileField(upload_to=_public_path, max_length=200)
    original = models.FileField(upload_to=_original_path, max_length=200, blank=True)
    masked = models.BooleanField("已去标识化", default=False)
    text = models.TextField("提取的文字", blank=True, editable=False)
    text_status = models.CharField(
        "文字检查", max_length=10, choices=TextStatus.choices, default=TextStatus.PENDING
    )
    text_error = models.CharField("提取失败原因", max_length=200, blank=True)
    position = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "position", "id"]
        verbose_name = "附件"

    def __str__(self) -> str:
        return self.name

    @property
    def scannable(self) -> bool:
        return self.kind in (AttachmentKind.DOCX, AttachmentKind.XLSX, AttachmentKind.PDF)

    @property
    def maskable(self) -> bool:
        return self.kind in (AttachmentKind.DOCX, AttachmentKind.XLSX)

    @property
    def size_label(self) -> str:
        if self.size >= 1024 * 1024:
            return f"{self.size / 1024 / 1024:.1f} MB"
        return f"{max(1, round(self.size / 1024))} KB"
