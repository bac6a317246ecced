#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The log format's cell rules, each written once: what a cell of each column accepts, and why
/// one is refused. The reader's scanner path, its fast lane and the anonymiser all call these
/// functions, so a row one of them accepts the others accept too (a differential test and a
/// fuzz target hold them to it).
///
/// A rule takes the raw cell (blanks around it are ignored) and works on bytes, so the fast lane
/// can apply it straight to its read buffer.
enum ModerationLogRules {
    /// Why a cell was refused; `ModerationLogMessages` turns it into words.
    enum Refusal: Error, Equatable {
        /// A required cell is empty.
        case empty
        /// The cell is not its column's form at all.
        case malformed
        /// `YYYY-MM-DD` that names no day (30 February, month 13).
        case impossibleDate
        /// A valid date later than the latest the caller allows (today, or the as-of day).
        case afterLatest(CalendarDay)
        /// A piece of the cell is not a key of the vocabulary; the range is the piece within the
        /// trimmed cell.
        case unknownKey(Range<Int>)
        /// The actions cell names no action.
        case noActions
        /// An hours figure shaped like a phone number: a leading zero, or ten characters or more.
        case phoneLike
    }

    /// The column rules of one log, with the site's vocabularies and the latest date it may hold.
    struct Vocabulary: Sendable {
        let categories: KeyTable
        let actions: KeyTable
        let latestDate: CalendarDay
    }

    /// Blanks (space, tab) around a cell are not part of it.
    @inline(__always)
    static func trim(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = cell.count
        while start < end, cell[start] == 0x20 || cell[start] == 0x09 { start += 1 }
        while end > start, cell[end - 1] == 0x20 || cell[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: cell[start..<end])
    }

    /// `date`: `YYYY-MM-DD`, or an ISO 8601 date-time whose date counts; not after `latest`.
    static func date(_ raw: UnsafeBufferPointer<UInt8>, latest: CalendarDay) -> Result<CalendarDay, Refusal> {
        let cell = trim(raw)
        if cell.isEmpty { return .failure(.empty) }
        guard cell.count >= 10, let base = cell.baseAddress, base[4] == UInt8(ascii: "-"), base[7] == UInt8(ascii: "-") else { return .failure(.malformed) }
        // The eight digits straight off the pointer: a byte below '0' wraps past 9.
        @inline(__always) func digit(_ position: Int) -> Int { Int(base[position] &- 0x30) }
        let digits = (digit(0), digit(1), digit(2), digit(3), digit(5), digit(6), digit(8), digit(9))
        guard digits.0 <= 9, digits.1 <= 9, digits.2 <= 9, digits.3 <= 9, digits.4 <= 9, digits.5 <= 9, digits.6 <= 9, digits.7 <= 9 else {
            return .failure(.malformed)
        }
        let year = digits.0 * 1000 + digits.1 * 100 + digits.2 * 10 + digits.3
        let month = digits.4 * 10 + digits.5
        let dayOfMonth = digits.6 * 10 + digits.7
        if cell.count > 10, !isISOTime(UnsafeBufferPointer(rebasing: cell[10...])) { return .failure(.malformed) }
        guard let day = CalendarDay(year: year, month: month, day: dayOfMonth) else { return .failure(.impossibleDate) }
        if day > latest { return .failure(.afterLatest(day)) }
        return .success(day)
    }

    /// `category`: exactly one key of the site's categories.
    static func category(_ raw: UnsafeBufferPointer<UInt8>, keys: KeyTable) -> Result<Int, Refusal> {
        let cell = trim(raw)
        if cell.isEmpty { return .failure(.empty) }
        guard let index = keys.index(of: cell) else { return .failure(.unknownKey(0..<cell.count)) }
        return .success(index)
    }

    /// `actions`: one or more keys of the site's actions separated by `;` (empty pieces and
    /// blanks around a piece are ignored), as bits of an `ActionSet`.
    static func actions(_ raw: UnsafeBufferPointer<UInt8>, keys: KeyTable) -> Result<UInt64, Refusal> {
        let cell = trim(raw)
        guard let base = cell.baseAddress else { return .failure(.noActions) }
        var set: UInt64 = 0
        var start = 0
        while start <= cell.count {
            var end = start
            while end < cell.count, base[end] != UInt8(ascii: ";") { end += 1 }
            let piece = trim(UnsafeBufferPointer(start: base + start, count: end - start))
            if !piece.isEmpty {
                guard let index = keys.index(of: piece) else {
                    let offset = piece.baseAddress.map { $0 - base } ?? start
                    return .failure(.unknownKey(offset..<(offset + piece.count)))
                }
                set |= 1 << UInt64(index)
            }
            start = end + 1
        }
        return set == 0 ? .failure(.noActions) : .success(set)
    }

    /// `account`: empty, or a pseudonym (`p-` and 8 to 64 lowercase hex digits).
    static func account(_ raw: UnsafeBufferPointer<UInt8>) -> Result<AccountKey?, Refusal> {
        let cell = trim(raw)
        if cell.isEmpty { return .success(nil) }
        guard let key = AccountKey(pseudonymBytes: cell) else { return .failure(.malformed) }
        return .success(key)
    }

