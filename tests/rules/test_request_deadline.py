"""Reply deadlines under 《政府信息公开条例》, every expected date counted by hand.

Each comment lists the working days counted after the clock start (start day not counted),
with 调休 weekend working days marked and the holiday spans in brackets.
"""

from datetime import date, timedelta
from typing import NamedTuple

import chinese_calendar
import pytest

from gongkai.rules.request_deadline import (
    Channel,
    DeadlineResult,
    Step,
    compute_due_date,
    receipt_date,
    working_days_left,
)
from gongkai.rules.workdays import YearSchedule, load_calendar

CAL = load_calendar()


class Case(NamedTuple):
    channel: Channel
    submitted: date
    due: date
    signed_for: date | None = None
    confirmed: date | None = None
    correction_requested: date | None = None
    correction_received: date | None = None
    third_party_start: date | None = None
    third_party_end: date | None = None
    extension_days: int = 0
    late_correction: bool = False
    unknown_years: tuple[int, ...] = ()


IN_PERSON = Channel.IN_PERSON

CASES = [
    # ---- 2024 春节: off 2/10–2/17, 调休 Sun 2/4 and Sun 2/18 ----
    pytest.param(
        # Thu 2/1: 2/2, 2/4(调休 Sun), 2/5–2/9 (7), [春节], 2/18(调休 Sun), 2/19–2/23 (13),
        # 2/26–3/1 (18), 3/4, 3/5 (20)
        Case(IN_PERSON, date(2024, 2, 1), date(2024, 3, 5)),
        id="2024-spring-festival-thursday",
    ),
    pytest.param(
        # Sat 2/3 (post signed for on a rest day): 2/4(调休), 2/5–2/9 (6), 2/18 (7), 2/19–2/23 (12),
        # 2/26–3/1 (17), 3/4, 3/5, 3/6 (20)
        Case(Channel.POST, date(2024, 2, 1), date(2024, 3, 6), signed_for=date(2024, 2, 3)),
        id="2024-received-on-saturday",
    ),
    pytest.param(
        # Tue 2/13 (online, confirmed during 春节): 2/18 (1), 2/19–2/23 (6), 2/26–3/1 (11),
        # 3/4–3/8 (16), 3/11–3/14 (20)
        Case(Channel.ONLINE, date(2024, 2, 12), date(2024, 3, 14), confirmed=date(2024, 2, 13)),
        id="2024-received-on-holiday",
    ),
    pytest.param(
        # ordinary letter, no signature, confirmed Wed 1/31: 2/1, 2/2, 2/4(调休) (3), 2/5–2/9 (8),
        # 2/18 (9), 2/19–2/23 (14), 2/26–3/1 (19), 3/4 (20)
        Case(Channel.POST, date(2024, 1, 29), date(2024, 3, 4), confirmed=date(2024, 1, 31)),
        id="2024-ordinary-letter-confirmed",
    ),
    # ---- 2024 中秋/国庆: 调休 Sat 9/14, Sun 9/29, Sat 10/12; off 9/15–17, 10/1–7 ----
    pytest.param(
        # Fri 9/27: 9/29(调休 Sun), 9/30 (2), [国庆], 10/8–10/11 (6), 10/12(调休 Sat) (7),
        # 10/14–10/18 (12), 10/21–10/25 (17), 10/28, 10/29, 10/30 (20)
        Case(IN_PERSON, date(2024, 9, 27), date(2024, 10, 30)),
        id="2024-national-day-friday",
    ),
    pytest.param(
        # Wed 9/11: 9/12, 9/13, 9/14(调休 Sat) (3), [中秋], 9/18–9/20 (6), 9/23–9/27 (11),
        # 9/29(调休) (12), 9/30 (13), [国庆], 10/8–10/11 (17), 10/12(调休) (18), 10/14, 10/15 (20)
        Case(IN_PERSON, date(2024, 9, 11), date(2024, 10, 15)),
        id="2024-mid-autumn-and-national-day",
    ),
    pytest.param(
        # fax sent Fri 9/27, confirmed Sun 9/29 (a 调休 working day): 9/30 (1), 10/8–10/11 (5),
        # 10/12 (6), 10/14–10/18 (11), 10/21–10/25 (16), 10/28–10/31 (20)
        Case(Channel.FAX, date(2024, 9, 27), date(2024, 10, 31), confirmed=date(2024, 9, 29)),
        id="2024-fax-confirmed-on-makeup-sunday",
    ),
    # ---- 2025 春节: off 1/28–2/4, 调休 Sun 1/26 and Sat 2/8; Mon 1/27 ordinary ----
    pytest.param(
        # Fri 1/24: 1/26(调休 Sun), 1/27 (2), [春节], 2/5–2/7 (5), 2/8(调休 Sat) (6),
        # 2/10–2/14 (11), 2/17–2/21 (16), 2/24–2/27 (20)
        Case(IN_PERSON, date(2025, 1, 24), date(2025, 2, 27)),
        id="2025-spring-festival-friday",
    ),
    pytest.param(
        # Mon 1/27: 2/5–2/7 (3), 2/8(调休) (4), 2/10–2/14 (9), 2/17–2/21 (14), 2/24–2/28 (19),
        # 3/3 (20)
        Case(IN_PERSON, date(2025, 1, 27), date(2025, 3, 3)),
        id="2025-eve-of-spring-festival",
    ),
    pytest.param(
        # Sun 1/26 (调休 working day, in person): 1/27 (1), 2/5–2/7 (4), 2/8 (5), 2/10–2/14 (10),
        # 2/17–2/21 (15), 2/24–2/28 (20)
        Case(IN_PERSON, date(2025, 1, 26), date(2025, 2, 28)),
        id="2025-received-on-makeup-sunday",
    ),
    pytest.param(
        # e-mail sent Thu 1/23, confirmed Fri 1/24 → same count as the Friday case
        Case(Channel.EMAIL, date(2025, 1, 23), date(2025, 2, 27), confirmed=date(2025, 1, 24)),
        id="2025-email-confirmed-next-day",
    ),
    pytest.param(
        # Mon 1/6: 1/7–1/10 (4), 1/13–1/17 (9), 1/20–1/24 (14), 1/26(调休) (15), 1/27 (16),
        # [春节], 2/5–2/7 (19), 2/8(调休 Sat) (20) — the due day is a Saturday
        Case(IN_PERSON, date(2025, 1, 6), date(2025, 2, 8)),
        id="2025-due-on-makeup-saturday",
    ),
    # ---- 2025 国庆/中秋: off 10/1–10/8, 调休 Sun 9/28 and Sat 10/11 ----
    pytest.param(
        # Thu 9/25: 9/26, 9/28(调休 Sun), 9/29, 9/30 (4), [国庆], 10/9, 10/10 (6),
        # 10/11(调休 Sat) (7), 10/13–10/17 (12), 10/20–10/24 (17), 10/27–10/29 (20)
        Case(IN_PERSON, date(2025, 9, 25), date(2025, 10, 29)),
        id="2025-national-day-thursday",
    ),
    pytest.param(
        # posted Mon 9/22, signed for Thu 9/25 → the Thursday count
        Case(Channel.POST, date(2025, 9, 22), date(2025, 10, 29), signed_for=date(2025, 9, 25)),
        id="2025-post-signed-for",
    ),
    pytest.param(
        # Mon 9/22 in person: 9/23–9/26 (4), 9/28(调休) (5), 9/29, 9/30 (7), 10/9, 10/10 (9),
        # 10/11(调休) (10), 10/13–10/17 (15), 10/20–10/24 (20)
        Case(IN_PERSON, date(2025, 9, 22), date(2025, 10, 24)),
        id="2025-in-person-monday",
    ),
    pytest.param(
        # Fri 10/3 (online, confirmed during 国庆): 10/9, 10/10, 10/11(调休) (3),
        # 10/13–10/17 (8), 10/20–10/24 (13), 10/27–10/31 (18), 11/3, 11/4 (20)
        Case(Channel.ONLINE, date(2025, 10, 2), date(2025, 11, 4), confirmed=date(2025, 10, 3)),
        id="2025-received-on-holiday",
    ),
    pytest.param(
        # Sat 9/27 (online, confirmed on a rest day): 9/28(调休) (1), 9/29, 9/30 (3),
        # 10/9–10/11 (6), 10/13–10/17 (11), 10/20–10/24 (16), 10/27–10/30 (20)
        Case(Channel.ONLINE, date(2025, 9, 27), date(2025, 10, 30), confirmed=date(2025, 9, 27)),
        id="2025-received-on-saturday",
    ),
    # ---- 2026 春节: off 2/15–2/23, 调休 Sat 2/14 and Sat 2/28 ----
    pytest.param(
        # Wed 2/11: 2/12, 2/13, 2/14(调休 Sat) (3), [春节], 2/24–2/27 (7), 2/28(调休 Sat) (8),
        # 3/2–3/6 (13), 3/9–3/13 (18), 3/16, 3/17 (20)
        Case(IN_PERSON, date(2026, 2, 11), date(2026, 3, 17)),
        id="2026-spring-festival-wednesday",
    ),
    pytest.param(
        # Fri 2/13: 2/14 (1), 2/24–2/27 (5), 2/28 (6), 3/2–3/6 (11), 3/9–3/13 (16),
        # 3/16–3/19 (20)
        Case(IN_PERSON, date(2026, 2, 13), date(2026, 3, 19)),
        id="2026-spring-festival-friday",
    ),
    pytest.param(
        # Sat 2/14 (调休 working day): 2/24–2/27 (4), 2/28 (5), 3/2–3/6 (10), 3/9–3/13 (15),
        # 3/16–3/20 (20)
        Case(IN_PERSON, date(2026, 2, 14), date(2026, 3, 20)),
        id="2026-received-on-makeup-saturday",
    ),
    pytest.param(
        # Mon 2/23 (last holiday): 2/24–2/27 (4), 2/28 (5), 3/2–3/6 (10), 3/9–3/13 (15),
        # 3/16–3/20 (20)
        Case(Channel.ONLINE, date(2026, 2, 21), date(2026, 3, 20), confirmed=date(2026, 2, 23)),
        id="2026-received-on-last-holiday",
    ),
    pytest.param(
        # online Sun 2/15, confirmed Tue 2/24: 2/25–2/27 (3), 2/28 (4), 3/2–3/6 (9),
        # 3/9–3/13 (14), 3/16–3/20 (19), 3/23 (20)
        Case(Channel.ONLINE, date(2026, 2, 15), date(2026, 3, 23), confirmed=date(2026, 2, 24)),
        id="2026-online-confirmed-after-festival",
    ),
    # ---- 2026 中秋/国庆: 调休 Sun 9/20 and Sat 10/10; off 9/25–27 and 10/1–7 ----
    pytest.param(
        # Fri 9/18: 9/20(调休 Sun), 9/21–9/24 (5), [中秋], 9/28–9/30 (8), [国庆], 10/8, 10/9 (10),
        # 10/10(调休 Sat) (11), 10/12–10/16 (16), 10/19–10/22 (20)
        Case(IN_PERSON, date(2026, 9, 18), date(2026, 10, 22)),
        id="2026-national-day-friday",
    ),
    pytest.param(
        # Wed 9/30: 10/8, 10/9, 10/10 (3), 10/12–10/16 (8), 10/19–10/23 (13), 10/26–10/30 (18),
        # 11/2, 11/3 (20)
        Case(IN_PERSON, date(2026, 9, 30), date(2026, 11, 3)),
        id="2026-eve-of-national-day",
    ),
    # ---- 补正 (第三十条): the clock restarts on the day the corrected application arrives ----
    pytest.param(
        # Mon 2025-9-22; notice on 9/30 = 7th working day (9/23–26, 9/28, 9/29, 9/30): in time.
        # From Thu 10/9: 10/10, 10/11(调休) (2), 10/13–10/17 (7), 10/20–10/24 (12),
        # 10/27–10/31 (17), 11/3–11/5 (20)
        Case(
            IN_PERSON,
            date(2025, 9, 22),
            date(2025, 11, 5),
            correction_requested=date(2025, 9, 30),
            correction_received=date(2025, 10, 9),
        ),
        id="correction-on-7th-workday",
    ),
    pytest.param(
        # Mon 2025-9-22; limit 9/30, notice on 10/9 = 8th working day: late (warning).
        # From Mon 10/13: 10/14–10/17 (4), 10/20–10/24 (9), 10/27–10/31 (14), 11/3–11/7 (19),
        # 11/10 (20)
        Case(
            IN_PERSON,
            date(2025, 9, 22),
            date(2025, 11, 10),
            correction_requested=date(2025, 10, 9),
            correction_received=date(2025, 10, 13),
            late_correction=True,
        ),
        id="correction-late-8th-workday",
    ),
    pytest.param(
        # Mon 2026-2-9; limit: 2/10–2/13 (4), 2/14 (5), 2/24, 2/25 (7); notice 2/13 in time.
        # Corrected application Sat 2/28 (调休): 3/2–3/6 (5), 3/9–3/13 (10), 3/16–3/20 (15),
        # 3/23–3/27 (20)
        Case(
            IN_PERSON,
            date(2026, 2, 9),
            date(2026, 3, 27),
            correction_requested=date(2026, 2, 13),
            correction_received=date(2026, 2, 28),
        ),
        id="correction-across-2026-spring-festival",
    ),
    pytest.param(
        # Thu 2024-2-1; limit: 2/2, 2/4, 2/5–2/9 → 2/9; notice Sun 2/18 (调休) = 8th: late.
        # From Tue 2/20: 2/21–2/23 (3), 2/26–3/1 (8), 3/4–3/8 (13), 3/11–3/15 (18), 3/18, 3/19 (20)
        Case(
            IN_PERSON,
            date(2024, 2, 1),
            date(2024, 3, 19),
            correction_requested=date(2024, 2, 18),
            correction_received=date(2024, 2, 20),
            late_correction=True,
        ),
        id="correction-late-across-2024-spring-festival",
    ),
    pytest.param(
        # Wed 2026-9-30; notice the same day (0 working days elapsed); corrected Thu 10/8:
        # 10/9, 10/10(调休) (2), 10/12–10/16 (7), 10/19–10/23 (12), 10/26–10/30 (17),
        # 11/2–11/4 (20)
        Case(
            IN_PERSON,
            date(2026, 9, 30),
            date(2026, 11, 4),
            correction_requested=date(2026, 9, 30),
            correction_received=date(2026, 10, 8),
        ),
        id="correction-same-day",
    ),
    # ---- third party (第三十二条, 第三十三条第三款) ----
    pytest.param(
        # Thu 2025-9-25, base due 10/29. Letter Tue 9/30, answer Fri 10/17: not counted
        # 10/9, 10/10, 10/11, 10/13–10/17 = 8 (cap 10/28 not reached).
        # 10/29 + 8: 10/30, 10/31, 11/3–11/7, 11/10
        Case(
            IN_PERSON,
            date(2025, 9, 25),
            date(2025, 11, 10),
            third_party_start=date(2025, 9, 30),
            third_party_end=date(2025, 10, 17),
        ),
        id="third-party-within-15",
    ),
    pytest.param(
        # Mon 2026-9-14: 9/15–9/18 (4), 9/20 (5), 9/21–9/24 (9), 9/28–9/30 (12), 10/8–10/10 (15),
        # 10/12–10/16 (20) → base 10/16. Letter Fri 9/18; 15 working days: 9/20–9/24 (5),
        # 9/28–9/30 (8), 10/8–10/10 (11), 10/12–10/15 (15) → cap 10/15; answer 10/30 is later,
        # so 15 are not counted. 10/16 + 15: 10/19–10/23 (5), 10/26–10/30 (10), 11/2–11/6 (15)
        Case(
            IN_PERSON,
            date(2026, 9, 14),
            date(2026, 11, 6),
            third_party_start=date(2026, 9, 18),
            third_party_end=date(2026, 10, 30),
        ),
        id="third-party-capped-at-15",
    ),
    pytest.param(
        # Same as above but no answer yet: the full 15-working-day window is excluded.
        Case(
            IN_PERSON,
            date(2026, 9, 14),
            date(2026, 11, 6),
            third_party_start=date(2026, 9, 18),
        ),
        id="third-party-no-answer",
    ),
    pytest.param(
        # Sat 2024-2-3, base due 3/6. Letter Thu 2/8, answer Mon 2/19: not counted
        # 2/9, 2/18(调休), 2/19 = 3. 3/6 + 3: 3/7, 3/8, 3/11
        Case(
            Channel.POST,
            date(2024, 2, 1),
            date(2024, 3, 11),
            signed_for=date(2024, 2, 3),
            third_party_start=date(2024, 2, 8),
            third_party_end=date(2024, 2, 19),
        ),
        id="third-party-across-2024-spring-festival",
    ),
    pytest.param(
        # Mon 2025-9-22; correction notice 9/23, letter to third party Wed 9/24, answer Fri 10/10,
        # corrected application Thu 10/9. The clock starts 10/9 (base 11/5), so only 10/10
        # falls in the clock: 1 not counted. 11/5 + 1 = 11/6
        Case(
            IN_PERSON,
            date(2025, 9, 22),
            date(2025, 11, 6),
            correction_requested=date(2025, 9, 23),
            correction_received=date(2025, 10, 9),
            third_party_start=date(2025, 9, 24),
            third_party_end=date(2025, 10, 10),
        ),
        id="third-party-before-clock-restart",
    ),
    # ---- extension (第三十三条第二款) ----
    pytest.param(
        # Thu 2025-9-25, base 10/29; +20: 10/30, 10/31 (2), 11/3–11/7 (7), 11/10–11/14 (12),
        # 11/17–11/21 (17), 11/24–11/26 (20)
        Case(IN_PERSON, date(2025, 9, 25), date(2025, 11, 26), extension_days=20),
        id="extension-20",
    ),
    pytest.param(
        # Mon 2025-1-6, base Sat 2/8 (调休); +5: 2/10–2/14
        Case(IN_PERSON, date(2025, 1, 6), date(2025, 2, 14), extension_days=5),
        id="extension-5-from-makeup-saturday",
    ),
    pytest.param(
        # Fri 2024-9-6: 9/9–9/13 (5), 9/14(调休) (6), 9/18–9/20 (9), 9/23–9/27 (14), 9/29 (15),
        # 9/30 (16), 10/8–10/11 (20) → base 10/11; +20: 10/12(调休) (1), 10/14–10/18 (6),
        # 10/21–10/25 (11), 10/28–11/1 (16), 11/4–11/7 (20)
        Case(IN_PERSON, date(2024, 9, 6), date(2024, 11, 7), extension_days=20),
        id="extension-20-across-2024-national-day",
    ),
    # ---- all three ----
    pytest.param(
        # Tue 2026-9-8; notice Thu 9/17 = 7th working day (9/9–9/11, 9/14–9/17): in time.
        # Corrected Fri 9/18 → base 10/22 (see the 2026 Friday case). Letter Wed 9/23, answer
        # Mon 10/12: not counted 9/24, 9/28–9/30, 10/8–10/10, 10/12 = 8 (cap 15 not reached).
        # 10/22 + 8: 10/23, 10/26–10/30, 11/2, 11/3 → 11/3; +10: 11/4–11/6, 11/9–11/13,
        # 11/16, 11/17
        Case(
            IN_PERSON,
            date(2026, 9, 8),
            date(2026, 11, 17),
            correction_requested=date(2026, 9, 17),
            correction_received=date(2026, 9, 18),
            third_party_start=date(2026, 9, 23),
            third_party_end=date(2026, 10, 12),
            extension_days=10,
        ),
        id="all-three-2026-national-day",
    ),
    pytest.param(
        # Mon 2024-12-16; limit 12/17–12/20, 12/23–12/25 → 12/25; notice Fri 12/27 (9th): late.
        # Corrected Mon 12/30: 12/31 (1), [元旦 1/1], 1/2, 1/3 (3), 1/6–1/10 (8), 1/13–1/17 (13),
        # 1/20–1/24 (18), 1/26(调休) (19), 1/27 (20) → base 2025-1-27.
        # Letter Thu 1/2; 15 working days: 1/3, 1/6–1/10, 1/13–1/17, 1/20–1/23 → cap 1/23;
        # answer 2/17 is later: 15 not counted. 1/27 + 15: 2/5–2/7 (3), 2/8(调休) (4),
        # 2/10–2/14 (9), 2/17–2/21 (14), 2/24 (15); +20: 2/25–2/28 (4), 3/3–3/7 (9),
        # 3/10–3/14 (14), 3/17–3/21 (19), 3/24 (20)
        Case(
            IN_PERSON,
            date(2024, 12, 16),
            date(2025, 3, 24),
            correction_requested=date(2024, 12, 27),
            correction_received=date(2024, 12, 30),
            third_party_start=date(2025, 1, 2),
            third_party_end=date(2025, 2, 17),
            extension_days=20,
            late_correction=True,
        ),
        id="all-three-late-correction-capped-third-party",
    ),
    # ---- end of the known calendar ----
    pytest.param(
        # Tue 2026-12-1: 12/2–12/4 (3), 12/7–12/11 (8), 12/14–12/18 (13), 12/21–12/25 (18),
        # 12/28, 12/29 (20) — stops inside 2026: certain
        Case(IN_PERSON, date(2026, 12, 1), date(2026, 12, 29)),
        id="2026-december-certain",
    ),
    pytest.param(
        # Mon 2026-12-14: 12/15–12/18 (4), 12/21–12/25 (9), 12/28–12/31 (13), Fri 2027-1-1 counted
        # by the weekend rule (14), 1/4–1/8 (19), 1/11 (20) — uncertain
        Case(IN_PERSON, date(2026, 12, 14), date(2027, 1, 11), unknown_years=(2027,)),
        id="into-2027-uncertain",
    ),
    pytest.param(
        # Mon 2027-3-1 (weekend rule): 3/2–3/5 (4), 3/8–3/12 (9), 3/15–3/19 (14),
        # 3/22–3/26 (19), 3/29 (20)
        Case(IN_PERSON, date(2027, 3, 1), date(2027, 3, 29), unknown_years=(2027,)),
        id="2027-uncertain",
    ),
]


