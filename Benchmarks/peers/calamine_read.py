"""Peer: python-calamine reading every row of the first sheet (the issue's yardstick)."""
import sys
from python_calamine import CalamineWorkbook

wb = CalamineWorkbook.from_path(sys.argv[1])
cells = 0
for row in wb.get_sheet_by_index(0).iter_rows():
    cells += sum(1 for v in row if v != "")
print(cells)
