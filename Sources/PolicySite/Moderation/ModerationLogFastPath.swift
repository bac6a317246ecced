#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The reader's fast lane for the rows almost every log is made of: a line with no quote mark
/// and no CR, every cell exactly its column's form. Such a row is checked and counted straight
/// from the read buffer; anything else (a quote, a space, a refusal) goes to the scanner and
/// the checks of `ModerationLogReader+Cells`, exactly as before, so messages are unchanged.
///
/// Why: `perf` on a 10^6-row log put the time in copying each record into arrays, looking up
/// columns in a dictionary, SipHash on every account, month and hours value, and retain/release
/// of the record's arrays: about 72 MB/s. Here a row costs a scan of its bytes and a few
/// array increments; accounts and hours go to open-addressed tables with a multiplicative hash.
struct ModerationLogFastPath {
    enum Role { case date, category, actions, account, hours }

    let roles: [Role]
    let asOf: CalendarDay
    let categoryKeys: KeyTable
    let actionKeys: KeyTable
    var tally: Tally

    /// Nil unless the header is exactly the known columns, each once, with the required ones present.
    init?(positions: [ModerationLogColumn: Int], headerCount: Int, unknownColumns: [Int], asOf: CalendarDay,
          categoryKeys: KeyTable, actionKeys: KeyTable) {
        guard unknownColumns.isEmpty, positions.count == headerCount, categoryKeys.keys.count <= 64, actionKeys.keys.count <= 64,
              ModerationLogColumn.allCases.allSatisfy({ !$0.isRequired || positions[$0] != nil }) else { return nil }
        var roles = [Role](repeating: .date, count: headerCount)
        for (column, index) in positions {
            switch column {
            case .date: roles[index] = .date
            case .category: roles[index] = .category
            case .actions: roles[index] = .actions
            case .account: roles[index] = .account
            case .hoursToAction: roles[index] = .hours
            }
        }
        self.roles = roles
        self.asOf = asOf
        self.categoryKeys = categoryKeys
        self.actionKeys = actionKeys
        self.tally = Tally(categoryCount: categoryKeys.keys.count, actionCount: actionKeys.keys.count)
    }

