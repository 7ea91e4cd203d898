"""Read a 政务公开事项标准目录 table, given as a grid of cell strings, into catalog elements.

The layout is the 标准目录 table of the 26 pilot-domain guidelines (e.g. 民办函〔2019〕52号):
公开事项 (一级/二级事项), 公开内容(要素), 公开依据, 公开时限, 公开主体, 公开渠道和载体, 公开对象,
公开方式, 公开层级. County sites publish it with merged cells, ■/□ marks, Wingdings artefacts
(R, £), 同上, title rows and footnotes; this package reads those variants. The caller fills merged
ranges with their top-left value and passes the set of cells it filled that way.

labels: value lists and vocabularies; results: what a parse yields; cells: ticks, channels,
time limits, basis entries; header: header rows and column roles; parse: the rows.
"""

from gongkai.rules.catalog_table.cells import (
    parse_channels,
    parse_time_limit_days,
    split_basis,
)
from gongkai.rules.catalog_table.labels import (
    AUDIENCES,
    CHANNELS,
    ELEMENT_KEYS,
    LEVELS,
    MODES,
    OTHER_CHANNEL,
)
from gongkai.rules.catalog_table.parse import parse_catalog_grid
from gongkai.rules.catalog_table.results import (
    CatalogTableError,
    ParsedRow,
    ParsedTable,
    to_element,
)

__all__ = [
    "AUDIENCES",
    "CHANNELS",
    "ELEMENT_KEYS",
    "LEVELS",
    "MODES",
    "OTHER_CHANNEL",
    "CatalogTableError",
    "ParsedRow",
    "ParsedTable",
    "parse_catalog_grid",
    "parse_channels",
    "parse_time_limit_days",
    "split_basis",
    "to_element",
]
