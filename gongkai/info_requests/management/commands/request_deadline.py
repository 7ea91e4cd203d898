"""python manage.py request_deadline --received 2026-01-05 --channel post [--extended] [--format json]"""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from gongkai.info_requests.deadlines import what_if
from gongkai.rules.request_deadline import Channel


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"日期格式应为 YYYY-MM-DD：{text}") from None


class Command(BaseCommand):
    help = "计算政府信息公开申请的答复期限，并列出每一步及其依据的条款。"

    def add_arguments(self, parser):
        parser.add_argument("--received", required=True, type=_day, help="收到申请日期")
        parser.add_argument("--channel", required=True, choices=[c.value for c in Channel])
        parser.add_argument("--correction-requested", type=_day, help="告知补正日期")
        parser.add_argument("--correction-received", type=_day, help="收到补正申请日期")
        parser.add_argument("--third-party-start", type=_day, help="书面征求第三方意见日期")
        parser.add_argument("--third-party-end", type=_day, help="收到第三方意见日期")
        parser.add_argument("--extended", action="store_true", help="经批准延长20个工作日")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options):
        try:
            result = what_if(
                received=options["received"],
                channel=options["channel"],
                correction_requested=options["correction_requested"],
                correction_received=options["correction_received"],
                third_party_start=options["third_party_start"],
                third_party_end=options["third_party_end"],
                extended=options["extended"],
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"答复期限：{result.due.isoformat()}")
        for number, step in enumerate(result.steps, start=1):
            self.stdout.write(f"{number}. {step.label}〔{step.article}〕")
            if step.warning:
                self.stdout.write(f"   注意：{step.warning}")
        if result.uncertain:
            self.stderr.write("结果待核实：涉及尚未录入节假日安排的年度。")