    /// Checks and counts one line (without its LF); false, counting nothing, when the line
    /// needs the full reader.
    mutating func take(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = line.count
        guard count > 0, let base = line.baseAddress else { return false }
        var day: CalendarDay?
        var category = -1
        var actions: UInt64 = 0
        var account: (value: UInt64, digits: UInt8)?
        var hours: Double?
        // A quote or a CR anywhere sends the line to the scanner; then cells split at commas.
        // memchr (vectorised) instead of a byte loop: callgrind put 1,100 instructions a row
        // in the loop that tested each byte for all three.
        guard memchr(base, 0x22, count) == nil, memchr(base, 0x0D, count) == nil else { return false }
        var column = 0
        var start = 0
        while true {
            let end = memchr(base + start, 0x2C, count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
            guard column < roles.count else { return false }
            let cell = UnsafeBufferPointer(start: base + start, count: end - start)
            if !cell.isEmpty, isBlank(cell[0]) || isBlank(cell[cell.count - 1]) { return false }
            switch roles.withUnsafeBufferPointer({ $0[column] }) {
            case .date:
                guard let parsed = Self.day(cell), parsed <= asOf else { return false }
                day = parsed
            case .category:
                guard let index = Self.index(of: cell, in: categoryKeys) else { return false }
                category = index
            case .actions:
                guard let set = actionSet(cell) else { return false }
                actions = set
            case .account:
                if !cell.isEmpty {
                    guard let key = Self.shortPseudonym(cell) else { return false }
                    account = key
                }
            case .hours:
                if !cell.isEmpty {
                    // The same refusals as the full reader: not a number, or shaped like a phone number.
                    let phoneLike = cell.count >= 10 || (cell.count > 1 && cell[0] == UInt8(ascii: "0") && cell[1] != UInt8(ascii: "."))
                    guard !phoneLike, let value = parseHours(cell) else { return false }
                    hours = value
                }
            }
            column += 1
            if end == count { break }
            start = end + 1
        }
        guard column == roles.count, let day, category >= 0, actions != 0 else { return false }
        tally.add(day: day, category: category, actions: actions, account: account, hours: hours)
        return true
    }

    private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// `p-` and 8 to 16 lowercase hex digits, as `AccountKey.short` holds it; longer ones go
    /// to the full reader. Written out: the generic `AccountKey(pseudonym:)` was 15% here.
    static func shortPseudonym(_ cell: UnsafeBufferPointer<UInt8>) -> (value: UInt64, digits: UInt8)? {
        guard cell.count >= 10, cell.count <= 18, cell[0] == UInt8(ascii: "p"), cell[1] == UInt8(ascii: "-") else { return nil }
        var value: UInt64 = 0
        for index in 2..<cell.count {
            let byte = cell[index]
            let nibble: UInt8
            if byte >= 0x30, byte <= 0x39 { nibble = byte &- 0x30 } else if byte >= 0x61, byte <= 0x66 { nibble = byte &- 0x61 &+ 10 } else { return nil }
            value = value << 4 | UInt64(nibble)
        }
        return (value, UInt8(cell.count - 2))
    }

    /// Exactly `YYYY-MM-DD` (a date-time or anything odd goes to the full reader).
    static func day(_ cell: UnsafeBufferPointer<UInt8>) -> CalendarDay? {
        guard cell.count == 10, cell[4] == UInt8(ascii: "-"), cell[7] == UInt8(ascii: "-") else { return nil }
        func digit(_ index: Int) -> Int? {
            let value = Int(cell[index]) &- 0x30
            return value >= 0 && value <= 9 ? value : nil
        }
        guard let y1 = digit(0), let y2 = digit(1), let y3 = digit(2), let y4 = digit(3), let m1 = digit(5), let m2 = digit(6),
              let d1 = digit(8), let d2 = digit(9) else { return nil }
        return CalendarDay(year: y1 * 1000 + y2 * 100 + y3 * 10 + y4, month: m1 * 10 + m2, day: d1 * 10 + d2)
    }

    /// `KeyTable.index(of:)` with `memcmp`: the generic `elementsEqual` was 6% here.
    static func index(of cell: UnsafeBufferPointer<UInt8>, in table: KeyTable) -> Int? {
        guard let base = cell.baseAddress else { return nil }
        for (index, key) in table.keys.enumerated() where key.count == cell.count {
            if key.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, cell.count) }) == 0 { return index }
        }
        return nil
    }

    /// Keys separated by `;`, each exactly a key (empty pieces skipped, as the full reader does).
    private func actionSet(_ cell: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var set: UInt64 = 0
        var start = 0
        while start <= cell.count {
            var end = start
            while end < cell.count, cell[end] != UInt8(ascii: ";") { end += 1 }
            let piece = UnsafeBufferPointer(rebasing: cell[start..<end])
            if !piece.isEmpty {
                guard !isBlank(piece[0]), !isBlank(piece[piece.count - 1]), let index = Self.index(of: piece, in: actionKeys) else { return nil }
                set |= 1 << UInt64(index)
            }
            start = end + 1
        }
        return set == 0 ? nil : set
    }
}

extension ModerationLogFastPath {
    /// Counts by month, account and hours value; folded into `ReportStatistics` at the end.
    struct Tally {
        let categoryCount: Int
        let actionCount: Int
        /// Per month seen: incidents, then per category, then per action.
        var counts: [Int] = []
        var slots: [Int: Int] = [:]
        var lastMonth = Int.min
        var lastSlot = 0
        /// The first and last days as `year * 10000 + month * 100 + day`: plain integer
        /// comparisons per row instead of optional `CalendarDay`s.
        var first = Int.max
        var last = Int.min
        var accounts = OpenTable()
        var hours = OpenTable()

        init(categoryCount: Int, actionCount: Int) {
            self.categoryCount = categoryCount
            self.actionCount = actionCount
        }

