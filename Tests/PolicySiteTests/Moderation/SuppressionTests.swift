import PropertyBased
import Testing
@testable import PolicySite

/// A rows × columns table with its row totals, column totals and grand total, as cells and sums.
struct MarginTable {
    var values: [Int] = []
    var sums: [Suppression.Sum] = []

    init(rows: Int, columns: Int, inner: [Int]) {
        let cells = (0..<rows).map { r in (0..<columns).map { c in inner[r * columns + c] } }
        values = cells.flatMap { $0 }
        let rowTotals = cells.map { $0.reduce(0, +) }
        let columnTotals = (0..<columns).map { c in cells.reduce(0) { $0 + $1[c] } }
        let rowStart = values.count
        values += rowTotals
        let columnStart = values.count
        values += columnTotals
        let grand = values.count
        values.append(rowTotals.reduce(0, +))
        for r in 0..<rows { sums.append(.init(total: rowStart + r, parts: (0..<columns).map { r * columns + $0 })) }
        for c in 0..<columns { sums.append(.init(total: columnStart + c, parts: (0..<rows).map { $0 * columns + c })) }
        sums.append(.init(total: grand, parts: Array(rowStart..<columnStart)))
        sums.append(.init(total: grand, parts: Array(columnStart..<grand)))
    }
}

/// What a reader can work out by subtracting: any sum with one unknown cell gives it away,
/// and each cell found may give away the next. Written apart from `Suppression` to check it.
func cellsRevealedBySubtraction(values: [Int], shown: Set<Int>, sums: [Suppression.Sum]) -> Set<Int> {
    var known = shown
    var changed = true
    while changed {
        changed = false
        for sum in sums {
            let cells = [sum.total] + sum.parts
            let unknown = Set(cells).subtracting(known)
            if unknown.count == 1 {
                known.formUnion(unknown)
                changed = true
            }
        }
    }
    return known.subtracting(shown)
}

@Suite struct SuppressionTests {
    @Test func hidesSmallCountsAndShowsZero() {
        let states = Suppression(values: [0, 3, 7], sums: []).apply(threshold: 5)
        #expect(states == [.shown, .small, .shown])
    }

    @Test func hidesTheNextSmallestCellSoTheRowTotalDoesNotGiveAHiddenCellAway() {
        // 2 + 9 + 6 = 17: hiding 2 alone would leave 17 - 9 - 6.
        let states = Suppression(values: [2, 9, 6, 17], sums: [.init(total: 3, parts: [0, 1, 2])]).apply(threshold: 5)
        #expect(states == [.small, .shown, .secondary, .shown])
    }

    @Test func twoHiddenCellsThatMustBeOneEachAreProtectedToo() {
        // 1 + 1 + 7 = 9: no subtraction isolates either 1, but "fewer than 5" means at least 1,
        // and 9 - 7 leaves only 2 for two such cells. Hiding the 7 as well ends that.
        let states = Suppression(values: [1, 1, 7, 9], sums: [.init(total: 3, parts: [0, 1, 2])]).apply(threshold: 5)
        #expect(states == [.small, .small, .secondary, .shown])
        #expect(Suppression(values: [1, 1, 7, 9], sums: [.init(total: 3, parts: [0, 1, 2])]).boundedCells(states: states, threshold: 5).isEmpty)
    }

    @Test func hiddenCellsThatMustAllBeAtTheMostAreProtected() {
        // 4 + 4 = 8 with threshold 5: two cells of "fewer than 5" adding to 8 are both 4.
        let states = Suppression(values: [4, 4, 8], sums: [.init(total: 2, parts: [0, 1])]).apply(threshold: 5)
        #expect(states[0] == .small && states[1] == .small && states[2] != .shown)
    }

    @Test func hidesTheTotalWhenEveryOtherPartIsZeroOrHidden() {
        // 3 and 4 are small; 10 - 6 would give the 4 away, and then 7 - 4 - 0 the 3.
        let sums: [Suppression.Sum] = [.init(total: 3, parts: [0, 1, 2]), .init(total: 5, parts: [1, 4])]
        let states = Suppression(values: [3, 4, 0, 7, 6, 10], sums: sums).apply(threshold: 5)
        #expect(states[0] == .small && states[1] == .small && states[2] == .shown)
        let hidden = Set(states.indices.filter { states[$0] != .shown })
        #expect(Suppression.recoverableCells(hidden: hidden, sums: sums, cellCount: 6).isEmpty)
    }

