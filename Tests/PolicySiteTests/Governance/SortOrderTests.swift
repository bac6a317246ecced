import Testing
@testable import PolicySite

/// The feed and the status report sort by keys worked out once (a policy's rank by title);
/// the order must be the one their comparisons of lowered titles and slugs gave.
@Suite struct SortOrderTests {
    /// Policies in no particular order, titles that differ only in case or not at all, and
    /// dates that tie: month and day precision in the same month.
    static func site() -> Site {
        let d = GovernanceFixtures.document
        let date = GovernanceFixtures.date
        let policies = [
            d("b-two", "beta", "2016-09", "2017-09", [.init(reviewed: date("2016-09-15"), note: nil)]),
            d("a-one", "Beta", "2016-09-15", "2017-09-15", []),
            d("c", "alpha", "2016-09", "2017-09", [.init(reviewed: date("2015-09"), note: nil)]),
            d("d", "Alpha", "2016-09", "2017-08", []),
            d("e", "ALPHA", "2016-09-30", "2017-09", []),
            d("f", "Zeta", "2015-01", "2016-01", []),
            d("g", "zeta", "2015-01", "2016-01", []),
        ].map { Policy(document: $0, schedule: ReviewSchedule(nextReview: $0.nextReview, dueSoonMonths: 3), asOf: GovernanceFixtures.day("2017-08-15")) }
        return Site(configuration: GovernanceFixtures.configuration, asOf: GovernanceFixtures.day("2017-08-15"), policies: policies)
    }

    @Test func feedEntriesComeInTheOrderOfComparingLoweredTitles() {
        let site = Self.site()
        let entries = AtomFeed.entries(of: site)
        let expected = entries.sorted {
            ($1.date, $0.policy.document.title.lowercased(), $0.policy.slug) < ($0.date, $1.policy.document.title.lowercased(), $1.policy.slug)
        }
        #expect(entries.map { "\($0.policy.slug) \($0.date)" } == expected.map { "\($0.policy.slug) \($0.date)" })
    }

    @Test func statusReportEntriesComeInTheOrderOfComparingLoweredTitles() {
        let report = StatusReport(site: Self.site())
        let expected = report.entries.sorted { a, b in
            if a.status != b.status { return a.status > b.status }
            return (a.overdueFrom, a.title.lowercased(), a.slug) < (b.overdueFrom, b.title.lowercased(), b.slug)
        }
        #expect(report.entries.map(\.slug) == expected.map(\.slug))
    }
}
