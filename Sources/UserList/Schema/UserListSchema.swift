/// The user-list template as data: its id, version, sheets and columns in order. The template
/// writer, the Instructions sheet, header matching and every validator read this one definition.
public struct UserListSchema: Sendable, Equatable {
    /// The id recorded in the `_meta` sheet of every template this project makes.
    public static let templateID = "techpass-user-list"
    public static let usersSheetName = "Users"
    public static let instructionsSheetName = "Instructions"
    public static let listsSheetName = "Lists"
    public static let metadataSheetName = "_meta"
    /// Sheets the template itself adds; never taken for the user list.
    public static let templateSheetNames = [instructionsSheetName, listsSheetName, metadataSheetName]
    /// The corrections workbook's column of every problem of the row.
    public static let errorsHeader = "Errors"
    /// The corrections workbook's column of each row's row number in the original file.
    public static let sourceRowHeader = "Source row"
    /// Columns the corrections workbook adds; recognised in an upload and ignored as data.
    public static let ignoredHeaders = [errorsHeader, sourceRowHeader]
    /// Longest first or last name, in characters.
    public static let nameMaxLength = 64
    /// Longest reason, in characters.
    public static let reasonMaxLength = 500
    /// Longest email address (RFC 5321 path limit).
    public static let emailMaxLength = 254

    public var version: Int
    /// Columns in template order.
    public var columns: [ColumnDefinition]

    public init(version: Int, columns: [ColumnDefinition]) {
        self.version = version
        self.columns = columns
    }

    /// The column for a field, if this version has it.
    public func column(_ key: FieldKey) -> ColumnDefinition? { columns.first { $0.key == key } }

    /// The fields this version has, in order.
    public var keys: [FieldKey] { columns.map(\.key) }

    /// Every template version this project knows, oldest first.
    public static let versions: [UserListSchema] = [version1, current]

    /// The schema of a version number, if known.
    public static func version(_ number: Int) -> UserListSchema? { versions.first { $0.version == number } }
}
