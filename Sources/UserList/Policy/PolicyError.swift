/// A policy file that cannot be used, saying which file, which key and what to write instead.
public struct PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The policy file's name as given.
    public var file: String
    /// The offending key, when the problem is one key.
    public var key: String?
    public var message: String

    public init(file: String, key: String? = nil, message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    /// `policy.json: key "maxRowsPerFile" must be a whole number, got "abc"`.
    public var description: String {
        if let key { return "\(file): key \"\(key)\" \(message)" }
        return "\(file): \(message)"
    }
}
