import Testing
@testable import PolicySite

@Suite struct SharedTotalProtectionTests {
    typealias Cell = SharedTotalProtection.Cell

    /// A month as it was settled when it closed, alone.
    func month(_ value: Int, threshold: Int = 5) -> Cell {
        var alone = SharedTotalProtection(threshold: threshold, total: Cell(value: value, state: .shown), splits: [])
        alone.protect()
        return Cell(value: value, state: alone.total.state, isFixed: true)
    }

    func year(total: Int, months: [Int], categories: [Int], threshold: Int = 5) -> SharedTotalProtection {
        SharedTotalProtection(threshold: threshold, total: Cell(value: total, state: .shown),
                              splits: [months.map { month($0, threshold: threshold) }, categories.map { Cell(value: $0, state: .shown) }])
    }

    @Test func aYearTotalWouldGiveAwayItsOneHiddenMonth() {
        // 12 = 9 + 3: with the total shown, the "fewer than 5" month is 3.
        var group = year(total: 12, months: [9, 3, 0], categories: [6, 6])
        group.protect()
        #expect(group.total.state != .shown || group.splits[1].contains { $0.state != .shown })
        #expect(group.pinned().isEmpty)
        #expect(PinnedByEnumeration.pinned(group).isEmpty)
        // The months were published when they closed: they never change.
        #expect(group.splits[0] == [month(9), month(3), month(0)])
    }

    @Test func twoSmallMonthsUnderATotalOfTwoAreEachOne() {
        var group = year(total: 2, months: [1, 1], categories: [2])
        #expect(Set(group.pinned()) == [.part(split: 0, part: 0), .part(split: 0, part: 1)])
        #expect(PinnedByEnumeration.pinned(group) == [.part(split: 0, part: 0), .part(split: 0, part: 1)])
        group.protect()
        // "Fewer than 5" for the year leaves each month anywhere from 1 to 3.
        #expect(group.total.state == .small)
        #expect(group.pinned().isEmpty)
        #expect(PinnedByEnumeration.pinned(group).isEmpty)
    }

    @Test func aZeroIsAlwaysShownAndNothingIsHiddenWithoutNeed() {
        var group = year(total: 20, months: [10, 10], categories: [10, 10, 0])
        group.protect()
        #expect(group.total.state == .shown)
        #expect(group.splits[1].allSatisfy { $0.state == .shown })
    }

    @Test func theIntervalRulesAgreeWithEnumerationOnRandomPeriods() {
        var random = SplitMix(seed: 12)
        for _ in 0..<2000 {
            let k = Int.random(in: 2...5, using: &random)
            let months = (0..<Int.random(in: 1...4, using: &random)).map { _ in Int.random(in: 0...(k + 3), using: &random) }
            let total = months.reduce(0, +)
            var categories = Array(repeating: 0, count: Int.random(in: 1...3, using: &random))
            for _ in 0..<total { categories[Int.random(in: 0..<categories.count, using: &random)] += 1 }
            var group = year(total: total, months: months, categories: categories, threshold: k)
            // Random labels, as a protection in progress would have them.
            for s in [1] { for p in group.splits[s].indices where group.splits[s][p].value > 0 {
                let roll = Int.random(in: 0..<3, using: &random)
                group.splits[s][p].state = roll == 0 ? .shown : roll == 1 && group.splits[s][p].value < k ? .small : .secondary
            } }
            if total > 0, Bool.random(using: &random) { group.total.state = total < k ? .small : .secondary }
            #expect(Set(group.pinned()) == PinnedByEnumeration.pinned(group), "\(group)")
            let before = group
            group.protect()
            #expect(PinnedByEnumeration.pinned(group).isEmpty, "\(before) -> \(group)")
            #expect(group.splits[0] == months.map { month($0, threshold: k) })
        }
    }
}
