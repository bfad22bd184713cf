#!/usr/bin/env python3
"""Writes the spreadsheet corpus for `import csv` in the encodings officers' spreadsheets save (run once; the
files are committed). Two masters are written as flat ODS (cells typed as in a spreadsheet: text, or numbers an
officer typed into a number-formatted column), then LibreOffice saves each as CSV:

  meetings-utf8.csv      "Text CSV", Unicode (UTF-8), comma
  meetings-1252.csv      "Text CSV", Western Europe (Windows-1252), comma (Excel's "CSV (Comma delimited)")
  meetings-utf16.txt     "Text CSV", Unicode (UTF-16, with BOM), tab (Excel's "Unicode Text")
  people-*.csv|txt       the same three for a people sheet whose phone column a spreadsheet mangled

Usage: make_encodings.py   (needs soffice: apt-get install -y libreoffice-calc)
"""
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

here = Path(__file__).parent

# Dates as officers' sheets hold them, each a text cell but the serial (a date cell shown as a number).
MEETINGS = [
    ["Date", "Start Time", "Finish", "SNT Area", "Type of meeting", "Venue", "Venue Address", "Access notes"],
    ["3-Dec-26", "7pm", "9pm", "Sandy and Biggleswade", "LTT", "Siân's Café Hall", "Potton Road, Potton", "Step-free — hearing loop"],
    ["03-Dec-2026", "18:30", "20:30", "Leighton Rural", "LTT", "Toddington Village Hall", "", ""],
    ["2026-12-03T19:00:00.000Z", "", "21:00", "Ampthill & Flitwick", "Ward Forum", "Rufus Centre", "Steppingstones, Flitwick", ""],
    [("number", "46406"), "19:00", "21:00", "Shefford, Stotfold and Arlesey", "LTT", "Stotfold Memorial Hall", "", ""],
    ["12/03/2026", "19:00", "21:00", "Dunstable", "LTT", "Grove Theatre", "", ""],
    ["", "", "", "", "", "", "", ""],
]

# Phones: as typed (text), a number that lost its leading 0, a long number shown in scientific notation.
PEOPLE = [
    ["Name", "Email", "Phone", "Organisation"],
    ["Siân Owen-Café", "sian.owen@example.org", "01767 123456", "Bedfordshire Police"],
    ["Zoë Brontë", "zoe.bronte@example.org", ("number", "1767123457"), "Bedfordshire Police"],
    ["Ødegaard Fenn", "o.fenn@example.org", ("scientific", "1632960000"), "Bedfordshire Police"],
    ["", "", "", ""],
]


def cell(value):
    if isinstance(value, tuple):
        kind, number = value
        style = ' table:style-name="sci"' if kind == "scientific" else ""
        return f'<table:table-cell office:value-type="float" office:value="{number}"{style}/>'
    if value == "":
        return "<table:table-cell/>"
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def fods(rows):
    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles>
 <number:number-style style:name="N-sci"><number:scientific-number number:decimal-places="5" number:min-integer-digits="1" number:min-exponent-digits="2"/></number:number-style>
</office:styles>
<office:automatic-styles><style:style style:name="sci" style:family="table-cell" style:data-style-name="N-sci"/></office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="Sheet1">{body}</table:table></office:spreadsheet></office:body>
</office:document>
"""


# LibreOffice's CSV filter options: separator, text delimiter, character set, first line.
VARIANTS = [("utf8", "csv", "44,34,76,1"), ("1252", "csv", "44,34,1,1"), ("utf16", "txt", "9,34,65535,1")]


def main():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("soffice not found: apt-get install -y libreoffice-calc")
    with tempfile.TemporaryDirectory() as work:
        for name, rows in [("meetings", MEETINGS), ("people", PEOPLE)]:
            master = Path(work) / f"{name}.fods"
            master.write_text(fods(rows), encoding="utf-8")
            for suffix, ext, options in VARIANTS:
                out = Path(work) / suffix
                out.mkdir(exist_ok=True)
                subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to",
                                f"{ext}:Text - txt - csv (StarCalc):{options}", "--outdir", str(out), str(master)],
                               check=True, stdout=subprocess.DEVNULL)
                target = here / f"{name}-{suffix}.{ext}"
                shutil.copy(out / f"{name}.{ext}", target)
                if suffix == "1252":
                    # Excel writes the rows an officer formatted but left empty as separators alone; LibreOffice
                    # leaves them out, so one is added as Excel writes it.
                    with open(target, "ab") as f:
                        f.write(b"," * (len(rows[0]) - 1) + b"\r\n")


if __name__ == "__main__":
    main()
