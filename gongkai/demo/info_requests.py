"""Demo 依申请公开: about 40 applications to bodies of 青禾市 in 2025 and 2026, in every state.

Dates of the open ones are set from today, so the demo always has requests due soon and overdue.
Names, numbers and addresses are fictitious.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gongkai.info_requests import services
from gongkai.info_requests.deadlines import current_calendar
from gongkai.info_requests.models import InfoRequest, Status
from gongkai.orgs.models import Membership, Organization, Role
from gongkai.rules.workdays import add_workdays

PEOPLE = [
    ("natural_person", "李明远", "13800000101"),
    ("natural_person", "王秀兰", "13800000102"),
    ("natural_person", "张建国", "13800000103"),
    ("natural_person", "陈晓燕", "13800000104"),
    ("natural_person", "刘德华", "13800000105"),
    ("natural_person", "赵丽", "13800000106"),
    ("commercial", "青禾市禾丰农业科技有限公司", "0991-5550101"),
    ("research", "青禾学院乡村治理研究中心", "0991-5550102"),
    ("public_welfare", "青禾市助老志愿者协会", "0991-5550103"),
    ("legal_service", "青禾正平律师事务所", "0991-5550104"),
    ("other_org", "东川县城关镇柳树村股份经济合作社", "0991-5550105"),
]
TOPICS = [
    "2025年度本镇最低生活保障资金发放汇总表",
    "城关镇农村危房改造补助对象名单及补助标准",
    "东川县2025年耕地地力保护补贴发放情况",
    "某路段道路拓宽工程的土地征收补偿方案",
    "本单位2025年部门预算和“三公”经费预算",
    "临时救助审批流程和2025年临时救助人数",
    "养老服务机构运营补贴的发放依据和名单",
    "辖区内2024年环境信访案件的处理结果",
    "城关镇2025年筹资筹劳项目及资金使用情况",
    "农村宅基地审批的办理程序和2025年审批数量",
]
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@dataclass
class Plan:
    org: str
    received: date
    who: int
    topic: int
    channel: str = "online"
    correction: tuple[int, int] | None = None  # workdays after receipt: asked, corrected (0: not)
    third_party: tuple[int, int | None] | None = None  # workdays after clock start: sent, answered
    extend: bool = False
    result: str | None = None
    reply_after: int = 15  # workdays after the clock start
    text: str = ""
    referral: str = ""
    files: int = 0
    delivered: bool = True
    tags: list[str] = field(default_factory=list)


def _workdays_back(day: date, count: int, calendar) -> date:
    while count:
        day -= timedelta(days=1)
        if calendar.is_workday(day):
            count -= 1
    return day


def _reply_text(result: str) -> str:
    return {
        "granted": "所申请信息见附件，您也可在本机关政府信息公开专栏查阅。",
        "partial": "附件为可以公开的部分；其中涉及个人身份证号码、银行账号的内容属于个人隐私，"
        "公开会损害第三方合法权益，已作区分处理（《政府信息公开条例》第十五条）。",
        "denied_third_party": "所申请信息含有第三方商业秘密，经书面征求意见，第三方不同意公开。",
        "denied_process": "所申请信息为会议讨论记录，属于过程性信息。",
        "unable_needs_creation": "本机关未按您要求的口径进行统计，需另行汇总制作。",
        "notproc_repeat": "本机关已于此前就相同内容作出答复。",
        "notproc_complaint": "您反映的问题请通过12345政务服务便民热线或信访渠道提出。",
        "notproc_excessive": "您在一个月内提出申请40余件，经要求说明理由，未能说明合理理由。",
        "unable_not_held": "",
        "other_no_correction": "",
        "denied_internal": "所申请信息为本机关内部人事管理信息。",
    }.get(result, "详见附件。")


def _plans(today: date, calendar) -> list[Plan]:
    base = today if calendar.is_workday(today) else add_workdays(today, 1, calendar=calendar).day
    ago = lambda n: _workdays_back(base, n, calendar)  # noqa: E731
    d = date
    cgz, hkz, dh = "东川县城关镇人民政府", "东川县河口镇人民政府", "东川县东湖街道办事处"
    mz, zr, xx = "东川县民政局", "东川县自然资源局", "东川县人民政府"
    sq, jy, city = "西岭县石桥镇人民政府", "西岭县教育局", "青禾市人民政府"
    return [
        # 2025, replied in 2025
        Plan(cgz, d(2025, 2, 10), 0, 0, result="granted", files=1),
        Plan(cgz, d(2025, 3, 3), 1, 1, result="partial", files=1),
        Plan(cgz, d(2025, 4, 7), 6, 7, "post", third_party=(3, 10), result="denied_third_party"),
        Plan(cgz, d(2025, 5, 12), 2, 8, correction=(4, 9), result="granted", files=1),
        Plan(
            cgz,
            d(2025, 6, 16),
            3,
            3,
            result="unable_not_held",
            referral="东川县自然资源局，电话0991-6611004",
        ),
        Plan(
            cgz,
            d(2025, 9, 1),
            4,
            0,
            correction=(5, 0),
            result="other_no_correction",
            reply_after=30,
        ),
        Plan(hkz, d(2025, 3, 17), 7, 5, "email", result="unable_needs_creation"),
        Plan(hkz, d(2025, 8, 4), 5, 9, result="granted", extend=True, reply_after=30, files=1),
        Plan(dh, d(2025, 7, 7), 9, 4, "in_person", result="denied_process"),
        Plan(mz, d(2025, 4, 21), 8, 6, result="granted", files=1),
        Plan(mz, d(2025, 10, 13), 0, 5, result="notproc_repeat"),
        Plan(zr, d(2025, 5, 26), 10, 3, "post", result="partial", files=1),
        Plan(xx, d(2025, 11, 3), 2, 7, result="notproc_complaint"),
        Plan(sq, d(2025, 6, 2), 1, 8, result="granted", files=1),
        Plan(jy, d(2025, 9, 22), 6, 4, result="denied_internal"),
        Plan(city, d(2025, 8, 18), 9, 2, result="partial", files=1),
        # 2025, carried over and replied in 2026
        Plan(cgz, d(2025, 12, 15), 5, 1, result="granted", files=1),
        Plan(mz, d(2025, 12, 22), 7, 6, "fax", result="partial", files=1),
        Plan(zr, d(2025, 12, 29), 3, 3, result="unable_not_held"),
        # 2026, replied
        Plan(cgz, d(2026, 1, 19), 0, 8, result="notproc_excessive"),
        Plan(cgz, d(2026, 3, 9), 2, 0, result="granted", files=1),
        Plan(cgz, d(2026, 4, 13), 8, 1, result="partial", files=2),
        Plan(cgz, d(2026, 6, 8), 6, 4, third_party=(2, 9), result="partial", files=1),
        Plan(
            cgz, d(2026, 7, 6), 1, 5, correction=(3, 6), result="granted", files=1, delivered=False
        ),
        Plan(
            hkz,
            d(2026, 2, 2),
            4,
            9,
            result="unable_not_held",
            referral="东川县住房和城乡建设局，电话0991-6611005",
        ),
        Plan(hkz, d(2026, 5, 11), 10, 8, "in_person", result="granted", files=1),
        Plan(dh, d(2026, 3, 23), 3, 2, result="denied_process"),
        Plan(mz, d(2026, 4, 27), 5, 6, result="granted", files=1),
        Plan(
            mz,
            d(2026, 8, 17),
            9,
            5,
            result="partial",
            reply_after=25,
            files=1,
            delivered=False,
            tags=["late"],
        ),
        Plan(sq, d(2026, 5, 18), 2, 0, result="notproc_repeat"),
        Plan(jy, d(2026, 6, 22), 7, 4, "email", result="granted", files=1),
        Plan(city, d(2026, 9, 7), 0, 2, result="unable_needs_creation"),
        # 2026, open: overdue, due today / in 2 / in 5 working days, new, awaiting correction,
        # third party under way, extended into a year whose holidays are not yet known
        Plan(cgz, ago(23), 3, 6, tags=["overdue"]),
        Plan(mz, ago(21), 1, 5, "post", tags=["overdue"]),
        Plan(cgz, ago(20), 4, 1, tags=["due"]),
        Plan(hkz, ago(18), 6, 9, tags=["due"]),
        Plan(cgz, ago(15), 9, 7, tags=["due"]),
        Plan(dh, ago(2), 5, 8, tags=["new"]),
        Plan(cgz, ago(1), 2, 4, tags=["new"]),
        Plan(cgz, ago(6), 0, 9, correction=(3, 0)),
        Plan(mz, ago(12), 8, 6, third_party=(4, None)),
        Plan(cgz, ago(16), 10, 3, third_party=(2, None), extend=True),
    ]


def _applicant(who: int, topic: int, with_email: bool):
    kind, name, phone = PEOPLE[who]
    return services.ApplicantData(
        applicant_type=kind,
        applicant_name=name,
        contact_person="周经理" if kind != "natural_person" else "",
        phone=phone,
        email=f"applicant{who + 1}@example.com" if with_email else "",
        address=f"青禾市东川县人民路{100 + who}号",
        description=TOPICS[topic],
        medium="electronic" if who % 2 else "paper",
        delivery="online" if who % 3 else "post",
    )


def _build_one(plan: Plan, org: Organization, *, by, handler, calendar, today: date) -> InfoRequest:
    at = lambda start, n: min(add_workdays(start, n, calendar=calendar).day, today)  # noqa: E731
    received = plan.received
    info_request, _ = services.register_application(
        organization=org,
        by=by,
        data=_applicant(plan.who, plan.topic, with_email=plan.who % 4 == 0),
        channel=plan.channel,
        submitted_on=received - timedelta(days=2) if plan.channel == "post" else received,
        signed_for=received if plan.channel == "post" else None,
        confirmed=received if plan.channel in ("online", "fax", "email") else None,
        notify_applicant=False,
    )
    if "new" in plan.tags:
        return info_request
    services.assign_handler(info_request=info_request, by=by, handler=handler)
    clock = received
    if plan.correction:
        asked, corrected = plan.correction
        services.request_correction(
            info_request=info_request,
            by=handler,
            items="请写明所需信息的年度和具体项目名称。",
            requested_on=at(received, asked),
        )
        if corrected:
            clock = at(received, corrected)
            services.record_correction(
                info_request=info_request,
                by=handler,
                description=TOPICS[plan.topic] + "（限2025年度）",
                received_on=clock,
            )
    if plan.third_party:
        sent, answered = plan.third_party
        consultation = services.start_consultation(
            info_request=info_request,
            by=handler,
            third_party="青禾市某建材有限公司",
            sent_on=at(clock, sent),
        )
        if answered:
            services.record_consultation_answer(
                consultation=consultation,
                by=handler,
                answered_on=at(clock, answered),
                opinion="disagree" if plan.result == "denied_third_party" else "agree",
            )
    if plan.extend:
        services.approve_extension(
            info_request=info_request,
            by=by,
            reason="申请内容涉及多个年度的档案，需调取核对。",
            approved_on=at(clock, 18),
        )
    if plan.result is None:
        return info_request
    for index in range(plan.files):
        upload = SimpleUploadedFile(f"{TOPICS[plan.topic][:12]}（{index + 1}）.pdf", PDF)
        services.attach_file(info_request=info_request, by=handler, upload=upload)
    info_request.refresh_from_db()
    if plan.result == "other_no_correction":
        replied = at(info_request.correction.correct_by, 1)
    else:
        replied = at(clock, plan.reply_after)
    services.decide(
        info_request=info_request,
        by=handler,
        result=plan.result,
        reply_text=_reply_text(plan.result),
        referred_to=plan.referral,
        replied_on=replied,
    )
    if plan.delivered:
        services.record_delivery(
            info_request=info_request,
            by=handler,
            delivered_on=at(replied, 2),
            note="网上查看下载" if plan.who % 3 else "挂号信邮寄",
        )
    return info_request


def build(*, orgs: dict[str, Organization], by) -> dict:
    today = timezone.localdate()
    calendar = current_calendar()
    handlers = {}
    built = []
    for plan in _plans(today, calendar):
        org = orgs[plan.org]
        if org.pk not in handlers:
            editor = Membership.objects.filter(organization=org, role=Role.EDITOR).first()
            handlers[org.pk] = editor.user if editor else by
        built.append(
            _build_one(plan, org, by=by, handler=handlers[org.pk], calendar=calendar, today=today)
        )
    open_requests = InfoRequest.objects.open()
    return {
        "info_requests": len(built),
        "info_requests_open": open_requests.count(),
        "info_requests_overdue": open_requests.overdue(on=today).count(),
        "info_requests_replied": InfoRequest.objects.filter(status=Status.REPLIED).count(),
    }
