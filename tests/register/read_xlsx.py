"""Reads an .xlsx file with openpyxl (Debian's python3-openpyxl) and prints it as
JSON, so the C++ tests assert on what a spreadsheet program really sees:
{"sheets": [{"name", "rows": [[{"value": str|number|null, "is_date": bool,
"number_format": str}]]}]}. Dates are printed as "YYYY-MM-DD"."""
import datetime
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": []}
for ws in book.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.strftime("%Y-%m-%d")
            cells.append({"value": v, "is_date": bool(c.is_date), "number_format": c.number_format})
        rows.append(cells)
    out["sheets"].append({"name": ws.title, "rows": rows})
json.dump(out, sys.stdout, ensure_ascii=False)
