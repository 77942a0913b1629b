"""The report PDF's structure tree (tagged PDF, PDF/UA-1 in intent).

ReportLab has no tagging API, so this module does both halves by hand:

- while pages are drawn, each block's drawing is wrapped in a marked-content sequence
  `/P <</MCID n>> BDC … EMC` (its MCID numbered per page) and the sequence is recorded as a
  kid of a structure element; page furniture and table rules are wrapped in `/Artifact`;
- when the document is saved, the elements become /StructElem objects under a
  /StructTreeRoot with a /ParentTree (page's /StructParents -> the element of each MCID).

The tree is Document → H1 (the form's title on page 1), H2/H3 (numbered headings), P
(paragraphs, field lines, grid cells), L → LI → LBody (objectives and targets), Table → TR
→ TH/TD (the progress log). A block split over pages stays one element: `paginate` gives
each part a `tag_origin`, the block it was cut from.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName
from reportlab.pdfgen.canvas import Canvas

MarkedRef = tuple[int, int]  # page index, MCID


class _Literal(pdfdoc.PDFObject):
    """A PDF keyword written as it is (ReportLab has no boolean object)."""

    def __init__(self, text: bytes) -> None:
        self.text = text

    def format(self, _document: object) -> bytes:
        return self.text


TRUE = _Literal(b"true")


class _Raw(pdfdoc.PDFObject):
    """An object written as its text (set once every object number is known)."""

    text = ""

    def format(self, _document: object) -> bytes:
        return self.text.encode("ascii")


class Elem:
    """One structure element: its type, attributes, and kids (elements or marked content)."""

    __slots__ = ("attrs", "kids", "parent", "role")

    def __init__(self, role: str, parent: Elem | None = None, attrs: dict[str, Any] | None = None):
        self.role = role
        self.parent = parent
        self.attrs = attrs or {}
        self.kids: list[Elem | MarkedRef] = []
        if parent is not None:
            parent.kids.append(self)

    def walk(self) -> Iterator[Elem]:
        yield self
        for k in self.kids:
            if isinstance(k, Elem):
                yield from k.walk()


def origin(block: object) -> object:
    """The block `block` was cut from by pagination (itself if it was not cut)."""
    return getattr(block, "tag_origin", None) or block


class Tagger:
    """The structure tree of one document, built while its pages are drawn."""

    def __init__(self) -> None:
        self.root = Elem("Document")
        self._pages: list[list[Elem]] = []  # per page, the element of each MCID
        self._by_block: dict[int, tuple[object, Elem]] = {}  # id(origin) -> (origin, elem)

    @staticmethod
    def of(canv: Canvas) -> Tagger | None:
        """The tagger of the document `canv` draws, or None for an untagged PDF."""
        return getattr(canv, "_forms_tagger", None)

    def install(self, canv: Canvas) -> None:
        canv._forms_tagger = self  # type: ignore[attr-defined]

    def new_page(self) -> None:
        self._pages.append([])

    # -- drawing ------------------------------------------------------------------------

    @contextmanager
    def marked(self, canv: Canvas, elem: Elem) -> Iterator[None]:
        """Make each line of text drawn inside a marked-content sequence of `elem`.

        One sequence per line, not one around the block: each line is its own /ActualText
        span (`forms.pdf.textline`), and poppler's structure text reads only the first
        span of a sequence. A line is one entry of the page's code holding a BT…ET."""
        page = len(self._pages) - 1
        code = canv._code
        start = len(code)
        yield
        for i in range(start, len(code)):
            if "BT" in code[i]:  # glyph codes and ActualText are hex: never "BT"
                mcid = len(self._pages[page])
                self._pages[page].append(elem)
                elem.kids.append((page, mcid))
                code[i] = f"/{elem.role} <</MCID {mcid}>> BDC {code[i]} EMC"

    @staticmethod
    @contextmanager
    def artifact(canv: Canvas, kind: str = "") -> Iterator[None]:
        """Wrap what is drawn inside as an artifact (rules, a repeated label)."""
        canv._code.append(f"/Artifact <</Type /{kind}>> BDC" if kind else "/Artifact BMC")
        yield
        canv._code.append("EMC")

    # -- elements -----------------------------------------------------------------------

    def remembered(self, block: object) -> Elem | None:
        hit = self._by_block.get(id(origin(block)))
        return hit[1] if hit else None

    def remember(self, block: object, elem: Elem) -> Elem:
        o = origin(block)
        self._by_block[id(o)] = (o, elem)  # the block is kept, so its id is not reused
        return elem

    def element_for(self, block: object) -> Elem | None:
        """The element a plain block's drawing belongs to (its `tag`: P, H1–H3 or LI)."""
        first = origin(block)
        role = getattr(first, "tag", None)
        if not role:
            return None
        elem = self.remembered(first)
        if elem is not None:
            return elem
        if role == "LI":
            group = getattr(first, "tag_group", None)
            last = self.root.kids[-1] if self.root.kids else None
            if not (
                isinstance(last, Elem) and last.role == "L" and last.attrs.get("_group") is group
            ):
                last = Elem("L", self.root, {"_group": group, "ListNumbering": PDFName("Decimal")})
            elem = Elem("LBody", Elem("LI", last))
        else:
            elem = Elem(role, self.root)
        return self.remember(first, elem)

    def table(self) -> Elem:
        """The table the progress log's rows go in (one for consecutive rows)."""
        last = self.root.kids[-1] if self.root.kids else None
        if isinstance(last, Elem) and last.role == "Table":
            return last
        return Elem("Table", self.root)

    # -- at save time -------------------------------------------------------------------

    def write(self, canv: Canvas) -> None:
        """Add the structure tree to the document and mark it tagged (before `save`).

        The objects are registered first, so that every object number is known, and then
        written as ready-made text (`_Raw`): a few hundred small dictionaries formatted
        through ReportLab's generic objects took a tenth of an export."""
        doc = canv._doc
        pages = doc.Pages.pages
        numbers = doc.idToObjectNumberAndVersion
        page_ref = [f"{numbers[f'Page{i + 1}'][0]} 0 R" for i in range(len(pages))]
        elems = list(self.root.walk())
        raws = [_Raw() for _ in elems]
        tree_root, parent_tree = _Raw(), _Raw()
        ref: dict[int, str] = {}
        for n, (e, raw) in enumerate(zip(elems, raws, strict=True)):
            ref[id(e)] = doc.Reference(raw, f"forms.tags.{n}").format(doc).decode("ascii")
        root_ref = doc.Reference(tree_root, "forms.tags.root")
        root_text = root_ref.format(doc).decode("ascii")
        for e, raw in zip(elems, raws, strict=True):
            parent = ref[id(e.parent)] if e.parent is not None else root_text
            parts = [f"<</Type/StructElem/S/{e.role}/P {parent}"]
            marked = [k for k in e.kids if not isinstance(k, Elem)]
            home = marked[0][0] if marked else None
            if home is not None:
                parts.append(f"/Pg {page_ref[home]}")
            if e.kids:
                kids = [
                    ref[id(k)]
                    if isinstance(k, Elem)
                    else str(k[1])
                    if k[0] == home
                    else f"<</Type/MCR/Pg {page_ref[k[0]]}/MCID {k[1]}>>"
                    for k in e.kids
                ]
                parts.append(f"/K[{' '.join(kids)}]")
            attrs = sorted((k, v) for k, v in e.attrs.items() if not k.startswith("_"))
            if attrs:
                owner = "List" if e.role == "L" else "Table"
                parts.append(f"/A<</O/{owner}{''.join(f'/{k} {v}' for k, v in attrs)}>>")
            parts.append(">>")
            raw.text = "".join(parts)
        nums = " ".join(
            f"{i}[{' '.join(ref[id(e)] for e in page_elems)}]"
            for i, page_elems in enumerate(self._pages)
        )
        parent_tree.text = f"<</Nums[{nums}]>>"
        tree_root.text = (
            f"<</Type/StructTreeRoot/K {ref[id(self.root)]}"
            f"/ParentTree {doc.Reference(parent_tree).format(doc).decode('ascii')}"
            f"/ParentTreeNextKey {len(self._pages)}>>"
        )
        for i, page in enumerate(pages):
            page.__NoDefault__ = [*pdfdoc.PDFPage.__NoDefault__, "StructParents", "Tabs"]
            page.StructParents = i
            page.Tabs = PDFName("S")
        catalog = doc.Catalog
        catalog.StructTreeRoot = root_ref
        catalog.MarkInfo = PDFDictionary({"Marked": TRUE})