    /// `hours-to-action`: empty, or a non-negative decimal number without exponent. A leading
    /// zero (other than `0.5`) or ten characters or more look like a phone number, which no
    /// hours figure needs, so they are refused.
    static func hours(_ raw: UnsafeBufferPointer<UInt8>) -> Result<Double?, Refusal> {
        let cell = trim(raw)
        if cell.isEmpty { return .success(nil) }
        guard let value = parseHours(cell) else { return .failure(.malformed) }
        if cell.count >= 10 || (cell.count > 1 && cell[0] == UInt8(ascii: "0") && cell[1] != UInt8(ascii: ".")) { return .failure(.phoneLike) }
        return .success(value)
    }

    /// `THH:MM`, optional `:SS` and fraction, optional `Z` or `±HH[:]MM` or `±HH` (a space may
    /// stand for the `T`).
    static func isISOTime(_ rest: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        func byte(_ at: Int) -> UInt8? { at < rest.count ? rest[at] : nil }
        func digits(_ count: Int) -> Int? {
            var value = 0
            for _ in 0..<count {
                guard let b = byte(i), b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
                i += 1
            }
            return value
        }
        guard byte(0) == UInt8(ascii: "T") || byte(0) == UInt8(ascii: " ") else { return false }
        i = 1
        guard let hour = digits(2), hour <= 23, byte(i) == UInt8(ascii: ":") else { return false }
        i += 1
        guard let minute = digits(2), minute <= 59 else { return false }
        if byte(i) == UInt8(ascii: ":") {
            i += 1
            guard let second = digits(2), second <= 59 else { return false }
            if byte(i) == UInt8(ascii: ".") {
                i += 1
                let start = i
                while let b = byte(i), b >= 0x30, b <= 0x39 { i += 1 }
                guard i > start else { return false }
            }
        }
        if byte(i) == UInt8(ascii: "Z") {
            i += 1
        } else if byte(i) == UInt8(ascii: "+") || byte(i) == UInt8(ascii: "-") {
            i += 1
            guard let offsetHours = digits(2), offsetHours <= 23 else { return false }
            if i < rest.count {
                if byte(i) == UInt8(ascii: ":") { i += 1 }
                guard let offsetMinutes = digits(2), offsetMinutes <= 59 else { return false }
            }
        }
        return i == rest.count
    }
}

extension ModerationLogRules.Vocabulary {
    init(categories: [SiteConfiguration.Term], actions: [SiteConfiguration.Term], latestDate: CalendarDay) {
        self.init(categories: KeyTable(categories.map(\.key)), actions: KeyTable(actions.map(\.key)), latestDate: latestDate)
    }
}

/// A non-negative decimal number without exponent, such as `3` or `0.25`.
func parseHours(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
    var whole = 0, fraction = 0, fractionDigits = 0, digits = 0
    var sawPoint = false
    for byte in cell {
        if byte == UInt8(ascii: ".") {
            if sawPoint { return nil }
            sawPoint = true
            continue
        }
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        digits += 1
        guard digits <= 15 else { return nil }
        if sawPoint {
            fraction = fraction * 10 + Int(byte - 0x30)
            fractionDigits += 1
        } else {
            whole = whole * 10 + Int(byte - 0x30)
        }
    }
    guard digits > 0, !(sawPoint && fractionDigits == 0) else { return nil }
    var scale = 1
    for _ in 0..<fractionDigits { scale *= 10 }
    // Both parts are exact in a Double, so the one division rounds as a decimal parser would.
    return Double(whole * scale + fraction) / Double(scale)
}

/// A vocabulary's keys as bytes, for lookups without making Strings.
struct KeyTable: Sendable {
    let keys: [[UInt8]]
    let list: String
    /// Each key's first eight bytes as one number (zeros after a shorter key's end), and its
    /// length: most lookups are settled by two integer comparisons, and only the bytes of a long
    /// key past its eighth are compared with `memcmp`. (Comparing whole keys with `memcmp`, each
    /// from an array of arrays, was 17% of a 10^6-row build's instructions, callgrind.)
    private let heads: [UInt64]
    private let lengths: [Int]

    init(_ keys: [String]) {
        self.keys = keys.map { Array($0.utf8) }
        self.list = keys.joined(separator: ", ")
        heads = self.keys.map { key in key.withUnsafeBufferPointer { Self.head(of: $0) } }
        lengths = self.keys.map(\.count)
    }

    var names: [String] { keys.map { String(decoding: $0, as: UTF8.self) } }

    func index(of cell: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = cell.baseAddress, !cell.isEmpty else { return nil }
        let head = Self.head(of: cell)
        for index in heads.indices where heads[index] == head && lengths[index] == cell.count {
            if cell.count <= 8 { return index }
            let same = keys[index].withUnsafeBufferPointer { key in key.baseAddress.map { memcmp($0 + 8, base + 8, cell.count - 8) == 0 } ?? false }
            if same { return index }
        }
        return nil
    }

    /// The bytes as a little-endian number, read with at most two loads: for a cell shorter than
    /// eight bytes, two overlapping loads whose shared bytes are the same (a byte loop here cost
    /// more than the comparisons it feeds).
    @inline(__always)
    static func head(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base), count = bytes.count
        switch count {
        case 8...: return UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        case 4...7:
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return low | high << UInt64(8 * (count - 4))
        case 2...3:
            let low = UInt64(UInt16(littleEndian: raw.loadUnaligned(as: UInt16.self)))
            let high = UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)))
            return low | high << UInt64(8 * (count - 2))
        case 1: return UInt64(base[0])
        default: return 0
        }
    }
}
