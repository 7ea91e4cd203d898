"""Every demo catalog exported to Excel and imported back gives the same items."""

from gongkai.catalog import importing, services
from gongkai.catalog.excel import write_catalog_workbook
from gongkai.catalog.models import Catalog
from gongkai.orgs.models import Organization, OrganizationKind


def _items(catalog):
    return [
        i.elements()
        for i in catalog.items.filter(applicable=True, withdrawn=False).order_by("position", "id")
    ]


def test_export_then_import_of_every_demo_catalog_gives_the_same_items(world):
    catalogs = list(Catalog.objects.select_related("organization", "domain"))
    assert len(catalogs) > 150
    target = Organization.objects.create(
        code="RT",
        name="往返测试镇人民政府",
        kind=OrganizationKind.TOWNSHIP,
        region=world.township.region,
    )
    for catalog in catalogs:
        original = _items(catalog)
        data = write_catalog_workbook(
            original,
            title="目录",
            organization=catalog.organization.name,
            domain=catalog.domain.name,
        )
        preview = importing.read_preview(data=data, filename=f"{catalog.pk}.xlsx")
        assert preview.counts["rejected"] == 0, catalog
        fresh, _ = Catalog.objects.get_or_create(organization=target, domain=catalog.domain)
        fresh.items.all().delete()
        services.import_catalog_elements(catalog=fresh, rows=preview.rows_to_save(), by=world.admin)
        assert _items(fresh) == original, catalog
