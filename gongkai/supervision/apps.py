from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "gongkai.supervision"
    label = "supervision"
