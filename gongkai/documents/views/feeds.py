"""RSS and Atom feeds of public documents, per organization and per domain (Django syndication)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from gongkai.catalog.models import Domain
from gongkai.documents.html import plain_summary
from gongkai.documents.models import Document
from gongkai.documents.selectors.public import documents_of
from gongkai.orgs.models import Organization

FEED_SIZE = 30


class _DocumentFeed(Feed):
    def item_title(self, item: Document) -> str:
        return item.title

    def item_description(self, item: Document) -> str:
        return item.summary or plain_summary(item.body, limit=200)

    def item_link(self, item: Document) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Document):
        return item.published_at

    def item_updateddate(self, item: Document):
        return item.updated_at

    def item_author_name(self, item: Document) -> str:
        return item.organization.name


class OrganizationRss(_DocumentFeed):
    def get_object(self, request, code: str) -> Organization:
        return get_object_or_404(Organization, code=code)

    def title(self, obj: Organization) -> str:
        return f"{obj.name} · 政府信息"

    def link(self, obj: Organization) -> str:
        return reverse("documents_public:organization", args=[obj.code])

    def description(self, obj: Organization) -> str:
        return f"{obj.name}最新主动公开的政府信息"

    def items(self, obj: Organization):
        return documents_of(organization=obj)[:FEED_SIZE]


class OrganizationAtom(OrganizationRss):
    feed_type = Atom1Feed
    subtitle = OrganizationRss.description


class DomainRss(_DocumentFeed):
    def get_object(self, request, domain_code: str) -> Domain:
        return get_object_or_404(Domain, code=domain_code)

    def title(self, obj: Domain) -> str:
        return f"{obj.name}领域 · 政府信息"

    def link(self, obj: Domain) -> str:
        return reverse("documents_public:domain", args=[obj.code])

    def description(self, obj: Domain) -> str:
        return f"各机关单位在{obj.name}领域最新主动公开的政府信息"

    def items(self, obj: Domain):
        return documents_of(domain=obj)[:FEED_SIZE]


class DomainAtom(DomainRss):
    feed_type = Atom1Feed
    subtitle = DomainRss.description
