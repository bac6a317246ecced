/// The figures the transparency report publishes, with small-count protection applied:
/// every count here is safe to show, in HTML, JSON and CSV alike.
public struct TransparencyReport: Sendable, Hashable {
    /// A published count: its number, or why it is hidden.
    public enum Count: Sendable, Hashable {
        case shown(Int)
        /// From 1 to threshold - 1.
        case small
        /// Hidden so that a small count elsewhere cannot be worked out by subtraction.
        case secondary

        public init(_ value: Int, _ state: Suppression.State) {
            self = state == .shown ? .shown(value) : state == .small ? .small : .secondary
        }

        /// The number, or nil where it is hidden.
        public var value: Int? {
            if case .shown(let value) = self { return value }
            return nil
        }
    }

    /// One row of the yearly tables: a school year, or the totals when `year` is nil.
    public struct Row: Sendable, Hashable {
        public var year: SchoolYear?
        public var incidents: Count
        /// In the order of the site's categories.
        public var categories: [Count]
        /// In the order of the site's actions.
        public var actions: [Count]
    }

    public struct Month: Sendable, Hashable {
        public var month: CalendarMonth
        public var incidents: Count
    }

    /// Times to action are summarised only from this many records on.
    public static let medianMinimum = 10
    /// How many months the monthly table covers, ending with the as-of month.
    public static let monthCount = 24

    public var asOf: CalendarDay
    public var threshold: Int
    public var categories: [SiteConfiguration.Term]
    public var actions: [SiteConfiguration.Term]
    public var isExampleData: Bool
    /// The first and last entry of the log; nil for a log with no entries.
    public var period: ClosedRange<CalendarDay>?
    /// From the first school year in the log to the one holding `asOf`.
    public var schoolYears: [Row]
    public var totals: Row
    public var months: [Month]
    public var distinctAccounts: Count
    public var repeatAccounts: Count
    public var recordedTimes: Count
    public var within24Hours: Count
    /// Nil until at least `medianMinimum` actions carry a time.
    public var medianHours: Double?

    /// The date of the last entry.
    public var lastEntry: CalendarDay? { period?.upperBound }
}
