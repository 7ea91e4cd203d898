"""One detection run over a text: names, addresses, e-mail and travel documents, then the result."""

from __future__ import annotations

from bisect import bisect_right

from gongkai.rules.pii.findings import (
    Finding,
    _findings,
    _resolve,
)
from gongkai.rules.pii.labels import (
    _SKIP_LABELS,
    _label_before,
)
from gongkai.rules.pii.layout import (
    _line_end,
)
from gongkai.rules.pii.names import (
    name_confidence,
)
from gongkai.rules.pii.number_scan import (
    _NumberScan,
)
from gongkai.rules.pii.patterns import (
    _ADDR_ANCHOR_RE,
    _ADDR_BACK_RE,
    _ADDR_LABEL_HIT_RE,
    _ADDR_MORE_RE,
    _BESIDE_RE,
    _DOC_HIT_RE,
    _EMAIL_DOMAIN_RE,
    _EMAIL_LOCAL_RE,
    _ETHNIC_BACK_RE,
    _ETHNIC_FWD_RE,
    _GENDER_AFTER_RE,
    _GENDER_RE,
    _GLUE,
    _LABEL_NAME_RE,
    _NAME_BEFORE_GENDER_RE,
    _PASSPORT_RE,
    _PERMIT_RE,
    _cut_fine,
)


