/// The short accounts of each school year, for its distinct and repeat figures, kept small.
///
/// Why not one hash table keyed by (account, year): a 10^6-row log holds about 500,000 such
/// pairs, and a table of 16-byte entries kept at most 3/4 full (and doubled to grow) cost the
/// build 9 MB of peak memory (BENCHMARKS.md, "Privacy across releases"). Logs run in date order,
/// so once the log reaches a later school year the earlier years rarely change: each is then
/// compacted into sorted arrays of 9 bytes an account, with no empty slots, and only the year
/// being read keeps a hash table. An entry of an earlier year that comes late still counts: it
/// is looked up by binary search, or joins that year's table until the next compaction.
struct AccountsBySchoolYear {
    private var years: [Int16] = []
    private var sets: [SchoolYearAccounts] = []
    private var lastYear = Int16.min
    private var lastIndex = 0
    private var newestYear = Int16.min

    /// Counts `incidents` more incidents for an account in `year` (a school year's start year).
    mutating func add(_ key: UInt64, digits: UInt8, incidents: Int, year: Int16) {
        if year != lastYear { select(year) }
        sets[lastIndex].add(key, digits: digits, incidents: incidents)
    }

    /// Each school year with its distinct accounts and the accounts in more than one incident.
    func forEachYear(_ body: (_ year: Int16, _ distinct: Int, _ repeats: Int) -> Void) {
        for (year, set) in zip(years, sets) { body(year, set.distinct, set.repeats) }
    }

    /// Adds the accounts another reader counted (the second half of a log, read on another
    /// thread): a year's sets are compacted and merged in one sorted walk.
    mutating func merge(_ other: AccountsBySchoolYear) {
        for (year, set) in zip(other.years, other.sets) {
            if year != lastYear { select(year) }
            sets[lastIndex].merge(set)
        }
    }

    private mutating func select(_ year: Int16) {
        if let index = years.firstIndex(of: year) {
            lastIndex = index
        } else {
            years.append(year)
            sets.append(SchoolYearAccounts())
            lastIndex = sets.count - 1
        }
        lastYear = year
        // The log has moved on to a later year: the earlier ones are (nearly always) complete.
        if year > newestYear {
            newestYear = year
            for index in sets.indices where index != lastIndex { sets[index].compact() }
        }
    }
}

/// One school year's accounts: a sorted, compacted part and a hash table of accounts added since.
/// No account is in both.
struct SchoolYearAccounts {
    private var recent = ModerationLogFastPath.OpenTable(capacity: 0)
    /// Sorted by key, then digits.
    private var keys: [UInt64] = []
    /// `digits << 1`, plus 1 for an account in more than one incident; parallel to `keys`.
    private var marks: [UInt8] = []

    var distinct: Int { keys.count + recent.count }

    var repeats: Int {
        var count = marks.reduce(0) { $0 + Int($1 & 1) }
        recent.forEach { _, _, _, incidents in if incidents >= 2 { count += 1 } }
        return count
    }

    mutating func add(_ key: UInt64, digits: UInt8, incidents: Int) {
        if !keys.isEmpty, let index = compactedIndex(of: key, digits: digits) {
            marks[index] |= 1 // seen before, so now in more than one incident
            return
        }
        recent.add(key, tag: digits, group: 0, count: Int32(clamping: incidents), saturatingAt: 2)
    }

    /// Moves the table's accounts into the sorted arrays and frees the table.
    mutating func compact() {
        guard recent.count > 0 else { return }
        var addedKeys: [UInt64] = []
        var addedMarks: [UInt8] = []
        addedKeys.reserveCapacity(recent.count)
        addedMarks.reserveCapacity(recent.count)
        recent.forEach { key, digits, _, incidents in
            addedKeys.append(key)
            addedMarks.append(digits << 1 | (incidents >= 2 ? 1 : 0))
        }
        recent = ModerationLogFastPath.OpenTable(capacity: 0)
        AccountRadixSort.sort(keys: &addedKeys, marks: &addedMarks)
        mergeSorted(keys: addedKeys, marks: addedMarks)
    }

    /// Adds another set's accounts; an account in both is in more than one incident.
    mutating func merge(_ other: SchoolYearAccounts) {
        var other = other
        other.compact()
        compact()
        mergeSorted(keys: other.keys, marks: other.marks)
    }

    /// Merges sorted arrays into the compacted part, in one walk.
    private mutating func mergeSorted(keys otherKeys: [UInt64], marks otherMarks: [UInt8]) {
        var mergedKeys: [UInt64] = []
        var mergedMarks: [UInt8] = []
        mergedKeys.reserveCapacity(keys.count + otherKeys.count)
        mergedMarks.reserveCapacity(keys.count + otherKeys.count)
        var old = 0
        for (key, mark) in zip(otherKeys, otherMarks) {
            while old < keys.count, (keys[old], marks[old] >> 1) < (key, mark >> 1) {
                mergedKeys.append(keys[old])
                mergedMarks.append(marks[old])
                old += 1
            }
            if old < keys.count, keys[old] == key, marks[old] >> 1 == mark >> 1 {
                mergedKeys.append(key)
                mergedMarks.append(mark | 1) // counted on both sides: more than one incident
                old += 1
            } else {
                mergedKeys.append(key)
                mergedMarks.append(mark)
            }
        }
        mergedKeys += keys[old...]
        mergedMarks += marks[old...]
        keys = mergedKeys
        marks = mergedMarks
    }

    private func compactedIndex(of key: UInt64, digits: UInt8) -> Int? {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if (keys[middle], marks[middle] >> 1) < (key, digits) { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key && marks[low] >> 1 == digits ? low : nil
    }
}
