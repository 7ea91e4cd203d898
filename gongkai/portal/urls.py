from django.urls import path

from gongkai.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("care/", views.care, name="care"),
    path("qr.svg", views.qr, name="qr"),
    path("org/<str:code>/", views.organization, name="organization"),
    path("org/<str:code>/<slug:domain_code>/", views.catalog, name="catalog"),
    path(
        "org/<str:code>/<slug:domain_code>/v/<int:number>/",
        views.catalog_version,
        name="catalog_version",
    ),
    path(
        "org/<str:code>/<slug:domain_code>/item/<int:item_id>/",
        views.item,
        name="item",
    ),
]