def _compute(case: Case) -> DeadlineResult:
    received = receipt_date(
        channel=case.channel,
        submitted=case.submitted,
        signed_for=case.signed_for,
        confirmed=case.confirmed,
    )
    return compute_due_date(
        received=received,
        calendar=CAL,
        correction_requested=case.correction_requested,
        correction_received=case.correction_received,
        third_party_start=case.third_party_start,
        third_party_end=case.third_party_end,
        extension_days=case.extension_days,
    )


@pytest.mark.parametrize("case", CASES)
def test_due_date(case):
    result = _compute(case)
    assert result.due == case.due
    assert result.steps[-1 - bool(case.unknown_years)].day == case.due
    assert result.uncertain is bool(case.unknown_years)
    assert result.unknown_years == case.unknown_years
    assert bool(result.warnings) is case.late_correction


def _naive_due(case: Case) -> date:
    """Independent reckoning straight from chinese_calendar: index into a list of workdays."""
    received = case.signed_for or case.confirmed or case.submitted
    start = case.correction_received or received
    horizon = min(start + timedelta(days=150), date(2026, 12, 31))
    workdays = [d for d in chinese_calendar.get_workdays(start, horizon) if d > start]
    not_counted = 0
    if case.third_party_start:
        after = case.third_party_start
        answer_window = chinese_calendar.get_workdays(after, after + timedelta(days=60))
        answer_window = [d for d in answer_window if d > after][:15]
        last = min(case.third_party_end or answer_window[-1], answer_window[-1])
        not_counted = sum(1 for d in answer_window if start < d <= last)
    return workdays[20 + not_counted + case.extension_days - 1]


