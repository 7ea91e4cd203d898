"""Check characters of 居民身份证号码, bank card numbers (Luhn) and 统一社会信用代码."""

from __future__ import annotations

from datetime import UTC, datetime
from operator import mul

# GB 11643-1999 公民身份号码: ISO 7064 MOD 11-2 check character over the first 17 digits.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MAX_BIRTH_YEAR = datetime.now(UTC).year


_ID_ASCII_OFFSET = ord("0") * sum(_ID_WEIGHTS)


def id_check_char(first17: str) -> str:
    # Bytes iterate as ints: the ASCII offset of '0' is taken off once instead of int() per digit.
    total = sum(map(mul, first17.encode("ascii"), _ID_WEIGHTS)) - _ID_ASCII_OFFSET
    return _ID_CHECK[total % 11]


def _valid_date(year: int, month: int, day: int) -> bool:
    if not (1900 <= year <= _MAX_BIRTH_YEAR and 1 <= month <= 12 and 1 <= day <= _DAYS[month]):
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return not (month == 2 and day == 29 and not leap)


def id18_date_ok(code: str) -> bool:
    return code[0] in "12345678" and _valid_date(
        int(code[6:10]), int(code[10:12]), int(code[12:14])
    )


def is_valid_id18(code: str) -> bool:
    return (
        len(code) == 18
        and code[:17].isdigit()
        and id18_date_ok(code)
        and id_check_char(code[:17]) == code[17].upper()
    )


def is_valid_id15(code: str) -> bool:
    """Legacy 15-digit number (before 1999): YYMMDD birth date, no check digit."""
    return (
        len(code) == 15
        and code.isdigit()
        and code[0] in "12345678"
        and _valid_date(1900 + int(code[6:8]), int(code[8:10]), int(code[10:12]))
    )


_ZERO = ord("0")
_LUHN_DOUBLE = [0] * _ZERO + [d * 2 - 9 if d > 4 else d * 2 for d in range(10)]


def luhn_ok(digits: str) -> bool:
    """ISO/IEC 7812 Luhn check used by bank card numbers."""
    data = digits.encode("ascii")
    plain = data[-1::-2]
    doubled = sum(map(_LUHN_DOUBLE.__getitem__, data[-2::-2]))
    return (sum(plain) - _ZERO * len(plain) + doubled) % 10 == 0


# GB 32100-2015 统一社会信用代码: 31-character alphabet, weights 3^i mod 31, MOD 31 check.
_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUE = {c: i for i, c in enumerate(_CREDIT_ALPHABET)}
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))


_CREDIT_CHARS = frozenset(_CREDIT_ALPHABET)


def credit_code_check_char(first17: str) -> str:
    total = sum(map(mul, map(_CREDIT_VALUE.__getitem__, first17), _CREDIT_WEIGHTS))
    return _CREDIT_ALPHABET[(31 - total % 31) % 31]


def is_credit_code(code: str) -> bool:
    code = code.upper()
    if len(code) != 18 or not _CREDIT_CHARS.issuperset(code):
        return False
    return credit_code_check_char(code[:17]) == code[17]
