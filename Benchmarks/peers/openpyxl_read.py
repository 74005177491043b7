"""Peer: openpyxl in read_only (streaming) mode reading every row of the first sheet."""
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
ws = wb.worksheets[0]
cells = 0
for row in ws.iter_rows(values_only=True):
    cells += sum(1 for v in row if v is not None)
wb.close()
print(cells)
