import Testing
@testable import PolicySite

/// The radix sort leaves accounts in the order `sort(by:)` on (key, digits) gives, whatever
/// the keys: all 64 bits random, few distinct bytes (passes skipped), equal keys with other digits.
/// (Each kind has at least 5,000 distinct (key, digits) pairs to draw from, so every size fills.)
@Suite struct AccountRadixSortTests {
    @Test(arguments: ["random", "small keys", "high bits only", "one key"])
    func ordersLikeTheStandardSort(keys kind: String) {
        var random = SplitMix(seed: 19)
        for size in [0, 1, 2, 3, 10, 257, 5000] {
            var seen = Set<String>()
            var pairs: [(key: UInt64, mark: UInt8)] = []
            while pairs.count < size {
                let key: UInt64 = switch kind {
                case "random": random.next()
                case "small keys": random.next() % 1000
                case "high bits only": (random.next() % 1000) << 54
                default: 0xABCD
                }
                let digits = UInt8(8 + random.next() % 9)
                // (key, digits) is unique within a year's table; with one key, only 9 exist.
                if kind == "one key", seen.count == 9 { break }
                guard seen.insert("\(key)/\(digits)").inserted else { continue }
                pairs.append((key, digits << 1 | UInt8(random.next() % 2)))
            }
            var keys = pairs.map(\.key), marks = pairs.map(\.mark)
            AccountRadixSort.sort(keys: &keys, marks: &marks)
            let expected = pairs.sorted { ($0.key, $0.mark >> 1) < ($1.key, $1.mark >> 1) }
            #expect(keys == expected.map(\.key), "\(kind), \(size)")
            #expect(marks == expected.map(\.mark), "\(kind), \(size)")
        }
    }
}
