import SheetIO

/// How the template looks, in one place. Colours are `0xRRGGBB`.
public enum TemplatePalette {
    /// Header cells of optional and conditionally required columns: light blue.
    public static let headerFill: UInt32 = 0xDDEBF7
    /// Header cells of always-required (`*`) columns: light orange with dark red text.
    public static let requiredHeaderFill: UInt32 = 0xFCE4D6
    public static let requiredHeaderFont: UInt32 = 0x9C0006
    /// Header cells of columns invitesheet adds after the template's own (ignored on upload): grey.
    public static let extraHeaderFill: UInt32 = 0xE7E6E6
    /// A cell with an error (corrections workbook): Excel's "light red fill with dark red text".
    public static let errorFill: UInt32 = 0xFFC7CE
    public static let errorFont: UInt32 = 0x9C0006
    /// A cell with only warnings (corrections workbook): Excel's "yellow fill with dark yellow text".
    public static let warningFill: UInt32 = 0xFFEB9C
    public static let warningFont: UInt32 = 0x9C5700

    /// The header of an always-required column.
    public static let requiredHeader = CellStyle(bold: true, fontColor: requiredHeaderFont, fillColor: requiredHeaderFill, wrap: true,
                                                 border: .thin, borderColor: 0xBFBFBF, verticalAlignment: .center)
    /// The header of any other template column.
    public static let header = CellStyle(bold: true, fillColor: headerFill, wrap: true,
                                         border: .thin, borderColor: 0xBFBFBF, verticalAlignment: .center)
    /// The header of a column invitesheet adds.
    public static let extraHeader = CellStyle(bold: true, italic: true, fillColor: extraHeaderFill, wrap: true,
                                              border: .thin, borderColor: 0xBFBFBF, verticalAlignment: .center)
    /// Body text that wraps within its column, top-aligned (Instructions, Errors).
    public static let wrapped = CellStyle(wrap: true, verticalAlignment: .top)
    /// The Instructions sheet's title.
    public static let title = CellStyle(bold: true, fontSize: 14)
}
