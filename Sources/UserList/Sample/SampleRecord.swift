import SheetIO

/// One generated user before it becomes cells: the person, agency and vendor it was made from, and
/// its 14 values in template order.
struct SampleRecord {
    var person: SampleData.Person
    var agency: (domain: String, name: String)
    var vendor: (name: String, domain: String, short: String)
    var values: [CellValue]
    var isHidden = false
    var formulaField: FieldKey?

    subscript(field: FieldKey) -> CellValue {
        get { values[field.index] }
        set { values[field.index] = newValue }
    }

    var email: String { values[FieldKey.email.index].displayText }
    var username: String { values[FieldKey.username.index].displayText }

    /// The first draw of a row's generator decides its natural user type (half public officers).
    static func naturalType(_ rng: inout SplitMix64) -> UserType {
        rng.chance(0.5) ? .publicOfficer : .vendor
    }

    /// A valid user for row `index`; `type` and `offshore` override the random choice.
    init(index: Int, rng: inout SplitMix64, type forcedType: UserType?, offshore forcedOffshore: Bool?) {
        let natural = Self.naturalType(&rng)
        let type = forcedType ?? natural
        let offshoreDraw = rng.chance(0.3)
        person = rng.pick(SampleData.people)
        agency = rng.pick(SampleData.agencies)
        vendor = rng.pick(SampleData.vendors)
        values = Array(repeating: .empty, count: FieldKey.count)
        let n = String(index)
        let p = person

        self[.userType] = .text(type.rawValue)
        self[.firstName] = .text(p.first)
        self[.lastName] = .text(p.last)
        self[.reason] = .text(rng.pick(SampleData.reasons))
        if rng.chance(0.6) { self[.department] = .text(rng.pick(SampleData.departments)) }
        var contact = Self.singaporeNumber(&rng)

        switch type {
        case .publicOfficer:
            let local: String
            switch rng.below(3) {
            case 0: local = p.handleFirst + "." + p.handleLast + n
            case 1: local = p.handleFirst + "_" + p.handleLast + n
            default: local = p.handleLast + "_" + p.handleFirst + n
            }
            self[.email] = .text(local + "@" + agency.domain)
            if rng.chance(0.5) { self[.organisation] = .text(agency.name) }
            self[.seed] = .text(rng.chance(0.4) ? YesNo.yes.rawValue : YesNo.no.rawValue)
        case .vendor:
            let offshore = forcedOffshore ?? offshoreDraw
            if rng.chance(0.7) {
                self[.email] = .text(p.handleFirst + "." + p.handleLast + n + "@" + vendor.domain)
            } else {
                self[.email] = .text(p.handleFirst + "." + vendor.short + n + "@" + agency.domain)
            }
            if rng.chance(0.6) {
                self[.username] = .text(p.handleFirst.prefix(1).uppercased() + p.handleFirst.dropFirst() + " "
                                        + p.handleLast.prefix(1).uppercased() + p.handleLast.dropFirst() + " " + n)
            } else {
                self[.username] = .text(p.handleFirst + "." + p.handleLast + n)
            }
            self[.organisation] = .text(vendor.name)
            self[.sponsoringAgency] = .text(agency.name)
            if offshore {
                self[.businessOperation] = .text(BusinessOperation.offshore.rawValue)
                self[.seed] = .text(YesNo.yes.rawValue)
                if rng.chance(0.15) {
                    self[.odc] = .text(Policy.otherODC)
                    self[.offshoreCompany] = .text(rng.pick(SampleData.offshoreCompanies))
                } else {
                    let centre = rng.pick(Policy.default.odcList)
                    self[.odc] = .text(centre)
                    if let numbers = SampleData.internationalNumbers[centre] { contact = rng.pick(numbers) }
                }
            } else {
                self[.businessOperation] = .text(BusinessOperation.onshore.rawValue)
                self[.seed] = .text(rng.chance(0.5) ? YesNo.yes.rawValue : YesNo.no.rawValue)
            }
        }
        self[.contactNumber] = .text(contact)
    }

    /// A Singapore number written one of the ways people write them, in blocks libphonenumber knows
    /// as allocated: mobile 81–88 and 91–98, fixed-line 61–65, VoIP 31–32.
    static func singaporeNumber(_ rng: inout SplitMix64) -> String {
        let lead = rng.pick(["9", "8", "6", "3"])
        let a = String(100 + rng.below(lead == "3" ? 200 : lead == "6" ? 500 : 800))
        let b = String(1000 + rng.below(9000))
        switch rng.below(6) {
        case 0: return "+65 " + lead + a + " " + b
        case 1: return lead + a + b
        case 2: return lead + a + " " + b
        case 3: return lead + a + "-" + b
        case 4: return "+65" + lead + a + b
        default: return "(+65) " + lead + a + " " + b
        }
    }
}

/// A generated row: its values, the sheet row, and what mistake (if any) it carries.
public struct SampleRow: Sendable {
    /// Zero-based data row index.
    public let index: Int
    /// The 14 values in template column order.
    public let values: [CellValue]
    /// The row as a sheet row: number `index + 2`, formats, formula and hidden flags.
    public let row: Row
    public let mistake: SampleMistake?

    /// True when the row should fail validation under `SampleGenerator.policy` and `existingAccounts`.
    public var intendedInvalid: Bool { mistake?.makesRowInvalid ?? false }

    static let dateFormat = NumberFormat(id: 14, code: "mm-dd-yy", kind: .date)

    init(index: Int, record: SampleRecord, mistake: SampleMistake?) {
        self.index = index
        self.values = record.values
        self.mistake = mistake
        var cells: [Cell] = []
        cells.reserveCapacity(FieldKey.count)
        for (column, value) in record.values.enumerated() where !value.isEmpty {
            let format: NumberFormat
            switch value {
            case .date: format = Self.dateFormat
            case .text where column == FieldKey.contactNumber.index: format = .text
            default: format = .general
            }
            cells.append(Cell(column: column, value: value, format: format,
                              hasFormula: record.formulaField?.index == column))
        }
        row = Row(number: index + 2, cells: cells, isHidden: record.isHidden)
    }
}
