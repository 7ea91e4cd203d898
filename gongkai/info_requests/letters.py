"""The reply letter (政府信息公开申请答复书) as a .docx, laid out after GB/T 9704 公文格式."""

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gongkai.info_requests.letter_templates import REFERRAL, TEMPLATES
from gongkai.info_requests.models import InfoRequest
from gongkai.rules.request_results import (
    LAWSUIT_MONTHS,
    REGULATION,
    REVIEW_DAYS,
    ApplicantType,
)

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
# GB/T 9704-2012: A4, 版心 156×225 mm, 3号仿宋 body, 2号小标宋 title, 22 lines of 28 characters.
TITLE_SIZE, BODY_SIZE, LINE = Pt(22), Pt(16), Pt(28.9)


def _cn(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _font(run, name: str, size) -> None:
    run.font.name = name
    run.font.size = size
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _paragraph(
    doc, text: str, *, indent=True, align=None, font=BODY_FONT, size=BODY_SIZE, bold=False
):
    paragraph = doc.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(32)
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(text)
    run.bold = bold
    _font(run, font, size)
    return paragraph


def _facts(info_request: InfoRequest) -> list[str]:
    you = "您单位" if ApplicantType(info_request.applicant_type).is_organization else "您"
    correction = getattr(info_request, "correction", None)
    description = correction.original_description if correction else info_request.description
    lines = [
        f"本机关于{_cn(info_request.received_on)}收到{you}提出的政府信息公开申请"
        f"（申请编号：{info_request.number}），申请获取“{description}”。"
    ]
    if correction and correction.received_on:
        lines.append(
            f"本机关于{_cn(correction.requested_on)}一次性告知补正，"
            f"于{_cn(correction.received_on)}收到补正后的申请，补正后申请获取“{correction.corrected_description}”。"
        )
    consultations = list(info_request.consultations.all())
    if consultations:
        first = min(c.sent_on for c in consultations)
        lines.append(
            f"因申请公开的信息可能损害第三方合法权益，本机关于{_cn(first)}书面征求了第三方意见，"
            f"征求意见所需时间不计算在答复期限内（{REGULATION}第三十二条、第三十三条第三款）。"
        )
    extension = getattr(info_request, "extension", None)
    if extension:
        lines.append(
            f"经本机关政府信息公开工作机构负责人同意，答复期限延长{extension.days}个工作日，"
            f"并已告知{you}（{REGULATION}第三十三条第二款）。"
        )
    return lines


def decision_text(info_request: InfoRequest) -> str:
    """The operative paragraph for the request's result, in the words of its template."""
    correction = getattr(info_request, "correction", None)
    referral = REFERRAL.format(body=info_request.referred_to) if info_request.referred_to else ""
    text = info_request.reply_text.strip()
    return TEMPLATES[info_request.result].format(
        basis=info_request.basis,
        text=text,
        referral=referral,
        correction_requested=_cn(correction.requested_on) if correction else "",
        correct_by=_cn(correction.correct_by) if correction else "",
    )


def build_reply_letter(info_request: InfoRequest, *, file_names: list[str]) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    org = info_request.organization
    for line in (org.name, "政府信息公开申请答复书"):
        _paragraph(
            doc,
            line,
            indent=False,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            font=TITLE_FONT,
            size=TITLE_SIZE,
        )
    _paragraph(doc, info_request.number, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(doc, "", indent=False)
    _paragraph(doc, f"{info_request.applicant_name}：", indent=False)
    for line in _facts(info_request):
        _paragraph(doc, line)
    _paragraph(doc, "经审查，现答复如下：")
    _paragraph(doc, decision_text(info_request))
    if file_names:
        _paragraph(doc, "本机关提供的政府信息见附件。")
    you = "您单位" if ApplicantType(info_request.applicant_type).is_organization else "您"
    _paragraph(
        doc,
        f"如{you}对本答复不服，可以自收到本答复之日起{REVIEW_DAYS}日内依法申请行政复议，"
        f"或者自收到本答复之日起{LAWSUIT_MONTHS}个月内依法向人民法院提起行政诉讼。",
    )
    if file_names:
        _paragraph(doc, "")
        for index, name in enumerate(file_names, start=1):
            prefix = "附件：" if index == 1 else "　　　"
            _paragraph(doc, f"{prefix}{index}. {name}", indent=False)
    _paragraph(doc, "")
    _paragraph(doc, org.name, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph(doc, _cn(info_request.replied_on), indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    if org.phone:
        _paragraph(doc, "")
        _paragraph(doc, f"（联系电话：{org.phone}）", indent=False)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
