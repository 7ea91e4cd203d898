"""The supervision demo builds on the demo city and gives every page something to show."""

from django.utils import timezone

from gongkai.demo.supervision import LATE_TITLE
from gongkai.documents.models import Document
from gongkai.supervision.models import AssessmentRun, Notification, TaskAssignment
from gongkai.supervision.selectors.figures import compute_figures


def test_demo_figures(world, no_publications, supervision_demo):
    assert supervision_demo["supervision_documents"] == 7
    assert supervision_demo["tasks"] == 5
    assert supervision_demo["assessed"] == 11
    today = timezone.localdate()
    figures = compute_figures([world.township], today=today)[(world.township.id, None)]
    assert (figures.late, figures.stale, figures.uninterpreted) == (1, 1, 1)
    assert AssessmentRun.objects.filter(scope=world.county).count() == 2
    overdue = TaskAssignment.objects.overdue(on=today).filter(organization=world.township)
    assert overdue.count() == 0  # the township finished the overdue task
    assert TaskAssignment.objects.overdue(on=today).count() == 2  # 河口镇, 东湖街道
    assert Notification.objects.filter(user=world.editor).exists()
    assert Document.objects.get(title=LATE_TITLE).organization == world.township


def test_dashboard_queries_do_not_grow_with_the_bodies(
    client, world, supervision_demo, django_assert_max_num_queries
):
    client.force_login(world.city_supervisor)
    with django_assert_max_num_queries(40):
        assert client.get("/workspace/supervision/").status_code == 200
