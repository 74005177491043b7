#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SheetIO
import UserList

/// Appends to the GitHub Actions step summary (the file `$GITHUB_STEP_SUMMARY` names) a Markdown
/// table of every finding that fails a file: every error (and, under `--strict`, every warning),
/// whatever `--max-findings` says, one line each (file, row, column, code, message). The run's
/// summary page shows at most 10 error annotations per step; this table is where a reviewer sees
/// them all.
///
/// GitHub refuses a step summary over 1 MiB (and then shows none of it), so the writer stops just
/// under `budget` bytes, counting what the file held already, and says how many it left out.
/// Text is escaped for Markdown (`MarkdownText`): a cell cannot end its table cell, add a link or
/// load an image.
public final class GitHubStepSummaryWriter {
    /// GitHub's limit is 1 MiB per step; keep clear of it.
    public static let defaultBudget = 1_000_000

    private let path: String
    private let budget: Int
    private var used: Int

    /// A writer appending to `path` (created if missing); `budget` is the most bytes the file may reach.
    public init(path: String, budget: Int = GitHubStepSummaryWriter.defaultBudget) {
        self.path = path
        self.budget = budget
        var info = stat()
        used = stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Appends one file's heading and table.
    public func add(_ report: ValidationReport) throws {
        var text = "\n### \(MarkdownText.cell(TextSummaryWriter.resultLine(report)))\n\n"
        let failing: Set<Severity> = report.strict ? [.error, .warning] : [.error]
        var lines: [String] = []
        var left = 0
        var size = used + text.utf8.count + Self.tableHeader.utf8.count + 200
        try report.findings.forEach(ignoringLimit: true) { f in
            guard failing.contains(f.severity) else { return }
            let line = Self.line(f, file: report.input.name)
            if left == 0 && size + line.utf8.count <= budget {
                lines.append(line)
                size += line.utf8.count
            } else {
                left += 1
            }
        }
        if lines.isEmpty && left == 0 {
            text += "No invalid rows.\n"
        } else {
            if !lines.isEmpty { text += Self.tableHeader + lines.joined() }
            if left > 0 {
                text += "\n… \(CountText.of(left, "more finding")) not listed: GitHub takes at most 1 MiB of step summary. "
                    + "The job log and errors.csv (validate --out) have every one.\n"
            }
        }
        guard used + text.utf8.count <= budget + 200 else { return }
        try append(text)
        used += text.utf8.count
    }

    static let tableHeader = "| File | Row | Column | Code | Message |\n|---|---|---|---|---|\n"

    static func line(_ f: Finding, file: String) -> String {
        var column = f.columnLetter ?? ""
        if let header = f.header { column += (column.isEmpty ? "" : " ") + HeaderName.plain(header) }
        let cells = [file, f.row.map(String.init) ?? "", column, f.code.rawValue, "\(f.message) (\(f.hint ?? f.code.fix))"]
        return "| " + cells.map(MarkdownText.cell).joined(separator: " | ") + " |\n"
    }

    private func append(_ text: String) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw SheetIOError(.write, "cannot open the GitHub step summary: \(String(cString: strerror(errno)))", file: path)
        }
        defer { close(fd) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SheetIOError(.write, "cannot write the GitHub step summary: \(String(cString: strerror(errno)))", file: path)
            }
            bytes = bytes.dropFirst(n)
        }
    }
}
