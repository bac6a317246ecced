#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The reader's fast lane for the rows almost every log is made of: a line with no quote mark
/// and no CR whose every cell passes `ModerationLogRules`. Such a row is checked and counted
/// straight from the read buffer; anything else (a quote, a refusal, a long pseudonym, a date
/// after the as-of day) goes to the scanner and `ModerationLogRowChecker`, which apply the same
/// rules and word the refusal, so the two lanes cannot disagree on a verdict.
///
/// Why a second lane: `perf` on a 10^6-row log put the scanner path's time in copying each
/// record into arrays, looking up columns in a dictionary, SipHash on every account, month and
/// hours value, and retain/release of the record's arrays. Here a row costs a scan of its bytes
/// and a few array increments; accounts and hours go to open-addressed tables with a
/// multiplicative hash (figures in BENCHMARKS.md).
struct ModerationLogFastPath {
    let columns: [ModerationLogColumn]
    let asOf: CalendarDay
    let vocabulary: ModerationLogRules.Vocabulary
    var tally: Tally
    private var actionCells = ActionCellMemo()
    private var dateCell = DateCellMemo()

    /// Nil unless the header is exactly the known columns, each once, with the required ones present.
    init?(positions: [ModerationLogColumn: Int], headerCount: Int, unknownColumns: [Int], asOf: CalendarDay,
          vocabulary: ModerationLogRules.Vocabulary) {
        guard unknownColumns.isEmpty, positions.count == headerCount, vocabulary.categories.keys.count <= 64, vocabulary.actions.keys.count <= 64,
              ModerationLogColumn.allCases.allSatisfy({ !$0.isRequired || positions[$0] != nil }) else { return nil }
        var columns = [ModerationLogColumn](repeating: .date, count: headerCount)
        for (column, index) in positions { columns[index] = column }
        self.columns = columns
        self.asOf = asOf
        self.vocabulary = vocabulary
        self.tally = Tally(categoryCount: vocabulary.categories.keys.count, actionCount: vocabulary.actions.keys.count)
    }

    /// The same lane with nothing counted yet (for another thread reading another part of the log).
    func withEmptyTally() -> ModerationLogFastPath {
        var copy = self
        copy.tally = Tally(categoryCount: tally.categoryCount, actionCount: tally.actionCount)
        return copy
    }

    /// Checks and counts one line (without its LF); false, counting nothing, when the line
    /// needs the scanner: quoted, refused, or not countable here.
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
            let end = line.firstIndex(ofByte: 0x2C, from: start) ?? count
            guard column < columns.count else { return false }
            let cell = UnsafeBufferPointer(start: base + start, count: end - start)
            switch columns.withUnsafeBufferPointer({ $0[column] }) {
            case .date:
                // Rows after the as-of day are counted apart, by the scanner path.
                if let remembered = dateCell.day(for: cell) {
                    day = remembered
                } else {
                    guard case .success(let parsed) = ModerationLogRules.date(cell, latest: asOf) else { return false }
                    dateCell.remember(parsed, for: cell)
                    day = parsed
                }
            case .category:
                guard case .success(let index) = ModerationLogRules.category(cell, keys: vocabulary.categories) else { return false }
                category = index
            case .actions:
                if let set = actionCells.set(for: cell) {
                    actions = set
                } else {
                    guard case .success(let set) = ModerationLogRules.actions(cell, keys: vocabulary.actions) else { return false }
                    actionCells.remember(set, for: cell)
                    actions = set
                }
            case .account:
                switch ModerationLogRules.account(cell) {
                case .success(.short(let value, let digits)): account = (value, digits)
                case .success(nil): break
                // The tally keys accounts by a number; a pseudonym longer than 16 digits is rare.
                case .success(.long), .failure: return false
                }
            case .hoursToAction:
                guard case .success(let value) = ModerationLogRules.hours(cell) else { return false }
                hours = value
            }
            column += 1
            if end == count { break }
            start = end + 1
        }
        guard column == columns.count, let day, category >= 0, actions != 0 else { return false }
        tally.add(day: day, category: category, actions: actions, account: account, hours: hours)
        return true
    }
}

extension ModerationLogFastPath {
    /// Counts by month, and by school year and account or hours value; folded into
    /// `ReportStatistics` at the end.
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
        var accounts = AccountsBySchoolYear()
        var hours = OpenTable()

        init(categoryCount: Int, actionCount: Int) {
            self.categoryCount = categoryCount
            self.actionCount = actionCount
        }

        var stride: Int { 1 + categoryCount + actionCount }

        mutating func add(day: CalendarDay, category: Int, actions: UInt64, account: (value: UInt64, digits: UInt8)?, hours: Double?) {
            let month = day.year * 12 + day.month - 1
            // Logs run in date order, so the month is nearly always the last row's.
            if month != lastMonth { select(month: month) }
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
            let schoolYear = Int16(truncatingIfNeeded: day.month >= 9 ? day.year : day.year - 1)
            if let account { accounts.add(account.value, digits: account.digits, incidents: 1, year: schoolYear) }
            if let hours { self.hours.add(hours.bitPattern, tag: 1, group: schoolYear, saturatingAt: .max) }
        }

