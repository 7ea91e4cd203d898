"""Public pages of this area, mounted at /docs/."""

from django.urls import path

from gongkai.documents.views import feeds, public

app_name = "documents_public"
urlpatterns = [
    path("", public.index, name="index"),
    path("org/<str:code>/", public.organization, name="organization"),
    path("org/<str:code>/guide/", public.guide, name="guide"),
    path("org/<str:code>/directory/", public.directory, name="directory"),
    path("org/<str:code>/feed/rss/", feeds.OrganizationRss(), name="organization_rss"),
    path("org/<str:code>/feed/atom/", feeds.OrganizationAtom(), name="organization_atom"),
    path("org/<str:code>/item/<int:item_id>/", public.item, name="item"),
    path(
        "org/<str:code>/<slug:domain_code>/", public.organization_domain, name="organization_domain"
    ),
    path("domain/<slug:domain_code>/", public.domain, name="domain"),
    path("domain/<slug:domain_code>/feed/rss/", feeds.DomainRss(), name="domain_rss"),
    path("domain/<slug:domain_code>/feed/atom/", feeds.DomainAtom(), name="domain_atom"),
    path("d/<int:pk>/qr.svg", public.qr, name="qr"),
    path("d/<int:pk>/files/<int:attachment_id>/", public.attachment, name="attachment"),
    path("<path:key>/", public.detail, name="detail"),
]
