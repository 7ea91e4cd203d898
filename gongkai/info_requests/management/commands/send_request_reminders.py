"""Daily: in-app notices and e-mails to handlers of requests due within 5, 2, 0 working days or overdue."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from gongkai.info_requests.services import send_reminders


class Command(BaseCommand):
    help = "向承办人发送依申请公开到期提醒（站内提醒和电子邮件），同一期限的同类提醒只发一次。"

    def add_arguments(self, parser):
        parser.add_argument("--today", help="按该日期计算（YYYY-MM-DD），默认今天")

    def handle(self, *args, **options):
        today = None
        if options["today"]:
            try:
                today = date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError("日期格式应为 YYYY-MM-DD") from None
        run = send_reminders(today=today)
        self.stdout.write(
            f"新提醒 {run.notices} 条，发送邮件 {run.emails} 封，"
            f"{run.skipped_without_email} 人未设置邮箱（仅站内提醒）。"
        )
