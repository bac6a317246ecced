import Testing
@testable import PolicySite

@Suite struct ReportStatisticsTests {
    func small() throws -> ReportStatistics {
        try ModerationFixtures.reader().read(path: ModerationFixtures.logsDirectory + "/small.csv", file: "small.csv")
    }

    @Test func countsBySchoolYearCategoryAndAction() throws {
        let statistics = try small()
        let first = statistics.tally(for: SchoolYear(startYear: 2016))
        #expect(first.incidents == 3)
        #expect(first.categories == [1, 2, 0, 0, 0, 0])
        #expect(first.actions == [3, 1, 1, 0, 0])
        let second = statistics.tally(for: SchoolYear(startYear: 2017))
        #expect(second.incidents == 3)
        #expect(second.categories == [0, 0, 1, 0, 1, 1])
        #expect(second.actions == [2, 2, 0, 1, 1])
        #expect(statistics.tally(for: SchoolYear(startYear: 2025)).incidents == 3)
        #expect(statistics.tally(for: SchoolYear(startYear: 2026)).actions == [3, 1, 1, 0, 0])
        #expect(statistics.tally(for: SchoolYear(startYear: 2020)).incidents == 0)
        #expect(statistics.incidents == 12)
    }

    @Test func countsMonthsAndAccountsPerSchoolYearAndThePeriod() throws {
        let statistics = try small()
        #expect(statistics.incidents(in: CalendarMonth(year: 2026, month: 1)!) == 1)
        #expect(statistics.incidents(in: CalendarMonth(year: 2026, month: 2)!) == 0)
        #expect(statistics.tally(for: CalendarMonth(year: 2018, month: 2)!).categories == [0, 0, 1, 0, 0, 0])
        // An account seen in two school years counts in each, and repeats only within one.
        let first = statistics.facts(for: SchoolYear(startYear: 2016))
        #expect((first.distinctAccounts, first.repeatAccounts) == (2, 1))
        let last = statistics.facts(for: SchoolYear(startYear: 2026))
        #expect((last.distinctAccounts, last.repeatAccounts) == (3, 0))
        #expect(statistics.facts(for: SchoolYear(startYear: 2025)).repeatAccounts == 1)
        #expect(statistics.first == CalendarDay(year: 2016, month: 9, day: 5))
        #expect(statistics.last == CalendarDay(year: 2026, month: 11, day: 24))
    }

    @Test func takesTheExactMedianOfHoursToActionPerSchoolYear() throws {
        let statistics = try small()
        let first = statistics.facts(for: SchoolYear(startYear: 2016))
        #expect(first.recordedTimes == 3)
        // 1.5 2 30
        #expect(first.medianHours == 2)
        #expect(first.actionedWithin24Hours == 2)
        // 10 26: the mean of the middle two.
        #expect(statistics.facts(for: SchoolYear(startYear: 2025)).medianHours == 18)
    }

    @Test func takesTheMiddleValueForAnOddCountWithRepeats() {
        var statistics = ReportStatistics(categoryCount: 1, actionCount: 1)
        for hours in [7.0, 1, 1, 1, 24, 25, 2] {
            statistics.add(ModerationIncident(date: CalendarDay(year: 2020, month: 1, day: 1)!, category: 0, actions: ActionSet([0]), hoursToAction: hours))
        }
        #expect(statistics.facts(for: SchoolYear(startYear: 2019)).medianHours == 2)
        #expect(statistics.facts(for: SchoolYear(startYear: 2019)).actionedWithin24Hours == 6)
    }

    @Test func namesSchoolYearsFromSeptemberToAugust() {
        #expect(SchoolYear(containing: CalendarDay(year: 2017, month: 8, day: 31)!).description == "2016/17")
        #expect(SchoolYear(containing: CalendarDay(year: 2017, month: 9, day: 1)!).description == "2017/18")
        #expect(SchoolYear(startYear: 2099).description == "2099/00")
    }
}
