"""Blocks and pages: the little of platypus this form needs, without importing platypus.

Importing `reportlab.platypus` (which loads its whole paragraph machinery) took a third of
a cold export, and the form needs only a column of blocks that may split, keep with the
next block or keep together. Layout and drawing are separate passes, so the page count is
known before the first `หน้า X/Y` is drawn.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from forms.pdf.tags import Tagger


class Block:
    """Something of a fixed width drawn down the page (the platypus Flowable protocol:
    `wrap` gives the height, `split` cuts at a page end, `draw` paints at the origin)."""

    spaceBefore: float = 0.0
    spaceAfter: float = 0.0
    keepWithNext: bool = False
    # the structure type of what it draws (forms.pdf.tags): P, H1–H3, LI; None for a block
    # that tags its own parts (a table row, a grid) or draws nothing of its own
    tag: str | None = "P"
    tag_group: object = None  # the list an LI belongs to
    tag_origin: Block | None = None  # the block pagination cut this one from
    width: float = 0.0
    height: float = 0.0
    canv: Canvas

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        raise NotImplementedError

    def split(self, avail_width: float, avail_height: float) -> list[Block]:
        return []

    def min_height(self) -> float:
        """The least of this block that can stand at a page's foot (after `wrap`)."""
        return self.height

    def draw(self) -> None:
        raise NotImplementedError

    def drawOn(self, canv: Canvas, x: float, y: float) -> None:
        """Draw with the block's bottom-left corner at (x, y), as marked content of its
        structure element when the document is tagged."""
        tagger = Tagger.of(canv)
        elem = tagger.element_for(self) if tagger is not None else None
        with (
            tagger.marked(canv, elem) if tagger is not None and elem is not None else nullcontext()
        ):
            canv.saveState()
            canv.translate(x, y)
            self.canv = canv
            self.draw()
            canv.restoreState()


class Spacer(Block):
    tag = None

    def __init__(self, height: float) -> None:
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, self.height

    def draw(self) -> None:
        pass


class KeepTogether(Block):
    """Blocks that go on one page; split into its parts only if taller than `page_height`."""

    tag = None  # its blocks are tagged each as itself

    def __init__(self, blocks: list[Block], page_height: float) -> None:
        self.blocks = blocks
        self.page_height = page_height
        self.spaceBefore = blocks[0].spaceBefore if blocks else 0.0

    def _gaps(self) -> list[float]:
        return [0.0] + [
            max(a.spaceAfter, b.spaceBefore)
            for a, b in zip(self.blocks, self.blocks[1:], strict=False)
        ]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        heights = [b.wrap(avail_width, avail_height)[1] for b in self.blocks]
        self.height = sum(heights) + sum(self._gaps())
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Block]:
        return list(self.blocks) if self.height > self.page_height else []

    def draw(self) -> None:
        top = self.height
        for gap, b in zip(self._gaps(), self.blocks, strict=True):
            top -= gap + b.height
            b.drawOn(self.canv, 0, top)


@dataclass
class Placed:
    block: Block
    top: float  # distance from the frame's top to the block's top


def paginate(blocks: list[Block], width: float, height: float) -> list[list[Placed]]:
    """Blocks laid out down frames of `width` x `height`, one list per page."""
    pages: list[list[Placed]] = [[]]
    queue = list(reversed(blocks))  # a stack: the next block is at the end
    y = 0.0  # used height on the current page
    prev_after = 0.0

    def new_page() -> None:
        nonlocal y, prev_after
        pages.append([])
        y, prev_after = 0.0, 0.0

    while queue:
        block = queue.pop()
        at_top = not pages[-1]
        gap = 0.0 if at_top else max(prev_after, block.spaceBefore)
        _w, h = block.wrap(width, height)
        # headings go on together with the start of what follows them; a block taller
        # than a page is cut anyway, and its last part keeps with what follows
        kept = not at_top and block.keepWithNext and queue and h <= height + 1e-6
        if kept and y + gap + _kept_height(block, queue, width, height) > height + 1e-6:
            new_page()
            queue.append(block)
            continue
        if y + gap + h <= height + 1e-6:
            pages[-1].append(Placed(block, y + gap))
            y += gap + h
            prev_after = block.spaceAfter
            continue
        parts = block.split(width, height - y - gap)
        for part in parts:
            if type(part) is type(block):  # a piece of it, not a KeepTogether's member
                part.tag_origin = block.tag_origin or block
        if parts:
            queue.extend(reversed(parts))
            continue
        if at_top:  # taller than a page and cannot split: let it run off the frame
            pages[-1].append(Placed(block, 0.0))
            new_page()
            continue
        new_page()
        queue.append(block)
    if not pages[-1] and len(pages) > 1:
        pages.pop()
    return pages


def _kept_height(block: Block, queue: list[Block], width: float, height: float) -> float:
    """Height of `block`, the blocks it keeps with, and the least of the first other one."""
    total = block.height
    prev = block
    for nxt in reversed(queue):
        nxt.wrap(width, height)
        total += max(prev.spaceAfter, nxt.spaceBefore)
        if not nxt.keepWithNext or nxt.height > height + 1e-6:  # the latter is cut anyway
            return total + nxt.min_height()
        total += nxt.height
        prev = nxt
    return total
