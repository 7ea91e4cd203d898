from django.contrib.auth import views as auth_views
from django.urls import path

from gongkai.workspace.views import catalog, guidelines, home

app_name = "workspace"
urlpatterns = [
    path(
        "login/", auth_views.LoginView.as_view(template_name="workspace/login.html"), name="login"
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", home.home, name="home"),
    path("org/<str:code>/", home.organization, name="organization"),
    path("org/<str:code>/catalog/<slug:domain_code>/", catalog.catalog_page, name="catalog"),
    path("org/<str:code>/catalog/<slug:domain_code>/adopt/", catalog.adopt, name="catalog_adopt"),
    path(
        "org/<str:code>/catalog/<slug:domain_code>/not-applicable/<int:guideline_item_id>/",
        catalog.mark_not_applicable,
        name="catalog_not_applicable",
    ),
    path(
        "org/<str:code>/catalog/<slug:domain_code>/local/",
        catalog.add_local_item,
        name="catalog_add_local",
    ),
    path(
        "org/<str:code>/catalog/<slug:domain_code>/publish/",
        catalog.publish,
        name="catalog_publish",
    ),
    path(
        "org/<str:code>/catalog/<slug:domain_code>/export.xlsx",
        catalog.export_xlsx,
        name="catalog_export",
    ),
    path(
        "org/<str:code>/catalog/<slug:domain_code>/import/",
        catalog.import_table,
        name="catalog_import",
    ),
    path("item/<int:item_id>/edit/", catalog.edit_item, name="item_edit"),
    path("item/<int:item_id>/withdraw/", catalog.withdraw_item, name="item_withdraw"),
    path("item/<int:item_id>/restore/", catalog.restore_item, name="item_restore"),
    path("item/<int:item_id>/history/", catalog.item_history, name="item_history"),
    path("guidelines/", guidelines.guideline_list, name="guidelines"),
    path("guidelines/<slug:domain_code>/", guidelines.guideline_detail, name="guideline"),
    path(
        "guidelines/<slug:domain_code>/import/",
        guidelines.guideline_import,
        name="guideline_import",
    ),
]
