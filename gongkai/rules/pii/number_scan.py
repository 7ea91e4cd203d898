"""Numbers in a text: mobiles, landlines, 身份证号码 and bank cards, told apart by context."""

from __future__ import annotations

from gongkai.rules.pii.checksums import (
    id18_date_ok,
    id_check_char,
    is_credit_code,
    is_valid_id15,
    luhn_ok,
)
from gongkai.rules.pii.labels import (
    _SKIP_LABELS,
    _label_before,
)
from gongkai.rules.pii.patterns import (
    _MOBILE_PREFIX_RE,
    _NOT_AFTER,
    _NOT_BEFORE,
    _NUM_TOKEN_RE,
    _PAREN_AREA_RE,
    _STYLED_RE,
    _TOKEN_PART_RE,
)
from gongkai.rules.pii.table_scan import (
    _TableScan,
)


class _NumberScan(_TableScan):
    """Classifies digit runs using the tables and labels around them."""

    # numbers ---------------------------------------------------------------------------------

    def _numbers(self) -> None:
        text = self.text
        digit_run, token_parts = self._digit_run, self._token_parts
        for m in _NUM_TOKEN_RE.finditer(text):
            start, end = m.span()
            if start and text[start - 1] in _NOT_BEFORE:
                continue
            after = text[end : end + 1]
            if after and (
                after in _NOT_AFTER or (after in ".．" and text[end + 1 : end + 2].isdigit())
            ):
                continue
            token = m.group()
            if "-" in token or " " in token:
                token_parts(token, start)
            else:
                digit_run(token, start, end)
        if "(0" not in text and "（0" not in text:
            return
        for m in _PAREN_AREA_RE.finditer(text):
            styled = _STYLED_RE.match(text, m.start())
            if styled and styled.lastgroup == "tel":
                self._landline(m.start(), styled.end())

    def _token_parts(self, token: str, offset: int) -> None:
        """Numbers with separators (138-1234-5678, 0816-1234567, 6222 0212 3456 7890), or
        several numbers of a space-separated row read as one token."""
        for m in _TOKEN_PART_RE.finditer(token):
            start, end, group = offset + m.start(), offset + m.end(), m.lastgroup
            if group == "run":
                if end - start >= 7:
                    self._digit_run(m.group(), start, end)
            elif group == "grp":
                digits = m.group().replace(" ", "").replace("-", "")
                self._bank(digits, start, end, self._role_at(start))
            elif group == "mob":
                prefix = _MOBILE_PREFIX_RE.search(self.text, max(0, start - 5), start)
                self._mobile(prefix.start() if prefix else start, end)
            else:
                self._landline(start, end)

    def _digit_run(self, raw: str, start: int, end: int) -> None:
        """Classify a plain run of 7–22 digits: mobile, ID (checked), card (Luhn), landline."""
        n, text = len(raw), self.text
        before = text[start - 1 : start]
        if (n == 11 and raw[0] == "1" and raw[1] in "3456789") or (
            (n == 13 or n == 15) and raw.startswith(("861", "00861")) and raw[-10] in "3456789"
        ):
            prefixed = n == 11 and before in (" ", "-", "6")
            prefix = _MOBILE_PREFIX_RE.search(text, max(0, start - 5), start) if prefixed else None
            self._mobile(prefix.start() if prefix else start - (before == "+"), end)
            return
        if before == "+":
            return
        # Tokens are ASCII digits with at most a final X, so only the date and check remain.
        if n == 18 and id18_date_ok(raw) and id_check_char(raw[:17]) == raw[17].upper():
            # A second reading (card number, credit code) is checked only where it could occur.
            table = self._table_of(start)
            if table is None:
                credit = is_credit_code(raw) and _label_before(text, start) == "credit"
                if not credit:
                    self.found.append(("id_card", start, end, 0.99))
            elif "bank" in table.roles and luhn_ok(raw) and self._role_at(start) == "bank":
                self.found.append(("bank_card", start, end, 0.9))
            else:
                self.found.append(("id_card", start, end, 0.99))
            return
        role = self._role_at(start)
        weak_id_or_code = n == 18 and (self._weak_id(raw, start, end, role) or is_credit_code(raw))
        if weak_id_or_code or raw[-1] in "Xx":
            return
        if n == 15 and role != "bank" and is_valid_id15(raw):
            context = role == "id" or _label_before(text, start) == "id"
            finding = ("id_card", start, end, 0.8 if context else 0.65)
            self.deferred.append((finding, None if context else "line"))
        elif not self._bank(raw, start, end, role):
            self._phone_digits(raw, start, end, role)

    def _bank(self, digits: str, start: int, end: int, role: str | None) -> bool:
        n = len(digits)
        if not 12 <= n <= 22:
            return False
        label = role or _label_before(self.text, start)
        if 16 <= n <= 19 and luhn_ok(digits):
            if label == "bank":
                self._add("bank_card", start, end, 0.97)
                return True
            # Only UnionPay (62) is taken on its prefix alone; 4/5/60/9 need a 卡号 context.
            if digits.startswith("62") and label not in _SKIP_LABELS and label != "id":
                self._add("bank_card", start, end, 0.85)
                return True
        if label == "bank":
            self._add("bank_card", start, end, 0.6)
            return True
        return False

    def _weak_id(self, raw: str, start: int, end: int, role: str | None) -> bool:
        """An 18-character number with a bad check character where the context says 身份证."""
        if id18_date_ok(raw) and (role or _label_before(self.text, start)) == "id":
            self._add("id_card", start, end, 0.6)
            return True
        return False

    def _mobile(self, start: int, end: int) -> None:
        table = self._table_of(start)
        if table is None:
            role = None
        elif "code" in table.roles:
            role = self._role_at(start)
            if role == "code":
                return
        else:  # no column that could hold an 11-digit code: the exact column is not needed
            role = "phone" if "phone" in table.roles else None
        label = role or _label_before(self.text, start)
        if label not in _SKIP_LABELS:
            conf = 0.98 if label == "phone" else 0.95
            self._add("mobile", start, end, conf)

    def _landline(self, start: int, end: int) -> None:
        """Landlines are personal only beside a person: in a phone column of a table with a
        name column, on a line with a name or ID number, or after 电话 within a record that
        names someone (decided in _contextual). Office numbers (咨询/监督电话) never count."""
        if self._role_at(start) == "phone":
            self._add("landline", start, end, 0.9)
        elif _label_before(self.text, start) not in _SKIP_LABELS:
            finding = ("landline", start, end, 0.85)
            self.deferred.append((finding, "near"))

    def _phone_digits(self, raw: str, start: int, end: int, role: str | None) -> None:
        """Landlines written without separators: in a phone column or after a phone label."""
        if raw[0] == "0" and 10 <= len(raw) <= 12:
            if role == "phone":
                self._add("landline", start, end, 0.85)
            elif _label_before(self.text, start) == "phone":
                self.deferred.append((("landline", start, end, 0.8), "near"))
        elif 7 <= len(raw) <= 8 and role == "phone":
            self._add("landline", start, end, 0.7)
