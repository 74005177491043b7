extension UserListSchema {
    /// Template version 1, before vendor registration: it had no sponsoring agency, business
    /// operation, ODC or offshore company columns, and asked "Is onboarding to SEED required?*".
    /// Files made from it are still read; the missing columns are reported as warnings.
    public static let version1: UserListSchema = {
        let dropped: Set<FieldKey> = [.sponsoringAgency, .businessOperation, .odc, .offshoreCompany]
        var columns = current.columns.filter { !dropped.contains($0.key) }
        if let i = columns.firstIndex(where: { $0.key == .seed }) {
            columns[i].header = "Is onboarding to SEED required?*"
        }
        return UserListSchema(version: 1, columns: columns)
    }()

    /// Fields this version has that an older version lacks.
    public func fieldsAdded(since older: UserListSchema) -> [FieldKey] {
        let old = Set(older.keys)
        return keys.filter { !old.contains($0) }
    }
}
