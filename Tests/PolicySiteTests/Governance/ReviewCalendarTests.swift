import Foundation
import Testing
@testable import PolicySite

@Suite("Review calendar (reviews.ics)")
struct ReviewCalendarTests {
    @Test("a line of 75 octets stays whole; one more octet starts a continuation line with a space")
    func foldsAt75Octets() {
        let exact = String(repeating: "a", count: 75)
        #expect(ReviewCalendar.fold(exact) == exact)
        let longer = String(repeating: "a", count: 76 + 74)
        #expect(ReviewCalendar.fold(longer) == String(repeating: "a", count: 75) + "\r\n " + String(repeating: "a", count: 74) + "\r\n a")
    }

    @Test("folding never splits a UTF-8 sequence, and unfolding gives the line back")
    func foldsWholeCharacters() {
        let line = "SUMMARY:" + String(repeating: "é✓", count: 40)
        let folded = ReviewCalendar.fold(line)
        for physical in folded.components(separatedBy: "\r\n") {
            #expect(physical.utf8.count <= 75)
        }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }

    @Test("TEXT values escape backslash, semicolon, comma and newline")
    func escapesText() {
        #expect(ReviewCalendar.escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne")
        #expect(ReviewCalendar.escape("bell\u{7}") == "bell")
    }

    @Test("every line ends in CRLF, and each policy has one all-day event with a UID from its slug and review date")
    func events() {
        let ics = ReviewCalendar.ics(for: GovernanceFixtures.site())
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        let lines = unfolded.components(separatedBy: "\r\n")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 3)
        #expect(lines.contains("UID:beta-2017-09@schools.example.org"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20170901"))
        #expect(lines.contains("DTEND;VALUE=DATE:20170902"))
        #expect(lines.contains("UID:gamma-2017-06-15@schools.example.org"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20170615"))
        #expect(lines.contains("DTSTAMP:20150610T000000Z"))
        #expect(lines.contains("X-WR-CALNAME:Example & Co \"School\": policy reviews"))
        #expect(lines.contains("SUMMARY:Review due: Alpha \"quoted\" policy"))
        #expect(lines.contains { $0.hasPrefix("PRODID:") } && lines.contains("VERSION:2.0"))
    }

    @Test("the calendar does not depend on the day it is built")
    func deterministic() {
        #expect(ReviewCalendar.ics(for: GovernanceFixtures.site(asOf: "2017-01-01")) == ReviewCalendar.ics(for: GovernanceFixtures.site(asOf: "2026-11-24")))
    }

    @Test("an event on the last day of a year ends on the first day of the next")
    func endOfYear() {
        let content = SiteContent(configuration: GovernanceFixtures.configuration, policies: [
            GovernanceFixtures.document("late", "Late, very late; policy", updated: "2016-12", next: "2017-12-31"),
        ])
        let ics = ReviewCalendar.ics(for: Site(content: content, asOf: GovernanceFixtures.day("2017-01-01")))
        #expect(ics.contains("DTSTART;VALUE=DATE:20171231\r\nDTEND;VALUE=DATE:20180101\r\n"))
        #expect(ics.contains("SUMMARY:Review due: Late\\, very late\\; policy\r\n"))
    }

    @Test("Python's icalendar reads the example site's calendar: one event per policy, all-day, on the review date")
    func parsesWithIcalendar() throws {
        let content = try ContentLoader().load(from: GovernanceFixtures.exampleContent)
        let ics = ReviewCalendar.ics(for: Site(content: content, asOf: GovernanceFixtures.day("2017-08-15")))
        let script = """
            import sys, datetime, icalendar
            cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
            events = {str(e['UID']): e for e in cal.walk('VEVENT')}
            assert len(events) == 4, events.keys()
            e = events['twitter-policy-2017-09@policies.example.org']
            assert e.decoded('DTSTART') == datetime.date(2017, 9, 1), e.decoded('DTSTART')
            assert e.decoded('DTEND') == datetime.date(2017, 9, 2)
            assert str(e['SUMMARY']) == 'Review due: Twitter Policy'
            print('ok')
            """
        let result = try GovernanceFixtures.python(script, [], input: Data(ics.utf8))
        #expect(result.status == 0, "\(result.output)")
    }
}