class _Scan(_NumberScan):
    """One detection run over a text: findings plus the context that decides them."""

    def run(self) -> list[Finding]:
        self._tables()
        self._numbers()
        self._names()
        self._contextual()
        self._emails()
        self._documents()
        return _findings(self.source, _resolve(self.found))

    # names -----------------------------------------------------------------------------------

    def _names(self) -> None:
        """公示 lines (张三，男，…), 姓名：/申请人： labels, and a name just before an ID,
        phone or card number on the same line. Table columns were read in _tables."""
        text = self.text
        if "男" in text or "女" in text:
            # Tables start at a line start, so a span's end leaves _GENDER_RE's lookahead as is.
            for low, high in self._outside_table_spans():
                for g in _GENDER_RE.finditer(text, low, high):
                    m = _NAME_BEFORE_GENDER_RE.search(text, max(0, g.start() - 10), g.start())
                    conf = name_confidence(m.group(1), column=False) if m else 0.0
                    if conf:
                        self._add("name", m.start(1), m.end(1), conf)
        if "·" in text or "•" in text:
            self._ethnic_names()
        # Every 姓名/申请人… label is a header word, none starts inside another: labels are
        # looked for only where _tables saw a header word, as finditer would find them.
        label_end = 0
        for pos in self.header_hits:
            if pos >= label_end and (m := _LABEL_NAME_RE.match(text, pos)):
                label_end = m.end()
                conf = name_confidence(m.group(1), column=False)
                if conf:
                    self._add("name", m.start(1), m.end(1), conf)
        self.free = self._outside_tables()
        named = {
            text.rfind("\n", 0, start) + 1 for kind, start, _, _ in self.free if kind == "name"
        }
        for kind, start, _, _ in list(self.free):
            if kind == "id_card" or kind == "mobile" or kind == "bank_card":
                line_start = text.rfind("\n", 0, start) + 1
                if line_start not in named:
                    self._name_beside(line_start, start)

    def _ethnic_names(self) -> None:
        """阿依古丽·买买提，女，… in 公示 lines."""
        text, pos = self.text, 0
        while (pos := _find_dot(text, pos)) >= 0:
            back = _ETHNIC_BACK_RE.search(text, max(0, pos - 8), pos)
            fwd = _ETHNIC_FWD_RE.match(text, pos + 1)
            if back and fwd and _GENDER_AFTER_RE.match(text, fwd.end()):
                self._add("name", back.start(), fwd.end(), 0.8)
            pos += 1

    def _name_beside(self, line_start: int, pos: int) -> None:
        m = _BESIDE_RE.search(self.text, max(line_start, pos - 40), pos)
        if m:
            conf = name_confidence(m.group(1), column=False)
            if conf:
                hit = ("name", m.start(1), m.end(1), min(conf, 0.85))
                self.found.append(hit)
                self.free.append(hit)

    # context: landlines, legacy IDs and addresses count only next to a person ----------------

    def _contextual(self) -> None:
        """Keep deferred landlines and 15-digit IDs that sit beside a person; find addresses on
        lines about a person and after 住址-like labels."""
        text = self.text
        person = [hit for hit in self.free if hit[0] == "name" or hit[0] == "id_card"]
        people = sorted(end for _, _, end, _ in person)
        lines = {text.rfind("\n", 0, start) + 1 for _, start, _, _ in person}

        def near(pos: int) -> bool:
            i = bisect_right(people, pos) - 1
            return i >= 0 and pos - people[i] <= 150 and "\n\n" not in text[people[i] : pos]

        for finding, need in self.deferred:
            start = finding[1]
            if (
                need is None
                or text.rfind("\n", 0, start) + 1 in lines
                or self._in_person_table(start)
                or (need == "near" and near(start) and _label_before(text, start) == "phone")
            ):
                self.found.append(finding)
        for line_start in sorted(lines):
            self._addresses_in(line_start, _line_end(text, line_start), 0.8)
        if "住" not in text and "地址" not in text:  # in every 住址-like label
            return
        for m in _ADDR_LABEL_HIT_RE.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if line_start not in lines and not self._in_person_table(m.start()):
                self._addresses_in(m.end(), _line_end(text, m.end()), 0.9)

    def _addresses_in(self, start: int, end: int, confidence: float) -> None:
        text, covered = self.text, start
        for m in _ADDR_ANCHOR_RE.finditer(text, start, end):
            if m.start() < covered:
                continue
            back = _ADDR_BACK_RE.search(text, max(start, m.start() - 40), m.start())
            run_start = back.start() if back else m.start()
            covered = _ADDR_MORE_RE.match(text, m.end()).end()
            cut = _cut_fine(text[run_start:covered])
            if cut is not None:
                self._add("address", run_start + cut, covered, confidence)

    # e-mail, passports and 港澳通行证 ----------------------------------------------------------

    def _emails(self) -> None:
        text = self.text
        if "@" not in text:
            return
        at = text.find("@")
        while at >= 0:
            local = _EMAIL_LOCAL_RE.search(text, max(0, at - 64), at)
            domain = _EMAIL_DOMAIN_RE.match(text, at + 1)
            public = (
                not local
                or not domain
                or domain.group().lower().endswith(".gov.cn")
                or _label_before(text, local.start()) in _SKIP_LABELS
            )
            if not public:
                self._add("email", local.start(), domain.end(), 0.9)
            at = text.find("@", at + 1)

    def _documents(self) -> None:
        text = self.text
        for m in _DOC_HIT_RE.finditer(text):
            start, end, value = m.start(), m.end(), m.group()
            if start and text[start - 1] in _GLUE:
                continue
            context = self._role_at(start) or _label_before(text, start)
            if context in _SKIP_LABELS:
                continue
            if _PERMIT_RE.fullmatch(value):
                self._add("hk_macau_permit", start, end, 0.95 if context == "permit" else 0.75)
            elif _PASSPORT_RE.fullmatch(value):
                self._add("passport", start, end, 0.95 if context == "passport" else 0.75)
            elif context == "passport":
                self._add("passport", start, end, 0.85)
            elif context == "permit":
                self._add("hk_macau_permit", start, end, 0.85)


def _find_dot(text: str, pos: int) -> int:
    a, b = text.find("·", pos), text.find("•", pos)
    return b if a < 0 else a if b < 0 else min(a, b)


def find_personal_info(text: str) -> list[Finding]:
    """Personal information in ``text``, sorted and non-overlapping."""
    return _Scan(text).run()
