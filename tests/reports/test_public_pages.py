"""The portal's /nianbao/ pages: published reports only, as HTML, JSON and Word."""

import json
from io import BytesIO

from django.urls import reverse

from gongkai.reports import services
from gongkai.reports.readers import docx_text
from gongkai.rules.annual_report_text import parse_report_text


def test_a_draft_is_not_public(client, world, draft):
    assert client.get(f"/nianbao/{world.township.code}/2023/").status_code == 404
    assert client.get(f"/nianbao/{world.township.code}/2023.json").status_code == 404
    assert client.get(f"/nianbao/{world.township.code}/2023.docx").status_code == 404
    page = client.get(f"/nianbao/{world.township.code}/").content.decode()
    assert "尚未在本平台公布年度报告" in page


def test_unknown_organization(client, world):
    assert client.get("/nianbao/NOSUCH/").status_code == 404


def test_published_report_page_list_json_and_word(client, world, draft):
    report = services.publish_report(report=draft, by=world.reviewer)
    assert report.get_absolute_url() == f"/nianbao/{world.township.code}/2023/"

    listing = client.get(
        reverse("reports_public:list", args=[world.township.code])
    ).content.decode()
    assert f'href="/nianbao/{world.township.code}/2023/"' in listing

    response = client.get(report.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>东川县城关镇人民政府2023年政府信息公开工作年度报告</h1>" in page
    assert "本报告中所列数据统计期限为2023年1月1日至12月31日。" in page
    assert 'data-row="行政事业性收费" data-column="本年收费金额（单位：万元）">1.5</td>' in page
    assert "2023年，城关镇坚持以公开为常态。" in page

    data = json.loads(client.get(f"/nianbao/{world.township.code}/2023.json").content)
    assert data["organization"] == {"code": world.township.code, "name": "东川县城关镇人民政府"}
    assert data["format"] == "国办公开办函〔2021〕30号"
    assert data["sections"]["二"]["tables"]["第二十条第（八）项"] == {"行政事业性收费": "1.5"}
    assert data["sections"]["三"]["table"]["（七）总计"]["总计"] == 0
    cells = {(c["section"], c["row"], c["column"]): c["value"] for c in data["cells"]}
    assert len(cells) == 10 + 25 * 7 + 15
    assert cells[("二", "行政许可", "本年处理决定数量")] == 4
    assert cells[("二", "行政事业性收费", "本年收费金额（单位：万元）")] == "1.5"
    assert cells[("四", "行政复议", "总计")] == 0

    response = client.get(f"/nianbao/{world.township.code}/2023.docx")
    assert response.status_code == 200
    parsed = parse_report_text(docx_text(BytesIO(response.content)))
    assert parsed.figures.active.decisions == {"行政许可": 4, "行政处罚": 2, "行政强制": 0}


def test_no_personal_data_of_cases_on_the_public_page(client, world, draft):
    from datetime import date

    services.record_review_case(
        organization=world.township,
        by=world.editor,
        kind="review",
        result="pending",
        filed_on=date(2023, 3, 1),
        case_number="东政复〔2023〕9号",
    )
    services.publish_report(report=draft, by=world.reviewer)
    page = client.get(f"/nianbao/{world.township.code}/2023/").content.decode()
    assert "东政复〔2023〕9号" not in page  # only the counts are public
    assert 'data-row="行政复议" data-column="尚未审结">1</td>' in page


def test_care_mode_and_mobile_meta(client, world, draft):
    services.publish_report(report=draft, by=world.reviewer)
    client.cookies["care"] = "1"
    page = client.get(f"/nianbao/{world.township.code}/2023/").content.decode()
    assert '<body class="care' in page
    assert 'name="viewport"' in page


def test_index_lists_bodies_with_published_reports_in_two_queries(
    client, world, draft, django_assert_max_num_queries
):
    services.publish_report(report=draft, by=world.reviewer)
    with django_assert_max_num_queries(3):
        page = client.get("/nianbao/").content.decode()
    assert f'<a href="/nianbao/{world.township.code}/">东川县城关镇人民政府</a>' in page
    assert f'<a href="/nianbao/{world.township.code}/2023/">2023年</a>' in page
    assert "东川县河口镇人民政府" not in page
