"""Reading workbooks (.xlsx/.xlsm, and .ods/.xls/.xlsb) into tables with python-calamine.

calamine is a Rust reader: fast, read-only, and it never expands XML entities. Before it opens an
xlsx we still look inside the zip ourselves, so a damaged file, a zip bomb or XML with a DOCTYPE
(entity expansion) is refused with a clear message instead of a crash or a hang.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import io
import zipfile
import zlib
from pathlib import Path

from contentcheck.calendar.formulas import unsaved_formulas
from contentcheck.calendar.model import Table

if TYPE_CHECKING:
    from contentcheck.calendar.model import Calendar
from contentcheck.calendar.ods import ods_merged_ranges
from contentcheck.calendar.sparse import SPARSE_LIMIT, Extent, far_sheets, read_sparse
from contentcheck.errors import CalendarError

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and password-protected .xlsx
# what this reader reads (calendar.READERS): by extension, else by the file's first bytes
SUFFIXES = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xltx": "xlsx", ".xltm": "xlsx",
            ".xls": "xls", ".xlsb": "xlsb", ".ods": "ods"}
MAGIC = {ZIP_MAGIC: "xlsx", OLE_MAGIC: "xls"}
REPORT_SHEET = "_contentcheck"  # the hidden sheet of a review workbook (report_meta)
MAX_UNCOMPRESSED = 1 << 30  # 1 GiB of XML is far beyond any real calendar
MAX_RATIO = 200  # real xlsx parts compress 5-20x; bombs compress thousands of times
_PEEK = 4096
_STEP = 1 << 20  # inflate at most this much at a time


def check_xlsx_container(path: Path, data: bytes) -> dict[str, bytes]:
    """Refuse a workbook that is not a complete zip, is a zip bomb, or declares XML entities.

    Returns the worksheet parts as inflated (and checked) here, so the looks that follow
    (result-less formulas, sheet extents) need not inflate them again."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise CalendarError(str(path), "is damaged or truncated: not a complete .xlsx (zip) file") from None
    with archive:
        members = archive.infolist()
        required = "content.xml" if path.suffix.lower() == ".ods" else "[Content_Types].xml"
        if not any(m.filename == required for m in members):
            raise CalendarError(str(path), "is a zip file but not a workbook")
        total = sum(m.file_size for m in members)
        if total > MAX_UNCOMPRESSED:
            raise CalendarError(str(path), f"unpacks to {total >> 20} MiB; refusing (zip bomb?)")
        sheets: dict[str, bytes] = {}
        for member in members:
            if member.compress_size and member.file_size / member.compress_size > MAX_RATIO \
                    and member.file_size > 10 << 20:
                raise CalendarError(str(path), f"part {member.filename} is compressed "
                                    f"{member.file_size // member.compress_size}x; refusing (zip bomb?)")
            keep = member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")
            head = _inflate_checked(path, data, member, sheets if keep else None)
            if member.filename.endswith((".xml", ".rels", ".vml", ".rdf")) and \
                    (b"<!DOCTYPE" in head or b"<!ENTITY" in head):
                raise CalendarError(str(path), f"part {member.filename} declares XML entities "
                                    "(DOCTYPE); refusing to read it (possible XML bomb)")
    return sheets


def _inflate_checked(path: Path, data: bytes, member: zipfile.ZipInfo,
                     keep: dict[str, bytes] | None = None) -> bytes:
    """The first bytes of a part, after inflating all of it here, in bounded steps, to be sure
    it unpacks to no more than the size it declares: the workbook reader trusts the stream, not
    the header, and a part that lies about its size would otherwise unpack to gigabytes.
    With ``keep``, the whole part is put there under its name."""
    if member.is_dir() or member.file_size == 0 and member.compress_size == 0:
        return b""
    raw = _raw_bytes(path, data, member)
    if member.compress_type == zipfile.ZIP_STORED:
        if len(raw) > member.file_size:
            raise _lying(path, member)
        if keep is not None:
            keep[member.filename] = raw
        return raw[:_PEEK]
    if member.compress_type != zipfile.ZIP_DEFLATED:
        raise CalendarError(str(path), f"part {member.filename} uses a compression method "
                            f"({member.compress_type}) that Excel never writes; refusing it")
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    head, total, chunks = b"", 0, []
    for start in range(0, len(raw), _STEP):
        pending = raw[start:start + _STEP]
        while pending:
            try:
                out = inflater.decompress(pending, _STEP)
            except zlib.error as exc:
                raise CalendarError(str(path), f"is damaged: part {member.filename} cannot be "
                                    f"read ({exc})") from None
            total += len(out)
            if total > member.file_size:
                raise _lying(path, member)
            if len(head) < _PEEK:
                head += out[:_PEEK - len(head)]
            if keep is not None:
                chunks.append(out)
            pending = inflater.unconsumed_tail
        if inflater.eof:
            break
    if keep is not None:
        keep[member.filename] = b"".join(chunks)
    return head


