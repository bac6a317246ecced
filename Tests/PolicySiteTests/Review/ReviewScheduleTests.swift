import Testing
@testable import PolicySite

@Suite struct ReviewScheduleTests {
    let september2017 = ReviewSchedule(nextReview: .month(CalendarMonth(year: 2017, month: 9)!), dueSoonMonths: 3)

    func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    @Test("A month-precision review is current, then due soon for three months, then overdue", arguments: [
        ("2017-01-10", ReviewStatus.current),
        ("2017-06-30", .current),
        ("2017-07-01", .dueSoon),
        ("2017-08-15", .dueSoon),
        ("2017-09-30", .dueSoon),
        ("2017-10-01", .overdue),
        ("2026-11-24", .overdue),
    ])
    func statusOnEachSideOfTheMonthEdges(asOf: String, expected: ReviewStatus) {
        #expect(september2017.status(on: day(asOf)) == expected)
    }

    @Test func dueSoonAndOverdueStartOnTheFirstOfTheMonth() {
        #expect(september2017.dueSoonFrom == day("2017-07-01"))
        #expect(september2017.overdueFrom == day("2017-10-01"))
    }

    @Test func theWindowFollowsSiteSettings() {
        let oneMonth = ReviewSchedule(nextReview: .month(CalendarMonth(year: 2017, month: 9)!), dueSoonMonths: 1)
        #expect(oneMonth.status(on: day("2017-08-31")) == .current)
        #expect(oneMonth.status(on: day("2017-09-01")) == .dueSoon)
    }

    @Test func aWindowCrossesTheNewYear() {
        let january = ReviewSchedule(nextReview: .month(CalendarMonth(year: 2027, month: 1)!), dueSoonMonths: 3)
        #expect(january.dueSoonFrom == day("2026-11-01"))
        #expect(january.status(on: day("2026-10-31")) == .current)
        #expect(january.overdueFrom == day("2027-02-01"))
    }

    @Test func aDayPrecisionReviewIsDueThroughThatDay() {
        let schedule = ReviewSchedule(nextReview: .day(day("2026-03-15")), dueSoonMonths: 3)
        #expect(schedule.dueSoonFrom == day("2025-12-16"))
        #expect(schedule.status(on: day("2025-12-15")) == .current)
        #expect(schedule.status(on: day("2026-03-15")) == .dueSoon)
        #expect(schedule.status(on: day("2026-03-16")) == .overdue)
    }

    @Test func aDayAtTheEndOfAMonthClampsItsWindow() {
        let schedule = ReviewSchedule(nextReview: .day(day("2027-05-31")), dueSoonMonths: 3)
        #expect(schedule.dueSoonFrom == day("2027-03-01"))
    }

    @Test func theBannerSentenceReadsAsDesignPinsIt() {
        #expect(september2017.sentence(on: day("2026-11-24")) == "This policy was due for review in September 2017, 9 years and 2 months ago.")
        #expect(september2017.sentence(on: day("2017-08-15")) == "This policy is due for review in September 2017, in 1 month.")
        #expect(september2017.sentence(on: day("2017-09-02")) == "This policy is due for review in September 2017, this month.")
        #expect(september2017.sentence(on: day("2017-01-10")) == "This policy is next due for review in September 2017.")
        #expect(september2017.sentence(on: day("2017-10-01")) == "This policy was due for review in September 2017, 1 month ago.")
    }

    @Test func aDaySentenceSaysOn() {
        let schedule = ReviewSchedule(nextReview: .day(day("2026-03-15")), dueSoonMonths: 3)
        #expect(schedule.sentence(on: day("2026-03-20")) == "This policy was due for review on 15 March 2026, earlier this month.")
    }

    @Test("Durations are spelled for people", arguments: [
        (1, "1 month"), (2, "2 months"), (12, "1 year"), (24, "2 years"), (13, "1 year and 1 month"), (110, "9 years and 2 months"),
    ])
    func durations(months: Int, text: String) {
        #expect(ReviewSchedule.duration(months: months) == text)
    }

    @Test func statusesOrderFromCurrentToOverdue() {
        #expect(ReviewStatus.current < .dueSoon && ReviewStatus.dueSoon < .overdue)
        #expect(ReviewStatus.dueSoon.rawValue == "due-soon")
    }
}
