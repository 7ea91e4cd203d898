from django.apps import AppConfig


class OrgsConfig(AppConfig):
    verbose_name = "机关单位"
    name = "gongkai.orgs"
    label = "orgs"
