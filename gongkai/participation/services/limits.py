"""The time limits in force: an administrator's setting where there is one, else the rule's default."""

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.audit.services import record_event, user_or_none
from gongkai.orgs.access import Action, require
from gongkai.participation import clock
from gongkai.participation.models import (
    ConsultationPeriodSetting,
    MessageLimitSetting,
    ResponseLimitSetting,
)
from gongkai.rules.participation_limits import (
    DEFAULT_CONSULTATION_PERIODS,
    DEFAULT_MESSAGE_LIMITS,
    DEFAULT_RESPONSE_LIMITS,
    DecisionKind,
    MessageKind,
    MessageLimit,
    OpinionLevel,
    Period,
    PeriodUnit,
    check_configured_period,
    check_message_limit,
    check_response_limit,
)


def consultation_minimum(kind: str) -> Period:
    row = ConsultationPeriodSetting.objects.filter(kind=kind).first()
    if row:
        return Period(row.amount, PeriodUnit(row.unit))
    return DEFAULT_CONSULTATION_PERIODS[DecisionKind(kind)]


def message_limit(kind: str) -> MessageLimit:
    row = MessageLimitSetting.objects.filter(kind=kind).first()
    if row:
        return MessageLimit(row.accept_workdays, row.answer_workdays)
    return DEFAULT_MESSAGE_LIMITS[MessageKind(kind)]


def response_limit(level: str) -> Period:
    row = ResponseLimitSetting.objects.filter(level=level).first()
    if row:
        return Period(row.amount, PeriodUnit(row.unit))
    return DEFAULT_RESPONSE_LIMITS[OpinionLevel(level)]


def _require_platform_admin(by) -> None:
    # Platform-wide settings: `can` with no organization is granted to 系统管理员 only.
    require(by, Action.SUPERVISE, None)


def _save(model, key: dict, values: dict, *, by, action: str):
    row = model.objects.filter(**key).first()
    before = {k: getattr(row, k) for k in values} if row else None
    row, _ = model.objects.update_or_create(
        **key, defaults={**values, "updated_by": user_or_none(by)}
    )
    record_event(actor=by, action=action, target=row, before=before, after=values)
    return row


@transaction.atomic
def set_consultation_period(*, kind: str, amount: int, unit: str, by) -> ConsultationPeriodSetting:
    _require_platform_admin(by)
    try:
        check_configured_period(
            DecisionKind(kind),
            Period(amount, PeriodUnit(unit)),
            calendar=clock.holiday_calendar(),
            probe=clock.today(),
        )
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    return _save(
        ConsultationPeriodSetting,
        {"kind": kind},
        {"amount": amount, "unit": unit},
        by=by,
        action="participation.period_set",
    )


@transaction.atomic
def set_message_limit(
    *, kind: str, accept_workdays: int, answer_workdays: int, by
) -> MessageLimitSetting:
    _require_platform_admin(by)
    try:
        check_message_limit(MessageLimit(accept_workdays, answer_workdays))
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    return _save(
        MessageLimitSetting,
        {"kind": kind},
        {"accept_workdays": accept_workdays, "answer_workdays": answer_workdays},
        by=by,
        action="participation.message_limit_set",
    )


@transaction.atomic
def set_response_limit(*, level: str, amount: int, unit: str, by) -> ResponseLimitSetting:
    _require_platform_admin(by)
    try:
        check_response_limit(OpinionLevel(level), Period(amount, PeriodUnit(unit)))
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    return _save(
        ResponseLimitSetting,
        {"level": level},
        {"amount": amount, "unit": unit},
        by=by,
        action="participation.response_limit_set",
    )
