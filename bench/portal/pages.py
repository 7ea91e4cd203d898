"""Print the URLs the portal bench drives: the home page, an item page and a document page.

The item is the first published 最低生活保障 item of 城关镇's 社会救助 catalog (the one the portal
tests use); the document is the first public document filed under it.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")

import django

django.setup()

from gongkai.catalog.models import Catalog  # noqa: E402
from gongkai.documents.models import Document  # noqa: E402

TOWNSHIP, DOMAIN = "QH01T01", "social_assistance"


def main() -> None:
    catalog = Catalog.objects.get(organization__code=TOWNSHIP, domain__code=DOMAIN)
    items = catalog.versions.get(number=catalog.published_version).items
    entry = next(e for e in items if e["level1"] == "最低生活保障")
    public = Document.objects.public().order_by("pk")
    document = (
        public.filter(catalog_items=entry["item_id"]).first()
        or public.filter(organization__code=TOWNSHIP).first()
    )
    print("/")
    print(f"/org/{TOWNSHIP}/{DOMAIN}/item/{entry['item_id']}/")
    print(document.get_absolute_url())


if __name__ == "__main__":
    main()
