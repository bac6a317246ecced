/// A date as policies write them: a month (`September 2017`) or a day (`2017-09-15`).
public enum ReviewDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    case month(CalendarMonth)
    case day(CalendarDay)

    /// The forms a user may write, for error messages.
    public static let acceptedForms = "a month such as 'September 2017', 'Sep 2017' or '2017-09', or a day such as '2017-09-15'"

    /// Parses `September 2017`, `Sep 2017`, `2017-09` or `2017-09-15`; nil for anything else.
    public init?(parsing raw: String) {
        let text = raw.trimming(.whitespaces)
        if let day = CalendarDay(iso: text) {
            self = .day(day)
            return
        }
        let dashed = text.split(separator: "-", omittingEmptySubsequences: false)
        if dashed.count == 2, dashed[0].count == 4, dashed[1].count == 2,
           dashed.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
           let month = CalendarMonth(year: Int(dashed[0])!, month: Int(dashed[1])!) {
            self = .month(month)
            return
        }
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 2, words[1].count == 4, words[1].allSatisfy(\.isASCIIDigit),
              let number = Self.monthNumber(named: words[0]),
              let month = CalendarMonth(year: Int(words[1])!, month: number) else { return nil }
        self = .month(month)
    }

    /// `September`, `Sep`, `Sept` (any letter case) to 9.
    static func monthNumber(named name: Substring) -> Int? {
        let lower = name.lowercased()
        if lower == "sept" { return 9 }
        for (offset, full) in CalendarMonth.englishNames.enumerated() {
            let full = full.lowercased()
            if lower == full || lower == String(full.prefix(3)) { return offset + 1 }
        }
        return nil
    }

    public var calendarMonth: CalendarMonth {
        switch self {
        case .month(let month): month
        case .day(let day): day.calendarMonth
        }
    }

    /// The last day on which the date has not yet passed: the month's last day, or the day itself.
    public var lastDay: CalendarDay {
        switch self {
        case .month(let month): month.lastDay
        case .day(let day): day
        }
    }

    /// The first day the date covers.
    public var firstDay: CalendarDay {
        switch self {
        case .month(let month): month.firstDay
        case .day(let day): day
        }
    }

    /// The same precision, `months` later.
    public func adding(months: Int) -> ReviewDate {
        switch self {
        case .month(let month): .month(month.adding(months: months))
        case .day(let day): .day(day.adding(months: months))
        }
    }

    /// `2017-09` or `2017-09-15`: the machine-readable form, as written to JSON.
    public var description: String {
        switch self {
        case .month(let month): month.description
        case .day(let day): day.description
        }
    }

    /// "September 2017" or "15 September 2017".
    public var spelledOut: String {
        switch self {
        case .month(let month): month.spelledOut
        case .day(let day): "\(day.day) \(day.calendarMonth.spelledOut)"
        }
    }

    /// "in September 2017" or "on 15 September 2017", as a sentence needs it.
    public var withPreposition: String {
        switch self {
        case .month: "in \(spelledOut)"
        case .day: "on \(spelledOut)"
        }
    }

    public static func < (a: ReviewDate, b: ReviewDate) -> Bool {
        (a.firstDay, a.lastDay) < (b.firstDay, b.lastDay)
    }
}
