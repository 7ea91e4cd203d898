"""Staff pages of the annual report for every persona, the neighbouring township's editor included."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from gongkai.reports import services
from gongkai.reports.models import AnnualReport, ReviewCase, Status


def url(name, org, *args):
    return reverse(f"reports:{name}", args=[org.code, *args])


def test_anonymous_visitors_are_sent_to_login(client, world, draft):
    for path in (
        reverse("reports:index"),
        url("detail", world.township, 2023),
        url("docx", world.township, 2023),
    ):
        response = client.get(path)
        assert response.status_code == 302
        assert reverse("workspace:login") in response["Location"]


def test_editor_sees_the_draft_with_its_tables_and_checks(client, world, draft):
    client.force_login(world.editor)
    response = client.get(url("detail", world.township, 2023))
    page = response.content.decode()
    assert response.status_code == 200
    assert "东川县城关镇人民政府2023年政府信息公开工作年度报告" in page
    assert "勾稽关系和各项合计均已核对无误" in page
    assert 'data-row="行政许可" data-column="本年处理决定数量">4</td>' in page
    assert 'rowspan="22">三、本年度办理结果</th>' in page
    assert "保存填报数据" in page
    assert ">公布</button>" not in page  # editors do not publish


def test_neighbouring_editor_is_refused_everywhere(client, world, draft):
    client.force_login(world.neighbour_editor)
    for path in (
        url("organization", world.township),
        url("detail", world.township, 2023),
        url("texts", world.township, 2023),
        url("docx", world.township, 2023),
    ):
        assert client.get(path).status_code == 403
    for name in ("figures", "publish", "add_case"):
        assert client.post(url(name, world.township, 2023), {"licensing": 99}).status_code == 403
    assert client.post(url("open", world.township), {"year": 2022}).status_code == 403
    draft.refresh_from_db()
    assert draft.licensing_decisions == 4
    assert not AnnualReport.objects.filter(organization=world.township, year=2022).exists()


def test_supervisor_reads_but_does_not_edit(client, world, draft):
    client.force_login(world.supervisor)
    response = client.get(url("detail", world.township, 2023))
    assert response.status_code == 200
    assert "保存填报数据" not in response.content.decode()
    assert client.post(url("figures", world.township, 2023), {"licensing": 1}).status_code == 403


def test_editor_opens_a_year_and_is_taken_to_it(client, world):
    client.force_login(world.editor)
    response = client.post(url("open", world.township), {"year": 2022})
    assert response.status_code == 302
    assert response["Location"] == url("detail", world.township, 2022)
    assert AnnualReport.objects.filter(organization=world.township, year=2022).exists()
    assert "尚未开始编制" in client.get(url("detail", world.township, 2021)).content.decode()


def test_texts_page_saves_sections(client, world, draft):
    client.force_login(world.editor)
    response = client.post(
        url("texts", world.township, 2023),
        {"overview": "总体情况正文", "problems": "问题正文", "other_matters": "无"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.overview, draft.problems) == ("总体情况正文", "问题正文")


def test_figures_form_shows_errors_with_status_200(client, world, draft):
    client.force_login(world.editor)
    response = client.post(
        url("figures", world.township, 2023),
        {"licensing": "-1", "penalty": "0", "coercion": "0", "fees": "x"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "收费金额“x”不是数字" in page
    draft.refresh_from_db()
    assert draft.licensing_decisions == 4


def test_figures_form_saves(client, world, draft):
    client.force_login(world.editor)
    response = client.post(
        url("figures", world.township, 2023),
        {"licensing": "7", "penalty": "1", "coercion": "2", "fees": "０.５"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.licensing_decisions, draft.coercion_decisions, draft.fees) == (
        7,
        2,
        Decimal("0.5"),
    )


def test_excel_import_page(client, world, draft):
    workbook = Workbook()
    for row in (
        ["项目", "数值"],
        ["行政许可", 12],
        ["行政处罚", 3],
        ["行政强制", 0],
        ["行政事业性收费", "2.75"],
    ):
        workbook.active.append(row)
    data = BytesIO()
    workbook.save(data)
    data.seek(0)
    data.name = "填报.xlsx"
    client.force_login(world.editor)
    response = client.post(url("import_figures", world.township, 2023), {"file": data})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.licensing_decisions, draft.penalty_decisions, draft.fees) == (
        12,
        3,
        Decimal("2.75"),
    )
    bad = BytesIO(b"not a workbook")
    bad.name = "x.xlsx"
    response = client.post(url("import_figures", world.township, 2023), {"file": bad})
    assert response.status_code == 200
    assert "无法读取该文件，请上传 Excel（.xlsx）文件" in response.content.decode()


def test_case_form_records_and_removes(client, world, draft):
    client.force_login(world.editor)
    response = client.post(
        url("add_case", world.township, 2023),
        {
            "kind": "review",
            "result": "upheld",
            "filed_on": "2023-04-01",
            "concluded_on": "2023-06-01",
            "case_number": "东政复〔2023〕1号",
            "note": "对答复不服",
        },
    )
    assert response.status_code == 302
    case = ReviewCase.objects.get()
    page = client.get(url("detail", world.township, 2023)).content.decode()
    assert "东政复〔2023〕1号" in page
    assert 'data-row="行政复议" data-column="结果维持">1</td>' in page
    response = client.post(
        url("add_case", world.township, 2023),
        {"kind": "review", "result": "upheld", "filed_on": "2023-04-01"},
    )
    assert response.status_code == 200
    assert "已有结果的案件请填写审结日期" in response.content.decode()
    assert client.post(url("remove_case", world.township, 2023, case.pk)).status_code == 302
    assert not ReviewCase.objects.exists()


def test_reviewer_publishes_and_withdraws(client, world, draft):
    client.force_login(world.reviewer)
    page = client.get(url("detail", world.township, 2023)).content.decode()
    assert ">公布</button>" in page
    response = client.post(url("publish", world.township, 2023), follow=True)
    assert "年度报告已公布" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    response = client.post(url("withdraw", world.township, 2023), {"reason": ""}, follow=True)
    assert "撤回必须填写原因" in response.content.decode()
    client.post(url("withdraw", world.township, 2023), {"reason": "数据有误"})
    draft.refresh_from_db()
    assert (draft.status, draft.withdrawal_reason) == (Status.DRAFT, "数据有误")


def test_publish_refusal_is_shown(client, world):
    report = services.open_report(organization=world.township, year=2022, by=world.editor)
    client.force_login(world.reviewer)
    response = client.post(url("publish", world.township, 2022), follow=True)
    assert "“五、存在的主要问题及改进情况”尚未填写" in response.content.decode()
    report.refresh_from_db()
    assert report.status == Status.DRAFT


def test_docx_download(client, world, draft):
    client.force_login(world.editor)
    response = client.get(url("docx", world.township, 2023))
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert response.content[:2] == b"PK"
    assert "filename*=UTF-8''" in response["Content-Disposition"]


def test_index_lists_own_reports_and_supervised_regions(client, world, draft):
    client.force_login(world.editor)
    page = client.get(reverse("reports:index")).content.decode()
    assert "东川县城关镇人民政府" in page
    assert "2023年" in page
    assert "辖区汇总" not in page
    client.force_login(world.supervisor)
    page = client.get(reverse("reports:index")).content.decode()
    last_year = timezone.localdate().year - 1
    assert reverse("reports:region", args=[world.county.code, last_year]) in page


@pytest.mark.parametrize("persona", ["editor", "neighbour_editor", "department_editor"])
def test_region_summary_is_for_supervisors_only(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get(reverse("reports:region", args=[world.county.code, 2025])).status_code == 403


def test_county_supervisor_cannot_see_the_other_county_summary(client, world):
    client.force_login(world.supervisor)
    assert (
        client.get(reverse("reports:region", args=[world.other_county.code, 2025])).status_code
        == 403
    )
    assert client.get(reverse("reports:region", args=[world.county.code, 2025])).status_code == 200
