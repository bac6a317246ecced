/// A calendar date with no time and no time zone: the unit every review rule is written in.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the date does not exist (30 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarMonth(uncheckedYear: year, month: month).numberOfDays).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        // Ten ASCII characters are ten bytes: any other length is no such date (and is refused
        // without splitting the text Character by Character).
        guard text.utf8.count == 10 else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var calendarMonth: CalendarMonth { CalendarMonth(uncheckedYear: year, month: month) }

    /// "15 September 2017", the form a parent reads.
    public var spelledOut: String {
        ReviewWords.fill(ReviewWords.english.spelledDay, ["day": String(day), "month": calendarMonth.spelledOut])
    }

    /// `YYYY-MM-DD`.
    public var description: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// The day after this one. (The unwraps below are safe: the day is checked against the
    /// month's length, and years stay in 1–9999, see ReviewDate.supportedYears.)
    public var next: CalendarDay {
        if day < calendarMonth.numberOfDays { return CalendarDay(year: year, month: month, day: day + 1)! }
        return calendarMonth.adding(months: 1).firstDay
    }

    /// The same day `months` later (or earlier), clamped to the end of a shorter month.
    public func adding(months: Int) -> CalendarDay {
        let target = calendarMonth.adding(months: months)
        return CalendarDay(year: target.year, month: target.month, day: min(day, target.numberOfDays))!
    }

    /// Days since 1 January of year 1 (proleptic Gregorian), for day arithmetic.
    var ordinal: Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += CalendarMonth(uncheckedYear: year, month: m).numberOfDays }
        return days + day - 1
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

extension Character {
    /// One of 0–9 and nothing else: `("0"..."9").contains` also took a digit followed by a
    /// combining mark (`8` + U+0330 sorts between "0" and "9"), which `Int(_:)` then refused
    /// (FuzzReviewDate: `2031-08` + U+0330 crashed at a force unwrap).
    var isASCIIDigit: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }
}
