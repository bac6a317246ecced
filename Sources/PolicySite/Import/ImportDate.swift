/// Dates as schools write them under a policy's title, read more leniently than front
/// matter: "September 2016", "Sept. 2016", "14 October 2019", "14th October 2019",
/// "October 14, 2019", "14/10/2019" (day first, as in England), "10/2019", "2019-10",
/// "Autumn 2016" / "Spring Term 2017" (the month the term starts). Words after the date
/// ("September 2017 or sooner if the law changes") are ignored.
enum ImportDate {
    struct Reading: Equatable {
        var date: ReviewDate
        /// Set when the reading is a guess worth telling the user, such as a term's month.
        var note: String?
    }

    static let terms: [String: Int] = ["autumn": 9, "spring": 1, "summer": 4]

    static func read(_ raw: String) -> Reading? {
        let words = tokens(raw)
        guard !words.isEmpty else { return nil }
        if let exact = ReviewDate(parsing: words.prefix(2).joined(separator: " ")), words.count >= 2 { return Reading(date: exact) }
        if let exact = ReviewDate(parsing: words[0]) { return Reading(date: exact) }
        if let slashed = readSlashed(words[0]) { return Reading(date: slashed) }
        var index = 0
        var day: Int?
        if let number = dayNumber(words[0]) {
            day = number
            index = 1
            if index < words.count, words[index] == "of" { index += 1 }
        }
        if index < words.count, let month = ReviewDate.monthNumber(named: Substring(words[index])) {
            index += 1
            if day == nil, index < words.count, let number = dayNumber(words[index]) {
                day = number
                index += 1
            }
            guard index < words.count, let year = year(words[index]) else { return nil }
            if let day {
                return CalendarDay(year: year, month: month, day: day).map { Reading(date: .day($0)) }
            }
            return CalendarMonth(year: year, month: month).map { Reading(date: .month($0)) }
        }
        if day == nil, let month = terms[words[0]] {
            index = 1
            if index < words.count, words[index] == "term" { index += 1 }
            guard index < words.count, let year = year(words[index]),
                  let calendarMonth = CalendarMonth(year: year, month: month) else { return nil }
            return Reading(date: .month(calendarMonth), note: "read '\(raw.trimming(.whitespaces))' as \(calendarMonth.spelledOut), the month that term starts")
        }
        return nil
    }

    /// Lower-case words, without commas and full stops ("Sept." → "sept", "14th," → "14th").
    static func tokens(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" || $0 == "," })
            .map { word in String(word.hasSuffix(".") && !word.contains("/") ? word.dropLast() : word) }
            .filter { !$0.isEmpty }
    }

    /// "14", "14th", "1st", "2nd", "3rd" to 14, 1, 2, 3.
    static func dayNumber(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2) }
        guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit), let number = Int(digits), (1...31).contains(number) else { return nil }
        return number
    }

    static func year(_ word: String) -> Int? {
        guard word.count == 4, word.allSatisfy(\.isASCIIDigit), let number = Int(word), (1990...2100).contains(number) else { return nil }
        return number
    }

    /// "14/10/2019", "14.10.2019", "14-10-2019" (day, month, year) or "10/2019".
    static func readSlashed(_ word: String) -> ReviewDate? {
        let parts = word.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        switch parts.count {
        case 3:
            guard let day = Int(parts[0]), let month = Int(parts[1]), let year = year(parts[2]) else { return nil }
            return CalendarDay(year: year, month: month, day: day).map { .day($0) }
        case 2:
            guard let month = Int(parts[0]), let year = year(parts[1]), parts[0].count <= 2 else { return nil }
            return CalendarMonth(year: year, month: month).map { .month($0) }
        default:
            return nil
        }
    }
}

extension ReviewDate {
    /// The form written into imported front matter: "September 2016" or "2019-10-14".
    var frontMatterText: String {
        switch self {
        case .month(let month): month.spelledOut
        case .day(let day): day.description
        }
    }
}
