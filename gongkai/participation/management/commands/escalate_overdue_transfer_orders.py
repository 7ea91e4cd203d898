"""Mark overdue 舆情转办单 and notify; run every few minutes (cron or the task queue)."""

from django.core.management.base import BaseCommand

from gongkai.participation.services.opinion import escalate_overdue_transfer_orders


class Command(BaseCommand):
    help = "督办超期未反馈的舆情转办单：标记督办等级并通知责任单位、转办单位和上级政务公开办。"

    def handle(self, *args, **options):
        raised = escalate_overdue_transfer_orders()
        for order in raised:
            self.stdout.write(
                f"{order.number} {order.organization.name} 督办等级 {order.escalation_level}"
            )
        self.stdout.write(f"督办 {len(raised)} 份转办单。")
