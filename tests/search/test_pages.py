import json

import pytest
from django.core.management import call_command

from gongkai.documents.models import Document


def test_search_page_empty_form(client, backend_name):
    response = client.get("/search/")
    assert response.status_code == 200
    assert response["Vary"] == "HX-Request"
    html = response.content.decode()
    assert 'name="q"' in html
    assert "共找到" not in html


def test_search_page_results_and_links(client, backend_name):
    response = client.get("/search/", {"q": "低保"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "共找到" in html
    assert "<mark>" in html
    assert "/docs/" in html
    assert "<html" in html


def test_htmx_partial(client, backend_name):
    response = client.get("/search/", {"q": "低保"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "共找到" in html


def test_no_result_shows_suggestion(client, backend_name):
    html = client.get("/search/", {"q": "最低生活保障 火星基地"}).content.decode()
    assert "没有找到" in html
    assert "您是不是要找" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "<script>alert(1)</script>"},
        {"q": "低" * 2000},
        {"q": "低保", "page": "abc", "org": "x", "year": "-1", "genre": "nope", "sort": "drop"},
        {"q": "低保", "page": "999999"},
        {"q": "' OR 1=1 --"},
    ],
)
def test_bad_input_pages(client, backend_name, params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_json_api(client, backend_name):
    response = client.get("/search/api/", {"q": "特困人员救助供养", "sort": "date"})
    data = json.loads(response.content)
    assert response.status_code == 200
    assert data["total"] == len(data["hits"]) or data["total"] > 20
    assert data["hits"][0]["url"].startswith("/docs/")
    assert set(data["facets"]) == {"domain", "organization", "year"}


def test_api_never_shows_unpublished(client, backend_name):
    from gongkai.documents.choices import Status

    hidden = Document.objects.exclude(status=Status.PUBLISHED).exclude(title="").first()
    data = json.loads(client.get("/search/api/", {"q": hidden.title}).content)
    assert hidden.pk not in [h["id"] for h in data["hits"]]


def test_post_not_allowed(client, backend_name):
    assert client.post("/search/api/", {"q": "低保"}).status_code == 405


def test_missing_index_falls_back_to_database(
    settings, tmp_path, search_index, db, caplog, monkeypatch
):
    from gongkai.search import service

    settings.GONGKAI_SEARCH_BACKEND = "embedded"
    settings.DATA_DIR = tmp_path
    enqueued = []
    monkeypatch.setattr(service, "_schedule_rebuild", lambda: enqueued.append(True))
    monkeypatch.setitem(service._rebuild_requested, "pending", False)
    results = service.search("低保")
    assert results.backend == "database"
    assert results.total > 0
    service.search("低保")
    assert enqueued == [True]
    assert "searching the database meanwhile" in caplog.text


def test_corrupt_index_falls_back_to_database(settings, tmp_path, search_index, db, monkeypatch):
    from gongkai.search import service

    settings.GONGKAI_SEARCH_BACKEND = "embedded"
    settings.DATA_DIR = tmp_path
    folder = tmp_path / "search" / "tantivy"
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text("{not json")
    monkeypatch.setattr(service, "_schedule_rebuild", lambda: None)
    monkeypatch.setitem(service._rebuild_requested, "pending", False)
    assert service.search("低保").backend == "database"


def test_rebuild_command_prints_progress(settings, tmp_path, search_index, db):
    from io import StringIO

    settings.DATA_DIR = tmp_path
    settings.GONGKAI_SEARCH_BACKEND = "embedded"
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    count = Document.objects.public().count()
    assert f"{count}/{count}" in out.getvalue()
    assert f"已索引 {count} 条" in out.getvalue()
    assert (tmp_path / "search" / "tantivy" / "meta.json").exists()


def test_reindex_task_runs(settings, search_index, db):
    from gongkai.search.tasks import reindex_document_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    document = Document.objects.public().first()
    result = reindex_document_task.enqueue(document.pk)
    assert result.return_value is True
