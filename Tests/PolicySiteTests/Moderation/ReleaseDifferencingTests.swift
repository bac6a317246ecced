import PropertyBased
import Testing
@testable import PolicySite

/// Everything a reader who keeps every report knows: each figure as a sum over per-month counts
/// (by category, by action), what each release showed, and what it hid. Written apart from
/// `Suppression` and `ExactElimination` (sparse rows, its own elimination) to check them.
struct ReleaseCollection {
    enum Measure: Hashable { case category(Int), action(Int) }
    struct Unknown: Hashable, Comparable {
        var month: Int
        var measure: Int
        static func < (a: Unknown, b: Unknown) -> Bool { (a.month, a.measure) < (b.month, b.measure) }
    }

    let categoryCount: Int
    var shown: [[Unknown: Int]: Int] = [:]
    var hidden: [[Unknown: Int]: String] = [:]
    var contradictions: [String] = []

    init(categoryCount: Int) { self.categoryCount = categoryCount }

    func sum(_ months: ClosedRange<Int>, _ measures: [Measure]) -> [Unknown: Int] {
        var out: [Unknown: Int] = [:]
        for month in months {
            for measure in measures {
                switch measure {
                case .category(let k): out[Unknown(month: month, measure: k)] = 1
                case .action(let j): out[Unknown(month: month, measure: categoryCount + j)] = 1
                }
            }
        }
        return out
    }

    mutating func record(_ report: TransparencyReport) {
        let everyCategory = (0..<categoryCount).map(Measure.category)
        func add(_ functional: [Unknown: Int], _ count: TransparencyReport.Count, _ name: String) {
            if let value = count.value {
                if let earlier = shown[functional], earlier != value { contradictions.append("\(name): \(earlier) then \(value)") }
                shown[functional] = value
            } else {
                hidden[functional] = "\(name) as of \(report.asOf)"
            }
        }
        func addRow(_ row: TransparencyReport.Row, _ months: ClosedRange<Int>, _ name: String) {
            add(sum(months, everyCategory), row.incidents, "\(name) incidents")
            for (k, count) in row.categories.enumerated() { add(sum(months, [.category(k)]), count, "\(name) category \(k)") }
            for (j, count) in row.actions.enumerated() { add(sum(months, [.action(j)]), count, "\(name) action \(j)") }
        }
        for row in report.schoolYears { addRow(row, row.year!.firstMonth.index...row.year!.lastMonth.index, row.year!.description) }
        if let totals = report.totals, let first = report.schoolYears.first?.year, let last = report.schoolYears.last?.year {
            addRow(totals, first.firstMonth.index...last.lastMonth.index, "totals to \(last)")
        }
        for month in report.months { add(sum(month.month.index...month.month.index, everyCategory), month.incidents, month.month.description) }
    }

    /// Hidden figures that a combination of shown ones gives: exact elimination over the integers.
    func recoverable() -> [String] {
        var rows: [Unknown: [Unknown: Int]] = [:]
        func reduce(_ vector: [Unknown: Int]) -> [Unknown: Int] {
            var v = vector.filter { $0.value != 0 }
            while let lead = v.keys.max(), let row = rows[lead] {
                let a = row[lead]!, b = v[lead]!
                var merged = v.mapValues { $0 * a }
                for (key, c) in row { merged[key, default: 0] -= c * b }
                v = merged.filter { $0.value != 0 }
                let g = v.values.reduce(0) { gcd($0, $1) }
                if g > 1 { v = v.mapValues { $0 / g } }
            }
            return v
        }
        for functional in shown.keys.sorted(by: { $0.keys.min()! < $1.keys.min()! }) {
            let rest = reduce(functional)
            if let lead = rest.keys.max() { rows[lead] = rest }
        }
        return hidden.filter { reduce($0.key).isEmpty }.map(\.value).sorted()
    }

    private func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (abs(a), abs(b))
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}

@Suite struct ReleaseDifferencingTests {
    static let categoryCount = 3, actionCount = 2

    static var configuration: SiteConfiguration {
        var configuration = ModerationFixtures.configuration
        configuration.categories = Array(configuration.categories.prefix(categoryCount))
        configuration.actions = Array(configuration.actions.prefix(actionCount))
        return configuration
    }

