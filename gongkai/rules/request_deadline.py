"""The legal clock of a disclosure request under 《政府信息公开条例》(国务院令第711号).

Every step of the computation is kept, in Chinese, so that staff and applicants can see how
the due date was reached. Dates in a year the holiday calendar does not know are counted with
the weekend rule and the result is flagged ``uncertain``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from gongkai.rules.workdays import HolidayCalendar, add_workdays, count_workdays

# 《政府信息公开条例》第三十三条第一款: reply within 20 working days of receipt.
REPLY_WORKDAYS = 20
# 《政府信息公开条例》第三十三条第二款: extension of at most 20 working days.
MAX_EXTENSION_WORKDAYS = 20
# 《政府信息公开条例》第三十条: correction must be requested once, within 7 working days.
CORRECTION_NOTICE_WORKDAYS = 7
# 《政府信息公开条例》第三十二条: the third party answers within 15 working days.
THIRD_PARTY_WORKDAYS = 15
# Reminder thresholds (working days left) for due-soon lists.
DUE_SOON_WORKDAYS = (5, 2, 0)


class Channel(StrEnum):
    ONLINE = "online"
    IN_PERSON = "in_person"
    POST = "post"
    FAX = "fax"
    EMAIL = "email"

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]


_CHANNEL_LABELS = {
    Channel.ONLINE: "网上申请",
    Channel.IN_PERSON: "当面提交",
    Channel.POST: "邮寄",
    Channel.FAX: "传真",
    Channel.EMAIL: "电子邮件",
}


@dataclass(frozen=True)
class Step:
    label: str
    article: str
    day: date | None
    warning: str = ""


@dataclass(frozen=True)
class DeadlineResult:
    due: date
    steps: tuple[Step, ...]
    uncertain: bool
    unknown_years: tuple[int, ...]

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(step.warning for step in self.steps if step.warning)

    def as_dict(self) -> dict[str, Any]:
        return {
            "due": self.due.isoformat(),
            "steps": [
                {
                    "label": step.label,
                    "article": step.article,
                    "day": step.day.isoformat() if step.day else None,
                    "warning": step.warning,
                }
                for step in self.steps
            ],
            "uncertain": self.uncertain,
            "unknown_years": list(self.unknown_years),
        }


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def receipt_date(
    *,
    channel: Channel,
    submitted: date,
    signed_for: date | None = None,
    confirmed: date | None = None,
) -> date:
    """The legal day of receipt of an application."""
    # 《政府信息公开条例》第三十一条: in person = day submitted; post = day signed for
    # (ordinary letters: day confirmed); internet and fax = day both sides confirmed.
    try:
        channel = Channel(channel)
    except ValueError:
        raise ValueError(f"未知的提交方式：{channel}") from None
    if channel is Channel.IN_PERSON:
        return submitted
    if channel is Channel.POST:
        received = signed_for or confirmed
        if received is None:
            raise ValueError("邮寄申请须填写行政机关签收日期（无需签收的平常信函填写确认日期）")
    else:
        received = confirmed
        if received is None:
            raise ValueError(f"{channel.label}提交的申请须填写双方确认收到申请的日期")
    if received < submitted:
        raise ValueError("收到申请日期不能早于申请人提交（寄出）日期")
    return received


def _validate(
    *,
    received: date,
    correction_requested: date | None,
    correction_received: date | None,
    third_party_start: date | None,
    third_party_end: date | None,
    extension_days: int,
) -> None:
    if correction_received is not None and correction_requested is None:
        raise ValueError("填写了收到补正申请的日期，但未填写告知补正的日期")
    if correction_requested is not None:
        if correction_received is None:
            raise ValueError(
                "已告知补正但尚未收到补正后的申请：答复期限自收到补正申请之日起计算，暂无法确定"
            )
        if correction_requested < received:
            raise ValueError("告知补正日期不能早于收到申请日期")
        if correction_received < correction_requested:
            raise ValueError("收到补正申请日期不能早于告知补正日期")
    if third_party_end is not None and third_party_start is None:
        raise ValueError("填写了第三方答复日期，但未填写征求第三方意见的日期")
    if third_party_start is not None:
        if third_party_start < received:
            raise ValueError("征求第三方意见日期不能早于收到申请日期")
        if third_party_end is not None and third_party_end < third_party_start:
            raise ValueError("第三方答复日期不能早于征求第三方意见日期")
    if extension_days < 0:
        raise ValueError("延长答复期限的工作日数不能为负数")
    if extension_days > MAX_EXTENSION_WORKDAYS:
        raise ValueError("延长答复期限最长不超过20个工作日（第三十三条第二款）")


def _correction_step(
    received: date, requested: date, calendar: HolidayCalendar, unknown: set[int]
) -> Step:
    limit = add_workdays(received, CORRECTION_NOTICE_WORKDAYS, calendar=calendar)
    elapsed = count_workdays(received, requested, calendar=calendar)
    unknown.update(limit.unknown_years, elapsed.unknown_years)
    label = (
        f"{_cn(requested)}一次性告知补正（自收到申请之日起已过{elapsed.count}个工作日，"
        f"告知期限至{_cn(limit.day)}）"
    )
    warning = ""
    if requested > limit.day:
        warning = (
            f"补正告知应在收到申请之日起7个工作日内（{_cn(limit.day)}前）作出，"
            f"实际于{_cn(requested)}作出，已逾期"
        )
    return Step(label=label, article="第三十条", day=requested, warning=warning)


def _excluded_third_party_days(
    *,
    start: date,
    end: date | None,
    clock_start: date,
    calendar: HolidayCalendar,
    unknown: set[int],
) -> tuple[int, str]:
    """Working days not counted (第三十二条, 第三十三条第三款) and a Chinese description."""
    # 《政府信息公开条例》第三十二条: the third party has 15 working days; later time still counts.
    cap = add_workdays(start, THIRD_PARTY_WORKDAYS, calendar=calendar)
    unknown.update(cap.unknown_years)
    text = f"{_cn(start)}书面征求第三方意见"
    if end is None:
        last = cap.day
        text += f"，尚未收到答复，按15个工作日答复期限（至{_cn(cap.day)}）计算"
    elif end > cap.day:
        last = cap.day
        text += f"，{_cn(end)}收到答复，超过15个工作日答复期限，只扣除至{_cn(cap.day)}"
    else:
        last = end
        text += f"，{_cn(end)}收到答复"
    if start < clock_start:
        text += f"，{_cn(clock_start)}之前的时间不在答复期限内"
    excluded = count_workdays(max(start, clock_start), last, calendar=calendar)
    unknown.update(excluded.unknown_years)
    return excluded.count, text


def compute_due_date(
    *,
    received: date,
    calendar: HolidayCalendar,
    correction_requested: date | None = None,
    correction_received: date | None = None,
    third_party_start: date | None = None,
    third_party_end: date | None = None,
    extension_days: int = 0,
) -> DeadlineResult:
    """The last day on which the reply is still on time, with every step explained.

    ``third_party_end`` may be left empty while the third party has not answered: the whole
    15-working-day window is then excluded, as the regulation allows no more.
    """
    _validate(
        received=received,
        correction_requested=correction_requested,
        correction_received=correction_received,
        third_party_start=third_party_start,
        third_party_end=third_party_end,
        extension_days=extension_days,
    )
    unknown: set[int] = set()
    steps = [Step(label=f"收到申请：{_cn(received)}", article="第三十一条", day=received)]
    clock_start = received
    if correction_requested is not None and correction_received is not None:
        steps.append(_correction_step(received, correction_requested, calendar, unknown))
        clock_start = correction_received
        steps.append(
            Step(
                label=f"{_cn(clock_start)}收到补正后的申请，答复期限自该日重新起算",
                article="第三十条",
                day=clock_start,
            )
        )

    base = add_workdays(clock_start, REPLY_WORKDAYS, calendar=calendar)
    unknown.update(base.unknown_years)
    due = base.day
    steps.append(
        Step(
            label=f"自{_cn(clock_start)}起第20个工作日：{_cn(due)}",
            article="第三十三条第一款",
            day=due,
        )
    )

    if third_party_start is not None:
        excluded, text = _excluded_third_party_days(
            start=third_party_start,
            end=third_party_end,
            clock_start=clock_start,
            calendar=calendar,
            unknown=unknown,
        )
        pushed = add_workdays(due, excluded, calendar=calendar)
        unknown.update(pushed.unknown_years)
        due = pushed.day
        steps.append(
            Step(
                label=f"{text}；{excluded}个工作日不计入答复期限，顺延至{_cn(due)}",
                article="第三十二条、第三十三条第三款",
                day=due,
            )
        )

    if extension_days:
        extended = add_workdays(due, extension_days, calendar=calendar)
        unknown.update(extended.unknown_years)
        due = extended.day
        steps.append(
            Step(
                label=f"经政府信息公开工作机构负责人同意延长{extension_days}个工作日，至{_cn(due)}",
                article="第三十三条第二款",
                day=due,
            )
        )

    years = tuple(sorted(unknown))
    if years:
        steps.append(
            Step(
                label=f"{'、'.join(map(str, years))}年的节假日安排尚未录入，"
                "该年按周一至周五计算工作日，答复期限待核实",
                article="《全国年节及纪念日放假办法》",
                day=None,
            )
        )
    return DeadlineResult(due=due, steps=tuple(steps), uncertain=bool(years), unknown_years=years)


def working_days_left(*, due: date, today: date, calendar: HolidayCalendar) -> int:
    """Working days from ``today`` to ``due``; negative (at least -1) once ``today`` is past due."""
    if today <= due:
        return count_workdays(today, due, calendar=calendar).count
    late = count_workdays(due, today, calendar=calendar).count
    return -max(late, 1)
