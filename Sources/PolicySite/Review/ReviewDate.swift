/// A date as policies write them: a month (`September 2017`) or a day (`2017-09-15`).
public enum ReviewDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    case month(CalendarMonth)
    case day(CalendarDay)

    /// The forms a user may write, for error messages.
    static let acceptedForms = "a month such as 'September 2017', 'Sep 2017' or '2017-09', or a day such as '2017-09-15'"

    /// The years a policy's dates may fall in. Review arithmetic (up to 120 months of review
    /// cycle, the due-soon window, the day after a month) then always stays inside the
    /// calendar's own years 1–9999; a date outside this range is a typing mistake, reported
    /// with its place in the file instead of crashing a later sum.
    public static let supportedYears = 1900...2999

    /// "from 1900 to 2999", for messages.
    public static let supportedYearsText = "from \(supportedYears.lowerBound) to \(supportedYears.upperBound)"

    /// Parses `September 2017`, `Sep 2017`, `2017-09` or `2017-09-15` in a supported year;
    /// nil for anything else (see `unsupportedYear(in:)` for why).
    public init?(parsing raw: String) {
        guard let date = ReviewDate(parsingAnyYear: raw), Self.supportedYears.contains(date.calendarMonth.year) else { return nil }
        self = date
    }

    /// The year of a date that is written correctly but lies outside `supportedYears`, such as
    /// 9999 in `December 9999`; nil when the text is not a date at all or is a supported one.
    static func unsupportedYear(in raw: String) -> Int? {
        guard let date = ReviewDate(parsingAnyYear: raw), !supportedYears.contains(date.calendarMonth.year) else { return nil }
        return date.calendarMonth.year
    }

    /// The message for a date this tool cannot use: its year out of range, or not a date.
    public static func problem(with raw: String) -> (what: String, expected: String) {
        if let year = unsupportedYear(in: raw) {
            return ("the year \(year) is outside the years this tool supports (\(supportedYears.lowerBound)–\(supportedYears.upperBound))",
                    "a date in a year \(supportedYearsText), such as 'September 2027'")
        }
        return ("it is not written in a form this tool reads", acceptedForms)
    }

    private init?(parsingAnyYear raw: String) {
        let text = raw.trimming(.whitespaces)
        if let day = CalendarDay(iso: text) {
            self = .day(day)
            return
        }
        // Each split only when it can find something: a `-` Character is the byte 0x2D. And
        // ASCII text without a CR is split on bytes, where each byte is one Character.
        let plainASCII = text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        let dashed = text.utf8.contains(UInt8(ascii: "-")) ? text.split(separator: "-", omittingEmptySubsequences: false) : [text[...]]
        if dashed.count == 2, dashed[0].count == 4, dashed[1].count == 2,
           dashed.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),  // so the Int(...)! below cannot fail
           let month = CalendarMonth(year: Int(dashed[0])!, month: Int(dashed[1])!) {
            self = .month(month)
            return
        }
        let words = plainASCII ? text.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
            : text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 2, words[1].count == 4, words[1].allSatisfy(\.isASCIIDigit),  // so Int(words[1])! cannot fail
              let number = Self.monthNumber(named: words[0]),
              let month = CalendarMonth(year: Int(words[1])!, month: number) else { return nil }
        self = .month(month)
    }

    /// `September`, `Sep`, `Sept` (any letter case) to 9.
    static func monthNumber(named name: Substring) -> Int? {
        let lower = name.lowercased()
        if lower == "sept" { return 9 }
        for (offset, full) in lowerCaseMonthNames.enumerated() where lower == full.name || lower == full.short {
            return offset + 1
        }
        return nil
    }

    /// The month names in lower case and their first three letters, made once (they were made
    /// again for every date read).
    static let lowerCaseMonthNames = CalendarMonth.englishNames.map { name in
        let lower = name.lowercased()
        return (name: lower, short: String(lower.prefix(3)))
    }

    public var calendarMonth: CalendarMonth {
        switch self {
        case .month(let month): month
        case .day(let day): day.calendarMonth
        }
    }

    /// The last day on which the date has not yet passed: the month's last day, or the day itself.
    var lastDay: CalendarDay {
        switch self {
        case .month(let month): month.lastDay
        case .day(let day): day
        }
    }

    /// The first day the date covers.
    var firstDay: CalendarDay {
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
        case .day(let day): day.spelledOut
        }
    }

    /// "in September 2017" or "on 15 September 2017", as a sentence needs it.
    var withPreposition: String {
        switch self {
        case .month: ReviewWords.fill(ReviewWords.english.dueInMonth, ["date": spelledOut])
        case .day: ReviewWords.fill(ReviewWords.english.dueOnDay, ["date": spelledOut])
        }
    }

    public static func < (a: ReviewDate, b: ReviewDate) -> Bool {
        (a.firstDay, a.lastDay) < (b.firstDay, b.lastDay)
    }
}
