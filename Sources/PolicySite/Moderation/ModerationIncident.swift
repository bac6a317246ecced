/// One row of the moderation log, checked: what the statistics fold.
public struct ModerationIncident: Sendable, Hashable {
    public var date: CalendarDay
    /// Index into the site's `categories`.
    public var category: Int
    /// Indices into the site's `actions`, as bits.
    public var actions: ActionSet
    public var account: AccountKey?
    public var hoursToAction: Double?

    public init(date: CalendarDay, category: Int, actions: ActionSet, account: AccountKey? = nil, hoursToAction: Double? = nil) {
        self.date = date
        self.category = category
        self.actions = actions
        self.account = account
        self.hoursToAction = hoursToAction
    }
}

/// A set of action indices (at most 64 actions, far more than any site defines).
public struct ActionSet: Sendable, Hashable {
    public var bits: UInt64

    public init(bits: UInt64 = 0) { self.bits = bits }

    public init(_ indices: [Int]) {
        self.bits = indices.reduce(0) { $0 | (1 << UInt64($1)) }
    }

    public mutating func insert(_ index: Int) { bits |= 1 << UInt64(index) }
    public func contains(_ index: Int) -> Bool { bits & (1 << UInt64(index)) != 0 }
    public var isEmpty: Bool { bits == 0 }
}

/// A pseudonym as a compact, hashable key. Pseudonyms of up to 16 hex digits (all that
/// `policysite anonymise` makes) fit in a number, so counting accounts allocates nothing per row.
public enum AccountKey: Sendable, Hashable {
    case short(UInt64, digits: UInt8)
    case long(String)

    /// Nil unless `bytes` are `p-` followed by 8 to 64 lowercase hex digits.
    public init?(pseudonym bytes: some Collection<UInt8>) {
        guard let key = Array(bytes).withUnsafeBufferPointer({ AccountKey(pseudonymBytes: $0) }) else { return nil }
        self = key
    }

    /// The same on bytes in place: the reader's fast lane calls it for every row, where the
    /// generic version cost 15%.
    init?(pseudonymBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 10, bytes.count <= 66, bytes[0] == UInt8(ascii: "p"), bytes[1] == UInt8(ascii: "-") else { return nil }
        var value: UInt64 = 0
        for index in 2..<bytes.count {
            let byte = bytes[index]
            let nibble: UInt8
            if byte >= 0x30, byte <= 0x39 {
                nibble = byte &- 0x30
            } else if byte >= 0x61, byte <= 0x66 {
                nibble = byte &- 0x61 &+ 10
            } else {
                return nil
            }
            if index < 18 { value = value << 4 | UInt64(nibble) }
        }
        if bytes.count <= 18 {
            self = .short(value, digits: UInt8(bytes.count - 2))
        } else {
            self = .long(String(decoding: bytes, as: UTF8.self))
        }
    }

    public init?(pseudonym text: String) {
        self.init(pseudonym: Array(text.utf8))
    }
}
