/// What a report counts: complete months only (those before the as-of day's month), and the
/// accounts and times of complete school years, each as the ledger says it was first published
/// and otherwise as the log gives it.
public struct ClosedFigures: Sendable, Hashable {
    /// The last complete month counted.
    public var closedThrough: CalendarMonth
    /// Tallies by `CalendarMonth.index`; months without entries are absent.
    public var months: [Int: ReportStatistics.Tally]
    /// Complete school years only.
    public var years: [SchoolYear: ReportLedger.YearFigures]
    public var categoryCount: Int
    public var actionCount: Int
    /// The small-count threshold in force: the ledger's, whatever site.yml now says.
    public var threshold: Int
    /// Whether earlier releases are known (a ledger was read).
    public var hasLedger: Bool
    /// Published months and years the log now gives differently, oldest first.
    public var corrected: [String] = []

    /// The month before the one holding `asOf`: the last month that is over.
    public static func closedThrough(asOf: CalendarDay) -> CalendarMonth { asOf.calendarMonth.adding(months: -1) }

    /// Complete school years from the first month with entries to `closedThrough`.
    public var completeYears: [SchoolYear] {
        guard let first = months.keys.min() else { return [] }
        var years: [SchoolYear] = []
        var year = SchoolYear(containing: CalendarMonth(index: first))
        while year.lastMonth <= closedThrough {
            years.append(year)
            year = year.next
        }
        return years
    }

    public func tally(for month: CalendarMonth) -> ReportStatistics.Tally {
        months[month.index] ?? .init(categoryCount: categoryCount, actionCount: actionCount)
    }

    public func tally(for year: SchoolYear) -> ReportStatistics.Tally {
        var total = ReportStatistics.Tally(categoryCount: categoryCount, actionCount: actionCount)
        for index in year.firstMonth.index...year.lastMonth.index { if let month = months[index] { total.add(month) } }
        return total
    }

    /// The log's figures up to `closedThrough`.
    public init(statistics: ReportStatistics, closedThrough: CalendarMonth, threshold: Int) {
        self.closedThrough = closedThrough
        categoryCount = statistics.categoryCount
        actionCount = statistics.actionCount
        self.threshold = threshold
        hasLedger = false
        months = statistics.months.filter { $0.key <= closedThrough.index && $0.value.incidents > 0 }
        years = [:]
        for year in completeYears { years[year] = ReportLedger.YearFigures(statistics.facts(for: year)) }
    }

    /// Takes what `ledger` froze instead of the log's figures, noting each that differs.
    /// `categories` and `actions` are site.yml's keys: the ledger's counts are matched by key.
    public mutating func freeze(with ledger: ReportLedger, categories: [String], actions: [String]) throws {
        threshold = ledger.threshold
        hasLedger = true
        let categoryIndex = try Self.positions(of: ledger.categories, in: categories, kind: "category")
        let actionIndex = try Self.positions(of: ledger.actions, in: actions, kind: "action")
        let frozenThrough = min(ledger.closedThrough, closedThrough)
        var firstIndex = months.keys.min() ?? frozenThrough.index
        if let ledgerFirst = ledger.months.keys.min() { firstIndex = min(firstIndex, ledgerFirst) }
        if firstIndex <= frozenThrough.index {
            for index in firstIndex...frozenThrough.index {
                var frozen = ReportStatistics.Tally(categoryCount: categoryCount, actionCount: actionCount)
                if let published = ledger.months[index] {
                    frozen.incidents = published.incidents
                    for (k, count) in published.categories.enumerated() { frozen.categories[categoryIndex[k]] = count }
                    for (j, count) in published.actions.enumerated() { frozen.actions[actionIndex[j]] = count }
                }
                if frozen != tally(for: CalendarMonth(index: index)) { corrected.append(CalendarMonth(index: index).spelledOut) }
                months[index] = frozen.incidents > 0 ? frozen : nil
            }
        }
        for year in completeYears {
            if let published = ledger.years[year] {
                if published != years[year] { corrected.append("the accounts and times of \(year)") }
                years[year] = published
            }
        }
    }

    /// Where each of the ledger's keys is in site.yml's list; a key site.yml no longer lists is
    /// an error, since the published months counted under it.
    private static func positions(of keys: [String], in current: [String], kind: String) throws -> [Int] {
        try keys.map { key in
            guard let index = current.firstIndex(of: key) else {
                throw PolicySiteError(.error(at: SourceLocation(file: ReportLedger.fileName),
                                             "the report ledger counts the \(kind) '\(key)', which site.yml no longer lists",
                                             expected: "every \(kind) the published reports counted, kept in site.yml"))
            }
            return index
        }
    }
}