@pytest.mark.parametrize(
    "case", [p for p in CASES if not p.values[0].unknown_years and p.values[0].due.year < 2027]
)
def test_hand_counts_agree_with_naive_reckoning(case):
    assert _naive_due(case) == case.due


def test_at_least_thirty_cases():
    assert len(CASES) >= 30


def test_steps_explain_the_computation():
    result = compute_due_date(
        received=date(2024, 12, 16),
        calendar=CAL,
        correction_requested=date(2024, 12, 27),
        correction_received=date(2024, 12, 30),
        third_party_start=date(2025, 1, 2),
        third_party_end=date(2025, 2, 17),
        extension_days=20,
    )
    assert result.steps == (
        Step("收到申请：2024年12月16日", "第三十一条", date(2024, 12, 16)),
        Step(
            "2024年12月27日一次性告知补正（自收到申请之日起已过9个工作日，"
            "告知期限至2024年12月25日）",
            "第三十条",
            date(2024, 12, 27),
            "补正告知应在收到申请之日起7个工作日内（2024年12月25日前）作出，"
            "实际于2024年12月27日作出，已逾期",
        ),
        Step(
            "2024年12月30日收到补正后的申请，答复期限自该日重新起算",
            "第三十条",
            date(2024, 12, 30),
        ),
        Step(
            "自2024年12月30日起第20个工作日：2025年1月27日", "第三十三条第一款", date(2025, 1, 27)
        ),
        Step(
            "2025年1月2日书面征求第三方意见，2025年2月17日收到答复，超过15个工作日答复期限，"
            "只扣除至2025年1月23日；15个工作日不计入答复期限，顺延至2025年2月24日",
            "第三十二条、第三十三条第三款",
            date(2025, 2, 24),
        ),
        Step(
            "经政府信息公开工作机构负责人同意延长20个工作日，至2025年3月24日",
            "第三十三条第二款",
            date(2025, 3, 24),
        ),
    )


