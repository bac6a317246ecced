/// Folds incidents, one at a time, into the counts the transparency report is made from.
/// Its size depends on the months, accounts and distinct times in the log, never on its number
/// of rows. Counts are kept per calendar month (and accounts and times per school year), since
/// the report publishes complete months and complete school years only.
public struct ReportStatistics: Sendable, Hashable {
    /// Counts for one month (or, added up, one school year).
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

        mutating func add(_ incident: ModerationIncident) {
            incidents += 1
            categories[incident.category] += 1
            var bits = incident.actions.bits
            while bits != 0 {
                actions[bits.trailingZeroBitCount] += 1
                bits &= bits - 1
            }
        }

        mutating func add(_ other: Tally) {
            incidents += other.incidents
            for index in categories.indices { categories[index] += other.categories[index] }
            for index in actions.indices { actions[index] += other.actions[index] }
        }
    }

    /// What one school year's accounts and times to action add up to.
    /// Equal when the figures are: how they were counted (one account at a time, or a whole
    /// table folded in from the reader's fast lane) does not matter.
    public struct YearFacts: Sendable, Hashable {
        /// Incidents per account, saturating at 2: all "repeat" needs.
        var accounts: [AccountKey: UInt8] = [:]
        /// Accounts counted elsewhere and folded in as figures (the fast lane's table), when no
        /// account of the year was counted here: a million rows' accounts need no dictionary.
        var foldedDistinct = 0
        var foldedRepeat = 0
        /// How often each hours-to-action value occurs; exact, and bounded by the distinct values.
        var hours: [Double: Int] = [:]

        public var distinctAccounts: Int { accounts.count + foldedDistinct }
        /// Accounts involved in more than one incident of the year.
        public var repeatAccounts: Int { accounts.values.reduce(0) { $1 >= 2 ? $0 + 1 : $0 } + foldedRepeat }

        public static func == (a: YearFacts, b: YearFacts) -> Bool {
            (a.distinctAccounts, a.repeatAccounts) == (b.distinctAccounts, b.repeatAccounts) && a.hours == b.hours
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(distinctAccounts)
            hasher.combine(repeatAccounts)
            hasher.combine(hours)
        }
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
    }

    public let categoryCount: Int
    public let actionCount: Int
    /// By `CalendarMonth.index`; months without entries are absent.
    public private(set) var months: [Int: Tally] = [:]
    public private(set) var yearFacts: [SchoolYear: YearFacts] = [:]
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
        let empty = emptyTally
        months[incident.date.calendarMonth.index, default: empty].add(incident)
        let year = SchoolYear(containing: incident.date)
        if let account = incident.account { add(account: account, year: year, incidents: 1) }
        if let hours = incident.hoursToAction { add(hours: hours, year: year, incidents: 1) }
        include(day: incident.date)
    }

    /// Adds figures counted elsewhere (`ModerationLogFastPath.Tally`): the same as adding their
    /// incidents one by one, since every figure is a count.
    mutating func add(month: CalendarMonth, incidents: Int, categories: ArraySlice<Int>, actions: ArraySlice<Int>) {
        var tally = months[month.index] ?? emptyTally
        tally.add(Tally(incidents: incidents, categories: Array(categories), actions: Array(actions)))
        months[month.index] = tally
    }

    mutating func add(account: AccountKey, year: SchoolYear, incidents: Int) {
        let seen = Int(yearFacts[year]?.accounts[account] ?? 0)
        yearFacts[year, default: YearFacts()].accounts[account] = UInt8(min(2, seen + incidents))
    }

    /// Hands every short account counted here to `body` (year, key, digits, incidents) and
    /// forgets it: the fast lane's table then holds all of them, with no dictionary to merge.
    mutating func moveShortAccounts(_ body: (SchoolYear, UInt64, UInt8, Int) -> Void) {
        for year in yearFacts.keys {
            guard let accounts = yearFacts[year]?.accounts, !accounts.isEmpty else { continue }
            for (key, incidents) in accounts {
                guard case .short(let value, let digits) = key else { continue }
                body(year, value, digits, Int(incidents))
                yearFacts[year]?.accounts[key] = nil
            }
        }
    }

    /// Accounts counted elsewhere, as figures: none of them is among the accounts counted here.
    mutating func addFolded(distinct: Int, repeats: Int, year: SchoolYear) {
        yearFacts[year, default: YearFacts()].foldedDistinct += distinct
        yearFacts[year, default: YearFacts()].foldedRepeat += repeats
    }

    mutating func add(hours: Double, year: SchoolYear, incidents: Int) {
        yearFacts[year, default: YearFacts()].hours[hours, default: 0] += incidents
    }

    mutating func include(day: CalendarDay) {
        if first.map({ day < $0 }) ?? true { first = day }
        if last.map({ day > $0 }) ?? true { last = day }
    }

    private var emptyTally: Tally { Tally(categoryCount: categoryCount, actionCount: actionCount) }

    public var incidents: Int { months.values.reduce(0) { $0 + $1.incidents } }

    public func tally(for month: CalendarMonth) -> Tally { months[month.index] ?? emptyTally }

    public func incidents(in month: CalendarMonth) -> Int { months[month.index]?.incidents ?? 0 }

    /// The months of a school year added up.
    public func tally(for year: SchoolYear) -> Tally {
        var total = emptyTally
        for index in year.firstMonth.index...year.lastMonth.index { if let month = months[index] { total.add(month) } }
        return total
    }

    public func facts(for year: SchoolYear) -> YearFacts { yearFacts[year] ?? YearFacts() }
}
