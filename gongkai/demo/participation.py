"""Demo data of 公众参与 for 青禾市, dated relative to today so that every phase shows.

Everything goes through the services, with the clock pinned to the day each step happened:
an open and a closed consultation of 城关镇 (with moderated comments and the 采纳情况), one
ended without feedback (and one overdue), answered, overdue and unrouted messages, two opinion
events with 转办单 (one answered within the 5 hours, one overdue and escalated), proposals and a
公众参与事项清单.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from gongkai.orgs.models import Membership, Organization, Role
from gongkai.participation import clock
from gongkai.participation.models import Message
from gongkai.participation.services import comments, consultations, messages, opinion, proposals

MARKET_RULES = """第一条 为规范城关镇农贸市场摊位管理，维护公平有序的经营环境，制定本办法。
第二条 摊位每年公开抽签分配一次，抽签结果在镇政务公开栏和镇政府网站公示5个工作日。
第三条 摊位费按每月每平方米20元收取，享受最低生活保障的经营户减半收取。
第四条 经营户不得转租、转让摊位；确需退出的，向市场管理办公室申请，由镇政府重新分配。
第五条 本办法自2025年5月1日起施行。"""

PARKING_RULES = """第一条 为缓解城关镇老街停车难，规范车辆停放，制定本办法。
第二条 老街两侧划设临时停车泊位，工作日8时至18时限时停放2小时。
第三条 中小学上下学时段，校门口50米内禁止停车，接送车辆即停即走。
第四条 占用消防通道、盲道停车的，由交警部门依法处理。
第五条 本办法自发布之日起施行，有效期3年。"""

ELDERLY_PLAN = """一、建设目标：到2027年，每个乡镇建成1所综合养老服务中心，村（社区）养老服务站覆盖率达到90%。
二、服务内容：助餐、助浴、助洁、助医和文化娱乐服务，优先保障特困、低保、高龄老年人。
三、资金保障：县财政每年安排专项资金，鼓励社会力量参与运营。
四、监督评估：每年委托第三方评估服务质量，结果向社会公开。"""


def _at(days_ago: int, hour: int = 10, minute: int = 0) -> datetime:
    """That time of the day ``days_ago`` days back, never later than now."""
    day = timezone.localdate() - timedelta(days=days_ago)
    moment = datetime.combine(day, time(hour, minute), tzinfo=timezone.get_current_timezone())
    return min(moment, timezone.now())


def _staff(organization: Organization, role: str = Role.EDITOR):
    membership = Membership.objects.filter(organization=organization, role=role).first()
    return membership.user if membership else None


def _consultation(org, by, *, kind, title, text, notes, days_ago, remarks):
    with clock.pinned(_at(days_ago)):
        consultation = consultations.create_consultation(
            organization=org,
            by=by,
            kind=kind,
            title=title,
            draft_text=text,
            drafting_notes=notes,
            contact=f"{org.name} {org.phone}",
        )
        consultation = consultations.publish_consultation(consultation=consultation, by=by)
    made = []
    for offset, (paragraph, body, verdict) in enumerate(remarks, start=1):
        submitted = _at(max(days_ago - offset, 0), 20)
        with clock.pinned(submitted):
            comment = comments.submit_comment(
                consultation=consultation, body=body, paragraph=paragraph
            )
        made.append((comment, verdict))
        if verdict == "pending":
            continue
        with clock.pinned(min(submitted + timedelta(hours=13), timezone.now())):
            if verdict == "spam":
                comments.hide_comment(comment=comment, by=by, reason="广告信息，与征求意见无关")
            else:
                comments.approve_comment(comment=comment, by=by)
    return consultation, made


def _decide_and_close(consultation, made, by, *, overview: str, days_ago: int) -> None:
    with clock.pinned(_at(days_ago)):
        for comment, verdict in made:
            if verdict in ("adopted", "partly", "not_adopted"):
                reasons = {
                    "adopted": "",
                    "partly": "抽签时邀请村民代表现场监督，不采用网络直播。",
                    "not_adopted": "摊位费用于市场保洁和设施维护，标准已低于县定指导价。",
                }
                comments.decide_adoption(
                    comment=comment, by=by, adoption=verdict, reason=reasons[verdict]
                )
        consultations.save_feedback_summary(consultation=consultation, by=by, overview=overview)
        consultations.close_consultation(consultation=consultation, by=by)


def _build_consultations(orgs, by) -> int:
    township = orgs["东川县城关镇人民政府"]
    editor = _staff(township) or by
    closed, made = _consultation(
        township,
        editor,
        kind="normative_document",
        title="城关镇农贸市场摊位管理办法（征求意见稿）",
        text=MARKET_RULES,
        notes="近年来群众反映摊位分配不透明、转租现象多。镇政府在调研基础上起草了本办法，重点规范摊位分配和收费。",
        days_ago=40,
        remarks=[
            (2, "建议抽签过程网络直播，并邀请村民代表现场监督。", "partly"),
            (3, "建议取消摊位费，减轻小摊贩负担。", "not_adopted"),
            (4, "退出摊位的重新分配也应公开抽签。", "adopted"),
            (None, "出售二手摊位，价格优惠，电话13800001234", "spam"),
        ],
    )
    _decide_and_close(
        closed,
        made,
        editor,
        overview="征求意见期间共收到意见4条，其中1条为广告信息未予公开。采纳1条、部分采纳1条、未采纳1条，"
        "办法第四条已增加“重新分配须公开抽签”的规定。感谢社会各界的关心和支持。",
        days_ago=20,
    )
    _consultation(
        township,
        editor,
        kind="normative_document",
        title="城关镇老街停车管理办法（征求意见稿）",
        text=PARKING_RULES,
        notes="老街商户和居民多次反映停车难。本办法在交警部门指导下起草，征求意见后报镇政府常务会议研究。",
        days_ago=2,
        remarks=[
            (2, "限时2小时太短，建议改为3小时。我的手机13912345678，欢迎联系。", "approved"),
            (3, "支持！校门口早上太堵了。", "approved"),
            (None, "希望同步公布泊位分布图。", "pending"),
        ],
    )
    department = orgs["东川县民政局"]
    _consultation(
        department,
        _staff(department) or by,
        kind="major_decision",
        title="东川县养老服务体系建设三年行动方案（征求意见稿）",
        text=ELDERLY_PLAN,
        notes="根据省市部署，县民政局起草了本方案，属于重大行政决策，公开征求意见不少于30日。",
        days_ago=5,
        remarks=[(2, "建议把失能老人的上门护理也列入服务内容。", "approved")],
    )
    neighbour = orgs["东川县河口镇人民政府"]
    _consultation(
        neighbour,
        _staff(neighbour) or by,
        kind="other",
        title="河口镇垃圾中转站选址方案（征求意见稿）",
        text="一、拟选址河口镇北侧工业园区内。\n二、建设规模日处理30吨。",
        notes="现有中转站距居民区过近，群众多次投诉。",
        days_ago=25,
        remarks=[(1, "新址离学校远一些更好。", "approved")],
    )
    far = orgs["西岭县石桥镇人民政府"]
    _consultation(
        far,
        by,
        kind="other",
        title="石桥镇集镇污水管网改造方案（征求意见稿）",
        text="一、改造主街污水管网3.2公里。\n二、施工期间分段封闭交通。",
        notes="集镇污水管网老化严重。",
        days_ago=60,
        remarks=[],
    )
    return 5


def _message(org, kind, subject, body, *, days_ago, **kwargs) -> Message:
    with clock.pinned(_at(days_ago, 9, 30)):
        return messages.submit_message(
            organization=org, kind=kind, subject=subject, body=body, **kwargs
        )


def _build_messages(orgs, by) -> int:
    township = orgs["东川县城关镇人民政府"]
    editor = _staff(township) or by
    answered = _message(
        township,
        "inquiry",
        "低保申请需要哪些材料",
        "我家在城关镇柳树村，电话13812345678，想给母亲申请低保，请问需要准备哪些材料？",
        days_ago=12,
        author_name="刘女士",
        phone="13812345678",
    )
    with clock.pinned(_at(10, 15)):
        messages.accept_message(message=answered, by=editor)
        messages.answer_message(
            message=answered,
            by=editor,
            answer="您好：申请低保需提供户口簿、身份证、家庭收入和财产情况说明，"
            "到镇便民服务中心社会救助窗口提交。我们已电话联系您，欢迎再来咨询。",
        )
        messages.rate_answer(message=answered, key=answered.access_key, rating="satisfied")
    late = _message(
        township,
        "complaint",
        "农贸市场门口占道经营",
        "每天早上农贸市场门口占道经营严重，车辆无法通行。",
        days_ago=30,
    )
    with clock.pinned(_at(3, 16)):
        messages.answer_message(
            message=late,
            by=editor,
            answer="您好：镇综合执法队已开展专项整治，划定临时疏导区，并安排人员早高峰值守。",
        )
        messages.rate_answer(message=late, key=late.access_key, rating="basically")
    _message(
        township,
        "inquiry",
        "老年人高龄补贴何时发放",
        "我父亲今年满80岁，请问高龄补贴什么时候开始发？",
        days_ago=15,
    )
    _message(
        township,
        "suggestion",
        "建议增设公交站台遮雨棚",
        "城关镇中心小学站台没有遮雨棚，下雨天学生淋雨。",
        days_ago=1,
        wants_private=True,
    )
    _message(
        None,
        "inquiry",
        "农村危房改造补助标准",
        "请问今年农村危房改造的补助标准是多少？不知道该问哪个部门。",
        days_ago=1,
    )
    return Message.objects.count()


def _build_opinion(orgs, by) -> int:
    county = orgs["东川县人民政府"]
    office = Membership.objects.filter(organization=county, role=Role.SUPERVISOR).first()
    officer = office.user if office else by
    township = orgs["东川县城关镇人民政府"]
    editor = _staff(township) or by
    with clock.pinned(_at(1, 7, 40)):
        event = opinion.register_opinion_event(
            organization=county,
            by=officer,
            title="城关镇部分小区自来水浑浊引发网民关注",
            source="online",
            source_detail="本地生活论坛",
            summary="多名网民在本地论坛发帖反映城关镇滨河小区等自来水发黄浑浊，担心饮水安全，帖子浏览量较大。",
            level="larger",
            discovered_at=_at(1, 7, 30),
        )
    with clock.pinned(_at(1, 8, 0)):
        opinion.assess_opinion_event(
            event=event,
            by=officer,
            assessment="涉及群众饮水安全，关注度上升较快，研判为重大舆情，须在5小时内发布权威信息。",
            level="major",
        )
        order = opinion.issue_transfer_order(
            event=event,
            organization=township,
            by=officer,
            requirements="请立即核查原因，5小时内发布权威信息，并反馈处置情况。",
        )
    with clock.pinned(_at(1, 11, 20)):
        opinion.respond_transfer_order(
            order=order,
            by=editor,
            report="经与县自来水公司核查，系管网冲洗导致短时浑浊，已完成冲洗，水质检测合格，已发布情况说明。",
        )
        opinion.publish_opinion_response(
            order=order,
            by=editor,
            title="关于城关镇部分小区自来水浑浊的情况说明",
            body="近日，有网民反映城关镇滨河小区等自来水发黄浑浊。经核查，系县自来水公司对老旧管网进行冲洗所致。"
            "目前冲洗已完成，经县疾控中心检测，水质各项指标合格。给大家带来的不便，敬请谅解。",
        )
    neighbour = orgs["东川县河口镇人民政府"]
    with clock.pinned(_at(12, 9, 0)):
        late_event = opinion.register_opinion_event(
            organization=county,
            by=officer,
            title="河口镇垃圾中转站异味扰民",
            source="hotline",
            summary="多名群众通过政务服务热线反映河口镇垃圾中转站夏季异味严重。",
            level="general",
            discovered_at=_at(12, 8, 30),
        )
        opinion.assess_opinion_event(
            event=late_event, by=officer, assessment="一般舆情，属地核实处置。"
        )
        opinion.issue_transfer_order(
            event=late_event,
            organization=neighbour,
            by=officer,
            requirements="请核实情况并反馈整改措施。",
        )
    opinion.escalate_overdue_transfer_orders()
    return 2


def _build_proposals(orgs, by) -> int:
    department = orgs["东川县民政局"]
    editor = _staff(department) or by
    year = timezone.localdate().year
    session = "东川县第十八届人民代表大会第三次会议"
    with clock.pinned(_at(60)):
        done = proposals.register_proposal(
            organization=department,
            by=editor,
            kind="npc",
            year=year,
            session=session,
            number="第12号",
            title="关于加快农村互助养老点建设的建议",
            summary="加快农村互助养老点建设",
            proposer="王建国代表",
            assigned_on=timezone.localdate() - timedelta(days=60),
        )
    with clock.pinned(_at(10)):
        proposals.reply_proposal(
            proposal=done,
            by=editor,
            reply="王建国代表：您提出的《关于加快农村互助养老点建设的建议》收悉。县民政局高度重视，"
            "已将农村互助养老点建设列入本年度民生实事，计划新建互助养老点20个，资金由县财政和福彩公益金共同保障。"
            "感谢您对民政工作的关心和支持。",
            replied_on=timezone.localdate() - timedelta(days=10),
        )
        proposals.publish_proposal(proposal=done, by=editor)
    with clock.pinned(_at(20)):
        proposals.register_proposal(
            organization=department,
            by=editor,
            kind="cppcc",
            year=year,
            session="政协东川县第十届委员会第三次会议",
            number="第7号",
            title="关于完善困难群众临时救助机制的提案",
            summary="完善临时救助机制",
            proposer="李明委员",
            assigned_on=timezone.localdate() - timedelta(days=20),
        )
    township = orgs["东川县城关镇人民政府"]
    township_editor = _staff(township) or by
    items = [
        ("城关镇老街停车管理办法", "老街沿线居民、商户，机动车驾驶人", ["公开征求意见", "座谈会"]),
        (
            "城关镇农贸市场改造方案",
            "农贸市场经营户、周边居民",
            ["公开征求意见", "听证会", "问卷调查"],
        ),
        ("城关镇2026年民生实事项目", "全镇居民", ["问卷调查", "民意调查"]),
    ]
    for title, scope, methods in items:
        proposals.add_participation_item(
            organization=township,
            by=township_editor,
            year=year,
            title=title,
            scope=scope,
            methods=methods,
            planned=f"{year}年内",
        )
    proposals.publish_participation_items(organization=township, year=year, by=township_editor)
    return 2


def build(*, orgs: dict[str, Organization], by) -> dict:
    """Build the demo's participation records; returns the figures to print."""
    return {
        "consultations": _build_consultations(orgs, by),
        "messages": _build_messages(orgs, by),
        "opinion_events": _build_opinion(orgs, by),
        "proposals": _build_proposals(orgs, by),
    }