def _raw_bytes(path: Path, data: bytes, member: zipfile.ZipInfo) -> bytes:
    """A part's compressed bytes, found through its local header."""
    offset = member.header_offset
    header = data[offset:offset + 30]
    if len(header) < 30 or header[:4] != ZIP_MAGIC:
        raise CalendarError(str(path), f"is damaged: part {member.filename} has no local header")
    start = offset + 30 + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
    return data[start:start + member.compress_size]


def _lying(path: Path, member: zipfile.ZipInfo) -> CalendarError:
    return CalendarError(str(path), f"is damaged: part {member.filename} unpacks to more than "
                         f"the {member.file_size} bytes it declares; refusing (zip bomb?)")


def read_workbook(path: Path, data: bytes) -> tuple[list[Table], list[str]]:
    """Every visible worksheet as a table, plus notes about sheets left out.

    Reads ``data`` (the bytes already read and hashed), not the file again: what is checked,
    hashed and read is one and the same, even if someone saves the file meanwhile.
    """
    from python_calamine import CalamineWorkbook

    magic = data[:8]
    notes: list[str] = []
    unsaved: dict[str, list[tuple[int, int, str, str]]] = {}
    far: dict[str, Extent] = {}
    if magic.startswith(ZIP_MAGIC):
        sheets = check_xlsx_container(path, data)
        if path.suffix.lower() != ".ods":
            unsaved, far = _inspect_sheets(path, data, sheets)
    elif magic != OLE_MAGIC:
        raise CalendarError(str(path), f"is not an Excel workbook (the file does not start like "
                            f"a {path.suffix or 'workbook'} file)")
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own error types for every malformed part
        if magic == OLE_MAGIC:  # an old .xls opens; what does not is an encrypted workbook
            raise CalendarError(str(path), "is password-protected (encrypted) or not a "
                                "workbook; save an unprotected copy") from None
        raise CalendarError(str(path), f"cannot be read as a workbook: {_short(exc)}") from None
    tables: list[Table] = []
    ods_merged = ods_merged_ranges(str(path), data) if magic.startswith(ZIP_MAGIC) \
        and path.suffix.lower() == ".ods" else {}
    with closing_workbook(book):
        if REPORT_SHEET in book.sheet_names:  # its All posts sheet looks like a calendar
            raise CalendarError(str(path), "is a contentcheck report, not a calendar: scan "
                                "the calendar it was made from")
        for meta in book.sheets_metadata:
            visible = str(getattr(meta, "visible", "Visible")).rsplit(".", 1)[-1].lower()
            kind = str(getattr(meta, "typ", "WorkSheet")).rsplit(".", 1)[-1].lower()
            if kind != "worksheet":
                notes.append(f"sheet {meta.name!r} skipped: it is a {kind}, not a worksheet")
                continue
            if visible != "visible":
                notes.append(f"sheet {meta.name!r} skipped: it is hidden")
                continue
            try:
                if meta.name in far:
                    rows, merged = read_sparse(data, [meta.name])[meta.name]
                else:
                    sheet = book.get_sheet_by_name(meta.name)
                    rows = sheet.to_python(skip_empty_area=False)
                    merged = getattr(sheet, "merged_cell_ranges", None) or ods_merged.get(meta.name, [])
            except Exception as exc:
                raise CalendarError(str(path), f"cannot be read: {_short(exc)}", sheet=meta.name) from None
            table = Table(meta.name, rows)
            if meta.name in unsaved:
                notes.append(_use_formula_text(table, unsaved[meta.name]))
            fill_merged_down(rows, merged)
            tables.append(table)
    return tables, notes


