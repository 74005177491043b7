import UserList

/// Renders the finding-code catalogue (`FindingCode.all`) as the Markdown page `docs/finding-codes.md`:
/// one table of every code with its severity, stage, meaning and fix. The page is generated, never
/// edited by hand (`invitesheet validate --list-codes > docs/finding-codes.md`), and a test checks
/// the committed page is current.
public struct FindingCodeTableWriter {
    public init() {}

    /// The stages a code is reported in: file-scope codes in `file`, sheet-scope codes in `structure`,
    /// row codes in the stages of the rules that list them (some codes come from more than one rule).
    public static func stages(of code: FindingCode) -> [Stage] {
        switch code.scope {
        case .file: return [.file]
        case .sheet: return [.structure]
        case .row: return rowStages[code.rawValue] ?? []
        }
    }

    /// Row codes by the stages of the rules reporting them, with every optional rule switched on (a
    /// sponsoring-agency list, so the unknown-agency rule lists its code).
    private static let rowStages: [String: [Stage]] = {
        var stages: [String: Set<Stage>] = [:]
        let validator = UserListValidator(policy: Policy(sponsoringAgencies: ["Agency"]))
        for rule in validator.rules {
            for code in rule.codes { stages[code.rawValue, default: []].insert(rule.stage) }
        }
        return stages.mapValues { $0.sorted() }
    }()

    /// The whole page.
    public func markdown(codes: [FindingCode] = FindingCode.all) -> String {
        var out = """
        # Finding codes

        Every code `invitesheet` can report, one row each. Codes are stable strings used in reports and
        `errors.csv`; a code is never renamed or reused.

        <!-- Generated from the catalogue (FindingCode.all) — do not edit by hand. Regenerate with:
             swift run invitesheet validate --list-codes > docs/finding-codes.md
             The Reports tests fail when this file is out of date. -->

        - **Severity** — `error`: the row (or file) cannot be accepted; `warning`: accepted, but \
        check it (fails the run only with `--strict`); `change`: an automatic clean-up, listed so \
        nothing changes silently.
        - **Stage** — `file` and `structure` errors stop the run for the file (exit 2); `field`, \
        `row`, `batch` and `directory` errors make their row invalid (exit 1) while valid rows are \
        still accepted.


        """
        out += "| Code | Severity | Stage | Meaning | Fix |\n"
        out += "|---|---|---|---|---|\n"
        for code in codes {
            let stages = Self.stages(of: code).map(\.rawValue).joined(separator: ", ")
            out += "| `\(code.rawValue)` | \(code.severity.rawValue) | \(stages.isEmpty ? "—" : stages) | "
                + "\(Self.cell(code.meaning)) | \(Self.cell(code.fix)) |\n"
        }
        out += "\n\(codes.count) codes.\n"
        return out
    }

    /// Table-cell text: `|` escaped, line breaks as spaces.
    static func cell(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
