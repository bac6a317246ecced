import Testing
@testable import PolicySite

/// A pseudonym is `p-` and 8 to 64 lowercase hex digits; up to 16 digits it is kept as a number
/// with its digit count. The table-driven reading agrees with that rule for every byte in every
/// place.
@Suite struct AccountKeyTests {
    /// The rule, written plainly.
    static func expected(_ text: String) -> AccountKey? {
        let digits = text.utf8.dropFirst(2)
        guard text.hasPrefix("p-"), (8...64).contains(digits.count),
              digits.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        guard digits.count <= 16 else { return .long(text) }
        return .short(UInt64(String(decoding: digits, as: UTF8.self), radix: 16)!, digits: UInt8(digits.count))
    }

    @Test func everyByteInEveryPlaceOfAShortPseudonym() {
        for base in ["p-0123456789abcdef", "p-00000000", "p-ffffffffffffffff", "p-9a0f1b2e3d"] {
            var bytes = Array(base.utf8)
            for place in 2..<bytes.count {
                let kept = bytes[place]
                for byte in UInt8.min...UInt8.max {
                    bytes[place] = byte
                    let key = AccountKey(pseudonym: bytes)
                    // A byte that is not UTF-8 on its own cannot be in a valid pseudonym either.
                    let text = String(decoding: bytes, as: UTF8.self)
                    #expect(key == (Array(text.utf8) == bytes ? Self.expected(text) : nil), "\(base), byte \(byte) at \(place)")
                }
                bytes[place] = kept
            }
        }
    }

    @Test func everyLengthFromTooShortToTooLong() {
        var random = SplitMix(seed: 15)
        for length in 0...70 {
            for _ in 0..<20 {
                let digits = String((0..<length).map { _ in Array("0123456789abcdefg")[Int(random.next() % 17)] })
                let text = "p-" + digits
                #expect(AccountKey(pseudonym: text) == Self.expected(text), "\(text)")
            }
        }
    }
}
