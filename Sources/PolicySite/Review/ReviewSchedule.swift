/// When a policy becomes due soon and overdue, worked out from its next review date.
///
/// A month-precision date is due through the month's last day; the due-soon window is the
/// `dueSoonMonths` months that end on that day. With three months and September 2017:
/// current through 30 June, due soon 1 July – 30 September, overdue from 1 October 2017.
public struct ReviewSchedule: Sendable, Hashable {
    public let nextReview: ReviewDate
    public let dueSoonFrom: CalendarDay
    public let overdueFrom: CalendarDay

    public init(nextReview: ReviewDate, dueSoonMonths: Int) {
        self.nextReview = nextReview
        switch nextReview {
        case .month(let month):
            dueSoonFrom = month.adding(months: 1 - dueSoonMonths).firstDay
        case .day(let day):
            dueSoonFrom = day.adding(months: -dueSoonMonths).next
        }
        overdueFrom = nextReview.lastDay.next
    }

    public func status(on day: CalendarDay) -> ReviewStatus {
        if day >= overdueFrom { return .overdue }
        if day >= dueSoonFrom { return .dueSoon }
        return .current
    }

    /// The banner's sentence for a parent, e.g. "this policy was due for review in
    /// September 2017, 9 years and 2 months ago."
    public func sentence(on day: CalendarDay) -> String {
        let due = nextReview.withPreposition
        switch status(on: day) {
        case .current: return "This policy is next due for review \(due)."
        case .dueSoon: return "This policy is due for review \(due), \(timing(on: day))."
        case .overdue: return "This policy was due for review \(due), \(timing(on: day))."
        }
    }

    /// How long until or since the review month, counted in whole months as a parent would:
    /// "in 2 months", "this month", "earlier this month", "9 years and 2 months ago".
    public func timing(on day: CalendarDay) -> String {
        let months = day.calendarMonth.index - nextReview.calendarMonth.index
        if status(on: day) == .overdue {
            return months == 0 ? "earlier this month" : "\(Self.duration(months: months)) ago"
        }
        return months == 0 ? "this month" : "in \(Self.duration(months: -months))"
    }

    /// "1 month", "2 years", "9 years and 2 months".
    public static func duration(months total: Int) -> String {
        let years = total / 12, months = total % 12
        func unit(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        switch (years, months) {
        case (0, _): return unit(months, "month")
        case (_, 0): return unit(years, "year")
        default: return "\(unit(years, "year")) and \(unit(months, "month"))"
        }
    }
}
