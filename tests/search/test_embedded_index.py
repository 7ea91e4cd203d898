"""The embedded index's life cycle: atomic rebuilds while serving, fallback, sampled facets."""

import pytest

from gongkai.documents.html import body_text
from gongkai.documents.models import Document
from gongkai.search import service
from gongkai.search.backends import embedded
from gongkai.search.backends.embedded import RebuildRunning
from gongkai.search.indexing import embedded_backend, rebuild_index, reindex_document
from gongkai.search.prepare import html_text
from gongkai.search.segment import index_tokens


@pytest.fixture
def own_index(settings, tmp_path, search_index, db):
    """An embedded backend in a directory of its own (the shared one stays untouched)."""
    settings.DATA_DIR = tmp_path
    settings.GONGKAI_SEARCH_BACKEND = "embedded"
    return embedded_backend()


def _directories(backend) -> list:
    return sorted(p for p in backend.path.parent.iterdir() if p.name.startswith("tantivy-"))


def test_rebuild_serves_the_old_index_until_it_switches(own_index):
    rebuild_index(backends=[own_index])
    first = own_index.current_path()
    during = []

    def progress(done: int, total: int) -> None:
        during.append((own_index.current_path(), service.search("低保").backend))

    rebuild_index(progress=progress, backends=[own_index])
    second = own_index.current_path()
    assert during and all(seen == (first, "embedded") for seen in during)
    assert own_index.path.is_symlink()
    assert second != first and (second / "meta.json").exists()
    assert service.search("低保").total > 0
    rebuild_index(backends=[own_index])
    assert not first.exists(), "two rebuilds later the first directory is gone"
    assert second.exists(), "the previous directory stays for processes still reading it"


def test_failed_rebuild_keeps_the_live_index(own_index):
    rebuild_index(backends=[own_index])
    live = own_index.current_path()
    total = service.search("低保").total

    def fail(done: int, total: int) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        rebuild_index(progress=fail, backends=[own_index])
    assert own_index.current_path() == live
    assert _directories(own_index) == [live]
    assert service.search("低保").total == total


def test_one_rebuild_at_a_time(own_index):
    build = own_index.start_rebuild()
    with pytest.raises(RebuildRunning):
        own_index.start_rebuild()
    build.abort()
    own_index.start_rebuild().abort()
    assert _directories(own_index) == []


def test_older_plain_directory_is_replaced_by_the_link(own_index):
    own_index.path.mkdir(parents=True)
    (own_index.path / "meta.json").write_text("{not json")
    assert service.search("低保").backend == "database"
    rebuild_index(backends=[own_index])
    assert own_index.path.is_symlink()
    assert service.search("低保").backend == "embedded"


def test_corrupt_index_is_rebuilt_by_the_task_while_the_database_answers(
    own_index, settings, caplog, monkeypatch
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    monkeypatch.setitem(service._rebuild_requested, "pending", False)
    own_index.path.mkdir(parents=True)
    (own_index.path / "meta.json").write_text("{not json")
    assert service.search("低保").backend == "database"
    assert "rebuilding, searching the database meanwhile" in caplog.text
    assert "index rebuilt with" in caplog.text
    assert service.search("低保").backend == "embedded"


def test_publishing_without_an_index_leaves_it_to_the_rebuild(own_index):
    document = Document.objects.public().first()
    reindex_document(document.pk, [own_index])
    assert not own_index.exists()


def test_fast_html_text_gives_the_same_words_as_body_text(search_index, db):
    bodies = Document.objects.exclude(body="").values_list("body", flat=True)[:200]
    assert bodies
    for body in bodies:
        assert index_tokens(html_text(body)) == index_tokens(body_text(body))


def test_html_text_keeps_blocks_and_cells_apart():
    body = (
        "<p>最低<strong>生活</strong>保障</p><table><tr><td>甲</td><td>乙&amp;丙</td></tr></table>"
    )
    assert html_text(body) == "最低生活保障\n甲\t乙&丙"


def test_large_result_facets_are_scaled_from_a_sample(own_index, monkeypatch):
    rebuild_index(backends=[own_index])
    exact = service.search("工作")
    assert exact.total >= 40
    monkeypatch.setattr(embedded, "FACET_EXACT_LIMIT", 10)
    monkeypatch.setattr(embedded, "FACET_SAMPLE", exact.total // 3)
    sampled = service.search("工作")
    assert sampled.total == exact.total
    assert sampled.facets != exact.facets
    assert abs(sum(sampled.facets["year"].values()) - exact.total) <= 0.35 * exact.total


def test_new_synonym_applies_at_once(backend_name):
    from gongkai.search.models import Synonym
    from gongkai.search.synonyms import forget_synonyms

    assert service.search("火星基地").total == 0
    try:
        Synonym.objects.create(term="火星基地", equivalent="最低生活保障")
        assert service.search("火星基地").total > 0
    finally:
        forget_synonyms()  # the rollback after the test sends no signal
