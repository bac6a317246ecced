/// The figures the transparency report publishes, with small-count protection applied:
/// every count here is safe to show, in HTML, JSON and CSV alike, and stays safe beside every
/// earlier report (complete months and complete school years only; see `ClosedFigures`).
public struct TransparencyReport: Sendable, Hashable {
    /// A published count: its number, or why it is hidden.
    public enum Count: Sendable, Hashable {
        case shown(Int)
        /// From 1 to threshold - 1.
        case small
        /// Hidden so that no hidden count can be worked out.
        case secondary

        public init(_ value: Int, _ state: CountState) {
            self = state == .shown ? .shown(value) : state == .small ? .small : .secondary
        }

        /// The number, or nil where it is hidden.
        public var value: Int? {
            if case .shown(let value) = self { return value }
            return nil
        }
    }

    /// One complete school year.
    public struct Year: Sendable, Hashable {
        public var year: SchoolYear
        public var incidents: Count
        /// In the order of the site's categories.
        public var categories: [Count]
        /// In the order of the site's actions.
        public var actions: [Count]
        public var distinctAccounts: Count
        public var repeatAccounts: Count
        public var recordedTimes: Count
        public var within24Hours: Count
        public var over24Hours: Count
        /// Nil until at least `medianMinimum` actions carry a time.
        public var medianHours: Double?
    }

    public struct Month: Sendable, Hashable {
        public var month: CalendarMonth
        public var incidents: Count
    }

    /// What the report knows of earlier reports.
    public enum History: Sendable, Hashable {
        /// The ledger was read: earlier figures are kept as they were published.
        case ledger
        /// No ledger: the figures are the log's, and nothing is known of earlier reports.
        case none
    }

    /// Times to action are summarised only from this many records on.
    public static let medianMinimum = 10
    /// How many months the monthly table covers, ending with the last complete month.
    public static let monthCount = 24

    public var asOf: CalendarDay
    /// The last complete month counted: the month before the as-of day's.
    public var closedThrough: CalendarMonth
    public var threshold: Int
    public var categories: [SiteConfiguration.Term]
    public var actions: [SiteConfiguration.Term]
    public var isExampleData: Bool
    /// The first month with entries to `closedThrough`; nil when no complete month has any.
    public var period: ClosedRange<CalendarMonth>?
    /// Complete school years, from the first in the log, oldest first.
    public var schoolYears: [Year]
    /// The last 24 complete months, oldest first.
    public var months: [Month]
    public var history: History
}
