import logging

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from gongkai.demo.region import build_demo
from gongkai.orgs.models import Organization
from gongkai.search.indexing import rebuild_index


class Command(BaseCommand):
    help = "载入演示数据（青禾市）。已有数据时不做任何事，除非指定 --reset。"

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="先清空数据库再载入演示数据")

    def handle(self, *args, reset: bool, **options):
        if reset:
            # Flushing also empties the rows the data migrations seeded (guidelines, themes,
            # synonyms, indicator sets), so the project's tables are rebuilt from the migrations.
            call_command("flush", "--noinput", verbosity=0)
            call_command("migrate", "catalog", "zero", "--noinput", verbosity=0)
            call_command("migrate", "--noinput", verbosity=0)
        elif Organization.objects.exists():
            self.stdout.write("数据库中已有数据，跳过演示数据载入（如需重建请加 --reset）。")
            return
        # The services log each step at INFO; a demo of hundreds of steps would bury the summary.
        logger = logging.getLogger("gongkai")
        level = logger.level
        logger.setLevel(logging.WARNING)
        try:
            with transaction.atomic():
                figures = build_demo()
        finally:
            logger.setLevel(level)
        indexed = rebuild_index()
        self.stdout.write(
            f"演示数据已载入：{figures['organizations']} 个机关单位，{figures['published_catalogs']} 个已发布目录，"
            f"{figures.get('documents', 0)} 条政府信息（已建立 {indexed} 条搜索索引）。"
        )
