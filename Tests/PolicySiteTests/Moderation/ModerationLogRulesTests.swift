import Testing
@testable import PolicySite

/// The byte-level cell rules against plain ones written on arrays and Strings, over cells made
/// to be near misses: keys one byte off or cut short, keys sharing their first eight bytes,
/// dates with a byte out of place. (Both lanes of the reader call the same rules, so the lanes'
/// differential test alone would not see a rule that is wrong everywhere.)
@Suite struct ModerationLogRulesTests {
    static let keys = ["removed", "blocked", "reported-platform", "reported-authority", "a", "abcdefgh", "abcdefghi", "abcdefgi"]
    static let table = KeyTable(keys)

    static func plainIndex(_ cell: [UInt8]) -> Int? { keys.firstIndex { Array($0.utf8) == cell } }

    static func nearMiss(_ random: inout SplitMix) -> [UInt8] {
        var bytes = Array(keys[Int(random.next() % UInt64(keys.count))].utf8)
        switch random.next() % 5 {
        case 0: break
        case 1: bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
        case 2: bytes.removeLast(Int(random.next() % UInt64(bytes.count)))
        case 3: bytes.append(UInt8(ascii: "x"))
        default: bytes = (0..<(random.next() % 20)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
        return bytes
    }

    @Test func aKeyIsFoundExactlyWhenItsBytesAreTheCell() {
        var random = SplitMix(seed: 41)
        for _ in 0..<20_000 {
            let cell = Self.nearMiss(&random)
            let found = cell.withUnsafeBufferPointer { Self.table.index(of: $0) }
            #expect(found == Self.plainIndex(cell), "\(cell)")
        }
    }

    /// Two keys of one length share a head only when they are the same bytes (up to eight), so
    /// the head is each byte in its own place, whatever loads make it.
    @Test func aHeadIsTheFirstEightBytesInTheirPlaces() {
        var random = SplitMix(seed: 44)
        for _ in 0..<2_000 {
            let bytes = (0..<(random.next() % 13)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let expected = bytes.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
            #expect(bytes.withUnsafeBufferPointer { KeyTable.head(of: $0) } == expected, "\(bytes)")
        }
    }

    /// Pieces split at ';', blanks around each ignored, empty pieces skipped; the first unknown
    /// piece refused with its place in the trimmed cell.
    static func plainActions(_ raw: [UInt8]) -> Result<UInt64, ModerationLogRules.Refusal> {
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        let start = raw.firstIndex { !isBlank($0) } ?? raw.count
        let end = (raw.lastIndex { !isBlank($0) }).map { $0 + 1 } ?? start
        let cell = Array(raw[start..<max(start, end)])
        var set: UInt64 = 0
        var pieceStart = 0
        for piece in cell.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false) {
            let lead = piece.prefix { isBlank($0) }.count
            let trimmed = Array(piece.dropFirst(lead).reversed().drop { isBlank($0) }.reversed())
            if !trimmed.isEmpty {
                guard let index = plainIndex(trimmed) else {
                    let at = pieceStart + lead
                    return .failure(.unknownKey(at..<(at + trimmed.count)))
                }
                set |= 1 << UInt64(index)
            }
            pieceStart += piece.count + 1
        }
        return set == 0 ? .failure(.noActions) : .success(set)
    }

    @Test func actionsAreTheKeysBetweenSemicolons() {
        var random = SplitMix(seed: 42)
        for _ in 0..<20_000 {
            var cell: [UInt8] = []
            for piece in 0..<(random.next() % 4) {
                if piece > 0 { cell.append(UInt8(ascii: ";")) }
                if random.next() % 3 == 0 { cell.append(0x20) }
                cell += Self.nearMiss(&random)
                if random.next() % 3 == 0 { cell.append(0x09) }
            }
            let got = cell.withUnsafeBufferPointer { ModerationLogRules.actions($0, keys: Self.table) }
            #expect(got == Self.plainActions(cell), "\(String(decoding: cell, as: UTF8.self))")
        }
    }

    /// `YYYY-MM-DD` read with Int(String): the day when every one of the eight places is a digit
    /// and the date exists.
    static func plainDate(_ cell: [UInt8]) -> CalendarDay? {
        guard cell.count == 10, cell[4] == UInt8(ascii: "-"), cell[7] == UInt8(ascii: "-") else { return nil }
        let places = [0, 1, 2, 3, 5, 6, 8, 9]
        guard places.allSatisfy({ (0x30...0x39).contains(cell[$0]) }) else { return nil }
        let text = String(decoding: cell, as: UTF8.self)
        let parts = text.split(separator: "-").map { Int($0)! }
        return CalendarDay(year: parts[0], month: parts[1], day: parts[2])
    }

    @Test func aDateIsEightDigitsInPlaceNamingARealDay() {
        var random = SplitMix(seed: 43)
        let latest = CalendarDay(year: 9999, month: 12, day: 31)!
        for _ in 0..<50_000 {
            let year = 1990 + Int(random.next() % 50), month = Int(random.next() % 14), day = Int(random.next() % 33)
            func padded(_ value: Int, _ width: Int) -> String { String(repeating: "0", count: width - String(value).count) + String(value) }
            var cell = Array("\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))".utf8)
            if random.next() % 2 == 0 { cell[Int(random.next() % 10)] = UInt8(truncatingIfNeeded: random.next() % 128) }
            let got = cell.withUnsafeBufferPointer { ModerationLogRules.date($0, latest: latest) }
            switch got {
            case .success(let parsed): #expect(parsed == Self.plainDate(cell), "\(String(decoding: cell, as: UTF8.self))")
            case .failure: #expect(Self.plainDate(cell) == nil, "\(String(decoding: cell, as: UTF8.self))")
            }
        }
    }
}