def _inspect_sheets(path: Path, data: bytes, sheets: dict[str, bytes]
                    ) -> tuple[dict[str, list[tuple[int, int, str, str]]], dict[str, Extent]]:
    """The result-less formulas of each sheet, and the sheets too wide for a dense grid (a
    sheet too wide even to read cell by cell is refused). A workbook whose parts are damaged
    in a way these looks notice is refused here, with one line, rather than crashing later."""
    try:
        unsaved = unsaved_formulas(data, sheets)
        far = far_sheets(data, sheets)
    except (KeyError, ValueError, SyntaxError, zipfile.BadZipFile, EOFError) as exc:
        # SyntaxError: ElementTree's ParseError; ValueError: defusedxml's refusals, bad numbers
        raise CalendarError(str(path), f"is damaged: {_short(exc)}") from None
    for name, extent in far.items():
        if extent.kept > SPARSE_LIMIT:
            raise CalendarError(str(path), f"its cells are spread over A1:{extent.corner} "
                                f"({extent.cells} cells); too far apart to read: delete the "
                                f"cells far from the calendar and save again", sheet=name)
    return unsaved, far


def _use_formula_text(table: Table, cells: list[tuple[int, int, str, str]]) -> str:
    """Put each result-less formula's own text in its empty cell, so the post is checked (its
    quoted words are usually the post) rather than read as empty; say which cells they were
    (each post read from one is told so too: ``table.unsaved``)."""
    rows, sheet = table.rows, table.name
    assert isinstance(rows, list)
    for row, column, ref, formula in cells:
        table.unsaved.setdefault(row, {})[column] = (ref, formula)
        while len(rows) <= row:
            rows.append([])
        cells_of_row = rows[row]
        if len(cells_of_row) <= column:
            cells_of_row.extend([None] * (column + 1 - len(cells_of_row)))
        if cells_of_row[column] in (None, ""):
            cells_of_row[column] = "=" + formula
    refs = ", ".join(ref for _, _, ref, _ in cells[:6]) + (", ..." if len(cells) > 6 else "")
    return (f"sheet {sheet!r}: {len(cells)} formula cell(s) have no saved result ({refs}); "
            "their formula text is checked instead (the file was not last saved by Excel: "
            "open and save it there to check what they show)")


def fill_merged_down(rows: list[list], merged: list) -> None:
    """Give every row of a vertically merged cell its value, as a person reads it.

    One "Bericht" merged over the Instagram, Facebook and LinkedIn rows is three posts with
    that text; a date merged over a week's rows dates each of them. Only the range's first
    column is filled: a title or a "Week 48" merged across a row stays one cell.
    """
    for (first_row, column), (last_row, _) in merged:
        if last_row <= first_row or first_row >= len(rows):
            continue
        top = rows[first_row]
        value = top[column] if column < len(top) else None
        for index in range(first_row + 1, min(last_row, len(rows) - 1) + 1):
            row = rows[index]
            if not any(v not in ("", None) for j, v in enumerate(row) if j != column):
                continue  # an otherwise empty spacer row under the merge is no post
            if column >= len(row):
                row.extend([""] * (column + 1 - len(row)))
            if row[column] in ("", None):
                row[column] = value


class closing_workbook:
    """Close a calamine workbook when done (older versions have no close())."""

    def __init__(self, book: object) -> None:
        self.book = book

    def __enter__(self) -> object:
        return self.book

    def __exit__(self, *exc: object) -> None:
        close = getattr(self.book, "close", None)
        if close:
            close()


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


def is_report(path: Path) -> bool:
    """Whether a file is a review workbook contentcheck wrote (the hidden ``_contentcheck``
    sheet in its workbook part), read without opening the workbook: a calendar glob such as
    ``**/*.xlsx`` skips them, or every run would read the last one's posts again."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            part = archive.read("xl/workbook.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return f'name="{REPORT_SHEET}"'.encode() in part


def read(path: Path, data: bytes, calendar: "Calendar") -> list[Table]:
    """The reader's face (calendar.READERS): every visible sheet as a table."""
    tables, calendar.notes = read_workbook(path, data)
    if not tables:
        raise CalendarError(str(path), "has no visible worksheets")
    return tables
