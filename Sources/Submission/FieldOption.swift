import UserList

/// The command-line option of each template column, named after it: the field key in kebab case
/// (`firstName` → `--first-name`, `odc` → `--odc`). `invite` takes one option per column, and its
/// findings name the option where a file's name the column.
public enum FieldOption {
    /// `--first-name` for `.firstName`.
    public static func name(_ key: FieldKey) -> String {
        var name = "--"
        for character in key.rawValue {
            if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
        }
        return name
    }

    /// The option a finding is about: its field's, else that of its column in the template's layout
    /// (the one-row list is laid out as the template); nil for a finding about no one field.
    public static func name(of finding: Finding) -> String? {
        guard let key = finding.fieldKey ?? finding.column.flatMap(ColumnMap.standard.field(atColumn:)) else { return nil }
        return name(key)
    }
}