def test_third_party_step_texts():
    pending = compute_due_date(
        received=date(2026, 9, 14), calendar=CAL, third_party_start=date(2026, 9, 18)
    )
    assert pending.steps[-1].label == (
        "2026年9月18日书面征求第三方意见，尚未收到答复，按15个工作日答复期限（至2026年10月15日）"
        "计算；15个工作日不计入答复期限，顺延至2026年11月6日"
    )
    before_restart = compute_due_date(
        received=date(2025, 9, 22),
        calendar=CAL,
        correction_requested=date(2025, 9, 23),
        correction_received=date(2025, 10, 9),
        third_party_start=date(2025, 9, 24),
        third_party_end=date(2025, 10, 10),
    )
    assert before_restart.steps[-1].label == (
        "2025年9月24日书面征求第三方意见，2025年10月10日收到答复，"
        "2025年10月9日之前的时间不在答复期限内；1个工作日不计入答复期限，顺延至2025年11月6日"
    )


def test_uncertain_result_says_why():
    result = compute_due_date(received=date(2026, 12, 14), calendar=CAL)
    assert result.steps[-1] == Step(
        "2027年的节假日安排尚未录入，该年按周一至周五计算工作日，答复期限待核实",
        "《全国年节及纪念日放假办法》",
        None,
    )


