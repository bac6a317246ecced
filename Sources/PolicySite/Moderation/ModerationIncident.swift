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
        guard bytes.count >= 10, bytes.count <= 66 else { return nil }
        var iterator = bytes.makeIterator()
        guard iterator.next() == UInt8(ascii: "p"), iterator.next() == UInt8(ascii: "-") else { return nil }
        var value: UInt64 = 0
        var digits = 0
        while let byte = iterator.next() {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte &- UInt8(ascii: "a") &+ 10
            default: return nil
            }
            if digits < 16 { value = value << 4 | UInt64(nibble) }
            digits += 1
        }
        if digits <= 16 {
            self = .short(value, digits: UInt8(digits))
        } else {
            self = .long(String(decoding: bytes, as: UTF8.self))
        }
    }

    public init?(pseudonym text: String) {
        self.init(pseudonym: Array(text.utf8))
    }
}
