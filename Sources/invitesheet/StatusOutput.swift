import Foundation
import Invitations
import SheetIO

/// The "Invite User Status" page in each format, streamed from the ledger's cursor.
enum StatusOutput {
    static let headers = ["First name", "Last name", "Email address", "Organisation", "Department", "Date of invite",
                          "TechPass status", "SEED status", "Resend", "Last email"]

    static func cells(_ entry: StatusEntry) -> [String] {
        let i = entry.invitation
        return [i.firstName ?? "", i.lastName ?? "", i.email, i.organisation ?? "", i.department ?? "", LedgerTime.date(i.invitedAt),
                i.status.rawValue, i.seedStatus.rawValue, entry.resend.text, entry.deliveryText]
    }

    static func historyLines(_ entry: StatusEntry) -> [String] {
        entry.events.map { e in
            let from = e.fromStatus.map { "\($0.rawValue) → " } ?? ""
            return "\(LedgerTime.readable(e.at)): \(from)\(e.toStatus.rawValue) by \(e.actor)\(e.note.map { " (\($0))" } ?? "") [trace \(e.traceID)]"
        }
    }

    /// Writes the selection; returns how many invitations were listed.
    static func write(_ ledger: InvitationLedger, filter: StatusFilter, at now: Int64, history: Bool,
                      format: StatusCommand.Format, to path: String?) throws -> Int {
        if format == .xlsx { return try writeXLSX(ledger, filter: filter, at: now, history: history, to: path!) }
        let sink = try path.map { try ByteSink(path: $0) } ?? ByteSink.standardOutput()
        let count: Int
        switch format {
        case .csv:
            let csv = CSVWriter(sink: sink, neutraliseFormulas: true)
            csv.writeRow(headers + (history ? ["History"] : []))
            count = try ledger.status(filter: filter, at: now, history: history) { entry in
                csv.writeRow(cells(entry) + (history ? [historyLines(entry).joined(separator: "\n")] : []))
            }
        case .json:
            count = try ledger.status(filter: filter, at: now, history: history) { entry in
                sink.write(bytes: try json(entry, history: history))
                sink.write("\n")
            }
        case .text:
            let widths = [14, 14, 34, 18, 16, 14, 20, 12, 26, 30]
            func line(_ fields: [String]) -> String {
                var line = zip(fields, widths).map { field, width in
                    let text = Terminal.printable(field)
                    return text.count > width ? String(text.prefix(width - 1)) + "…" : text.padding(toLength: width, withPad: " ", startingAt: 0)
                }.joined(separator: " ")
                // Only the end: an invitee without a name (an email invitation) starts with empty columns.
                while line.last == " " { line.removeLast() }
                return line + "\n"
            }
            var wroteHeader = false
            count = try ledger.status(filter: filter, at: now, history: history) { entry in
                if !wroteHeader { sink.write(line(headers)); wroteHeader = true }
                sink.write(line(cells(entry)))
                for h in historyLines(entry) { sink.write("    \(Terminal.printable(h))\n") }
            }
        case .xlsx:
            preconditionFailure("written above")
        }
        try sink.commit()
        return count
    }

    private static func json(_ entry: StatusEntry, history: Bool) throws -> Data {
        let i = entry.invitation
        var object: [String: Any] = [
            "id": i.id, "firstName": i.firstName ?? NSNull(), "lastName": i.lastName ?? NSNull(), "email": i.email,
            "organisation": i.organisation ?? NSNull(), "department": i.department ?? NSNull(),
            "invitedAt": LedgerTime.iso(i.invitedAt), "inviter": i.inviter, "kind": i.kind.rawValue,
            "techPassStatus": i.status.rawValue, "seedStatus": i.seedStatus.rawValue,
            "lastEmailAt": LedgerTime.iso(i.sentAt), "expiresAt": i.expiresAt.map(LedgerTime.iso) ?? NSNull(),
            "resendCount": i.resendCount, "resend": entry.resend.text, "lastEmail": entry.deliveryText,
        ]
        switch entry.resend {
        case .now: object["resendAvailableAt"] = LedgerTime.iso(i.sentAt)
        case .from(let t): object["resendAvailableAt"] = LedgerTime.iso(t)
        case .notAvailable: object["resendAvailableAt"] = NSNull()
        }
        if let reason = i.failureReason { object["failure"] = ["reason": reason, "traceId": i.failureTraceID ?? ""] }
        if history {
            object["history"] = entry.events.map { e -> [String: Any] in
                ["at": LedgerTime.iso(e.at), "from": e.fromStatus?.rawValue ?? NSNull(), "to": e.toStatus.rawValue,
                 "actor": e.actor, "traceId": e.traceID, "note": e.note ?? NSNull()]
            }
        }
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// An XLSX table with a bold, frozen, filterable header.
    private static func writeXLSX(_ ledger: InvitationLedger, filter: StatusFilter, at now: Int64, history: Bool, to path: String) throws -> Int {
        let workbook = try XLSXWorkbookWriter(path: path, options: XLSXWriteOptions(streaming: true, title: "Invite User Status"))
        let sheet = try workbook.addSheet(name: "Invitations")
        let bold = try workbook.style(CellStyle(bold: true))
        let all = headers + (history ? ["History"] : [])
        let widths: [Double] = [16, 16, 32, 20, 20, 12, 20, 14, 26, 30, 60]
        for c in all.indices { try sheet.setColumn(c, c, width: widths[c]) }
        try sheet.freezePanes(rows: 1, columns: 0)
        for (c, header) in all.enumerated() { try sheet.write(row: 1, column: c, text: header, style: bold) }
        var row = 1
        let count = try ledger.status(filter: filter, at: now, history: history) { entry in
            row += 1
            for (c, value) in cells(entry).enumerated() { try sheet.write(row: row, column: c, value: .text(value)) }
            if history { try sheet.write(row: row, column: all.count - 1, value: .text(historyLines(entry).joined(separator: "\n"))) }
        }
        try sheet.autofilter(headerRow: 1, lastRow: max(row, 1), firstColumn: 0, lastColumn: all.count - 1)
        try workbook.close()
        return count
    }
}