def test_as_dict():
    result = compute_due_date(
        received=date(2025, 9, 22),
        calendar=CAL,
        correction_requested=date(2025, 9, 30),
        correction_received=date(2025, 10, 9),
    )
    assert result.as_dict() == {
        "due": "2025-11-05",
        "steps": [
            {
                "label": "收到申请：2025年9月22日",
                "article": "第三十一条",
                "day": "2025-09-22",
                "warning": "",
            },
            {
                "label": "2025年9月30日一次性告知补正（自收到申请之日起已过7个工作日，"
                "告知期限至2025年9月30日）",
                "article": "第三十条",
                "day": "2025-09-30",
                "warning": "",
            },
            {
                "label": "2025年10月9日收到补正后的申请，答复期限自该日重新起算",
                "article": "第三十条",
                "day": "2025-10-09",
                "warning": "",
            },
            {
                "label": "自2025年10月9日起第20个工作日：2025年11月5日",
                "article": "第三十三条第一款",
                "day": "2025-11-05",
                "warning": "",
            },
        ],
        "uncertain": False,
        "unknown_years": [],
    }
    uncertain = compute_due_date(received=date(2027, 3, 1), calendar=CAL).as_dict()
    assert uncertain["uncertain"] is True
    assert uncertain["unknown_years"] == [2027]
    assert uncertain["steps"][-1]["day"] is None


