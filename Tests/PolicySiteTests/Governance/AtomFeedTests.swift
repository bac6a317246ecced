import Foundation
import Testing
@testable import PolicySite
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Atom feed (feed.xml)")
struct AtomFeedTests {
    @Test("one entry per update, newest first; a review in the month of the last update is one entry")
    func entries() {
        let entries = AtomFeed.entries(of: GovernanceFixtures.site())
        #expect(entries.map { "\($0.policy.slug) \($0.date)" } == ["alpha 2016-09", "beta 2016-09", "gamma 2015-06-10"])
        #expect(entries[1].isReview && entries[1].note != nil)
    }

    @Test("titles, notes and the organisation are escaped, and the feed is well-formed XML")
    func escaping() throws {
        let xml = AtomFeed.xml(for: GovernanceFixtures.site())
        #expect(xml.contains("<name>Example &amp; Co &quot;School&quot;</name>"))
        #expect(xml.contains("<title>Alpha &quot;quoted&quot; policy updated September 2016</title>"))
        #expect(xml.contains("with &lt;care&gt; &amp; thought."))
        #expect(!xml.contains("<care>"))
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
    }

    @Test("ids are tag: URIs built from the data, and updated is the update's day at noon UTC, not the clock")
    func stableIdentifiers() {
        let xml = AtomFeed.xml(for: GovernanceFixtures.site())
        #expect(xml.contains("<id>tag:schools.example.org,2016-09-01:policies/beta/2016-09</id>"))
        #expect(xml.contains("<id>tag:schools.example.org,2015-06-10:policies/gamma/2015-06-10</id>"))
        // A month-precision update is dated the month's last day; a day-precision one that day.
        #expect(xml.contains("  <updated>2016-09-30T12:00:00Z</updated>\n  <author>"))
        #expect(xml.contains("<updated>2015-06-10T12:00:00Z</updated>"))
        #expect(xml == AtomFeed.xml(for: GovernanceFixtures.site(asOf: "2026-11-24")))
    }

    @Test("a review is dated the day 'review' recorded it; a review in the build's own month no later than the as-of day")
    func datedByTheReview() {
        let document = GovernanceFixtures.document("beta", "Beta policy", updated: "2026-11", next: "2027-11",
                                                   history: [.init(reviewed: GovernanceFixtures.date("2025-11")), .init(reviewed: GovernanceFixtures.date("2026-11"))])
        let versions = [
            ApprovedVersion(slug: "beta", title: "Beta policy", approved: GovernanceFixtures.date("2025-11"), recorded: GovernanceFixtures.day("2025-11-18"), markdown: "Body.", sourcePath: "a"),
        ]
        let policy = Policy(document: document, schedule: ReviewSchedule(nextReview: document.nextReview, dueSoonMonths: 3),
                            asOf: GovernanceFixtures.day("2026-11-24"), versions: versions)
        let site = Site(configuration: GovernanceFixtures.configuration, asOf: GovernanceFixtures.day("2026-11-24"), policies: [policy])
        let xml = AtomFeed.xml(for: site)
        #expect(xml.contains("<id>tag:schools.example.org,2025-11-01:policies/beta/2025-11</id>\n    <title>Beta policy reviewed November 2025</title>\n    <updated>2025-11-18T12:00:00Z</updated>"))
        #expect(xml.contains("<id>tag:schools.example.org,2026-11-01:policies/beta/2026-11</id>\n    <title>Beta policy reviewed November 2026</title>\n    <updated>2026-11-24T12:00:00Z</updated>"))
        #expect(xml.contains("Beta policy was reviewed in November 2026. The text did not change. Next review due November 2027."))
    }

    @Test("Python's feedparser reads the example site's feed without complaint")
    func parsesWithFeedparser() throws {
        let content = try ContentLoader().load(from: GovernanceFixtures.exampleContent)
        let xml = AtomFeed.xml(for: Site(content: content, asOf: GovernanceFixtures.day("2017-08-15")))
        let script = """
            import sys, feedparser
            d = feedparser.parse(sys.stdin.buffer.read())
            assert not d.bozo, d.bozo_exception
            assert d.version == 'atom10', d.version
            ids = [e.id for e in d.entries]
            assert len(ids) == len(set(ids)) == 5, ids
            assert all(e.link.startswith('https://policies.example.org/policies/') for e in d.entries)
            print('ok')
            """
        let result = try GovernanceFixtures.python(script, [], input: Data(xml.utf8))
        #expect(result.status == 0, "\(result.output)")
    }
}
