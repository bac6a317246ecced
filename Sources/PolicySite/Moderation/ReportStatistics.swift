/// Folds incidents, one at a time, into the figures of the transparency report.
/// Its size depends on the years, months, accounts and distinct times in the log, never on
/// its number of rows.
public struct ReportStatistics: Sendable, Hashable {
    /// Counts for one school year.
    public struct Tally: Sendable, Hashable {
        public var incidents = 0
        /// By category index.
        public var categories: [Int]
        /// By action index: incidents that led to that action.
        public var actions: [Int]

        init(categoryCount: Int, actionCount: Int) {
            categories = Array(repeating: 0, count: categoryCount)
            actions = Array(repeating: 0, count: actionCount)
        }

        mutating func add(_ incident: ModerationIncident) {
            incidents += 1
            categories[incident.category] += 1
            var bits = incident.actions.bits
            while bits != 0 {
                actions[bits.trailingZeroBitCount] += 1
                bits &= bits - 1
            }
        }
    }

    public let categoryCount: Int
    public let actionCount: Int
    public private(set) var years: [SchoolYear: Tally] = [:]
    /// Incidents by month, keyed by `CalendarMonth.index`.
    public private(set) var months: [Int: Int] = [:]
    /// Incidents per account, saturating at 2: all "repeat" needs.
    private var accounts: [AccountKey: UInt8] = [:]
    /// How often each hours-to-action value occurs; exact, and bounded by the distinct values.
    public private(set) var hours: [Double: Int] = [:]
    /// Valid entries dated after the report's as-of day: checked, but not counted (a view of the past).
    public private(set) var leftOutAfterAsOf = 0
    public private(set) var first: CalendarDay?
    public private(set) var last: CalendarDay?

    public init(categoryCount: Int, actionCount: Int) {
        self.categoryCount = categoryCount
        self.actionCount = actionCount
    }

    public mutating func leaveOut(_ incident: ModerationIncident) {
        leftOutAfterAsOf += 1
    }

    public mutating func add(_ incident: ModerationIncident) {
        let year = SchoolYear(containing: incident.date)
        years[year, default: Tally(categoryCount: categoryCount, actionCount: actionCount)].add(incident)
        months[incident.date.calendarMonth.index, default: 0] += 1
        if let account = incident.account {
            accounts[account, default: 0] = min(2, accounts[account, default: 0] + 1)
        }
        if let hours = incident.hoursToAction { self.hours[hours, default: 0] += 1 }
        if first.map({ incident.date < $0 }) ?? true { first = incident.date }
        if last.map({ incident.date > $0 }) ?? true { last = incident.date }
    }

    /// Adds figures counted elsewhere (`ModerationLogFastPath.Tally`): the same as adding their
    /// incidents one by one, since every figure is a count.
    mutating func add(month: CalendarMonth, incidents: Int, categories: ArraySlice<Int>, actions: ArraySlice<Int>) {
        let year = SchoolYear(containing: month)
        var tally = years[year] ?? Tally(categoryCount: categoryCount, actionCount: actionCount)
        tally.incidents += incidents
        for (index, count) in zip(tally.categories.indices, categories) { tally.categories[index] += count }
        for (index, count) in zip(tally.actions.indices, actions) { tally.actions[index] += count }
        years[year] = tally
        months[month.index, default: 0] += incidents
    }

    mutating func add(account: AccountKey, incidents: Int) {
        accounts[account] = UInt8(min(2, Int(accounts[account, default: 0]) + incidents))
    }

    mutating func add(hours: Double, incidents: Int) { self.hours[hours, default: 0] += incidents }

    mutating func include(day: CalendarDay) {
        if first.map({ day < $0 }) ?? true { first = day }
        if last.map({ day > $0 }) ?? true { last = day }
    }

    public var incidents: Int { years.values.reduce(0) { $0 + $1.incidents } }
    public var distinctAccounts: Int { accounts.count }
    /// Accounts involved in more than one incident.
    public var repeatAccounts: Int { accounts.values.reduce(0) { $1 >= 2 ? $0 + 1 : $0 } }
    /// Incidents that carry an hours-to-action.
    public var recordedTimes: Int { hours.values.reduce(0, +) }
    public var actionedWithin24Hours: Int { hours.reduce(0) { $1.key <= 24 ? $0 + $1.value : $0 } }

    /// The exact median of hours-to-action (the mean of the middle two for an even count).
    public var medianHours: Double? {
        let count = recordedTimes
        guard count > 0 else { return nil }
        let sorted = hours.sorted { $0.key < $1.key }
        func value(at position: Int) -> Double {
            var seen = 0
            for (hours, times) in sorted {
                seen += times
                if position < seen { return hours }
            }
            return sorted[sorted.count - 1].key
        }
        return count % 2 == 1 ? value(at: count / 2) : (value(at: count / 2 - 1) + value(at: count / 2)) / 2
    }

    public func tally(for year: SchoolYear) -> Tally {
        years[year] ?? Tally(categoryCount: categoryCount, actionCount: actionCount)
    }

    public func incidents(in month: CalendarMonth) -> Int { months[month.index] ?? 0 }
}