def test_extra_year_removes_uncertainty():
    cal = load_calendar(
        [
            YearSchedule(
                year=2027,
                holidays=frozenset({date(2027, 1, 1)}),
                makeup_workdays=frozenset(),
            )
        ]
    )
    # As the uncertain case, but Fri 1/1 is now a holiday: the 20th day moves to Tue 1/12.
    result = compute_due_date(received=date(2026, 12, 14), calendar=cal)
    assert (result.due, result.uncertain, result.unknown_years) == (date(2027, 1, 12), False, ())


@pytest.mark.parametrize(
    ("channel", "kwargs", "expected"),
    [
        (Channel.IN_PERSON, {"submitted": date(2025, 3, 3)}, date(2025, 3, 3)),
        (
            Channel.IN_PERSON,
            {"submitted": date(2025, 3, 3), "confirmed": date(2025, 3, 5)},
            date(2025, 3, 3),
        ),
        (
            Channel.POST,
            {"submitted": date(2025, 3, 3), "signed_for": date(2025, 3, 6)},
            date(2025, 3, 6),
        ),
        (
            Channel.POST,
            {"submitted": date(2025, 3, 3), "confirmed": date(2025, 3, 7)},
            date(2025, 3, 7),
        ),
        (
            Channel.ONLINE,
            {"submitted": date(2025, 3, 3), "confirmed": date(2025, 3, 4)},
            date(2025, 3, 4),
        ),
        (
            Channel.FAX,
            {"submitted": date(2025, 3, 3), "confirmed": date(2025, 3, 3)},
            date(2025, 3, 3),
        ),
        (
            "email",
            {"submitted": date(2025, 3, 3), "confirmed": date(2025, 3, 10)},
            date(2025, 3, 10),
        ),
    ],
)
def test_receipt_date(channel, kwargs, expected):
    assert receipt_date(channel=channel, **kwargs) == expected


