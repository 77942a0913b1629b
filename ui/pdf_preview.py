"""The preview (ดูตัวอย่างก่อนพิมพ์) and printing, both from the exported PDF itself.

The preview shows the very bytes `forms.pdf.render_pdf` produces, read by QtPdf (PDFium)
from memory through a QBuffer, so what the clerk sees is what the PDF file and the paper
will hold. Printing draws those pages into the printer as images (PDFium renders them at
the printer's resolution, capped at `MAX_PRINT_DPI`), because Qt has no way to hand a PDF
to a printer as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import screen

# 300 dpi keeps one A4 page image at about 35 MB while 11-pt Thai prints sharp; a 1200-dpi
# printer would otherwise need half a gigabyte per page
MAX_PRINT_DPI = 300
ZOOM_STEP = 1.25


class PrintError(Exception):
    """The printer could not be started (the message is Thai)."""


class PdfPages(QObject):
    """A PDF held in memory and opened by QtPdf (the buffer lives as long as the document)."""

    def __init__(self, data: bytes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Print the pages chosen in the print dialog (all by default); how many were printed."""
    first, last = 0, document.pageCount() - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage() - 1, min(printer.toPage() - 1, last)
    printer.setFullPage(True)  # the PDF carries its own margins
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(
            f"เริ่มพิมพ์ที่เครื่องพิมพ์ “{printer.printerName() or printer.outputFileName()}” ไม่ได้"
            " — ตรวจว่าเครื่องพิมพ์เปิดอยู่และเชื่อมต่อแล้ว แล้วลองพิมพ์ใหม่"
        )
    try:
        paper = printer.pageLayout().fullRectPixels(printer.resolution())
        for page in range(first, last + 1):
            if page > first:
                printer.newPage()
            points = document.pagePointSize(page)
            pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            painter.drawImage(_fit(paper, pixels), _on_white(document.render(page, pixels)))
    finally:
        painter.end()
    return last - first + 1


def _on_white(image: QImage) -> QImage:
    """PDFium leaves the paper transparent; printers and the PDF engine want it white."""
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    return page


def _fit(paper: QRect, size: QSize) -> QRect:
    """`size` scaled to fit `paper`, keeping its shape, centred."""
    scaled = size.scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = paper.left() + (paper.width() - scaled.width()) // 2
    top = paper.top() + (paper.height() - scaled.height()) // 2
    return QRect(left, top, scaled.width(), scaled.height())


class PreviewDialog(QDialog):
    """The exported pages, one under the other, with Print and Export buttons."""

    print_requested = Signal()
    export_requested = Signal()
    refresh_requested = Signal()

    def __init__(
        self, title: str, parent: QWidget | None = None, options: tuple[QAction, ...] = ()
    ) -> None:
        super().__init__(parent)
        self.options = options  # checkable choices shown as toggle buttons in the bar
        self.setObjectName("pdf_preview")
        self.setWindowTitle(f"ดูตัวอย่างก่อนพิมพ์ — {title}")
        self.pages: PdfPages | None = None
        self.view = QPdfView()
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.waiting = QLabel("กำลังสร้างตัวอย่าง…")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.waiting)
        self.stack.addWidget(self.view)
        self.page_label = QLabel()
        self.page_label.setObjectName("preview_pages")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self._make_bar())
        layout.addWidget(self.stack, 1)
        self._set_ready(False)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        screen.fit(self, 900, 1000)

    def show_pdf(self, data: bytes) -> None:
        """Show the PDF's pages (the previous ones, if any, are let go)."""
        old, self.pages = self.pages, PdfPages(data, self)
        self.view.setDocument(self.pages.document)
        if old is not None:
            old.deleteLater()
        self._show_page(self.view.pageNavigator().currentPage())
        self.stack.setCurrentWidget(self.view)
        self._set_ready(True)

    def _show_page(self, page: int) -> None:
        if self.pages is not None:
            self.page_label.setText(f"หน้า {page + 1} จาก {self.pages.page_count}")

    def show_waiting(self) -> None:
        self.stack.setCurrentWidget(self.waiting)
        self._set_ready(False)

    def zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _set_ready(self, ready: bool) -> None:
        for button in (self.print_button, self.export_button, self.zoom_in, self.zoom_out):
            button.setEnabled(ready)

    def _make_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.print_button = QPushButton("พิมพ์…")
        self.print_button.setObjectName("preview_print")
        self.export_button = QPushButton("ส่งออก PDF…")
        self.export_button.setObjectName("preview_export")
        refresh = QPushButton("แสดงใหม่")
        refresh.setToolTip("สร้างตัวอย่างใหม่จากข้อมูลล่าสุดในฉบับร่าง")
        self.zoom_out, self.zoom_in = QPushButton("ย่อ −"), QPushButton("ขยาย +")
        fit = QPushButton("พอดีความกว้าง")
        close = QPushButton("ปิด")
        self.print_button.clicked.connect(self.print_requested)
        self.export_button.clicked.connect(self.export_requested)
        refresh.clicked.connect(self.refresh_requested)
        self.zoom_out.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.zoom_in.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        fit.clicked.connect(self.fit_width)
        close.clicked.connect(self.close)
        for widget in (self.print_button, self.export_button, refresh):
            bar.addWidget(widget)
        for action in self.options:
            button = QToolButton()
            button.setObjectName(f"preview_{action.objectName()}")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        bar.addSpacing(12)
        for widget in (self.zoom_out, self.zoom_in, fit, close):
            bar.addWidget(widget)
        return bar
