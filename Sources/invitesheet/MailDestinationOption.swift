import Foundation
import Mail

/// The one place `--mail` is turned into a transport: the Mail layer's `MailDestination`, with the
/// default outbox folder `outbox/` beside the ledger.
enum MailDestinationOption {
    static func transport(for value: String?, ledgerPath: String) throws -> MailTransport {
        guard let value, !value.isEmpty else {
            let folder = (ledgerPath as NSString).deletingLastPathComponent
            return OutboxTransport(directory: folder.isEmpty ? "outbox" : (folder as NSString).appendingPathComponent("outbox"))
        }
        do {
            return try MailDestination(value).makeTransport()
        } catch let error as MailDestinationError {
            throw MailOptionError(message: error.description)
        }
    }
}

struct MailOptionError: Error {
    var message: String
}