@pytest.mark.parametrize(
    ("channel", "kwargs", "message"),
    [
        (Channel.POST, {}, "邮寄申请须填写行政机关签收日期"),
        (Channel.ONLINE, {"signed_for": date(2025, 3, 4)}, "网上申请提交的申请须填写双方确认"),
        (Channel.FAX, {}, "传真提交的申请须填写双方确认"),
        (Channel.EMAIL, {}, "电子邮件提交的申请须填写双方确认"),
        (Channel.POST, {"signed_for": date(2025, 3, 2)}, "收到申请日期不能早于申请人提交"),
        (Channel.ONLINE, {"confirmed": date(2025, 2, 28)}, "收到申请日期不能早于申请人提交"),
    ],
)
def test_receipt_date_errors(channel, kwargs, message):
    with pytest.raises(ValueError, match=message):
        receipt_date(channel=channel, submitted=date(2025, 3, 3), **kwargs)


def test_unknown_channel_is_rejected():
    with pytest.raises(ValueError, match="未知的提交方式：pigeon"):
        receipt_date(channel="pigeon", submitted=date(2025, 3, 3))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"correction_received": date(2025, 3, 10)}, "未填写告知补正的日期"),
        ({"correction_requested": date(2025, 3, 5)}, "尚未收到补正后的申请"),
        (
            {"correction_requested": date(2025, 3, 2), "correction_received": date(2025, 3, 10)},
            "告知补正日期不能早于收到申请日期",
        ),
        (
            {"correction_requested": date(2025, 3, 5), "correction_received": date(2025, 3, 4)},
            "收到补正申请日期不能早于告知补正日期",
        ),
        ({"third_party_end": date(2025, 3, 10)}, "未填写征求第三方意见的日期"),
        ({"third_party_start": date(2025, 2, 28)}, "征求第三方意见日期不能早于收到申请日期"),
        (
            {"third_party_start": date(2025, 3, 10), "third_party_end": date(2025, 3, 7)},
            "第三方答复日期不能早于征求第三方意见日期",
        ),
        ({"extension_days": 21}, "延长答复期限最长不超过20个工作日"),
        ({"extension_days": -1}, "不能为负数"),
    ],
)
def test_validation_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        compute_due_date(received=date(2025, 3, 3), calendar=CAL, **kwargs)


