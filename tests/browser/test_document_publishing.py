"""An editor drafts a 低保 公示 with unmasked ID numbers; publishing is blocked until the reviewer
masks them with one action; the public page then shows masked data only."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.browser.support import fits_the_viewport, screenshot
from tests.documents.conftest import DIBAO_TEXT, ID_A, ID_B
from tests.documents.samples import xlsx_bytes

pytestmark = pytest.mark.browser
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "locale": "zh-CN"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TITLE = "城关镇拟新增最低生活保障对象公示"


@pytest.fixture
def staff(browser, live_world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    contexts = []

    def open_as(username: str):
        context = browser.new_context(**DESKTOP, base_url=live_world.url)
        contexts.append(context)
        page = context.new_page()
        page.goto("/workspace/login/")
        page.get_by_label("用户名").fill(username)
        page.get_by_label("密码").fill("gongkai-demo")
        page.get_by_role("button", name="登录").click()
        expect(page.get_by_role("button", name=f"退出（{username}）")).to_be_visible()
        return page

    yield open_as
    for context in contexts:
        context.close()


def test_dibao_announcement_is_masked_before_it_reaches_the_public(staff, phone):
    editor = staff("cgz_editor")
    editor.goto("/workspace/documents/org/QH01T01/new/")
    editor.get_by_label(re.compile(r"^标题[：:]?$")).fill(TITLE)
    editor.get_by_label("主题分类").select_option(label="民政、扶贫、救灾")
    editor.get_by_label("体裁").select_option(label="公示公告")
    editor.get_by_label("成文日期").fill(f"{timezone.localdate() - timedelta(days=2):%Y-%m-%d}")
    editor.get_by_label("目录事项").select_option(label="最低生活保障 · 审核信息")
    editor.get_by_label(re.compile(r"^正文[：:]?$")).fill(DIBAO_TEXT)
    editor.get_by_role("button", name="保存草稿").click()
    expect(editor.get_by_text("草稿已保存")).to_be_visible()
    editor.get_by_label("选择文件").set_input_files(
        {"name": "拟新增低保对象名单.xlsx", "mimeType": XLSX, "buffer": xlsx_bytes()}
    )
    editor.get_by_role("button", name="上传").click()
    expect(editor.get_by_text("已上传附件《拟新增低保对象名单.xlsx》")).to_be_visible()
    screenshot(editor, "documents-1-draft")

    editor.get_by_role("button", name="送审").click()
    expect(editor.get_by_text("已送审，但发布前须处理")).to_be_visible()
    expect(editor.locator(".pii-gate")).to_contain_text("个人信息未处理")
    findings = editor.get_by_role("table").filter(has_text="脱敏后")
    expect(findings).to_contain_text("530123********1239")
    expect(findings).not_to_contain_text(ID_A)
    screenshot(editor, "documents-2-submitted-with-findings")
    document_url = editor.url

    reviewer = staff("cgz_reviewer")
    reviewer.goto(document_url)
    for label in (
        "不涉及国家秘密",
        "不涉及工作秘密",
        "不涉及商业秘密",
        "个人信息已去标识化",
        "公开属性已确认",
    ):
        reviewer.get_by_label(label).check()
    reviewer.get_by_role("button", name="审核通过").click()
    expect(reviewer.get_by_role("alert").filter(has_text="不能审核通过")).to_contain_text(
        "个人信息未处理"
    )
    expect(reviewer.get_by_role("button", name="立即发布")).to_have_count(0)
    screenshot(reviewer, "documents-3-publishing-blocked")

    reviewer.get_by_role("button", name="一键去标识化").click()
    expect(reviewer.get_by_text("个人信息去标识化，原件已留存备查")).to_be_visible()
    expect(reviewer.locator(".pii-gate")).to_have_count(0)
    screenshot(reviewer, "documents-4-masked")

    for label in (
        "不涉及国家秘密",
        "不涉及工作秘密",
        "不涉及商业秘密",
        "个人信息已去标识化",
        "公开属性已确认",
    ):
        reviewer.get_by_label(label).check()
    reviewer.get_by_role("button", name="审核通过").click()
    expect(reviewer.get_by_text("审核通过，可以发布。")).to_be_visible()
    reviewer.get_by_role("button", name="立即发布").click()
    expect(reviewer.get_by_text("已发布，公众门户已可查看。")).to_be_visible()
    public_url = reviewer.get_by_role("link", name="查看公开页面").get_attribute("href")

    phone.goto(public_url)
    expect(phone.get_by_role("heading", level=1)).to_have_text(TITLE)
    for label in (
        "索引号",
        "发布机构",
        "成文日期",
        "发布日期",
        "文号",
        "主题分类",
        "体裁",
        "有效性",
        "公开属性",
    ):
        expect(phone.get_by_role("rowheader", name=label, exact=True)).to_be_visible()
    body = phone.locator(".doc-body")
    expect(body).to_contain_text("530123********1239")
    expect(body).to_contain_text("张**")
    html = phone.content()
    for secret in (ID_A, ID_B, "张三丰"):
        assert secret not in html
    assert fits_the_viewport(phone)
    screenshot(phone, "documents-5-public-page")

    link = phone.get_by_role("link", name="拟新增低保对象名单.xlsx")
    download = phone.request.get(link.get_attribute("href"))
    rows = [
        [c.value for c in row]
        for row in load_workbook(io.BytesIO(download.body())).active.iter_rows()
    ]
    assert rows[1][1:4] == ["张**", "530123********1239", "138****5678"]
    assert ID_A not in str(rows)
    assert ID_B not in str(rows)
