import SheetIO

/// The dropdown lists the hidden `Lists` sheet holds: one column per dropdown column of the schema,
/// its title in row 1 and its values from row 2, in schema order. Columns that are free text under
/// the policy (sponsoring agency with no agency list) get none.
public struct TemplateLists: Sendable, Equatable {
    /// One dropdown's values and where they sit in the `Lists` sheet.
    public struct List: Sendable, Equatable {
        public var field: FieldKey
        /// The Users column's title (its header without `*`), written in row 1.
        public var title: String
        public var values: [String]
        /// Zero-based column of the `Lists` sheet.
        public var column: Int

        /// The absolute range of the values, such as `Lists!$A$2:$A$3`.
        public var range: String {
            let letters = CellReference.letters(forColumn: column)
            return "\(TemplateLists.quotedSheetName)!$\(letters)$2:$\(letters)$\(values.count + 1)"
        }

        /// The data-validation source: `=Lists!$A$2:$A$3`.
        public var formula: String { "=" + range }
    }

    /// Dropdowns in schema order.
    public let lists: [List]

    public init(schema: UserListSchema = .current, policy: Policy = .default) {
        var lists: [List] = []
        for column in schema.columns {
            guard let values = column.dropdown?.values(policy: policy), !values.isEmpty else { continue }
            lists.append(List(field: column.key, title: column.title, values: values, column: lists.count))
        }
        self.lists = lists
    }

    /// The dropdown of a field, if it has one.
    public func list(for field: FieldKey) -> List? { lists.first { $0.field == field } }

    /// The sheet name as a formula names it (quoted when it needs to be).
    static var quotedSheetName: String {
        let name = UserListSchema.listsSheetName
        let plain = name.unicodeScalars.allSatisfy { ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_") && $0.isASCII }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
