"""Import in the workspace: upload → preview of every row → confirm saves all or nothing."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.catalog.models import Catalog, Domain
from gongkai.orgs.models import Membership, Role


def _table(rows):
    """A hand-made county table: title, two-row header, items (some quirks on purpose)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "目录"
    sheet.append(["某县公共文化服务领域基层政务公开标准目录"])
    sheet.append(
        [
            "序号",
            "公开事项",
            None,
            "公开内容（要素）",
            "公开依据",
            "公开时限",
            "公开主体",
            "公开渠道和载体",
            "公开对象",
            None,
            "公开方式",
            None,
            "公开层级",
            None,
        ]
    )
    sheet.append(
        [
            None,
            "一级事项",
            "二级事项",
            None,
            None,
            None,
            None,
            None,
            "全社会",
            "特定群体",
            "主动",
            "依申请",
            "县级",
            "乡级",
        ]
    )
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def yuntai(world):
    org = world.orgs["西岭县云台乡人民政府"]
    Membership.objects.create(user=world.neighbour_editor, organization=org, role=Role.EDITOR)
    return org, Domain.objects.get(code="public_culture")


GOOD_ROWS = [
    [
        1,
        "公共文化服务",
        "文化活动",
        "活动时间、地点",
        "《公共文化服务保障法》",
        "活动举办前5个工作日",
        "云台乡人民政府",
        "■政府网站 □政府公报 ■公开查阅点",
        "√",
        None,
        "√",
        None,
        None,
        "√",
    ],
    [
        2,
        "公共文化服务",
        "场馆开放",
        "开放时间",
        "同上",
        "实时",
        "同上",
        "■政府网站",
        "√",
        None,
        "√",
        None,
        None,
        "√",
    ],
]


def test_upload_shows_a_preview_and_saves_nothing_until_confirmed(client, world, yuntai):
    org, domain = yuntai
    client.force_login(world.neighbour_editor)
    url = reverse("workspace:catalog_import", args=[org.code, domain.code])
    upload = SimpleUploadedFile("文化目录.xlsx", _table(GOOD_ROWS))
    response = client.post(url, {"file": upload})
    assert response.status_code == 200
    body = response.content.decode()
    assert "识别 2 行" in body and "文化活动" in body and "场馆开放" in body
    assert not Catalog.objects.filter(organization=org, domain=domain).exists()
    token = response.context["token"]
    response = client.post(url, {"token": token})
    assert response.status_code == 302
    catalog = Catalog.objects.get(organization=org, domain=domain)
    items = {i.level2: i for i in catalog.items.all()}
    assert set(items) == {"文化活动", "场馆开放"}
    assert items["场馆开放"].basis == ["《公共文化服务保障法》"]  # 同上 = as the row above
    assert items["文化活动"].channels == ["政府网站", "公开查阅点"]


def test_another_account_cannot_confirm_someone_elses_preview(client, world, yuntai):
    org, domain = yuntai
    client.force_login(world.neighbour_editor)
    url = reverse("workspace:catalog_import", args=[org.code, domain.code])
    token = client.post(url, {"file": SimpleUploadedFile("a.xlsx", _table(GOOD_ROWS))}).context[
        "token"
    ]
    client.force_login(world.admin)
    response = client.post(url, {"token": token})
    assert "导入预览不属于当前用户" in response.content.decode()
    assert not Catalog.objects.filter(organization=org, domain=domain).exists()


def test_unreadable_file_gets_a_chinese_message_naming_it(client, world, yuntai, caplog):
    org, domain = yuntai
    client.force_login(world.neighbour_editor)
    url = reverse("workspace:catalog_import", args=[org.code, domain.code])
    response = client.post(
        url, {"file": SimpleUploadedFile("坏表格.xlsx", b"\xd0\xcf\x11\xe0" + b"0" * 600)}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "坏表格.xlsx" in body and 'role="alert"' in body
    assert "catalog import refused" in caplog.text
    assert not Catalog.objects.filter(organization=org, domain=domain).exists()


def test_neighbour_cannot_import_into_another_townships_catalog(client, world):
    client.force_login(world.neighbour_editor)
    url = reverse("workspace:catalog_import", args=[world.township.code, "social_assistance"])
    assert client.get(url).status_code == 403
    assert (
        client.post(url, {"file": SimpleUploadedFile("a.xlsx", _table(GOOD_ROWS))}).status_code
        == 403
    )