        var stride: Int { 1 + categoryCount + actionCount }

        mutating func add(day: CalendarDay, category: Int, actions: UInt64, account: (value: UInt64, digits: UInt8)?, hours: Double?) {
            let month = day.year * 12 + day.month - 1
            // Logs run in date order, so the month is nearly always the last row's.
            if month != lastMonth {
                if let slot = slots[month] {
                    lastSlot = slot
                } else {
                    lastSlot = counts.count
                    slots[month] = lastSlot
                    counts += repeatElement(0, count: stride)
                }
                lastMonth = month
            }
            counts.withUnsafeMutableBufferPointer { counts in
                counts[lastSlot] += 1
                counts[lastSlot + 1 + category] += 1
                var bits = actions
                while bits != 0 {
                    counts[lastSlot + 1 + categoryCount + bits.trailingZeroBitCount] += 1
                    bits &= bits - 1
                }
            }
            let stamp = day.year * 10000 + day.month * 100 + day.day
            if stamp < first { first = stamp }
            if stamp > last { last = stamp }
            if let account { accounts.add(account.value, tag: account.digits, saturatingAt: 2) }
            if let hours { self.hours.add(hours.bitPattern, tag: 1, saturatingAt: .max) }
        }

        func fold(into statistics: inout ReportStatistics) {
            for (month, slot) in slots {
                statistics.add(month: CalendarMonth(index: month), incidents: counts[slot],
                               categories: counts[(slot + 1)..<(slot + 1 + categoryCount)],
                               actions: counts[(slot + 1 + categoryCount)..<(slot + stride)])
            }
            for stamp in [first, last] where stamp != Int.max && stamp != Int.min {
                statistics.include(day: CalendarDay(year: stamp / 10000, month: stamp / 100 % 100, day: stamp % 100)!)
            }
            accounts.forEach { value, tag, count in statistics.add(account: .short(value, digits: tag), incidents: count) }
            hours.forEach { value, _, count in statistics.add(hours: Double(bitPattern: value), incidents: count) }
        }
    }

    /// A counting hash table of 64-bit keys with a small tag (0 marks an empty slot):
    /// open addressing, linear probing, Fibonacci hashing. No SipHash, no allocation per key,
    /// and one entry per slot so a probe touches one cache line.
    struct OpenTable {
        struct Entry {
            var key: UInt64 = 0
            var count: Int32 = 0
            var tag: UInt8 = 0
        }

        private var entries: [Entry]
        private var used = 0
        private var shift: UInt64

        init(capacity: Int = 1024) {
            entries = Array(repeating: Entry(), count: capacity)
            shift = UInt64(64 - capacity.trailingZeroBitCount)
        }

        mutating func add(_ key: UInt64, tag: UInt8, saturatingAt limit: Int32) {
            if (used + 1) * 4 > entries.count * 3 { grow() }
            let shift = self.shift
            let inserted: Bool = entries.withUnsafeMutableBufferPointer { entries in
                let mask = entries.count - 1
                var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
                while true {
                    let slotTag = entries[index].tag
                    if slotTag == 0 {
                        entries[index] = Entry(key: key, count: 1, tag: tag)
                        return true
                    }
                    if slotTag == tag, entries[index].key == key {
                        if entries[index].count < limit { entries[index].count += 1 }
                        return false
                    }
                    index = (index + 1) & mask
                }
            }
            if inserted { used += 1 }
        }

        private mutating func grow() {
            var bigger = OpenTable(capacity: entries.count * 2)
            for entry in entries where entry.tag != 0 { bigger.insert(entry) }
            self = bigger
        }

        private mutating func insert(_ entry: Entry) {
            let mask = entries.count - 1
            var index = Int(truncatingIfNeeded: (entry.key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while entries[index].tag != 0 { index = (index + 1) & mask }
            entries[index] = entry
            used += 1
        }

        func forEach(_ body: (UInt64, UInt8, Int) -> Void) {
            for entry in entries where entry.tag != 0 { body(entry.key, entry.tag, Int(entry.count)) }
        }
    }
}
