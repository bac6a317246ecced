import Testing
@testable import PolicySite

/// The compacted account sets count exactly what a dictionary of (account, year) would, whatever
/// order the entries come in: date order, late entries for a compacted year, or no order at all.
@Suite struct AccountsBySchoolYearTests {
    struct Entry {
        let key: UInt64
        let digits: UInt8
        let incidents: Int
        let year: Int16
    }

    /// What the figures must be: distinct and repeat accounts per year, counted the plain way.
    static func expected(_ entries: [Entry]) -> [Int16: (distinct: Int, repeats: Int)] {
        var seen: [Int16: [String: Int]] = [:]
        for entry in entries { seen[entry.year, default: [:]]["\(entry.key)/\(entry.digits)", default: 0] += entry.incidents }
        return seen.mapValues { accounts in (accounts.count, accounts.values.filter { $0 >= 2 }.count) }
    }

    static func counted(_ entries: [Entry]) -> [Int16: (distinct: Int, repeats: Int)] {
        var sets = AccountsBySchoolYear()
        for entry in entries { sets.add(entry.key, digits: entry.digits, incidents: entry.incidents, year: entry.year) }
        var figures: [Int16: (distinct: Int, repeats: Int)] = [:]
        sets.forEachYear { year, distinct, repeats in figures[year] = (distinct, repeats) }
        return figures
    }

    /// Entries over a few years; keys from a small pool so that accounts recur, and the same key
    /// with another number of digits (a different pseudonym: `p-0000abcd` is not `p-000abcd`).
    static func entries(count: Int, years: Int, order: String, _ random: inout SplitMix) -> [Entry] {
        var entries = (0..<count).map { _ in
            Entry(key: random.next() % 300 == 0 ? UInt64.max : random.next() % 700, digits: 8 + UInt8(random.next() % 3),
                  incidents: random.next() % 10 == 0 ? 2 : 1, year: 2016 + Int16(random.next() % UInt64(years)))
        }
        switch order {
        case "date":
            entries.sort { $0.year < $1.year }
        case "mostly date":
            entries.sort { $0.year < $1.year }
            // A few late entries: an earlier year's row after the log has moved on.
            for _ in 0..<(count / 50) { entries.swapAt(Int(random.next() % UInt64(count)), Int(random.next() % UInt64(count))) }
        default:
            break
        }
        return entries
    }

    @Test(arguments: ["date", "mostly date", "none"])
    func countsEqualADictionaryOfAccountAndYear(order: String) {
        var random = SplitMix(seed: 12)
        for round in 0..<60 {
            let entries = Self.entries(count: 1 + round * 40, years: 1 + round % 6, order: order, &random)
            let expected = Self.expected(entries)
            let counted = Self.counted(entries)
            #expect(Set(counted.keys) == Set(expected.keys))
            for (year, figures) in expected {
                #expect(counted[year]?.distinct == figures.distinct, "round \(round), \(year): distinct")
                #expect(counted[year]?.repeats == figures.repeats, "round \(round), \(year): repeats")
            }
        }
    }

    @Test func aLateEntryForACompactedYearMakesARepeatOrANewAccount() {
        var sets = AccountsBySchoolYear()
        sets.add(7, digits: 8, incidents: 1, year: 2016)
        sets.add(9, digits: 8, incidents: 1, year: 2016)
        sets.add(7, digits: 8, incidents: 1, year: 2017) // 2016 is compacted here
        sets.add(9, digits: 8, incidents: 1, year: 2016) // found by binary search: now a repeat
        sets.add(9, digits: 9, incidents: 1, year: 2016) // another pseudonym: a new account
        sets.add(3, digits: 8, incidents: 1, year: 2016) // new, joins the year's table
        sets.add(1, digits: 8, incidents: 1, year: 2018) // compacts 2016 again, merging 3 and 9/9
        sets.add(3, digits: 8, incidents: 1, year: 2016)
        var figures: [Int16: [Int]] = [:]
        sets.forEachYear { year, distinct, repeats in figures[year] = [distinct, repeats] }
        #expect(figures == [2016: [4, 2], 2017: [1, 0], 2018: [1, 0]])
    }
}
