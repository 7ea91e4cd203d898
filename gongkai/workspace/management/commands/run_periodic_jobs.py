import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from gongkai.workspace.periodic import enqueue_due


class Command(BaseCommand):
    help = (
        "按时把定时任务交给后台任务队列：定时发布、舆情转办超时升级、监督数据刷新（按间隔），"
        "依申请公开到期提醒和每日待办摘要（每天 8 点后一次）。需同时运行 db_worker。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="只检查一次（供 cron 调用）")
        parser.add_argument("--interval", type=int, default=60, help="检查间隔秒数，默认 60")

    def handle(self, *args, once: bool, interval: int, **options):
        last_runs = {}
        while True:
            names = enqueue_due(timezone.localtime(), last_runs)
            if names and options["verbosity"] > 0:
                self.stdout.write(f"{timezone.localtime():%H:%M} 已加入队列：{'、'.join(names)}")
            if once:
                return
            time.sleep(max(interval, 1))
