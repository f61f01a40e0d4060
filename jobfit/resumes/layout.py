"""What the documents stage's layout hints say about a resume's lines: which the document set apart as headings
(a heading style, bold, a larger font) and where each line starts on its page."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from jobfit.documents import LayoutLine

_LOOK_AHEAD = 40  # layout lines a resume line may be ahead of its match (page furniture and table rows dropped)


@dataclass(frozen=True)
class LineStyle:
    set_apart: bool  # a heading style, bold, or a font larger than the body's
    heading: bool  # the source marks it a heading (a DOCX or ODT heading style)
    x: float | None  # left edge on its page, in points


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def has_hints(layout: Sequence[LayoutLine]) -> bool:
    """Whether the layout says more than the text does (plain text's layout is its lines, no more)."""
    return any(line.heading or line.bold or line.size or line.x is not None for line in layout)


def line_styles(lines: Sequence[str], layout: Sequence[LayoutLine]) -> list[LineStyle | None]:
    """Each resume line's style, found by walking the layout in reading order; None for a blank line and for a
    line no layout line reads as (a table row split into cells, two lines a layout broke joined again)."""
    sizes = [line.size for line in layout if line.size]
    body = statistics.median(sizes) if sizes else None
    where: dict[str, list[int]] = {}
    for i, hint in enumerate(layout):
        where.setdefault(_key(hint.text), []).append(i)
    styles: list[LineStyle | None] = []
    at = 0
    for line in lines:
        key = _key(line)
        found = next((i for i in where.get(key, ()) if at <= i < at + _LOOK_AHEAD), None) if key else None
        if found is None:
            styles.append(None)
            continue
        hint = layout[found]
        larger = bool(body and hint.size and hint.size >= 1.15 * body)
        styles.append(LineStyle(set_apart=hint.heading or hint.bold or larger, heading=hint.heading, x=hint.x))
        at = found + 1
    return styles
