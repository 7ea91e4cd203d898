"""The `world`: the demo city 青禾市, built once per test session in the test database.

Each test runs in a transaction that is rolled back, so tests may change the world freely.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from gongkai.catalog.models import Domain
from gongkai.demo.region import build_demo
from gongkai.orgs.models import Organization


@pytest.fixture(scope="session", autouse=True)
def _private_data_dir(tmp_path_factory):
    """Uploads, masked copies and staged imports of the test session stay out of ./var."""
    from django.conf import settings

    data_dir = tmp_path_factory.mktemp("gongkai-data")
    settings.DATA_DIR = data_dir
    settings.MEDIA_ROOT = data_dir / "media"
    settings.CACHES["pages"]["LOCATION"] = str(data_dir / "page-cache")


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Rendered public pages outlive a test's rolled-back rows; each test starts with none."""
    from gongkai.portal.page_cache import forget_public_pages

    forget_public_pages()


@pytest.fixture(scope="session")
def django_db_setup(_private_data_dir, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        build_demo(areas=("documents",))


@pytest.fixture
def world(db):
    orgs = {o.name: o for o in Organization.objects.select_related("region")}
    users = {u.username: u for u in get_user_model().objects.all()}
    return SimpleNamespace(
        city=orgs["青禾市人民政府"],
        county=orgs["东川县人民政府"],
        other_county=orgs["西岭县人民政府"],
        township=orgs["东川县城关镇人民政府"],
        neighbour=orgs["东川县河口镇人民政府"],
        far_township=orgs["西岭县石桥镇人民政府"],
        department=orgs["东川县民政局"],
        village=orgs["城关镇柳树村村民委员会"],
        orgs=orgs,
        users=users,
        admin=users["admin"],
        city_supervisor=users["shi_gkb"],
        supervisor=users["dc_gkb"],
        township_admin=users["cgz_admin"],
        editor=users["cgz_editor"],
        reviewer=users["cgz_reviewer"],
        neighbour_editor=users["hkz_editor"],
        department_editor=users["dcmz_editor"],
        social_assistance=Domain.objects.get(code="social_assistance"),
    )
