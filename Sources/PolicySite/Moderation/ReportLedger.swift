/// The release ledger (`content/report-ledger.txt`): the complete months the transparency report
/// has published, frozen as they were published, and the figures each report gave for the whole
/// log. It is committed with the content, so a fresh clone or another computer knows it.
///
/// Every figure of the report is worked out from complete months only, and which counts are
/// hidden depends only on those months, never on the day of the build: so a later report built
/// from the same months repeats every earlier figure exactly, and all reports together publish
/// no more than the latest one does. The ledger keeps that true when the log is corrected after
/// publication: frozen months are taken from the ledger, not the log, and the build warns what
/// differs, so no report silently contradicts an earlier one or gives a correction away by
/// difference.
public struct ReportLedger: Sendable, Hashable {
    public static let fileName = "report-ledger.txt"
    public static let format = "policysite/report-ledger/v1"

    /// The figures over the whole log up to a report's last complete month.
    public struct Running: Sendable, Hashable {
        public var distinctAccounts: Int
        public var repeatAccounts: Int
        public var recordedTimes: Int
        public var within24Hours: Int
        public var medianHours: Double?

        public init(distinctAccounts: Int, repeatAccounts: Int, recordedTimes: Int, within24Hours: Int, medianHours: Double?) {
            self.distinctAccounts = distinctAccounts
            self.repeatAccounts = repeatAccounts
            self.recordedTimes = recordedTimes
            self.within24Hours = within24Hours
            self.medianHours = medianHours
        }
    }

    /// The small-count threshold the reports were published with.
    public var threshold: Int
    public var categories: [String]
    public var actions: [String]
    /// Every month up to and including this one is frozen; a month not in `months` had no entries.
    public var closedThrough: CalendarMonth
    /// By `CalendarMonth.index`, in the order of `categories` and `actions`.
    public var months: [Int: ReportStatistics.Tally]
    /// By the index of each report's last complete month.
    public var releases: [Int: Running]

    public init(threshold: Int, categories: [String], actions: [String], closedThrough: CalendarMonth,
                months: [Int: ReportStatistics.Tally] = [:], releases: [Int: Running] = [:]) {
        self.threshold = threshold
        self.categories = categories
        self.actions = actions
        self.closedThrough = closedThrough
        self.months = months
        self.releases = releases
    }
}

/// What the report counts: complete months only, each as it was first published.
public struct ClosedFigures: Sendable, Hashable {
    /// The last complete month counted.
    public var closedThrough: CalendarMonth
    /// Tallies by `CalendarMonth.index`, none after `closedThrough`.
    public var months: [Int: ReportStatistics.Tally]
    public var running: ReportLedger.Running
    public var categoryCount: Int
    public var actionCount: Int

    public init(closedThrough: CalendarMonth, months: [Int: ReportStatistics.Tally], running: ReportLedger.Running, categoryCount: Int, actionCount: Int) {
        self.closedThrough = closedThrough
        self.months = months.filter { $0.key <= closedThrough.index && $0.value.incidents > 0 }
        self.running = running
        self.categoryCount = categoryCount
        self.actionCount = actionCount
    }

    /// The figures of statistics read up to the last day of `closedThrough`.
    public init(statistics: ReportStatistics, closedThrough: CalendarMonth) {
        self.init(closedThrough: closedThrough, months: statistics.monthTallies,
                  running: .init(distinctAccounts: statistics.distinctAccounts, repeatAccounts: statistics.repeatAccounts,
                                 recordedTimes: statistics.recordedTimes, within24Hours: statistics.actionedWithin24Hours,
                                 medianHours: statistics.medianHours),
                  categoryCount: statistics.categoryCount, actionCount: statistics.actionCount)
    }

    /// The first month with an entry.
    public var firstMonth: CalendarMonth? { months.keys.min().map(CalendarMonth.init(index:)) }

    public func tally(for month: CalendarMonth) -> ReportStatistics.Tally {
        months[month.index] ?? ReportStatistics.Tally(categoryCount: categoryCount, actionCount: actionCount)
    }

