from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gongkai.supervision import jobs
from gongkai.supervision.services import notifications


class Command(BaseCommand):
    help = "发送工作任务到期提醒和每位工作人员的每日待办摘要（站内消息，并按邮箱发送邮件）。"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按哪一天计算，如 2024-10-31（默认今天）")
        parser.add_argument("--enqueue", action="store_true", help="交给后台任务队列执行")

    def handle(self, *args, date: str | None, enqueue: bool, **options):
        try:
            today = _parse(date) if date else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"日期“{date}”格式不正确，应为 2024-10-31。") from exc
        if enqueue:
            result = jobs.send_daily_digest.enqueue(today.isoformat())
            self.stdout.write(f"已加入任务队列：{result.id}")
            return
        reminders = notifications.send_task_reminders(today=today)
        digests = notifications.send_daily_digests(today=today)
        self.stdout.write(f"{today:%Y-%m-%d}：到期提醒 {reminders} 条，每日摘要 {digests} 份。")


def _parse(text: str):
    return date.fromisoformat(text)
