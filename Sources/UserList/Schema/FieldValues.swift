/// One value per user-list field, stored in a fixed array indexed by `FieldKey.index`
/// (cheaper per row than a dictionary).
public struct FieldValues<Value> {
    @usableFromInline var storage: [Value]

    /// Every field set to the same value.
    public init(repeating value: Value) {
        storage = Array(repeating: value, count: FieldKey.count)
    }

    @inlinable
    public subscript(key: FieldKey) -> Value {
        get { storage[key.index] }
        set { storage[key.index] = newValue }
    }

    /// Key–value pairs in template order.
    public var pairs: [(key: FieldKey, value: Value)] {
        FieldKey.allCases.map { ($0, storage[$0.index]) }
    }
}

extension FieldValues: Sendable where Value: Sendable {}
extension FieldValues: Equatable where Value: Equatable {}

extension FieldValues {
    /// The non-nil values keyed by field raw key (`"email"`), for JSON-style consumers.
    public func dictionary<T>() -> [String: T] where Value == T? {
        var out: [String: T] = [:]
        for key in FieldKey.allCases { if let v = storage[key.index] { out[key.rawValue] = v } }
        return out
    }
}
