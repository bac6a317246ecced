import Testing
@testable import PolicySite

@Suite struct ReviewDateTests {
    @Test("Every accepted form of September 2017 reads as the month", arguments: [
        "September 2017", "Sep 2017", "Sept 2017", "september 2017", "SEP 2017", "2017-09", "  September 2017 ",
    ])
    func monthForms(text: String) {
        #expect(ReviewDate(parsing: text) == .month(CalendarMonth(year: 2017, month: 9)!))
    }

    @Test func aDayReadsAsADay() {
        #expect(ReviewDate(parsing: "2017-09-15") == .day(CalendarDay(year: 2017, month: 9, day: 15)!))
    }

    @Test("Anything else is refused", arguments: [
        "Septembr 2017", "2017-13", "2017-9", "17-09", "2017-02-30", "2017-00", "September", "2017", "",
        "September 17", "2017/09", "2017-09-15T10:00", "Sep. 2017", "2017-09-1", "September  2017x",
    ])
    func refused(text: String) {
        #expect(ReviewDate(parsing: text) == nil)
    }

    /// The rule as first written, Character by Character (the parser now skips splits that
    /// cannot match and splits ASCII text on bytes).
    static func parsedCharacterByCharacter(_ raw: String) -> ReviewDate? {
        let text = raw.trimming(.whitespaces)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
           let day = CalendarDay(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!) {
            return ReviewDate.supportedYears.contains(day.year) ? .day(day) : nil
        }
        var month: CalendarMonth?
        if parts.count == 2, parts[0].count == 4, parts[1].count == 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) {
            month = CalendarMonth(year: Int(parts[0])!, month: Int(parts[1])!)
        } else {
            let words = text.split(separator: " ", omittingEmptySubsequences: true)
            if words.count == 2, words[1].count == 4, words[1].allSatisfy(\.isASCIIDigit), let number = ReviewDate.monthNumber(named: words[0]) {
                month = CalendarMonth(year: Int(words[1])!, month: number)
            }
        }
        return month.flatMap { ReviewDate.supportedYears.contains($0.year) ? .month($0) : nil }
    }

    @Test(arguments: ["September 2017", "Sep 2017", "sept  2017", " 2017-09 ", "2017-09-15", "2017-9-15", "2017-09-15 ", "2017‐09", "２017-09",
                      "September\u{A0}2017", "Septembe\u{301}r 2017", "September 2017\r\n", "Sep\r\n2017", "May 2017", "may 2017 x", "2017-02-29",
                      "2016-02-29", "0999-01", "December 9999", "10000-01", "", "-", "--", "2017--09", "2017-09-", "Dec 2017-", "Ｍay 2017"])
    func aDateReadsAsCharacterByCharacter(text: String) {
        #expect(ReviewDate(parsing: text) == Self.parsedCharacterByCharacter(text))
    }

    @Test func leapDaysExistOnlyInLeapYears() {
        #expect(CalendarDay(iso: "2024-02-29") != nil)
        #expect(CalendarDay(iso: "2023-02-29") == nil)
        #expect(CalendarDay(iso: "2000-02-29") != nil)
        #expect(CalendarDay(iso: "1900-02-29") == nil)
    }

    @Test func monthsAndDaysCountAcrossYears() {
        let month = CalendarMonth(year: 2016, month: 11)!
        #expect(month.adding(months: 3).description == "2017-02")
        #expect(month.adding(months: -11).description == "2015-12")
        #expect(CalendarDay(iso: "2016-12-31")!.next.description == "2017-01-01")
        #expect(CalendarDay(iso: "2016-01-31")!.adding(months: 1).description == "2016-02-29")
        #expect(CalendarDay(iso: "2017-01-01")!.ordinal - CalendarDay(iso: "2016-01-01")!.ordinal == 366)
    }

    @Test func everyMonthIsSpelledOutAsTheWordsTemplateFillsIt() {
        for year in [1, 999, 2016, 2026, 9999] {
            for month in 1...12 {
                let calendarMonth = CalendarMonth(year: year, month: month)!
                #expect(calendarMonth.spelledOut == ReviewWords.fill(ReviewWords.english.spelledMonth,
                                                                     ["name": CalendarMonth.englishNames[month - 1], "year": String(year)]))
            }
        }
    }

    @Test func spelledOutFormsAreForParents() {
        #expect(ReviewDate(parsing: "2017-09")!.spelledOut == "September 2017")
        #expect(ReviewDate(parsing: "2017-09-05")!.spelledOut == "5 September 2017")
        #expect(ReviewDate(parsing: "Sep 2017")!.description == "2017-09")
    }
}
