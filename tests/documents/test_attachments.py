"""Attachments: upload checks, text extraction as a task, masking round trips on real docx and xlsx."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from docx import Document as DocxDocument
from openpyxl import load_workbook

from gongkai.audit.models import Event
from gongkai.documents import services
from gongkai.documents.choices import FindingStatus, Status, TextStatus
from gongkai.documents.models import Attachment, Finding
from tests.documents.conftest import ALL_CHECKS, ID_A, ID_B
from tests.documents.samples import docx_bytes, pdf_bytes, png_bytes, xlsx_bytes, zip_bomb

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def add(world, document, name, data):
    return services.add_attachment(document=document, by=world.editor, name=name, data=data)


def read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def docx_text(data: bytes) -> str:
    document = DocxDocument(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def xlsx_values(data: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(data)).active
    return [[c.value for c in row] for row in sheet.iter_rows()]


@override_settings(TASKS=IMMEDIATE)
def test_upload_enqueues_text_extraction_that_finds_personal_information(
    world, draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        attachment = add(world, draft, "低保名单.docx", docx_bytes())
    attachment.refresh_from_db()
    assert attachment.text_status == TextStatus.DONE
    assert attachment.kind == "docx"
    assert attachment.size > 0
    assert not attachment.file.name.endswith("低保名单.docx")  # stored under a random name
    kinds = list(Finding.objects.filter(attachment=attachment).values_list("kind", "preview"))
    assert ("id_card", "530123********1239") in kinds
    assert ("mobile", "138****5678") in kinds


def test_the_extraction_task_can_be_called_directly(world, draft):
    from gongkai.documents.tasks import extract_attachment_text

    attachment = add(world, draft, "名单.xlsx", xlsx_bytes())
    assert extract_attachment_text.call(attachment.pk) == TextStatus.DONE
    assert extract_attachment_text.call(attachment.pk) == "skipped"
    assert extract_attachment_text.call(999999) == "skipped"


def test_submit_reads_small_attachments_at_once_and_blocks_until_masked(world, draft):
    docx = add(world, draft, "名单.docx", docx_bytes())
    xlsx = add(world, draft, "名单.xlsx", xlsx_bytes())
    services.submit_document(document=draft, by=world.editor)
    open_rows = Finding.objects.filter(document=draft, status=FindingStatus.OPEN)
    assert {f.attachment_id for f in open_rows} == {docx.pk, xlsx.pk}
    with pytest.raises(ValidationError, match="个人信息未处理"):
        services.approve_document(document=draft, by=world.reviewer, checklist=ALL_CHECKS)


def test_masking_round_trip_on_real_docx_and_xlsx(world, draft, client):
    uploaded_docx, uploaded_xlsx = docx_bytes(), xlsx_bytes()
    docx = add(world, draft, "名单.docx", uploaded_docx)
    xlsx = add(world, draft, "名单.xlsx", uploaded_xlsx)
    services.submit_document(document=draft, by=world.editor)

    result = services.mask_personal_info(document=draft, by=world.reviewer)
    assert set(result.attachments) == {"名单.docx", "名单.xlsx"}
    assert result.needs_replacement == []
    assert not Finding.objects.filter(document=draft, status=FindingStatus.OPEN).exists()

    docx.refresh_from_db()
    xlsx.refresh_from_db()
    assert docx.masked
    assert xlsx.masked
    masked_doc = docx_text(read(docx.file))
    for secret in (ID_A, ID_B, "13812345678", "张三丰", "李小红"):
        assert secret not in masked_doc
    assert "530123********1239" in masked_doc
    assert "138****5678" in masked_doc
    assert "监督电话：0991-6612001" in masked_doc
    assert xlsx_values(read(xlsx.file))[1] == [
        "1",
        "张**",
        "530123********1239",
        "138****5678",
        "3",
    ]
    # The originals are kept privately for audit, byte for byte.
    assert read(docx.original) == uploaded_docx
    assert read(xlsx.original) == uploaded_xlsx
    event = Event.objects.get(action="documents.masked", target_id=str(draft.pk))
    assert set(event.after["attachments"]) == {"名单.docx", "名单.xlsx"}
    assert ID_A not in str(event.after)

    services.approve_document(document=draft, by=world.reviewer, checklist=ALL_CHECKS)
    published = services.publish_document(document=draft, by=world.reviewer)
    response = client.get(f"/docs/d/{published.pk}/files/{docx.pk}/")
    assert response.status_code == 200
    served = b"".join(response.streaming_content)
    assert served == read(docx.file)
    assert served != uploaded_docx


def test_a_pdf_must_be_replaced_by_the_editor(world, draft):
    pdf = add(world, draft, "名单.pdf", pdf_bytes(f"ID {ID_A} mobile 13812345678"))
    services.submit_document(document=draft, by=world.editor)
    result = services.mask_personal_info(document=draft, by=world.reviewer)
    assert result.needs_replacement == ["名单.pdf"]
    assert Finding.objects.filter(attachment=pdf, status=FindingStatus.OPEN).count() == 2
    with pytest.raises(ValidationError, match="个人信息未处理"):
        services.approve_document(document=draft, by=world.reviewer, checklist=ALL_CHECKS)

    services.return_document(document=draft, by=world.reviewer, reason="请替换为已去标识化的 PDF")
    services.remove_attachment(attachment=pdf, by=world.editor)
    add(world, draft, "名单（已处理）.pdf", pdf_bytes("ID 530123********1239 mobile 138****5678"))
    services.submit_document(document=draft, by=world.editor)
    assert not Finding.objects.filter(document=draft, status=FindingStatus.OPEN).exists()
    assert (
        services.approve_document(document=draft, by=world.reviewer, checklist=ALL_CHECKS).status
        == Status.APPROVED
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("setup.exe", b"MZ" * 10, "不支持的附件类型"),
        ("名单.docx", pdf_bytes("x"), "内容与扩展名 .docx 不符"),
        ("名单.pdf", docx_bytes(), "内容与扩展名 .pdf 不符"),
        ("名单.docx", xlsx_bytes(), "不是有效的 .docx 文件"),
        ("bomb.docx", zip_bomb(), "压缩比异常"),
        ("bomb.ofd", zip_bomb("OFD.xml"), "压缩比异常"),
        ("empty.pdf", b"", "是空文件"),
        ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 40, "未通过安全检查"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message_and_nothing_saved(
    world, draft, name, data, message
):
    with pytest.raises(ValidationError) as info:
        add(world, draft, name, data)
    assert message in info.value.messages[0]
    assert not Attachment.objects.filter(document=draft).exists()


def test_files_over_the_limit_are_refused(world, draft, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    before = Attachment.objects.count()  # the demo world has attachments of its own
    with pytest.raises(ValidationError, match="超过 1 MB"):
        add(world, draft, "big.pdf", b"%PDF-" + b"0" * (1024 * 1024))
    assert not Attachment.objects.filter(document=draft).exists()
    assert Attachment.objects.count() == before


def test_images_and_ofd_are_kept_but_flagged_for_a_manual_check(world, draft):
    image = add(world, draft, "现场照片.png", png_bytes())
    ofd = io.BytesIO()
    with zipfile.ZipFile(ofd, "w") as archive:
        archive.writestr("OFD.xml", "<ofd:OFD/>")
    add(world, draft, "文件.ofd", ofd.getvalue())
    assert image.text_status == TextStatus.NOT_TEXT
    gate = services.gate(draft)
    assert gate.manual_check == ["现场照片.png", "文件.ofd"]
    assert not gate.blocked


def test_an_unreadable_docx_is_flagged_not_fatal(world, draft):
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", "<not-xml")
        archive.writestr("[Content_Types].xml", "<x/>")
    attachment = add(world, draft, "坏文件.docx", broken.getvalue())
    services.submit_document(document=draft, by=world.editor)
    attachment.refresh_from_db()
    assert attachment.text_status == TextStatus.FAILED
    assert attachment.text_error == "无法读取文件中的文字，请人工核对个人信息。"
    assert services.gate(draft).manual_check == ["坏文件.docx"]


def test_attachments_are_locked_once_submitted(world, submitted):
    with pytest.raises(ValidationError, match="不能添加附件"):
        add(world, submitted, "名单.docx", docx_bytes())


def test_large_attachments_wait_for_the_task_and_block_meanwhile(world, draft, monkeypatch):
    from gongkai.documents.services import privacy

    monkeypatch.setattr(privacy, "INLINE_EXTRACT_BYTES", 10)
    attachment = add(world, draft, "名单.docx", docx_bytes())
    services.submit_document(document=draft, by=world.editor)
    with pytest.raises(ValidationError, match="正在提取文字"):
        services.approve_document(document=draft, by=world.reviewer, checklist=ALL_CHECKS)
    services.extract_attachment_text(attachment_id=attachment.pk)
    assert Finding.objects.filter(attachment=attachment, status=FindingStatus.OPEN).exists()
