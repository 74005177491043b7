internal import CCurl
import Foundation

/// The one place that touches libcurl: an easy handle kept for the life of a transport (so
/// consecutive messages reuse the connection), options set through the typed shims, the
/// message fed from memory, and the relay's last reply captured for error messages. Only the
/// server's replies are looked at; the commands sent (AUTH carries the password) and the body
/// are never recorded.
final class CurlSMTPSession {
    /// The outcome of one transfer, before it is classified.
    struct Failure {
        /// libcurl's own code, as text (`curl_easy_strerror`) plus its error buffer.
        var curlMessage: String
        var kind: Kind
        /// The relay's last reply code (`CURLINFO_RESPONSE_CODE`), 0 when it never answered.
        var responseCode: Int
        /// The relay's reply line for that code, e.g. `550 5.1.1 <x@y>: no such user`.
        var replyLine: String?

        enum Kind { case loginRefused, tlsUnavailable, tlsFailed, timedOut, other }
    }

    struct Settings {
        var url: String
        var requireTLS: Bool
        var user: String?
        var password: String?
        var caFile: String?
        var connectTimeoutSeconds: Int
        var totalTimeoutSeconds: Int
    }

    private static let globalInit: CURLcode = shim_global_init()
    private let handle: UnsafeMutableRawPointer

    init() throws {
        guard Self.globalInit == CURLE_OK, let h = curl_easy_init() else {
            throw MailDeliveryError(.temporary, "libcurl could not be initialised")
        }
        handle = h
    }

    deinit { curl_easy_cleanup(handle) }

    /// Sends `message` to `recipients`; nil when the relay accepted it.
    func send(_ message: [UInt8], from sender: String, to recipients: [String], settings: Settings) -> Failure? {
        curl_easy_reset(handle)
        let exchange = Exchange(message: message)
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: shim_error_size())
        errorBuffer.initialize(repeating: 0, count: shim_error_size())
        defer { errorBuffer.deallocate() }
        var recipientList: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients { recipientList = curl_slist_append(recipientList, "<\(recipient)>") }
        defer { curl_slist_free_all(recipientList) }

        let context = Unmanaged.passUnretained(exchange).toOpaque()
        var setup = CURLE_OK
        func set(_ code: CURLcode) { if setup == CURLE_OK { setup = code } }
        set(shim_setopt_string(handle, CURLOPT_URL, settings.url))
        set(shim_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"))
        set(shim_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        set(shim_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, settings.connectTimeoutSeconds))
        set(shim_setopt_long(handle, CURLOPT_TIMEOUT, settings.totalTimeoutSeconds))
        set(shim_setopt_long(handle, CURLOPT_USE_SSL, Int(settings.requireTLS ? CURLUSESSL_ALL.rawValue : CURLUSESSL_TRY.rawValue)))
        if let caFile = settings.caFile { set(shim_setopt_string(handle, CURLOPT_CAINFO, caFile)) }
        if let user = settings.user { set(shim_setopt_string(handle, CURLOPT_USERNAME, user)) }
        if let password = settings.password { set(shim_setopt_string(handle, CURLOPT_PASSWORD, password)) }
        set(shim_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(sender)>"))
        set(shim_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipientList))
        set(shim_setopt_long(handle, CURLOPT_UPLOAD, 1))
        set(shim_setopt_read_function(handle, readMessage))
        set(shim_setopt_pointer(handle, CURLOPT_READDATA, context))
        set(shim_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        // The debug callback is how libcurl hands over the relay's reply lines; VERBOSE turns it
        // on, and with a callback set nothing is printed.
        set(shim_setopt_debug_function(handle, recordReply))
        set(shim_setopt_pointer(handle, CURLOPT_DEBUGDATA, context))
        set(shim_setopt_long(handle, CURLOPT_VERBOSE, 1))
        guard setup == CURLE_OK else {
            return Failure(curlMessage: "libcurl refused an option: " + String(cString: curl_easy_strerror(setup)), kind: .other, responseCode: 0, replyLine: nil)
        }

        let result = withExtendedLifetime(exchange) { curl_easy_perform(handle) }
        if result == CURLE_OK { return nil }

        var code = 0
        _ = shim_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        let buffer = String(cString: errorBuffer)
        let strerror = String(cString: curl_easy_strerror(result))
        let kind: Failure.Kind
        switch result {
        case CURLE_LOGIN_DENIED, CURLE_AUTH_ERROR: kind = .loginRefused
        case CURLE_USE_SSL_FAILED: kind = .tlsUnavailable
        case CURLE_OPERATION_TIMEDOUT: kind = .timedOut
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM: kind = .tlsFailed
        default: kind = .other
        }
        return Failure(curlMessage: buffer.isEmpty ? strerror : "\(strerror): \(buffer)", kind: kind,
                       responseCode: code, replyLine: exchange.reply(for: code))
    }
}

/// What the callbacks share with `send`: the message being read out and the replies heard.
private final class Exchange {
    let message: [UInt8]
    var offset = 0
    private var pending: [UInt8] = []
    private(set) var replies: [String] = []

    init(message: [UInt8]) { self.message = message }

    func take(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let n = min(capacity, message.count - offset)
        guard n > 0 else { return 0 }
        message.withUnsafeBytes { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: n)
        }
        offset += n
        return n
    }

    /// Collects reply lines (keeping the last few; a reply is short and the session has few).
    func hear(_ bytes: UnsafeBufferPointer<UInt8>) {
        pending += bytes
        while let end = pending.firstIndex(of: 10) {
            let line = String(decoding: pending[..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            pending.removeSubrange(...end)
            if !line.isEmpty { replies.append(line) }
            if replies.count > 32 { replies.removeFirst() }
        }
    }

    /// The last reply line carrying `code` (multi-line replies end with `code` and a space).
    func reply(for code: Int) -> String? {
        guard code > 0 else { return replies.last }
        return replies.last(where: { $0.hasPrefix("\(code) ") || $0 == "\(code)" })
            ?? replies.last(where: { $0.hasPrefix("\(code)-") })
    }
}

private let readMessage: shim_read_callback = { buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    return Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue().take(into: buffer, capacity: size * count)
}

private let recordReply: shim_debug_callback = { _, type, data, size, context in
    // CURLINFO_HEADER_IN is what the server said; everything else (commands, the body) is ignored.
    guard type == CURLINFO_HEADER_IN, let data, let context else { return 0 }
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: size)
    Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue().hear(bytes)
    return 0
}