@pytest.mark.parametrize(
    ("due", "today", "expected"),
    [
        # due Tue 2025-9-30: from Wed 9/24 → 9/25, 9/26, 9/28(调休), 9/29, 9/30
        (date(2025, 9, 30), date(2025, 9, 24), 5),
        (date(2025, 9, 30), date(2025, 9, 27), 3),  # Sat: 9/28, 9/29, 9/30
        (date(2025, 9, 30), date(2025, 9, 25), 4),  # Thu: 9/26, 9/28, 9/29, 9/30
        (date(2025, 9, 30), date(2025, 9, 29), 1),
        (date(2025, 9, 30), date(2025, 9, 30), 0),
        # due Wed 2025-10-29 from Tue 9/30: 10/9–10/11 (3), 10/13–10/17 (8), 10/20–10/24 (13),
        # 10/27–10/29 (16)
        (date(2025, 10, 29), date(2025, 9, 30), 16),
        # due Fri 2024-9-27: late from Sat 9/28 on
        (date(2024, 9, 27), date(2024, 9, 28), -1),  # rest day, but already late
        (date(2024, 9, 27), date(2024, 9, 29), -1),  # Sun 调休 working day
        (date(2024, 9, 27), date(2024, 9, 30), -2),
        (date(2024, 9, 27), date(2024, 10, 5), -2),  # during 国庆
        (date(2024, 9, 27), date(2024, 10, 8), -3),
        (date(2024, 9, 27), date(2024, 10, 12), -7),  # 9/29, 9/30, 10/8–10/11, 10/12(调休)
    ],
)
def test_working_days_left(due, today, expected):
    assert working_days_left(due=due, today=today, calendar=CAL) == expected
