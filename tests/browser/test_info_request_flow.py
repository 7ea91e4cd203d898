"""依申请公开 end to end: a citizen applies on a phone, a handler asks for 补正, the citizen
corrects, the handler replies 部分公开 with a generated 答复书, the citizen downloads it."""

import re
import shutil
import subprocess
from io import BytesIO

import pytest
from docx import Document
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.support import SCREENSHOTS, fits_the_viewport, outside_requests, screenshot

pytestmark = pytest.mark.browser

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture
def handler(browser, live_world):
    """cgz_editor, 城关镇's 信息员, logged in on a desktop-sized page."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="zh-CN", base_url=live_world.url
    )
    page = context.new_page()
    page.goto("/workspace/login/")
    page.get_by_label("用户名").fill("cgz_editor")
    page.get_by_label("密码").fill("gongkai-demo")
    page.get_by_role("button", name="登录").click()
    yield page
    context.close()


def _apply_on_the_phone(phone) -> tuple[str, str]:
    phone.goto("/ysq/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("政府信息公开申请")
    phone.get_by_role("link", name=re.compile(r"^在线申请\s*（东川县城关镇人民政府）$")).click()
    phone.get_by_label("姓名或名称（必填）").fill("欧阳明月")
    phone.get_by_label("联系电话").fill("13912345678")
    phone.get_by_label("所需信息的内容描述（必填）").fill("低保资金发放情况")
    assert fits_the_viewport(phone)
    screenshot(phone, "ysq-1-apply")
    phone.get_by_role("button", name="提交申请").click()
    expect(phone.get_by_text("申请已提交。")).to_be_visible()
    number = phone.locator(".ysq-number").inner_text()
    link = phone.get_by_label("本页链接").input_value()
    assert link.startswith(phone.url.split("?")[0][: len(link)])
    assert "/ysq/t/" in link
    assert fits_the_viewport(phone)
    screenshot(phone, "ysq-2-tracking-page")
    return number, link


def _open_in_workspace(handler, number: str) -> None:
    handler.goto("/workspace/requests/")
    handler.get_by_role("link", name=number).click()
    expect(handler.get_by_role("heading", level=1)).to_contain_text(number)


def test_citizen_applies_corrects_and_downloads_the_reply(
    phone, handler, live_world, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    number, link = _apply_on_the_phone(phone)

    _open_in_workspace(handler, number)
    expect(handler.get_by_text("欧阳明月")).to_be_visible()
    handler.get_by_text("告知补正（第三十条").click()
    handler.get_by_label("需补正的事项").fill("请写明所需信息的年度和救助项目。")
    handler.get_by_role("button", name="告知申请人补正").click()
    expect(handler.get_by_text("已告知申请人补正，答复期限暂停计算。")).to_be_visible()
    screenshot(handler, "ysq-3-handler-asks-correction")

    phone.goto(link)
    expect(phone.get_by_role("heading", name="请补正申请")).to_be_visible()
    expect(phone.get_by_text("请写明所需信息的年度和救助项目。", exact=True)).to_be_visible()
    phone.get_by_label("补正后的所需信息内容描述").fill("2025年度城关镇最低生活保障资金发放汇总表")
    assert fits_the_viewport(phone)
    screenshot(phone, "ysq-4-citizen-corrects")
    phone.get_by_role("button", name="提交补正").click()
    expect(phone.get_by_text("答复期限重新计算至")).to_be_visible()

    handler.reload()
    expect(handler.get_by_text("2025年度城关镇最低生活保障资金发放汇总表").first).to_be_visible()
    handler.locator("input[type=file]").set_input_files(
        {"name": "低保资金汇总表（已区分处理）.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    handler.get_by_role("button", name="上传").click()
    expect(handler.get_by_text("已上传。")).to_be_visible()
    handler.get_by_label("办理结果").select_option("partial")
    handler.get_by_label("答复意见").fill(
        "汇总表中的个人身份证号码和银行账号属于个人隐私，已作区分处理。"
    )
    handler.get_by_role("button", name="作出答复并生成答复书").click()
    expect(handler.get_by_text("已作出答复，答复书已生成。")).to_be_visible()
    expect(handler.get_by_text("《中华人民共和国政府信息公开条例》第三十七条")).to_be_visible()
    screenshot(handler, "ysq-5-handler-replied")

    phone.goto(link)
    expect(phone.get_by_text("办理结果：部分公开")).to_be_visible()
    assert fits_the_viewport(phone)
    screenshot(phone, "ysq-6-citizen-sees-reply")
    with phone.expect_download() as download_info:
        phone.get_by_role("link", name="下载答复书（Word 文档）").click()
    download = download_info.value
    assert download.suggested_filename == f"{number}-答复书.docx"
    SCREENSHOTS.mkdir(exist_ok=True)
    letter_path = SCREENSHOTS / "ysq-reply-letter.docx"
    download.save_as(letter_path)
    with phone.expect_download() as file_info:
        phone.get_by_role("link", name="下载：低保资金汇总表（已区分处理）.pdf").click()
    assert file_info.value.suggested_filename == "低保资金汇总表（已区分处理）.pdf"
    assert outside_requests(phone, live_world.url) == []

    text = [p.text for p in Document(BytesIO(letter_path.read_bytes())).paragraphs]
    assert text[:3] == ["东川县城关镇人民政府", "政府信息公开申请答复书", number]
    assert "欧阳明月：" in text
    body = "\n".join(text)
    assert "申请获取“低保资金发放情况”" in body
    assert "补正后申请获取“2025年度城关镇最低生活保障资金发放汇总表”" in body
    assert "根据《中华人民共和国政府信息公开条例》第三十七条的规定" in body
    assert "个人身份证号码和银行账号属于个人隐私，已作区分处理。" in body
    assert "附件：1. 低保资金汇总表（已区分处理）.pdf" in text
    _render_letter(letter_path)


def _render_letter(letter_path) -> None:
    """The letter as LibreOffice prints it, kept next to the screenshots for a human to look at."""
    if not shutil.which("libreoffice") or not shutil.which("pdftoppm"):
        return
    profile = letter_path.parent / "lo-profile"
    subprocess.run(
        ["libreoffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(letter_path.parent), str(letter_path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    shutil.rmtree(profile, ignore_errors=True)
    pdf = letter_path.with_suffix(".pdf")
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert "政府信息公开申请答复书" in pages[0]
    assert "行政复议" in "".join(pages)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf), str(letter_path.with_suffix(""))],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip


def _serious_violations(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_public_request_pages_have_no_serious_axe_violations(phone, live_world, axe_source):
    found = {}
    for name, path in {
        "index": "/ysq/",
        "apply": "/ysq/QH01T01/apply/",
        "stats": "/ysq/QH01T01/stats/2025/",
    }.items():
        phone.goto(path)
        assert fits_the_viewport(phone), name
        found[name] = _serious_violations(phone, axe_source)
    phone.goto("/ysq/QH01T01/apply/")
    phone.get_by_role("button", name="提交申请").click()
    expect(phone.get_by_text("申请尚未提交，请检查以下内容：")).to_be_visible()
    found["apply-errors"] = _serious_violations(phone, axe_source)
    screenshot(phone, "ysq-7-apply-errors")
    assert {k: v for k, v in found.items() if v} == {}
