from django.conf import settings
from django.core.management.base import BaseCommand

from gongkai.demo.region import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = "打印门户、工作台地址和演示账号。"

    def handle(self, *args, **options):
        site = settings.SITE_URL
        lines = [
            "",
            "=" * 64,
            "公开 Gongkai 已就绪",
            f"  公众门户（基层政务公开专区）: {site}/",
            f"  工作人员工作台:               {site}/workspace/",
            f"  演示账号（密码均为 {DEMO_PASSWORD}）:",
        ]
        lines += [f"    {u.username:<14} {u.description}" for u in DEMO_USERS]
        lines += ["  按 Ctrl+C 停止服务。", "=" * 64, ""]
        self.stdout.write("\n".join(lines))
