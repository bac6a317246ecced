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

    @Test("ids are tag: URIs built from the data, and updated is the update's day, not the clock")
    func stableIdentifiers() {
        let xml = AtomFeed.xml(for: GovernanceFixtures.site())
        #expect(xml.contains("<id>tag:schools.example.org,2016-09-01:policies/beta/2016-09</id>"))
        #expect(xml.contains("<id>tag:schools.example.org,2015-06-10:policies/gamma/2015-06-10</id>"))
        #expect(xml.contains("  <updated>2016-09-01T00:00:00Z</updated>\n  <author>"))
        #expect(xml == AtomFeed.xml(for: GovernanceFixtures.site(asOf: "2026-11-24")))
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
