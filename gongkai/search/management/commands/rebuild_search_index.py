"""Rebuild the search index from every public document, printing a plain-text progress bar."""

import time

from django.core.management.base import BaseCommand

from gongkai.search.indexing import rebuild_index

BAR = 30


class Command(BaseCommand):
    help = "重建全文检索索引（全部主动公开的已发布信息）"

    def handle(self, *args, **options):
        started = time.monotonic()

        def progress(done: int, total: int) -> None:
            filled = BAR * done // total if total else BAR
            self.stdout.write(f"[{'#' * filled}{'.' * (BAR - filled)}] {done}/{total}")

        count = rebuild_index(progress=progress)
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"已索引 {count} 条政府信息，用时 {elapsed:.1f} 秒"))
