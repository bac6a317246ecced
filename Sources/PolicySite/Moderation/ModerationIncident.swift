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
        // The anonymiser's 16 digits: two words of eight, each checked and converted at once.
        if bytes.count == 18, let base = bytes.baseAddress {
            let digits = UnsafeRawPointer(base + 2)
            guard let high = Self.hexWord(digits.loadUnaligned(as: UInt64.self)),
                  let low = Self.hexWord(digits.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) else { return nil }
            self = .short(high << 32 | low, digits: 16)
            return
        }
        // A table lookup per digit, the bad ones gathered in one bit tested once at the end:
        // the two range tests per byte were a third of the fast lane's time (perf, 10^6 rows).
        var value: UInt64 = 0
        var bad: UInt8 = 0
        Self.hexDigits.withUnsafeBufferPointer { digits in
            for index in 2..<bytes.count {
                let nibble = digits[Int(bytes[index])]
                bad |= nibble
                if index < 18 { value = value << 4 | UInt64(nibble & 0x0F) }
            }
        }
        guard bad & 0x80 == 0 else { return nil }
        if bytes.count <= 18 {
            self = .short(value, digits: UInt8(bytes.count - 2))
        } else {
            self = .long(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Eight lowercase hex digits as loaded from memory (the first in the lowest byte) read as a
    /// number, or nil if any byte is not one; eight bytes at a time (SWAR), each lane exact: no
    /// sum or difference below crosses into the next byte.
    @inline(__always)
    static func hexWord(_ word: UInt64) -> UInt64? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7 = word & (ones &* 0x7F)
        // The top bit of each byte whose value x has lower < x < upper (and x < 0x80).
        func between(_ lower: UInt64, _ upper: UInt64) -> UInt64 {
            (ones &* (127 + upper) &- low7) & ~word & (low7 &+ ones &* (127 - lower)) & (ones &* 0x80)
        }
        guard between(0x2F, 0x3A) | between(0x60, 0x67) == ones &* 0x80 else { return nil }
        // '0'...'9' have bit 6 clear, 'a'...'f' set: the digit is the low four bits, plus 9 for a letter.
        let nibbles = (word & (ones &* 0x0F)) &+ ((word >> 6) & ones) &* 9
        var value = nibbles.byteSwapped // the first digit in the top byte
        value = (value | value >> 4) & 0x00FF_00FF_00FF_00FF
        value = (value | value >> 8) & 0x0000_FFFF_0000_FFFF
        return (value | value >> 16) & 0xFFFF_FFFF
    }

    /// Each byte's value as a lowercase hex digit, or 0x80 for any other byte.
    private static let hexDigits: [UInt8] = (0...255).map { byte in
        switch byte {
        case 0x30...0x39: UInt8(byte - 0x30)
        case 0x61...0x66: UInt8(byte - 0x61 + 10)
        default: 0x80
        }
    }

    public init?(pseudonym text: String) {
        self.init(pseudonym: Array(text.utf8))
    }
}
