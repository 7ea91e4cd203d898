"""A consultation from comment to 采纳情况, in Chromium: a citizen on a phone, staff on a desktop.

The clock of the whole process (live server included) is moved with time-machine: the draft is
open from Monday 3 March 2025 to Wednesday 12 March; the feedback is published on the 13th.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from gongkai.orgs.models import Organization
from gongkai.participation.services import consultations
from tests.browser.support import fits_the_viewport, outside_requests, screenshot

pytestmark = pytest.mark.browser

TZ = ZoneInfo("Asia/Shanghai")
DRAFT = """第一条 为规范城关镇农贸市场摊位管理，制定本办法。
第二条 摊位每年公开抽签分配一次，抽签结果在镇政务公开栏和网站公示5个工作日。
第三条 摊位费按每月每平方米20元收取，享受最低生活保障的经营户减半。
第四条 本办法自2025年5月1日起施行。"""
COMMENT = "建议抽签时邀请村民代表到场监督。我的电话13812345678，欢迎回访。"


@pytest.fixture
def open_draft(live_world, time_machine):
    time_machine.move_to(datetime(2025, 3, 3, 9, 0, tzinfo=TZ), tick=True)
    editor = get_user_model().objects.get(username="cgz_editor")
    consultation = consultations.create_consultation(
        organization=Organization.objects.get(code="QH01T01"),
        by=editor,
        kind="normative_document",
        title="城关镇农贸市场摊位管理办法（征求意见稿）",
        draft_text=DRAFT,
        drafting_notes="群众反映摊位分配不透明，镇政府起草了本办法。",
        contact="城关镇政府办公室 0991-6621001",
    )
    return consultations.publish_consultation(consultation=consultation, by=editor)


def _staff_page(browser, live_world):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="zh-CN", base_url=live_world.url
    )
    page = context.new_page()
    page.goto("/workspace/login/")
    page.get_by_label("用户名").fill("cgz_editor")
    page.get_by_label("密码").fill("gongkai-demo")
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(live_world.url + "/workspace/")
    return page


def test_citizen_comments_on_paragraph_two_staff_approve_and_publish_the_feedback(
    live_world, open_draft, time_machine, browser, phone
):
    public_path = f"/hudong/yjzj/{open_draft.pk}/"

    # A citizen finds the open draft on a phone and comments on paragraph 2.
    phone.goto("/hudong/yjzj/")
    phone.get_by_role("link", name=open_draft.title).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(open_draft.title)
    expect(phone.locator("#p2")).to_contain_text("第二条 摊位每年公开抽签分配一次")
    assert fits_the_viewport(phone)
    screenshot(phone, "consultation-1-open-draft")

    phone.get_by_role("link", name="对第2段提意见").click()
    expect(phone.get_by_label("意见针对")).to_have_value("2")
    phone.get_by_label("您的意见").fill(COMMENT)
    screenshot(phone, "consultation-2-comment-form")
    phone.get_by_role("button", name="提交意见").click()
    expect(phone.get_by_role("status")).to_contain_text("您的意见已提交")
    expect(phone.locator("#p2")).not_to_contain_text("建议抽签时邀请村民代表")
    assert fits_the_viewport(phone)
    screenshot(phone, "consultation-3-comment-sent")

    # Staff approve it; the public row shows the masked text.
    staff = _staff_page(browser, live_world)
    staff.goto(f"/workspace/participation/consultations/{open_draft.pk}/")
    row = staff.locator("tr", has_text="138****5678")
    expect(row).to_contain_text("待审核")
    expect(row).to_contain_text("第2段")
    row.get_by_role("button", name="通过").click()
    expect(staff.get_by_text("第1号意见已公开。")).to_be_visible()
    row = staff.locator("tr", has_text="138****5678")
    expect(row).to_contain_text("已公开")
    expect(staff.get_by_text("还有1条意见未审核")).to_have_count(0)
    screenshot(staff, "consultation-4-staff-approved")

    phone.goto(public_path)
    comments = phone.locator("#p2 details")
    comments.get_by_text("本段公开意见（1）").click()
    expect(comments).to_contain_text("我的电话138****5678")
    assert "13812345678" not in phone.content()
    assert fits_the_viewport(phone)
    screenshot(phone, "consultation-5-approved-comment")

    # After the end date: the form is gone, and the organization publishes the 采纳情况.
    time_machine.move_to(datetime(2025, 3, 13, 9, 30, tzinfo=TZ), tick=True)
    phone.goto(public_path)
    expect(phone.get_by_role("status")).to_contain_text(
        "本次意见征集已于2025年3月12日截止，不再接受意见。"
    )
    expect(phone.get_by_label("您的意见")).to_have_count(0)

    staff.goto(f"/workspace/participation/consultations/{open_draft.pk}/")
    expect(staff.get_by_text("尚未填写意见采纳情况")).to_be_visible()
    row = staff.locator("tr", has_text="138****5678")
    row.get_by_label("采纳情况").select_option("adopted")
    row.get_by_role("button", name="记录采纳情况").click()
    expect(staff.get_by_text("第1号意见的采纳情况已记录。")).to_be_visible()
    expect(staff.locator("tr.comment-approved td").nth(4)).to_have_text("采纳")
    expect(staff.get_by_text("第1号意见尚未作出采纳决定")).to_have_count(0)
    staff.get_by_label("意见采纳情况总体说明").fill(
        "征求意见期间共收到意见1条，已采纳：抽签时邀请村民代表到场监督。感谢社会各界的参与。"
    )
    staff.get_by_role("button", name="保存采纳情况").click()
    expect(staff.get_by_text("采纳情况已保存")).to_be_visible()
    staff.get_by_role("button", name="发布采纳情况并办结").click()
    expect(staff.get_by_text("意见采纳情况已向社会公布，意见征集办结。")).to_be_visible()
    screenshot(staff, "consultation-6-staff-closed")

    phone.goto(public_path)
    feedback = phone.get_by_role("region", name="意见采纳情况")
    expect(feedback).to_contain_text("共收到意见 1 条")
    expect(feedback).to_contain_text("采纳 1 条")
    expect(feedback).to_contain_text("抽签时邀请村民代表到场监督")
    expect(feedback.get_by_role("listitem")).to_contain_text("第1号意见 · 针对第2段 · 采纳")
    expect(feedback).to_contain_text("138****5678")
    assert fits_the_viewport(phone)
    screenshot(phone, "consultation-7-feedback-published")

    phone.goto("/hudong/yjzj/?zt=closed")
    expect(phone.get_by_role("link", name=open_draft.title)).to_be_visible()
    assert outside_requests(phone, live_world.url) == []
