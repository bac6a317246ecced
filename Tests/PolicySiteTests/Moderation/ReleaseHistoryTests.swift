import Testing
@testable import PolicySite

/// Reports of one growing log built on many days, as a reader who keeps every one would hold them.
@Suite struct ReleaseHistoryTests {
    /// A sparse random log from September 2016 to July 2020: most months hold a few incidents.
    func randomLog(seed: UInt64, threshold: Int) -> (ReportStatistics, SiteConfiguration) {
        var random = SplitMix(seed: seed)
        var statistics = ReportStatistics(categoryCount: 4, actionCount: 3)
        let start = CalendarMonth(year: 2016, month: 9)!
        for offset in 0..<47 {
            let month = start.adding(months: offset)
            let busy = Int.random(in: 0..<4, using: &random)
            let count = busy == 0 ? 0 : Int.random(in: 0...(busy * 4), using: &random)
            for _ in 0..<count {
                let day = CalendarDay(year: month.year, month: month.month, day: Int.random(in: 1...28, using: &random))!
                let actions = ActionSet((0..<3).filter { _ in Bool.random(using: &random) } + [0])
                let account = Int.random(in: 0..<3, using: &random) == 0 ? nil
                    : AccountKey(pseudonym: "p-00000000000000" + String(Int.random(in: 10..<22, using: &random)))
                statistics.add(ModerationIncident(date: day, category: Int.random(in: 0..<4, using: &random), actions: actions, account: account,
                                                  hoursToAction: Bool.random(using: &random) ? Double(Int.random(in: 0...40, using: &random)) : nil))
            }
        }
        var configuration = ModerationFixtures.configuration
        configuration.categories = Array(ModerationFixtures.categories.prefix(4))
        configuration.actions = Array(ModerationFixtures.actions.prefix(3))
        configuration.suppressionThreshold = threshold
        return (statistics, configuration)
    }

    /// The report as of `asOf`. Entries after it need no leaving out: a report counts only
    /// months that are over, and only school years that are over.
    func report(_ statistics: ReportStatistics, _ configuration: SiteConfiguration, asOf: CalendarDay) -> TransparencyReport {
        TransparencyReport(statistics: statistics, configuration: configuration, asOf: asOf)
    }

    @Test func aLaterReportRepeatsEveryFigureOfAnEarlierOne() {
        for seed in UInt64(1)...12 {
            let threshold = [3, 5, 10][Int(seed) % 3]
            let (statistics, configuration) = randomLog(seed: seed, threshold: threshold)
            var random = SplitMix(seed: seed * 101)
            let days = (0..<10).map { _ in
                CalendarDay(year: 2016, month: 10, day: Int.random(in: 1...28, using: &random))!.adding(months: Int.random(in: 0...46, using: &random))
            }.sorted()
            let reports = days.map { report(statistics, configuration, asOf: $0) }
            for (i, earlier) in reports.enumerated() {
                for later in reports[(i + 1)...] {
                    let laterMonths = Dictionary(uniqueKeysWithValues: later.months.map { ($0.month, $0.incidents) })
                    for month in earlier.months where laterMonths[month.month] != nil {
                        #expect(laterMonths[month.month] == month.incidents, "seed \(seed): \(month.month) as of \(earlier.asOf) and \(later.asOf)")
                    }
                    let laterYears = Dictionary(uniqueKeysWithValues: later.schoolYears.map { ($0.year, $0) })
                    for year in earlier.schoolYears {
                        #expect(laterYears[year.year] == year, "seed \(seed): \(year.year) as of \(earlier.asOf) and \(later.asOf)")
                    }
                }
            }
        }
    }

    @Test func noHiddenFigureOfAnyYearFollowsFromEverythingPublished() {
        for seed in UInt64(20)...40 {
            let threshold = [3, 4, 5][Int(seed) % 3]
            let (statistics, configuration) = randomLog(seed: seed, threshold: threshold)
            // The latest report holds every figure any earlier one published (the test above).
            let latest = report(statistics, configuration, asOf: CalendarDay(year: 2020, month: 9, day: 2)!)
            for row in latest.schoolYears {
                let tally = statistics.tally(for: row.year)
                let months = (row.year.firstMonth.index...row.year.lastMonth.index).map { index -> SharedTotalProtection.Cell in
                    let month = CalendarMonth(index: index)
                    let published = latest.months.first { $0.month == month }?.incidents ?? { () -> TransparencyReport.Count in
                        // Months before the 24-month window were published by earlier reports.
                        report(statistics, configuration, asOf: month.adding(months: 1).firstDay).months.last!.incidents
                    }()
                    return .init(value: statistics.incidents(in: month), state: state(published), isFixed: true)
                }
                let group = SharedTotalProtection(threshold: threshold, total: .init(value: tally.incidents, state: state(row.incidents)),
                                                  splits: [months, zip(tally.categories, row.categories).map { .init(value: $0, state: state($1)) }],
                                                  withheld: row.categories.allSatisfy { $0.value == nil } && tally.categories.contains(0) ? [1] : [])
                #expect(PinnedByEnumeration.pinned(group).isEmpty, "seed \(seed), \(row.year): \(group)")
                for (value, count) in zip(tally.actions, row.actions) where count.value == nil {
                    #expect(value > 0 && (count == .secondary || threshold > 2))
                }
            }
        }
    }

    func state(_ count: TransparencyReport.Count) -> CountState {
        switch count {
        case .shown: .shown
        case .small: .small
        case .secondary: .secondary
        }
    }
}

