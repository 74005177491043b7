import SheetIO
