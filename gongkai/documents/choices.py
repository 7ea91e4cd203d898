"""The fixed vocabularies of a piece of government information: status, 体裁, 有效性, 公开属性."""

from django.db import models


class Status(models.TextChoices):
    DRAFT = "draft", "起草"
    SUBMITTED = "submitted", "送审"
    RETURNED = "returned", "退回修改"
    APPROVED = "approved", "审核通过"
    SCHEDULED = "scheduled", "定时发布"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"


EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})
UNPUBLISHED = frozenset(
    {Status.DRAFT, Status.RETURNED, Status.SUBMITTED, Status.APPROVED, Status.SCHEDULED}
)


class Genre(models.TextChoices):
    """体裁, as the 政府信息公开 platforms of the State Council and the provinces list them."""

    REGULATION = "regulation", "规章"
    NORMATIVE = "normative", "行政规范性文件"
    OTHER_DOCUMENT = "other_document", "其他文件"
    INTERPRETATION = "interpretation", "政策解读"
    ANNOUNCEMENT = "announcement", "公示公告"
    GUIDE = "guide", "办事指南"
    STATISTICS = "statistics", "统计数据"
    PLAN = "plan", "规划计划"
    PERSONNEL = "personnel", "人事信息"
    NEWS = "news", "工作动态"


POLICY_GENRES = frozenset({Genre.REGULATION, Genre.NORMATIVE})


class Validity(models.TextChoices):
    VALID = "valid", "有效"
    EXPIRED = "expired", "失效"
    REPEALED = "repealed", "废止"


class Disclosure(models.TextChoices):
    PROACTIVE = "proactive", "主动公开"
    ON_REQUEST = "on_request", "依申请公开"
    WITHHELD = "withheld", "不予公开"


class WithholdingGround(models.TextChoices):
    """Why information is not disclosed.

    《政府信息公开条例》第十四条、第十五条、第十六条: the only grounds for not disclosing.
    """

    STATE_SECRET = "art14_state_secret", "第十四条：依法确定为国家秘密"
    PROHIBITED = "art14_prohibited", "第十四条：法律、行政法规禁止公开"
    SECURITY = "art14_security", "第十四条：公开后可能危及国家安全、公共安全、经济安全、社会稳定"
    THIRD_PARTY = (
        "art15_third_party",
        "第十五条：涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害",
    )
    INTERNAL = (
        "art16_internal",
        "第十六条第一款：内部事务信息（人事管理、后勤管理、内部工作流程等）",
    )
    PROCESS = (
        "art16_process",
        "第十六条第二款：过程性信息（讨论记录、过程稿、磋商信函、请示报告等）",
    )
    ENFORCEMENT = "art16_enforcement", "第十六条第二款：行政执法案卷信息"


class SecrecyCheck(models.TextChoices):
    """保密审查 checklist the reviewer ticks before approving."""

    NO_STATE_SECRET = "no_state_secret", "不涉及国家秘密"
    NO_WORK_SECRET = "no_work_secret", "不涉及工作秘密"
    NO_COMMERCIAL_SECRET = "no_commercial_secret", "不涉及商业秘密"
    PERSONAL_INFO_MASKED = "personal_info_masked", "个人信息已去标识化"
    DISCLOSURE_CONFIRMED = "disclosure_confirmed", "公开属性已确认"


class Decision(models.TextChoices):
    APPROVED = "approved", "审核通过"
    RETURNED = "returned", "退回修改"


class FindingStatus(models.TextChoices):
    OPEN = "open", "待处理"
    MASKED = "masked", "已去标识化"
    KEPT = "kept", "保留（已说明理由）"


class TextStatus(models.TextChoices):
    """Where the text of an attachment stands for the personal-information check."""

    PENDING = "pending", "待提取文字"
    DONE = "done", "已检查"
    FAILED = "failed", "无法提取文字"
    NOT_TEXT = "not_text", "非文字文件，须人工核对"


class AttachmentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word"
    XLSX = "xlsx", "Excel"
    OFD = "ofd", "OFD"
    IMAGE = "image", "图片"
