/// A school year, 1 September to 31 August, written `2016/17`.
public struct SchoolYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar year in which it starts.
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    public init(containing day: CalendarDay) {
        self.startYear = day.month >= 9 ? day.year : day.year - 1
    }

    public init(containing month: CalendarMonth) {
        self.startYear = month.month >= 9 ? month.year : month.year - 1
    }

    public var firstMonth: CalendarMonth { CalendarMonth(uncheckedYear: startYear, month: 9) }
    public var lastMonth: CalendarMonth { CalendarMonth(uncheckedYear: startYear + 1, month: 8) }
    public var firstDay: CalendarDay { firstMonth.firstDay }
    public var lastDay: CalendarDay { lastMonth.lastDay }

    /// `2016/17`.
    public var description: String { "\(startYear)/\(pad((startYear + 1) % 100, 2))" }

    public var next: SchoolYear { SchoolYear(startYear: startYear + 1) }
    public var previous: SchoolYear { SchoolYear(startYear: startYear - 1) }

    public static func < (a: SchoolYear, b: SchoolYear) -> Bool { a.startYear < b.startYear }
}