    /// The report a build on `asOf` makes: the log read up to the end of the last complete month.
    static func report(_ incidents: [ModerationIncident], asOf: CalendarDay, threshold: Int) -> TransparencyReport {
        let closing = ReportLedger.closingMonth(asOf: asOf, today: asOf)
        var statistics = ReportStatistics(categoryCount: categoryCount, actionCount: actionCount)
        for incident in incidents where incident.date <= closing.lastDay { statistics.add(incident) }
        var configuration = configuration
        configuration.suppressionThreshold = threshold
        return TransparencyReport(figures: ClosedFigures(statistics: statistics, closedThrough: closing), configuration: configuration, asOf: asOf, hasLedger: false)
    }

    static func incidents(_ seeds: [Int], start: CalendarDay, days: Int) -> [ModerationIncident] {
        seeds.map { seed in
            ModerationIncident(date: start.adding(days: seed % days), category: (seed / 7) % categoryCount,
                               actions: ActionSet(bits: UInt64((seed / 3) % 3) + 1), account: nil, hoursToAction: nil)
        }
    }

    @Test func theIssuesTwoReleasesNoLongerGiveAprilAway() {
        // As in issue 12: a build on 31 March and one on 30 April 2018. Both count complete
        // months, so together they publish nothing about April that either hides.
        let log = Self.incidents(Array(0..<60).map { $0 * 37 }, start: CalendarDay(year: 2016, month: 9, day: 3)!, days: 600)
        var collection = ReleaseCollection(categoryCount: Self.categoryCount)
        for day in ["2018-03-31", "2018-04-30", "2018-05-01"] {
            collection.record(Self.report(log, asOf: CalendarDay(iso: day)!, threshold: 5))
        }
        #expect(collection.contradictions.isEmpty)
        #expect(collection.recoverable().isEmpty)
    }

    @Test func aReportIsTheSameOnEveryDayOfAMonth() {
        let log = Self.incidents(Array(0..<80).map { $0 * 53 }, start: CalendarDay(year: 2016, month: 9, day: 1)!, days: 900)
        let first = Self.report(log, asOf: CalendarDay(iso: "2018-02-01")!, threshold: 5)
        let last = Self.report(log, asOf: CalendarDay(iso: "2018-02-28")!, threshold: 5)
        #expect(first.schoolYears == last.schoolYears && first.totals == last.totals && first.months == last.months)
    }

    @Test func noHiddenFigureOfAnyReleaseFollowsFromAllReleasesTogether() async {
        // Random sparse logs over four school years and random days to build on.
        let seeds = Gen.int(in: 0...100_000).array(of: 0...120)
        let days = Gen.int(in: 0...1_600).array(of: 1...14)
        await propertyCheck(count: 40, input: seeds, days, Gen.int(in: 200...1_400), Gen.int(in: 3...6)) { seeds, days, spread, threshold in
            let start = CalendarDay(year: 2016, month: 9, day: 1)!
            let log = Self.incidents(seeds, start: start, days: spread)
            var collection = ReleaseCollection(categoryCount: Self.categoryCount)
            for offset in days {
                let report = Self.report(log, asOf: start.adding(days: 30 + offset), threshold: threshold)
                for count in report.schoolYears.flatMap({ [$0.incidents] + $0.categories + $0.actions }) + report.months.map(\.incidents) {
                    if let value = count.value { #expect(!(1..<threshold).contains(value)) }
                }
                collection.record(report)
            }
            #expect(collection.contradictions.isEmpty, "\(collection.contradictions)")
            #expect(collection.recoverable().isEmpty)
        }
    }

    @Test func termlyReleasesForThreeYearsGiveNothingAway() {
        let log = Self.incidents(Array(0..<90).map { ($0 * 7_919) % 1_100 }, start: CalendarDay(year: 2016, month: 9, day: 1)!, days: 1_100)
        var collection = ReleaseCollection(categoryCount: Self.categoryCount)
        for year in 2016...2019 {
            for day in ["\(year)-12-19", "\(year + 1)-04-01", "\(year + 1)-07-22"] {
                collection.record(Self.report(log, asOf: CalendarDay(iso: day)!, threshold: 5))
            }
        }
        #expect(collection.contradictions.isEmpty)
        #expect(collection.recoverable().isEmpty)
    }
}

extension CalendarDay {
    func adding(days: Int) -> CalendarDay {
        var day = self
        for _ in 0..<days { day = day.next }
        return day
    }
}
