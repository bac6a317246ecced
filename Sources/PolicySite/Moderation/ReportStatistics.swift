/// Folds incidents, one at a time, into the figures of the transparency report.
/// Its size depends on the years, months, accounts and distinct times in the log, never on
/// its number of rows.
public struct ReportStatistics: Sendable, Hashable {
    /// Counts for one month or school year.
    public struct Tally: Sendable, Hashable {
        public var incidents = 0
        /// By category index.
        public var categories: [Int]
        /// By action index: incidents that led to that action.
        public var actions: [Int]

        public init(categoryCount: Int, actionCount: Int) {
            categories = Array(repeating: 0, count: categoryCount)
            actions = Array(repeating: 0, count: actionCount)
        }

        public init(incidents: Int, categories: [Int], actions: [Int]) {
            self.incidents = incidents
            self.categories = categories
            self.actions = actions
        }

        mutating func add(_ other: Tally) {
            incidents += other.incidents
            for index in categories.indices { categories[index] += other.categories[index] }
            for index in actions.indices { actions[index] += other.actions[index] }
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
    /// Counts by month, keyed by `CalendarMonth.index`: every published figure over a period is
    /// a sum of these (the report counts complete months only).
    public internal(set) var monthTallies: [Int: Tally] = [:]
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
        monthTallies[incident.date.calendarMonth.index, default: Tally(categoryCount: categoryCount, actionCount: actionCount)].add(incident)
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
        var tally = monthTallies[month.index] ?? Tally(categoryCount: categoryCount, actionCount: actionCount)
        tally.incidents += incidents
        for (index, count) in zip(tally.categories.indices, categories) { tally.categories[index] += count }
        for (index, count) in zip(tally.actions.indices, actions) { tally.actions[index] += count }
        monthTallies[month.index] = tally
    }

    mutating func add(account: AccountKey, incidents: Int) {
        accounts[account] = UInt8(min(2, Int(accounts[account, default: 0]) + incidents))
    }

    mutating func add(hours: Double, incidents: Int) { self.hours[hours, default: 0] += incidents }

    mutating func include(day: CalendarDay) {
        if first.map({ day < $0 }) ?? true { first = day }
        if last.map({ day > $0 }) ?? true { last = day }
    }

    public var incidents: Int { monthTallies.values.reduce(0) { $0 + $1.incidents } }
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
        (year.firstMonth.index...year.lastMonth.index).reduce(into: Tally(categoryCount: categoryCount, actionCount: actionCount)) { sum, month in
            if let tally = monthTallies[month] { sum.add(tally) }
        }
    }

    public func tally(for month: CalendarMonth) -> Tally {
        monthTallies[month.index] ?? Tally(categoryCount: categoryCount, actionCount: actionCount)
    }

    public func incidents(in month: CalendarMonth) -> Int { monthTallies[month.index]?.incidents ?? 0 }
}
