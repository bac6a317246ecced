/// A month of a year, such as September 2017.
public struct CalendarMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    init(uncheckedYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    static let englishNames = ReviewWords.english.monthNames

    var isLeapYear: Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    var numberOfDays: Int {
        switch month {
        case 2: isLeapYear ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Safe to unwrap: day 1 and the month's last day exist in every month of years 1–9999, and
    // review arithmetic stays in those years (ReviewDate.supportedYears).
    var firstDay: CalendarDay { CalendarDay(year: year, month: month, day: 1)! }
    var lastDay: CalendarDay { CalendarDay(year: year, month: month, day: numberOfDays)! }

    /// Months counted from year 0, so that the difference of two is a number of months.
    public var index: Int { year * 12 + (month - 1) }

    public init(index: Int) {
        self.init(uncheckedYear: index / 12, month: index % 12 + 1)
    }

    public func adding(months: Int) -> CalendarMonth { CalendarMonth(index: index + months) }

    /// `YYYY-MM`, the machine-readable form.
    public var description: String { "\(pad(year, 4))-\(pad(month, 2))" }

    /// "September 2017", the form a parent reads.
    public var spelledOut: String {
        // The English words' form, written out: filled through a dictionary it was 1.2% of a
        // 1,000-policy build (callgrind).
        if Self.spelledIsNameThenYear { return Self.englishNames[month - 1] + " " + String(year) }
        return ReviewWords.fill(ReviewWords.english.spelledMonth, ["name": Self.englishNames[month - 1], "year": String(year)])
    }

    /// True when `spelledMonth` is "{name} {year}", so `spelledOut` can skip the template.
    static let spelledIsNameThenYear = ReviewWords.english.spelledMonth == "{name} {year}"

    public static func < (a: CalendarMonth, b: CalendarMonth) -> Bool { a.index < b.index }
}
