from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class PortalConfig(AppConfig):
    name = "gongkai.portal"
    label = "portal"

    def ready(self):
        from gongkai.orgs.models import Organization, Region

        # Bodies and places have no service of their own (they change by import, shell or admin),
        # and every public page shows their names: any saved change makes the cache stale.
        for model in (Organization, Region):
            for name, signal in (("saved", post_save), ("deleted", post_delete)):
                signal.connect(_stale, sender=model, dispatch_uid=f"pages-{model.__name__}-{name}")


def _stale(**kwargs):
    from gongkai.portal.page_cache import public_pages_changed

    public_pages_changed()
