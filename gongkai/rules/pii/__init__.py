"""Personal information (个人信息) found in a text before it is published.

Cheap regex passes find candidates over the whole text; checksums, table headers and the
line around a candidate decide. Offsets are ``str`` indices into the text given.
Public service numbers (咨询/监督/举报电话 …) and a body's own contacts are not reported.

checksums: 身份证/Luhn/信用代码 checks; names: surnames and name confidence; headers: table
header roles; labels: labels before a candidate; patterns and layout: regexes and table cells;
table_scan, number_scan, scan: one detection run; tables: findings per table cell.
"""

from gongkai.rules.pii.checksums import (
    credit_code_check_char,
    id18_date_ok,
    id_check_char,
    is_credit_code,
    is_valid_id15,
    is_valid_id18,
    luhn_ok,
)
from gongkai.rules.pii.findings import KIND_LABELS, CellFinding, Finding
from gongkai.rules.pii.headers import header_role
from gongkai.rules.pii.names import DOUBLE_SURNAMES, SURNAMES, name_confidence
from gongkai.rules.pii.scan import find_personal_info
from gongkai.rules.pii.tables import find_personal_info_in_table

__all__ = [
    "DOUBLE_SURNAMES",
    "KIND_LABELS",
    "SURNAMES",
    "CellFinding",
    "Finding",
    "credit_code_check_char",
    "find_personal_info",
    "find_personal_info_in_table",
    "header_role",
    "id18_date_ok",
    "id_check_char",
    "is_credit_code",
    "is_valid_id15",
    "is_valid_id18",
    "luhn_ok",
    "name_confidence",
]
