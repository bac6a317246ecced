import Foundation
import Testing
@testable import PolicySite

/// Dates outside the years the tool supports (1900–2999) are errors at their place in the
/// file, never a crash in the sums made after parsing (`December 9999` once crashed
/// check, status, build and serve at CalendarMonth.swift:30).
@Suite("Supported years: 1900 to 2999")
struct SupportedYearsTests {
    @Test("a date in a year outside 1900–2999 is not a date the tool uses, and says why", arguments: ["December 9999", "9999-12", "9999-12-31", "Jan 1899", "0001-01", "3000-01"])
    func outside(text: String) {
        #expect(ReviewDate(parsing: text) == nil)
        #expect(ReviewDate.unsupportedYear(in: text) != nil)
        #expect(ReviewDate.problem(with: text).what.contains("outside the years this tool supports (1900–2999)"))
    }

    @Test("the first and last supported months work through every sum: schedule, cycle, calendar, feed, status")
    func edges() throws {
        for text in ["January 1900", "1900-01-01", "December 2999", "2999-12-31"] {
            let date = try #require(ReviewDate(parsing: text))
            for window in [1, 3, 24] {
                let schedule = ReviewSchedule(nextReview: date, dueSoonMonths: window)
                _ = schedule.sentence(on: CalendarDay(iso: "2999-12-31")!)
                _ = schedule.sentence(on: CalendarDay(iso: "1900-01-01")!)
            }
            _ = date.adding(months: 120)
            replayThroughTheSite(text)
        }
    }

    /// What FuzzReviewDate does with one input, for the inputs it saved.
    func replayThroughTheSite(_ text: String) {
        let policy = "---\ntitle: T\nlast-updated: \"\(text)\"\nnext-review: \"\(text)\"\n---\n\nBody.\n"
        guard let (document, _) = try? PolicyParser.parse(policy, slug: "t", file: "t.md") else { return }
        let site = Site(content: SiteContent(configuration: GovernanceFixtures.configuration, policies: [document]), asOf: CalendarDay(iso: "2026-11-24")!)
        _ = StatusReport(site: site).json()
        _ = ReviewCalendar.ics(for: site)
        _ = AtomFeed.xml(for: site)
    }

    @Test("every saved fuzz input for dates is refused or used without a crash")
    func fuzzRegressions() throws {
        let directory = GovernanceFixtures.repositoryRoot.appendingPathComponent("Tests/PolicySiteTests/Fixtures/fuzz-regressions/review-date")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.count >= 6)
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            _ = ReviewDate(parsing: text)
            replayThroughTheSite(text)
        }
    }

    @Test("a digit followed by a combining mark is not a digit (FuzzReviewDate found it crashing)")
    func combiningMarkAfterADigit() {
        #expect(ReviewDate(parsing: "2031-08\u{0330}") == nil)
        #expect(ReviewDate(parsing: "Sep 203\u{0330}1") == nil)
        #expect(ReviewDate(parsing: "2031-0\u{0301}8-01") == nil)
        #expect(ReviewDate(parsing: "2031-08") == .month(CalendarMonth(year: 2031, month: 8)!))
    }

    @Test("'next-review: December 9999' is an error at its line and column")
    func inFrontMatter() {
        do {
            _ = try PolicyParser.parse("---\ntitle: T\nlast-updated: 2016-09\nnext-review: December 9999\n---\n\nBody.\n", slug: "t", file: "t.md")
            Issue.record("accepted December 9999")
        } catch let error as PolicySiteError {
            #expect(error.diagnostics.map(\.description) == [
                "t.md:4:14: error: 'next-review' is 'December 9999', whose year 9999 is outside the years this tool supports (1900–2999), expected a date in a year from 1900 to 2999, such as 'September 2027'",
            ])
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("a review whose default next date would leave the supported years is refused")
    func reviewNearTheEnd() {
        let policy = "---\ntitle: T\nlast-updated: 2999-01\nnext-review: 2999-06\n---\n\nBody.\n"
        let request = PolicyReviewEditor.Request(slug: "t", reviewed: ReviewDate(parsing: "2999-03")!)
        #expect(throws: PolicySiteError.self) {
            try PolicyReviewEditor.edit(Data(policy.utf8), file: "t.md", request: request, cycleMonths: 12)
        }
    }
}
