"""The 答复书: one template per result type, citing its articles, read back with python-docx."""

from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from gongkai.info_requests import services
from gongkai.info_requests.letter_templates import TEMPLATES
from gongkai.info_requests.models import InfoRequest
from gongkai.rules.request_results import RESULT_TYPES, default_basis
from tests.info_requests.conftest import APPLICANT_NAME, register

PDF = b"%PDF-1.4\n%%EOF\n"


def _text(info_request: InfoRequest) -> list[str]:
    with info_request.letter.open("rb") as handle:
        return [p.text for p in Document(BytesIO(handle.read())).paragraphs]


def test_every_result_type_has_a_template():
    assert set(TEMPLATES) == {r.key for r in RESULT_TYPES}


@pytest.mark.parametrize("result", [r for r in RESULT_TYPES if r.key != "other_no_correction"],
                         ids=lambda r: r.key)  # fmt: skip
def test_letter_for_each_result_cites_its_articles(world, result):
    r = register(world, received=date(2025, 5, 12)).request
    if result.key == "unable_unclear":
        services.request_correction(
            info_request=r, by=world.editor, items="请写明年度", requested_on=date(2025, 5, 13)
        )
        services.record_correction(
            info_request=r, by=world.editor, description="某年度", received_on=date(2025, 5, 14)
        )
    services.decide(
        info_request=r,
        by=world.editor,
        result=result.key,
        reply_text="具体理由。",
        basis="" if default_basis(result.key) else "《中华人民共和国政府信息公开条例》第三十九条",
        replied_on=date(2025, 6, 5),
    )
    text = _text(InfoRequest.objects.get(pk=r.pk))
    body = "\n".join(text)
    assert text[:3] == ["东川县城关镇人民政府", "政府信息公开申请答复书", r.number]
    assert text[4] == f"{APPLICANT_NAME}："
    assert "本机关于2025年5月12日收到您提出的政府信息公开申请" in body
    assert (default_basis(result.key) or "第三十九条") in body
    assert "具体理由。" in body
    assert "可以自收到本答复之日起60日内依法申请行政复议" in body
    assert "6个月内依法向人民法院提起行政诉讼" in body
    assert text[-4:] == ["东川县城关镇人民政府", "2025年6月5日", "", "（联系电话：0991-6612001）"]


def test_partial_letter_lists_the_information_provided_and_the_events(world):
    r = register(world, received=date(2025, 5, 12), applicant_type="legal_service",
                 applicant_name="青禾正平律师事务所").request  # fmt: skip
    consultation = services.start_consultation(
        info_request=r, by=world.editor, third_party="某公司", sent_on=date(2025, 5, 14)
    )
    services.record_consultation_answer(
        consultation=consultation, by=world.editor, answered_on=date(2025, 5, 20),
        opinion="disagree",
    )  # fmt: skip
    services.approve_extension(
        info_request=r, by=world.reviewer, reason="需调取档案", approved_on=date(2025, 6, 9)
    )
    for name in ("低保资金汇总表.pdf", "发放明细（已区分处理）.pdf"):
        services.attach_file(info_request=r, by=world.editor, upload=SimpleUploadedFile(name, PDF))
    services.decide(
        info_request=r,
        by=world.editor,
        result="partial",
        reply_text="明细表中的身份证号码属于个人隐私，已作区分处理。",
        replied_on=date(2025, 6, 20),
    )
    text = _text(InfoRequest.objects.get(pk=r.pk))
    body = "\n".join(text)
    assert "青禾正平律师事务所：" in text
    assert "本机关于2025年5月12日收到您单位提出的政府信息公开申请" in body
    assert "于2025年5月14日书面征求了第三方意见" in body
    assert "答复期限延长20个工作日，并已告知您单位" in body
    assert (
        "您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据《中华人民共和国政府信息公开条例》"
        "第三十七条的规定，本机关向您提供可以公开的部分；对不予公开的部分，理由如下：明细表中的身份证号码属于个人隐私，"
        "已作区分处理。"
    ) in text
    assert "附件：1. 低保资金汇总表.pdf" in text
    assert "　　　2. 发放明细（已区分处理）.pdf" in text
    assert "（联系电话：0991-6612001）" in text


def test_referral_names_the_competent_body(world, township_request):
    services.decide(
        info_request=township_request.request,
        by=world.editor,
        result="unable_not_held",
        reply_text="",
        referred_to="东川县自然资源局，电话0991-6611004",
        replied_on=date(2025, 5, 20),
    )
    body = "\n".join(_text(InfoRequest.objects.get(pk=township_request.request.pk)))
    assert "负责公开该信息的机关为东川县自然资源局，电话0991-6611004，您可以向其提出申请" in body
    assert "第三十六条第（五）项" in body


def test_letter_uses_the_official_document_layout(world, township_request):
    services.decide(
        info_request=township_request.request, by=world.editor, result="granted",
        reply_text="见附件", replied_on=date(2025, 5, 20),
    )  # fmt: skip
    stored = InfoRequest.objects.get(pk=township_request.request.pk)
    with stored.letter.open("rb") as handle:
        doc = Document(BytesIO(handle.read()))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 37
    assert round(section.left_margin.mm) == 28
    title = doc.paragraphs[1].runs[0]
    assert title.font.size.pt == 22
    assert (
        title._element.rPr.rFonts.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
        )
        == "方正小标宋简体"
    )
    assert doc.paragraphs[5].runs[0].font.size.pt == 16
