"""The forms as Excel workbooks (XlsxWriter), from the same builder data as the PDFs: the same
rows and grouping, merged group headings, numbers as numbers (#,##0.00), filled month cells,
A4 landscape with the header rows repeated on every printed page and frozen below them."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from decimal import Decimal

import xlsxwriter

from localplan.core.thai_calendar import to_thai_digits

MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.00"
FIXED_TIME = datetime.datetime(2000, 1, 1)  # workbook metadata must not depend on the clock


class Sheet:
    """One form on one worksheet; rows are written top to bottom."""

    def __init__(self, book: Book, data: dict, widths: list[float]):
        self.book = book
        self.data = data
        self.ws = book.wb.add_worksheet(data["code"].replace("/", "-")[:31])
        self.columns = len(widths)
        self.row = 0
        for index, width in enumerate(widths):
            self.ws.set_column(index, index, width)
        self.ws.set_landscape()
        self.ws.set_paper(9)  # A4
        self.ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.5)
        self.ws.fit_to_pages(1, 0)
        self.ws.set_header(f'&R&"Sarabun,Bold"{self.text(data["code"])}')
        self.ws.set_footer("&C&P / &N")

    def text(self, value) -> str:
        text = "" if value is None else str(value)
        return to_thai_digits(text) if self.data.get("thai_digits") else text

    def title(self, lines: list[str]) -> None:
        for line in lines:
            self.merged(line, self.book.title_format)

    def merged(self, text: str, fmt, first: int = 0, last: int | None = None) -> None:
        last = self.columns - 1 if last is None else last
        if last > first:
            self.ws.merge_range(self.row, first, self.row, last, self.text(text), fmt)
        else:
            self.ws.write_string(self.row, first, self.text(text), fmt)
        self.row += 1

    def header(self, rows: list[list[tuple[str, int, int]]]) -> None:
        """Header rows of (text, rowspan, colspan) cells, laid out as in a table."""
        first = self.row
        taken: set[tuple[int, int]] = set()
        for offset, cells in enumerate(rows):
            col = 0
            for text, rowspan, colspan in cells:
                while (first + offset, col) in taken:
                    col += 1
                top, left = first + offset, col
                bottom, right = top + rowspan - 1, col + colspan - 1
                if bottom > top or right > left:
                    self.ws.merge_range(top, left, bottom, right, self.text(text), self.book.head)
                else:
                    self.ws.write_string(top, left, self.text(text), self.book.head)
                for r in range(top, bottom + 1):
                    for c in range(left, right + 1):
                        taken.add((r, c))
                col = right + 1
        self.row = first + len(rows)
        self.ws.repeat_rows(first, self.row - 1)
        self.ws.freeze_panes(self.row, 0)

    def cells(self, values: list, bold: bool = False) -> None:
        """One row: Decimal → money, int → number, str → text, None → empty."""
        book = self.book
        for col, value in enumerate(values):
            if isinstance(value, Cell):
                self.ws.write(self.row, col, value.value, value.fmt)
            elif isinstance(value, Decimal):
                self.ws.write_number(self.row, col, value, book.money_bold if bold else book.money)
            elif isinstance(value, int) and not isinstance(value, bool):
                self.ws.write_number(
                    self.row, col, value, book.number_bold if bold else book.number
                )
            elif value is None:
                self.ws.write_blank(self.row, col, None, book.cell)
            else:
                self.ws.write_string(
                    self.row, col, self.text(value), book.bold if bold else book.cell
                )
        self.row += 1


class Cell:
    def __init__(self, value, fmt):
        self.value, self.fmt = value, fmt


class Book:
    def __init__(self):
        self.buffer = io.BytesIO()
        self.wb = xlsxwriter.Workbook(self.buffer, {"in_memory": True})
        self.wb.set_properties({"created": FIXED_TIME, "author": "LocalPlan"})
        base = {"font_name": "Sarabun", "font_size": 12, "border": 1, "valign": "top"}
        self.cell = self.wb.add_format({**base, "text_wrap": True})
        self.bold = self.wb.add_format({**base, "text_wrap": True, "bold": True})
        self.head = self.wb.add_format(
            {**base, "bold": True, "align": "center", "valign": "vcenter", "text_wrap": True}
        )
        self.group = self.wb.add_format({**base, "bold": True, "bg_color": "#F2F2F2"})
        self.money = self.wb.add_format({**base, "num_format": MONEY_FORMAT})
        self.money_bold = self.wb.add_format({**base, "num_format": MONEY_FORMAT, "bold": True})
        self.number = self.wb.add_format({**base, "align": "center"})
        self.number_bold = self.wb.add_format({**base, "align": "center", "bold": True})
        self.percent = self.wb.add_format({**base, "num_format": PERCENT_FORMAT, "align": "center"})
        self.percent_bold = self.wb.add_format(
            {**base, "num_format": PERCENT_FORMAT, "align": "center", "bold": True}
        )
        self.month_on = self.wb.add_format({**base, "bg_color": "#808080"})
        self.title_format = self.wb.add_format(
            {"font_name": "Sarabun", "font_size": 14, "bold": True, "align": "center"}
        )

    def close(self) -> bytes:
        self.wb.close()
        return self.buffer.getvalue()


# ---------------------------------------------------------------- one writer per form


def write_pd02(book: Book, data: dict) -> None:
    w = data["words"]
    sheet = Sheet(book, data, [5, 34, 42, 15, 20, 20] + [5] * 12)
    sheet.title(data["title"])
    heads = [(w[key], 2, 1) for key in ("number", "name", "details", "budget", "location")]
    heads.append((w["responsible"], 2, 1))
    heads += [(year["year"], 1, len(year["months"])) for year in data["month_years"]]
    months = [(month, 1, 1) for year in data["month_years"] for month in year["months"]]
    sheet.header([heads, months])
    for block in data["blocks"]:
        if block["type"] == "heading":
            sheet.merged(block["text"], book.group)
        elif block["type"] == "row":
            marks = [Cell(None, book.month_on if m != "." else book.cell) for m in block["months"]]
            sheet.cells(
                [
                    block["number"],
                    block["name"],
                    block["details"],
                    block["budget"],
                    block["location"],
                    block["responsible"],
                    *marks,
                ]
            )
        else:
            sheet.cells([None, block["text"], None, block["budget"]] + [None] * 14, bold=True)
    if not data["blocks"]:
        sheet.merged(data["empty"], book.cell)
    total = data["total"]
    sheet.cells([None, total["text"], None, total["budget"]] + [None] * 14, bold=True)


def write_pd01(book: Book, data: dict) -> None:
    w = data["words"]
    sheet = Sheet(book, data, [55, 14, 16, 18, 16, 40])
    sheet.title(data["title"])
    keys = ("strategy", "count", "count_share", "budget", "budget_share", "units")
    sheet.header([[(w[key], 1, 1) for key in keys]])

    def figures(block: dict, bold: bool) -> None:
        share = book.percent_bold if bold else book.percent
        sheet.cells(
            [
                block["text"],
                block["count"],
                Cell(block["count_share"], share),
                block["budget"],
                Cell(block["budget_share"], share),
                block["units"],
            ],
            bold=bold,
        )

    for block in data["blocks"]:
        if block["type"] == "heading":
            sheet.merged(block["text"], book.group)
        else:
            figures(block, bold=block["type"] != "row")
    figures(data["total"], bold=True)


def write_p01(book: Book, data: dict) -> None:
    w = data["words"]
    n = len(data["years"])
    sheet = Sheet(book, data, [50] + [10, 17] * (n + 1))
    sheet.title(data["title"])
    first = [(w["strategy"], 2, 1)] + [(year, 1, 2) for year in data["years"]]
    first.append((data["all_years"], 1, 2))
    sheet.header([first, [(w["count"], 1, 1), (w["budget"], 1, 1)] * (n + 1)])

    def figures(block: dict, bold: bool) -> None:
        values = [block["text"]]
        for year in block["years"]:
            values += [year["count"], year["budget"]]
        sheet.cells([*values, block["count"], block["budget"]], bold=bold)

    for block in data["blocks"]:
        if block["type"] == "heading":
            sheet.merged(block["text"], book.group)
        else:
            figures(block, bold=block["type"] != "row")
    figures(data["total"], bold=True)


def write_p02(book: Book, data: dict) -> None:
    w = data["words"]
    n = len(data["years"])
    reason = data["amendment"]
    widths = [5, 30, 28, 26] + [15] * n + [24, 24, 18] + ([26] if reason else [])
    sheet = Sheet(book, data, widths)
    sheet.title(data["title"])
    first = [(w[key], 2, 1) for key in ("number", "name", "objective", "target")]
    first.append((w["budget"], 1, n))
    first += [(w[key], 2, 1) for key in ("kpi", "expected_result", "responsible")]
    if reason:
        first.append((w["reason"], 2, 1))
    sheet.header([first, [(f"{year} {w['baht']}".strip(), 1, 1) for year in data["years"]]])
    tail = 3 + (1 if reason else 0)

    def subtotal(block: dict) -> None:
        sheet.cells([None, block["text"], None, None, *block["years"]] + [None] * tail, bold=True)

    for section in data["sections"]:
        for line in section["preamble"]:
            sheet.merged(line, book.cell)
        for block in section["blocks"]:
            if block["type"] == "heading":
                sheet.merged(block["text"], book.group)
            elif block["type"] == "row":
                values = [block["number"], block["name"], block["objective"], block["target"]]
                values += [*block["years"], block["kpi"], block["expected_result"]]
                values.append(block["responsible"])
                if reason:
                    values.append(block["reason"])
                sheet.cells(values)
            else:
                subtotal(block)
    if not data["sections"]:
        sheet.merged(data["empty"], book.cell)
    subtotal(data["total"])


def write_p03(book: Book, data: dict) -> None:
    w = data["words"]
    n = len(data["years"])
    sheet = Sheet(book, data, [5, 26, 14, 22, 40] + [15] * n + [22])
    sheet.title(data["title"])
    first = [(w[key], 2, 1) for key in ("number", "work_plan", "category", "equipment_type")]
    first += [(w["target"], 2, 1), (w["budget"], 1, n), (w["responsible"], 2, 1)]
    sheet.header([first, [(f"{year} {w['baht']}".strip(), 1, 1) for year in data["years"]]])
    for row in data["rows"]:
        sheet.cells(
            [
                row["number"],
                row["work_plan"],
                row["category"],
                row["equipment_type"],
                row["target"],
                *row["years"],
                row["responsible"],
            ]
        )
    if not data["rows"]:
        sheet.merged(data["empty"], book.cell)
    total = data["total"]
    sheet.cells([None, total["text"], None, None, None, *total["years"], None], bold=True)


WRITERS: dict[str, Callable[[Book, dict], None]] = {
    "pd01": write_pd01,
    "pd02": write_pd02,
    "pd02-1": write_pd02,
    "p01": write_p01,
    "p02": write_p02,
    "p02-1": write_p02,
    "p02-2": write_p02,
    "p03": write_p03,
}


def _parts(data: dict) -> list[dict]:
    """The forms a document is made of: itself, or the forms of a book."""
    if data["form"] == "plan-book":
        return [data["pd01"], data["pd02"], data["pd02_1"]]
    if data["form"] == "dev-book":
        return data["parts"]
    return [data]


def write_workbook(data: dict) -> bytes:
    book = Book()
    for part in _parts(data):
        WRITERS[part["form"]](book, part)
    return book.close()


def writer_for(module: str) -> Callable[[dict], bytes]:
    return write_workbook
