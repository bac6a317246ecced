/// The release ledger, `content/report-ledger.txt`: every complete month the transparency report
/// has published and every complete school year's accounts and times, as they were first
/// published. It is committed with the content, so a fresh clone or another computer knows what
/// earlier reports said.
///
/// Which figures the report hides depends only on complete months (see `SharedTotalProtection`),
/// so a later report repeats every earlier figure and all reports together publish no more than
/// the latest. The ledger keeps that true when the log is corrected after publication: a build
/// takes published months from the ledger, not the log, and warns what differs.
public struct ReportLedger: Sendable, Hashable {
    public static let fileName = "report-ledger.txt"
    public static let format = "policysite/report-ledger/v1"

    /// What a school year's accounts and times to action came to.
    public struct YearFigures: Sendable, Hashable {
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

        init(_ facts: ReportStatistics.YearFacts) {
            self.init(distinctAccounts: facts.distinctAccounts, repeatAccounts: facts.repeatAccounts, recordedTimes: facts.recordedTimes,
                      within24Hours: facts.actionedWithin24Hours, medianHours: facts.medianHours)
        }
    }

    /// The small-count threshold the reports were published with.
    public var threshold: Int
    /// Category and action keys, in the order of each month's counts.
    public var categories: [String]
    public var actions: [String]
    /// Every month up to and including this one is published; one not in `months` had no entries.
    public var closedThrough: CalendarMonth
    /// By `CalendarMonth.index`.
    public var months: [Int: ReportStatistics.Tally]
    /// Complete school years whose accounts and times a report has published.
    public var years: [SchoolYear: YearFigures]

    public init(threshold: Int, categories: [String], actions: [String], closedThrough: CalendarMonth,
                months: [Int: ReportStatistics.Tally] = [:], years: [SchoolYear: YearFigures] = [:]) {
        self.threshold = threshold
        self.categories = categories
        self.actions = actions
        self.closedThrough = closedThrough
        self.months = months
        self.years = years
    }

    /// The ledger after a report of `figures` is published.
    public func adding(_ figures: ClosedFigures) -> ReportLedger {
        guard figures.closedThrough > closedThrough else { return self }
        var next = self
        next.closedThrough = figures.closedThrough
        for (index, tally) in figures.months where index > closedThrough.index { next.months[index] = tally }
        for (year, facts) in figures.years where next.years[year] == nil { next.years[year] = facts }
        return next
    }
}