    public func tally(for year: SchoolYear) -> ReportStatistics.Tally {
        (year.firstMonth.index...year.lastMonth.index).reduce(into: ReportStatistics.Tally(categoryCount: categoryCount, actionCount: actionCount)) { sum, month in
            if let tally = months[month] { sum.add(tally) }
        }
    }
}

extension ReportLedger {
    /// The last complete month a report built on `asOf` counts: the month before it, and never
    /// a month that has not ended in reality (an as-of day in the future counts up to today).
    public static func closingMonth(asOf: CalendarDay, today: CalendarDay) -> CalendarMonth {
        min(asOf, today).calendarMonth.adding(months: -1)
    }

    /// `figures` with every frozen month, and the whole-log figures of a report already made for
    /// the same month, taken from the ledger; and the months where the log now differs.
    public func reconcile(_ figures: ClosedFigures, categories siteCategories: [String], actions siteActions: [String]) -> (ClosedFigures, changed: [CalendarMonth], runningChanged: Bool) {
        var result = figures
        let frozenThrough = min(closedThrough, figures.closedThrough)
        let categoryIndex = categories.map { siteCategories.firstIndex(of: $0) }
        let actionIndex = actions.map { siteActions.firstIndex(of: $0) }
        func mapped(_ tally: Tally) -> Tally {
            var out = Tally(categoryCount: figures.categoryCount, actionCount: figures.actionCount)
            out.incidents = tally.incidents
            for (k, index) in categoryIndex.enumerated() { if let index { out.categories[index] += tally.categories[k] } }
            for (j, index) in actionIndex.enumerated() { if let index { out.actions[index] += tally.actions[j] } }
            return out
        }
        var changed: [CalendarMonth] = []
        let logMonths = Set(figures.months.keys.filter { $0 <= frozenThrough.index })
        for index in logMonths.union(months.keys.filter { $0 <= frozenThrough.index }).sorted() {
            let frozen = months[index].map(mapped)
            if frozen != figures.months[index] { changed.append(CalendarMonth(index: index)) }
            result.months[index] = frozen
        }
        result.months = result.months.filter { $0.value.incidents > 0 }
        var runningChanged = false
        if let running = releases[figures.closedThrough.index] {
            runningChanged = running != figures.running
            result.running = running
        }
        return (result, changed, runningChanged)
    }

    /// This ledger with the months and whole-log figures of a report on `figures` added.
    public func recording(_ figures: ClosedFigures, categories siteCategories: [String], actions siteActions: [String]) -> ReportLedger {
        var ledger = self
        if figures.closedThrough > closedThrough {
            for index in (closedThrough.index + 1)...figures.closedThrough.index {
                guard let tally = figures.months[index], tally.incidents > 0 else { continue }
                ledger.months[index] = ledger.unmapped(tally, categories: siteCategories, actions: siteActions)
            }
            ledger.closedThrough = figures.closedThrough
        }
        if ledger.releases[figures.closedThrough.index] == nil { ledger.releases[figures.closedThrough.index] = figures.running }
        return ledger
    }

    /// A new ledger for a site whose reports start with `figures`.
    public static func starting(with figures: ClosedFigures, threshold: Int, categories: [String], actions: [String]) -> ReportLedger {
        let first = figures.firstMonth.map { $0.adding(months: -1) } ?? figures.closedThrough
        return ReportLedger(threshold: threshold, categories: categories, actions: actions, closedThrough: min(first, figures.closedThrough))
            .recording(figures, categories: categories, actions: actions)
    }

    private func unmapped(_ tally: Tally, categories siteCategories: [String], actions siteActions: [String]) -> Tally {
        var out = Tally(categoryCount: categories.count, actionCount: actions.count)
        out.incidents = tally.incidents
        for (k, key) in categories.enumerated() { if let index = siteCategories.firstIndex(of: key) { out.categories[k] = tally.categories[index] } }
        for (j, key) in actions.enumerated() { if let index = siteActions.firstIndex(of: key) { out.actions[j] = tally.actions[index] } }
        return out
    }

    typealias Tally = ReportStatistics.Tally
}