        private mutating func select(month: Int) {
            if let slot = slots[month] {
                lastSlot = slot
            } else {
                lastSlot = counts.count
                slots[month] = lastSlot
                counts += repeatElement(0, count: stride)
            }
            lastMonth = month
        }

        /// Adds the counts of another tally (the second half of a log, read on another thread):
        /// every figure is a count, so the sum is what one reader would have counted.
        mutating func merge(_ other: Tally) {
            for (month, slot) in other.slots {
                select(month: month)
                for offset in 0..<stride { counts[lastSlot + offset] += other.counts[slot + offset] }
            }
            first = min(first, other.first)
            last = max(last, other.last)
            accounts.merge(other.accounts)
            other.hours.forEach { value, tag, group, count in
                hours.add(value, tag: tag, group: group, count: Int32(clamping: count), saturatingAt: .max)
            }
        }

        /// Hands every count to `statistics`; the accounts are counted per year, so the scanner
        /// lane's accounts join them first (so this changes the tally: fold it once).
        mutating func fold(into statistics: inout ReportStatistics) {
            for (month, slot) in slots {
                statistics.add(month: CalendarMonth(index: month), incidents: counts[slot],
                               categories: counts[(slot + 1)..<(slot + 1 + categoryCount)],
                               actions: counts[(slot + 1 + categoryCount)..<(slot + stride)])
            }
            for stamp in [first, last] where stamp != Int.max && stamp != Int.min {
                if let day = CalendarDay(year: stamp / 10000, month: stamp / 100 % 100, day: stamp % 100) { statistics.include(day: day) }
            }
            // The scanner lane's short accounts join these, so that each school year's accounts
            // are counted once, as figures, without a dictionary of every account.
            statistics.moveShortAccounts { year, value, digits, incidents in
                accounts.add(value, digits: digits, incidents: incidents, year: Int16(truncatingIfNeeded: year.startYear))
            }
            accounts.forEachYear { year, distinct, repeats in
                statistics.addFolded(distinct: distinct, repeats: repeats, year: SchoolYear(startYear: Int(year)))
            }
            hours.forEach { value, _, group, count in
                statistics.add(hours: Double(bitPattern: value), year: SchoolYear(startYear: Int(group)), incidents: count)
            }
        }
    }

    /// A counting hash table of 64-bit keys with a small tag (0 marks an empty slot) and a group
    /// (the school year the count belongs to):
    /// open addressing, linear probing, Fibonacci hashing. No SipHash, no allocation per key,
    /// and one entry per slot so a probe touches one cache line.
    struct OpenTable {
        struct Entry {
            var key: UInt64 = 0
            var count: Int32 = 0
            var group: Int16 = 0
            var tag: UInt8 = 0
        }

        private var entries: [Entry]
        private var used = 0
        private var shift: UInt64

        var count: Int { used }

        /// `capacity` is 0 or a power of two; an empty table allocates nothing until its first key.
        init(capacity: Int = 1024) {
            entries = Array(repeating: Entry(), count: capacity)
            shift = UInt64(64 - capacity.trailingZeroBitCount)
        }

        mutating func add(_ key: UInt64, tag: UInt8, group: Int16, count: Int32 = 1, saturatingAt limit: Int32) {
            if (used + 1) * 4 > entries.count * 3 { grow() }
            let shift = self.shift
            let inserted: Bool = entries.withUnsafeMutableBufferPointer { entries in
                let mask = entries.count - 1
                var index = Self.slot(key, group, shift)
                while true {
                    let slotTag = entries[index].tag
                    if slotTag == 0 {
                        entries[index] = Entry(key: key, count: min(count, limit), group: group, tag: tag)
                        return true
                    }
                    if slotTag == tag, entries[index].key == key, entries[index].group == group {
                        let (sum, overflow) = entries[index].count.addingReportingOverflow(count)
                        entries[index].count = overflow ? limit : min(limit, sum)
                        return false
                    }
                    index = (index + 1) & mask
                }
            }
            if inserted { used += 1 }
        }

        private mutating func grow() {
            var bigger = OpenTable(capacity: max(1024, entries.count * 2))
            for entry in entries where entry.tag != 0 { bigger.insert(entry) }
            self = bigger
        }

        private mutating func insert(_ entry: Entry) {
            let mask = entries.count - 1
            var index = Self.slot(entry.key, entry.group, shift)
            while entries[index].tag != 0 { index = (index + 1) & mask }
            entries[index] = entry
            used += 1
        }

        func forEach(_ body: (UInt64, UInt8, Int16, Int) -> Void) {
            for entry in entries where entry.tag != 0 { body(entry.key, entry.tag, entry.group, Int(entry.count)) }
        }

        private static func slot(_ key: UInt64, _ group: Int16, _ shift: UInt64) -> Int {
            Int(truncatingIfNeeded: ((key ^ UInt64(UInt16(bitPattern: group))) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }
    }
}