    @Test func protectsAcrossRowsAndColumnsOfATable() {
        let table = MarginTable(rows: 2, columns: 2, inner: [1, 10, 10, 10])
        let states = Suppression(values: table.values, sums: table.sums).apply(threshold: 5)
        let shown = Set(states.indices.filter { states[$0] == .shown })
        #expect(states[0] == .small)
        #expect(cellsRevealedBySubtraction(values: table.values, shown: shown, sums: table.sums).isEmpty)
        #expect(Suppression.recoverableCells(hidden: Set(table.values.indices).subtracting(shown), sums: table.sums, cellCount: table.values.count).isEmpty)
    }

    @Test func findsACellThatOnlyACombinationOfSumsGivesAway() {
        // a + b = 10 and a - ... : with totals a+b and b+c and c shown, a follows from two sums.
        let sums: [Suppression.Sum] = [.init(total: 3, parts: [0, 1]), .init(total: 4, parts: [1, 2])]
        let recovered = Suppression.recoverableCells(hidden: [0, 1], sums: sums, cellCount: 5)
        #expect(Set(recovered) == [0, 1])
        #expect(Suppression.recoverableCells(hidden: [0, 1, 2], sums: sums, cellCount: 5).isEmpty)
    }

    @Test func noSuppressedCellOfARandomTableCanBeRecovered() async {
        let shape = Gen.int(in: 1...5)
        let inner = Gen.int(in: 0...12).array(of: 25)
        await propertyCheck(count: 300, input: shape, shape, inner, Gen.int(in: 2...6)) { rows, columns, values, threshold in
            let table = MarginTable(rows: rows, columns: columns, inner: values)
            let states = Suppression(values: table.values, sums: table.sums).apply(threshold: threshold)
            let shown = Set(states.indices.filter { states[$0] == .shown })
            let hidden = Set(table.values.indices).subtracting(shown)
            // No shown count lies between 1 and threshold - 1, and zero is always shown.
            for index in shown { #expect(!(1..<threshold).contains(table.values[index])) }
            for index in table.values.indices where table.values[index] == 0 { #expect(shown.contains(index)) }
            #expect(cellsRevealedBySubtraction(values: table.values, shown: shown, sums: table.sums).isEmpty)
            #expect(Suppression.recoverableCells(hidden: hidden, sums: table.sums, cellCount: table.values.count).isEmpty)
        }
    }

    @Test func noSuppressedCountOfARandomReportCanBeRecovered() async {
        let rows = Gen.int(in: 0...3000).array(of: 0...60)
        await propertyCheck(count: 60, input: rows, Gen.int(in: 2...6)) { seeds, threshold in
            var statistics = ReportStatistics(categoryCount: 3, actionCount: 2)
            for seed in seeds {
                let date = CalendarDay(year: 2022, month: 1, day: 1)!.adding(months: seed % 59)
                statistics.add(ModerationIncident(date: date, category: seed % 3, actions: ActionSet(bits: UInt64(seed % 3) + 1)))
            }
            var configuration = ModerationFixtures.configuration
            configuration.categories = Array(configuration.categories.prefix(3))
            configuration.actions = Array(configuration.actions.prefix(2))
            configuration.suppressionThreshold = threshold
            let report = TransparencyReport(statistics: statistics, configuration: configuration, asOf: CalendarDay(year: 2026, month: 11, day: 24)!)
            let rows: [TransparencyReport.Row] = report.schoolYears + (report.totals.map { [$0] } ?? [])
            let cells: [TransparencyReport.Count] = rows.flatMap { [$0.incidents] + $0.categories + $0.actions }
            let all: [TransparencyReport.Count] = cells + report.months.map(\.incidents) + [report.distinctAccounts, report.repeatAccounts, report.recordedTimes, report.within24Hours]
            for count in all {
                if let value = count.value { #expect(!(1..<threshold).contains(value)) }
            }
            // Each year's categories add up to its incidents, and the years to the totals.
            for row in rows {
                let hidden = ([row.incidents] + row.categories).filter { $0.value == nil }.count
                #expect(hidden != 1)
            }
            for k in 0..<3 {
                #expect((report.schoolYears.map { $0.categories[k] } + (report.totals.map { [$0.categories[k]] } ?? [])).filter { $0.value == nil }.count != 1)
            }
            for j in 0..<2 {
                #expect((report.schoolYears.map { $0.actions[j] } + (report.totals.map { [$0.actions[j]] } ?? [])).filter { $0.value == nil }.count != 1)
            }
        }
    }
}
