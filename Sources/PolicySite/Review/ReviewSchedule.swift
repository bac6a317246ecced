/// When a policy becomes due soon and overdue, worked out from its next review date.
///
/// A month-precision date is due through the month's last day; the due-soon window is the
/// `dueSoonMonths` months that end on that day. With three months and September 2017:
/// current through 30 June, due soon 1 July – 30 September, overdue from 1 October 2017.
public struct ReviewSchedule: Sendable, Hashable {
    public let nextReview: ReviewDate
    let dueSoonFrom: CalendarDay
    let overdueFrom: CalendarDay

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
    /// September 2017, 9 years and 2 months ago." (words: `ReviewWords`).
    public func sentence(on day: CalendarDay) -> String {
        let status = status(on: day)
        return ReviewWords.fill(ReviewWords.english.words(for: status).sentence,
                                ["due": nextReview.withPreposition, "timing": timing(on: day)])
    }

    /// How long until or since the review month, counted in whole months as a parent would:
    /// "in 2 months", "this month", "earlier this month", "9 years and 2 months ago".
    public func timing(on day: CalendarDay) -> String {
        let words = ReviewWords.english
        let months = day.calendarMonth.index - nextReview.calendarMonth.index
        if status(on: day) == .overdue {
            return months == 0 ? words.earlierThisMonth : ReviewWords.fill(words.inPast, ["duration": Self.duration(months: months)])
        }
        return months == 0 ? words.thisMonth : ReviewWords.fill(words.inFuture, ["duration": Self.duration(months: -months)])
    }

    /// "1 month", "2 years", "9 years and 2 months".
    static func duration(months total: Int) -> String {
        let words = ReviewWords.english
        let years = total / 12, months = total % 12
        switch (years, months) {
        case (0, _): return words.monthCount(months)
        case (_, 0): return words.yearCount(years)
        default: return ReviewWords.fill(words.yearsAndMonths, ["years": words.yearCount(years), "months": words.monthCount(months)])
        }
    }
}
