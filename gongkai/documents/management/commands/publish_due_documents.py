"""Publish the scheduled documents whose time has come (for cron or a worker, every few minutes)."""

from django.core.management.base import BaseCommand

from gongkai.documents.services import publish_due_documents


class Command(BaseCommand):
    help = "发布已到定时发布时间的政府信息。"

    def handle(self, *args, **options):
        published = publish_due_documents()
        for document in published:
            self.stdout.write(f"已发布：{document.index_number} {document.title}")
        self.stdout.write(f"共发布 {len(published)} 条。")
