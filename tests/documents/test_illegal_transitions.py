"""Illegal transitions and bad input: a clear Chinese message, and nothing changed."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gongkai.audit.models import Event
from gongkai.documents import services
from gongkai.documents.choices import Disclosure, SecrecyCheck, Status
from gongkai.documents.models import Document, Review
from tests.documents.conftest import ALL_CHECKS


def audit_count() -> int:
    return Event.objects.filter(action__startswith="documents.").count()


def unchanged(document, status: str) -> None:
    fresh = Document.objects.get(pk=document.pk)
    assert fresh.status == status
    assert fresh.index_number == document.index_number


def refused(call, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        call()
    assert message in " ".join(info.value.messages)


def test_publishing_an_unreviewed_draft_is_refused(world, draft):
    before = audit_count()
    refused(
        lambda: services.publish_document(document=draft, by=world.reviewer),
        "当前状态为“起草”，不能发布（只有“审核通过、定时发布”状态可以）。",
    )
    unchanged(draft, Status.DRAFT)
    assert audit_count() == before


def test_publishing_a_submitted_but_unapproved_document_is_refused(world, submitted):
    refused(lambda: services.publish_document(document=submitted, by=world.reviewer), "不能发布")
    unchanged(submitted, Status.SUBMITTED)


def test_withdrawing_without_reason_is_refused(world, published):
    before = audit_count()
    refused(
        lambda: services.withdraw_document(document=published, by=world.reviewer, reason="  "),
        "撤回必须填写原因。",
    )
    unchanged(published, Status.PUBLISHED)
    assert audit_count() == before


def test_withdrawing_a_draft_is_refused(world, draft):
    refused(
        lambda: services.withdraw_document(document=draft, by=world.reviewer, reason="x"),
        "不能撤回",
    )
    unchanged(draft, Status.DRAFT)


def test_returning_without_reason_is_refused(world, submitted):
    refused(
        lambda: services.return_document(document=submitted, by=world.reviewer, reason=""),
        "退回必须填写原因。",
    )
    unchanged(submitted, Status.SUBMITTED)
    assert not Review.objects.filter(document=submitted).exists()


def test_correcting_without_reason_or_change_is_refused(world, published):
    refused(
        lambda: services.correct_document(
            document=published, by=world.reviewer, reason="", changes={"title": "x"}
        ),
        "更正必须填写原因。",
    )
    refused(
        lambda: services.correct_document(
            document=published, by=world.reviewer, reason="r", changes={"title": published.title}
        ),
        "没有需要更正的内容。",
    )
    refused(
        lambda: services.correct_document(
            document=published,
            by=world.reviewer,
            reason="r",
            changes={"disclosure": Disclosure.WITHHELD},
        ),
        "更正只能修改",
    )
    assert Document.objects.get(pk=published.pk).title == published.title


def test_correcting_a_draft_is_refused(world, draft):
    refused(
        lambda: services.correct_document(
            document=draft, by=world.reviewer, reason="r", changes={"title": "新"}
        ),
        "不能更正",
    )


def test_submitting_without_required_metadata_lists_what_is_missing(world):
    draft = services.create_document(
        organization=world.township, by=world.editor, fields={"title": "无元数据"}
    )
    refused(
        lambda: services.submit_document(document=draft, by=world.editor),
        "送审前请补全：缺少主题分类；缺少体裁；缺少成文日期；缺少目录事项（至少一个）；缺少正文或附件。",
    )
    unchanged(draft, Status.DRAFT)


def test_withheld_without_legal_ground_cannot_be_submitted(world, make_draft):
    draft = make_draft(disclosure=Disclosure.WITHHELD)
    refused(
        lambda: services.submit_document(document=draft, by=world.editor), "缺少不予公开的法定依据"
    )


def test_written_date_in_the_future_cannot_be_submitted(world, make_draft):
    draft = make_draft(written_on=timezone.localdate() + timedelta(days=3))
    refused(
        lambda: services.submit_document(document=draft, by=world.editor), "成文日期不能晚于今天"
    )


def test_interpretation_must_name_the_policy_it_explains(world, make_draft):
    draft = make_draft(genre="interpretation")
    refused(
        lambda: services.submit_document(document=draft, by=world.editor), "缺少被解读的政策文件"
    )


def test_a_blank_title_is_refused_on_create(world):
    with pytest.raises(ValidationError) as info:
        services.create_document(
            organization=world.township, by=world.editor, fields={"title": " "}
        )
    assert info.value.message_dict == {"title": ["请填写标题。"]}


def test_catalog_items_of_another_organization_are_refused(world, draft):
    from gongkai.catalog.models import CatalogItem

    foreign = CatalogItem.objects.filter(catalog__organization=world.neighbour).first()
    with pytest.raises(ValidationError) as info:
        services.update_document(
            document=draft, by=world.editor, changes={"catalog_items": [foreign]}
        )
    assert info.value.message_dict == {"catalog_items": ["只能选择本单位目录中适用的事项。"]}
    assert list(Document.objects.get(pk=draft.pk).catalog_items.all()) == list(
        draft.catalog_items.all()
    )


def test_a_submitted_document_cannot_be_edited(world, submitted):
    refused(
        lambda: services.update_document(
            document=submitted, by=world.editor, changes={"title": "改"}
        ),
        "当前状态为“送审”，不能修改",
    )
    assert Document.objects.get(pk=submitted.pk).title == submitted.title


def test_approval_needs_every_checklist_item(world, submitted):
    before = audit_count()
    refused(
        lambda: services.approve_document(
            document=submitted, by=world.reviewer, checklist=[SecrecyCheck.NO_STATE_SECRET]
        ),
        "尚未确认：不涉及工作秘密、不涉及商业秘密、个人信息已去标识化、公开属性已确认。",
    )
    unchanged(submitted, Status.SUBMITTED)
    assert audit_count() == before


def test_approving_twice_is_refused(world, approved):
    refused(
        lambda: services.approve_document(
            document=approved, by=world.reviewer, checklist=ALL_CHECKS
        ),
        "当前状态为“审核通过”，不能审核通过",
    )


def test_the_drafter_cannot_approve_their_own_document(world):
    from gongkai.catalog.models import CatalogItem
    from gongkai.documents.models import Theme
    from tests.documents.conftest import draft_fields

    item = CatalogItem.objects.filter(catalog__organization=world.township).first()
    draft = services.create_document(
        organization=world.township,
        by=world.admin,
        fields=draft_fields(item, Theme.objects.first()),
    )
    services.submit_document(document=draft, by=world.admin)
    refused(
        lambda: services.approve_document(document=draft, by=world.admin, checklist=ALL_CHECKS),
        "起草人不能审核自己起草的信息",
    )


def test_publishing_a_published_document_again_is_refused(world, published):
    refused(lambda: services.publish_document(document=published, by=world.reviewer), "不能发布")


def test_nothing_can_leave_withdrawn(world, published):
    services.withdraw_document(document=published, by=world.reviewer, reason="过时")
    refused(lambda: services.publish_document(document=published, by=world.reviewer), "不能发布")
    refused(lambda: services.submit_document(document=published, by=world.editor), "不能送审")
    unchanged(Document.objects.get(pk=published.pk), Status.WITHDRAWN)


@pytest.mark.parametrize(
    ("persona", "call"),
    [
        (
            "editor",
            lambda d, w: services.approve_document(document=d, by=w.editor, checklist=ALL_CHECKS),
        ),
        ("editor", lambda d, w: services.return_document(document=d, by=w.editor, reason="x")),
        (
            "neighbour_editor",
            lambda d, w: services.update_document(
                document=d, by=w.neighbour_editor, changes={"title": "x"}
            ),
        ),
        (
            "supervisor",
            lambda d, w: services.approve_document(
                document=d, by=w.supervisor, checklist=ALL_CHECKS
            ),
        ),
    ],
)
def test_people_without_the_role_are_refused(world, submitted, persona, call):
    with pytest.raises(PermissionDenied):
        call(submitted, world)
    unchanged(submitted, Status.SUBMITTED)


def test_the_editor_cannot_publish_or_withdraw(world, approved):
    with pytest.raises(PermissionDenied):
        services.publish_document(document=approved, by=world.editor)
    unchanged(approved, Status.APPROVED)


def test_publish_needs_an_aware_time(world, approved):
    from datetime import datetime

    with pytest.raises(ValueError, match="aware"):
        services.publish_document(document=approved, by=world.reviewer, at=datetime(2030, 1, 1))
    unchanged(approved, Status.APPROVED)


def test_validity_change_needs_a_date(world, published):
    refused(
        lambda: services.set_validity(
            document=published, by=world.reviewer, validity="expired", on=None
        ),
        "失效或废止时必须填写日期。",
    )
    assert Document.objects.get(pk=published.pk).validity == "valid"
