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
    /// How many months the monthly table covers, ending with the last complete month.
    public static let monthCount = 24

    public var asOf: CalendarDay
    public var threshold: Int
    public var categories: [SiteConfiguration.Term]
    public var actions: [SiteConfiguration.Term]
    public var isExampleData: Bool
    /// The last complete month the report counts (the month before the as-of day's): entries
    /// of the month still running appear once it is over.
    public var closedThrough: CalendarMonth
    /// From the first month with an entry to `closedThrough`; nil when no complete month has one.
    public var period: ClosedRange<CalendarMonth>?
    /// Every complete school year, from the first with an entry. The year still running has no
    /// row: its figures would change with every entry, which is what comparing reports feeds on.
    public var schoolYears: [Row]
    /// All complete school years together; nil when there is none.
    public var totals: Row?
    /// The last `monthCount` complete months, oldest first.
    public var months: [Month]
    /// Whether the site keeps a report ledger (without one, corrections to published months go unnoticed).
    public var hasLedger: Bool
    public var distinctAccounts: Count
    public var repeatAccounts: Count
    public var recordedTimes: Count
    public var within24Hours: Count
    /// Nil until at least `medianMinimum` actions carry a time.
    public var medianHours: Double?
}
