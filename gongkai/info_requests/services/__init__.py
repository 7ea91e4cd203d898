"""What the 依申请公开 area does: every change of state, in a transaction, audited."""

from gongkai.info_requests.services.calendar import (
    recompute_open_deadlines,
    require_calendar_admin,
    save_holiday_year,
)
from gongkai.info_requests.services.handling import (
    approve_extension,
    assign_handler,
    default_correct_by,
    handlers_for,
    post_applicant_message,
    post_staff_message,
    record_consultation_answer,
    record_correction,
    request_correction,
    start_consultation,
    submit_correction,
)
from gongkai.info_requests.services.intake import (
    ApplicantData,
    applicant_link,
    applicant_problems,
    register_application,
    reissue_link,
    submit_online,
    token_hash,
)
from gongkai.info_requests.services.reminders import (
    mark_notices_read,
    notice_kind,
    send_reminders,
)
from gongkai.info_requests.services.replying import (
    FILE_TYPES,
    attach_file,
    decide,
    record_delivery,
    remove_file,
)

__all__ = [
    "FILE_TYPES",
    "ApplicantData",
    "applicant_link",
    "applicant_problems",
    "approve_extension",
    "assign_handler",
    "attach_file",
    "decide",
    "default_correct_by",
    "handlers_for",
    "mark_notices_read",
    "notice_kind",
    "post_applicant_message",
    "post_staff_message",
    "recompute_open_deadlines",
    "record_consultation_answer",
    "record_correction",
    "record_delivery",
    "register_application",
    "reissue_link",
    "remove_file",
    "request_correction",
    "require_calendar_admin",
    "save_holiday_year",
    "send_reminders",
    "start_consultation",
    "submit_correction",
    "submit_online",
    "token_hash",
]
