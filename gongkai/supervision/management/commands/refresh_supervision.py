from django.core.management.base import BaseCommand
from django.utils import timezone

from gongkai.supervision.services.snapshots import refresh_snapshot


class Command(BaseCommand):
    help = "重新计算监督总览的统计快照（各单位目录覆盖、空白、更新、时效、申请、任务）。"

    def handle(self, *args, **options):
        started = timezone.now()
        snapshot = refresh_snapshot()
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(
            f"统计快照已更新：{snapshot.organizations} 个单位，截至 {snapshot.as_of}，用时 {seconds:.1f} 秒。"
        )
