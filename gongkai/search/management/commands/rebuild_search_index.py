"""Rebuild the search index from every public document, with a progress bar; the site keeps serving."""

import time

from django.core.management.base import BaseCommand, CommandError

from gongkai.search.backends.embedded import RebuildRunning
from gongkai.search.indexing import rebuild_index

BAR = 30


class Command(BaseCommand):
    help = "重建全文检索索引（全部主动公开的已发布信息）；重建期间检索继续使用原索引"

    def handle(self, *args, **options):
        started = time.monotonic()
        interactive = self.stdout.isatty()

        def progress(done: int, total: int) -> None:
            filled = BAR * done // total if total else BAR
            elapsed = time.monotonic() - started
            rate = done / elapsed if elapsed else 0.0
            left = (total - done) / rate if rate else 0.0
            line = (
                f"[{'#' * filled}{'.' * (BAR - filled)}] {done}/{total} "
                f"{rate:,.0f} 条/秒 预计剩余 {left:,.0f} 秒"
            )
            if interactive:  # one line redrawn in place
                self.stdout.write(f"\r{line}", ending="")
                self.stdout.flush()
            else:
                self.stdout.write(line)

        try:
            count = rebuild_index(progress=progress)
        except RebuildRunning as exc:
            raise CommandError("另一个索引重建正在进行，请稍后再试") from exc
        if interactive:
            self.stdout.write("")
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"已索引 {count} 条政府信息，用时 {elapsed:.1f} 秒"))
