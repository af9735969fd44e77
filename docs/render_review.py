"""Render the sample review report as a 1366 x 768 laptop screen shows its Flagged sheet.

    python docs/render_review.py            # writes docs/review-1366x768.png

Needs LibreOffice (``soffice``) and poppler (``pdftoppm``): on Debian ``apt-get install
libreoffice-calc-nogui poppler-utils``. The sample calendar is scanned in Dutch with the sample
crisis; a copy of the report prints only the columns that fit 1366 pixels (a column of width w
is w * 7 + 5 pixels in Excel; row numbers and the scroll bar take about 45), converted to PDF
and then to a PNG 1366 pixels wide, cut at 768. This is how the layout of the post sheets is
checked by looking, after a change to report/xlsx_posts.py.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREEN_WIDTH, SCREEN_HEIGHT, CHROME = 1366, 768, 45


def screen_copy(report: Path, copy: Path) -> list[str]:
    """A copy whose only printed sheet is the Flagged one, cut to the columns on screen."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    book = openpyxl.load_workbook(report, rich_text=True)
    flagged = book.worksheets[1]
    for sheet in book.worksheets:
        if sheet is not flagged:
            sheet.sheet_state = "hidden"
    book.active = 1
    pixels, last = 0.0, 0
    for index, cell in enumerate(flagged[1], start=1):
        width = flagged.column_dimensions[cell.column_letter].width * 7 + 5
        if pixels + width > SCREEN_WIDTH - CHROME:
            break
        pixels, last = pixels + width, index
    flagged.print_area = f"A1:{get_column_letter(last)}{min(flagged.max_row, 25)}"
    flagged.page_setup.fitToHeight = 0
    book.save(copy)
    return [str(cell.value) for cell in flagged[1]][:last]


def main() -> int:
    target = ROOT / "docs" / "review-1366x768.png"
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        report = folder / "review.xlsx"
        subprocess.run([sys.executable, "-c", "from contentcheck.cli import main; main()", "scan",
                        str(ROOT / "samples" / "contentkalender.xlsx"), "--crisis",
                        str(ROOT / "samples" / "crisis-treinongeluk.txt"), "--now",
                        "2026-11-24T08:00", "--timezone", "Europe/Amsterdam", "--lang", "nl",
                        "-o", str(report)], check=False, capture_output=True)
        shown = screen_copy(report, folder / "screen.xlsx")
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", temp,
                        str(folder / "screen.xlsx")], check=True, capture_output=True, timeout=180)
        subprocess.run(["pdftoppm", "-png", "-f", "1", "-l", "1", "-singlefile",
                        "-scale-to-x", str(SCREEN_WIDTH), "-scale-to-y", "-1",
                        "-W", str(SCREEN_WIDTH), "-H", str(SCREEN_HEIGHT),
                        str(folder / "screen.pdf"), str(target.with_suffix(""))], check=True)
    print(f"{target}: columns on screen: {', '.join(shown)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
