"""Known Thai misspellings, read once from `forms/data/misspellings.tsv`.

The file is data so that a clerk's supervisor can extend it without touching code; it is
parsed on first use and cached for the life of the process (no file read per check).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

DATA_FILE = "data/misspellings.tsv"


class MisspellingsFileError(ValueError):
    """A malformed line in the misspellings file (the message names the line)."""


def parse_misspellings(text: str) -> dict[str, str]:
    """{wrong: right} from the TSV text; raises MisspellingsFileError naming the bad line."""
    table: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) < 2 or not columns[0] or not columns[1]:
            raise MisspellingsFileError(f"บรรทัด {n}: ต้องเป็น คำผิด<TAB>คำที่ถูก — {line!r}")
        wrong, right = columns[0], columns[1]
        if wrong == right or wrong in right:
            raise MisspellingsFileError(f"บรรทัด {n}: คำที่ถูก {right!r} มีคำผิด {wrong!r} อยู่ในตัว")
        if wrong in table:
            raise MisspellingsFileError(f"บรรทัด {n}: คำผิด {wrong!r} ซ้ำกับบรรทัดก่อนหน้า")
        table[wrong] = right
    return table


@cache
def misspellings() -> dict[str, str]:
    """The bundled table {wrong: right}."""
    text = files("forms").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse_misspellings(text)


@cache
def misspelling_pattern() -> re.Pattern[str]:
    """One regex for every wrong form, longest first so a longer entry wins."""
    words = sorted(misspellings(), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words) or r"(?!)")  # (?!) never matches
