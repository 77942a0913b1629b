"""Issue 12's extraction figures: the sample, the long report and a stress set (every Thai
combination, pasted Word/LINE symbols and bullets, a 6,000-character narrative, empty
fields, zero-width characters, Lao/Khmer, emoji) exported by `forms.pdf.render_pdf`
(plain and justified) and, on the same texts, by LibreOffice (one paragraph per text, in
the app's Sarabun), each PDF judged by the shared `thaipdf_probe.py` in every engine.

usage: python -m benchmarks.probe_stress [--probe PATH] [--keep DIR] [-v]
pdf.js is measured when PDFJS_DIR holds node_modules/pdfjs-dist; LibreOffice when
`soffice` is on PATH. It sees only the fonts in resources/fonts plus the system's, through
a fontconfig file in a temporary directory."""

from __future__ import annotations

import argparse
import html
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from forms.interchange import loads
from forms.pdf import render_pdf
from forms.report import ProgressReport, Report
from tests.pdf_samples import SENTENCES, field_texts, long_report, stress_texts

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
SAMPLE = ROOT / "tests" / "data" / "sample_report.json"
DEFAULT_PROBE = ROOT.parent / "shared" / "tools" / "thaipdf_probe.py"

SYMBOLS = [
    "● หัวข้อหลัก ○ หัวข้อย่อย □ ช่องว่าง ▪ จุดสี่เหลี่ยม",
    "➢ ลูกศรชี้ ► สามเหลี่ยม ✓ ถูกต้อง ✔ ผ่านแล้ว ☐ ยังไม่ทำ № 12/2566",
    "\uf0b7 ข้อแรกจากเวิร์ด \uf0a7 ข้อสองจากเวิร์ด",
]
THAI_EXTRA = [
    "๐๑๒๓๔๕๖๗๘๙ งวดที่ ๓ ร้อยละ ๙๕.๕๐ วันที่ ๑ ตุลาคม ๒๕๖๕",
    "พระราชบัญญัติระเบียบบริหารราชการกรุงเทพมหานครพุทธศักราชสองพันห้าร้อยสามสิบแปด",
    "ก่ำ น้ำ ค่ำ ต่ำ ซ้ำ ล้ำ กิ่ง ที่ นี้ ปั้ม สั่ง อื่น กุ้ง ปู่ เก่า แม่ โต๊ะ ใบ้ ไม้",
]
ZERO_WIDTH = [
    "โครงการ\u200bพัฒนา\u200bคุณภาพ\u200bน้ำดื่ม",
    "การ\u200cประชุม\u200cคณะกรรมการ",
    "\ufeffรายงานผลการดำเนินงาน",
]
SCRIPTS = [
    "ສະບາຍດີ ພາສາລາວ ໂຄງການພັດທະນາ",
    "សួស្តី ភាសាខ្មែរ គម្រោងអភិវឌ្ឍន៍",
    "👍 เรียบร้อยแล้ว 🙏 ขอบคุณ ✅ ผ่าน 🇹🇭",
]


def long_narrative(chars: int = 6000) -> str:
    parts: list[str] = []
    i = 0
    while sum(len(p) + 1 for p in parts) < chars:
        parts.append(SENTENCES[i % len(SENTENCES)])
        i += 1
    return " ".join(parts)


def stress_report() -> tuple[Report, list[str]]:
    """The stress report and the texts it must carry (empty fields carry none)."""
    rationale = [*stress_texts(), *THAI_EXTRA]
    objectives = [*SYMBOLS, *ZERO_WIDTH]
    narratives = [long_narrative(), "", "   ", *SCRIPTS, SENTENCES[0] + "\n" + SYMBOLS[0]]
    report = Report(
        project_name="ทดสอบการคัดลอกข้อความ",
        rationale=rationale,
        objectives=objectives,
        progress_reports=[ProgressReport(no=i + 1, narrative=t) for i, t in enumerate(narratives)],
    )
    return report, [t for t in [*rationale, *objectives, *narratives] if t.strip()]


def libreoffice_pdf(texts: list[str], folder: Path, name: str) -> Path | None:
    """`texts` as an HTML page (one Sarabun paragraph each) converted by LibreOffice."""
    if not shutil.which("soffice"):
        return None
    paragraphs = "\n".join(
        "<p>" + "<br>".join(html.escape(line) for line in t.split("\n")) + "</p>" for t in texts
    )
    source = folder / f"{name}-lo.html"
    source.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
        "p { font-family: 'Sarabun'; font-size: 16pt; }</style></head>"
        f"<body>{paragraphs}</body></html>",
        encoding="utf-8",
    )
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONTS}</dir><cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--infilter=HTML (StarWriter)",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(folder),
            str(source),
        ],
        env=env,
        capture_output=True,
        check=True,
        timeout=300,
    )
    out = folder / f"{name}-lo.pdf"
    return out if out.exists() else None


def load_probe(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("thaipdf_probe", path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def engines() -> list[str]:
    folder = os.environ.get("PDFJS_DIR")
    pdfjs = bool(
        folder and shutil.which("node") and (Path(folder) / "node_modules" / "pdfjs-dist").is_dir()
    )
    return ["poppler", "pdfium", "pdfjs", "pypdf"] if pdfjs else ["poppler", "pdfium", "pypdf"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", type=Path, default=DEFAULT_PROBE)
    parser.add_argument("--keep", type=Path, help="write the PDFs to this folder")
    parser.add_argument("-v", action="store_true", help="name every text not exact")
    args = parser.parse_args()
    probe = load_probe(args.probe)
    sample = loads(SAMPLE.read_text(encoding="utf-8"))
    long = long_report()
    stress, stress_expected = stress_report()
    sets = [
        ("sample", sample, field_texts(sample)),
        ("long", long, field_texts(long)),
        ("stress", stress, stress_expected),
    ]
    names = engines()
    print(f"{'set':8} {'maker':12} " + " ".join(f"{e:>12}" for e in names))
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for name, report, texts in sets:
            pdfs: list[tuple[str, Path | None]] = []
            for maker, justify in [("ours", False), ("ours-justif", True)]:
                path = folder / f"{name}-{maker}.pdf"
                path.write_bytes(render_pdf(report, justify=justify))
                pdfs.append((maker, path))
            pdfs.append(("libreoffice", libreoffice_pdf(texts, folder, name)))
            for maker, path in pdfs:
                if path is None:
                    print(f"{name:8} {maker:12} (not made)")
                    continue
                cells = []
                for engine in names:
                    n, _found, exact, bad = probe.probe(str(path), texts, engine, args.v)
                    cells.append(f"{exact}/{n}, {bad}")
                print(f"{name:8} {maker:12} " + " ".join(f"{c:>12}" for c in cells))
                sys.stdout.flush()


if __name__ == "__main__":
    main()
