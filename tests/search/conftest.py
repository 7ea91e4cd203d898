import pytest
from django.conf import settings

if "gongkai.search" not in settings.INSTALLED_APPS:
    collect_ignore_glob = ["test_[!q]*.py"]


@pytest.fixture(scope="session")
def search_index(django_db_setup, django_db_blocker):
    """Both indexes filled once from the demo documents (the DB rows survive like the demo itself)."""
    from gongkai.search.backends.database import DatabaseBackend
    from gongkai.search.indexing import embedded_backend, rebuild_index

    with django_db_blocker.unblock():
        return rebuild_index(backends=[DatabaseBackend(), embedded_backend()])


@pytest.fixture(params=["embedded", "database"])
def backend_name(request, settings, search_index, db):
    settings.GONGKAI_SEARCH_BACKEND = request.param
    return request.param
