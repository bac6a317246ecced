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

    @Test("folding on bytes breaks where folding scalar by scalar did", arguments: [
        String(repeating: "a", count: 200), String(repeating: "é✓", count: 40), String(repeating: "a😀", count: 50),
        String(repeating: "x", count: 74) + "😀" + String(repeating: "y", count: 80), "e\u{301}" + String(repeating: "ü", count: 60),
    ])
    func foldsAsScalarByScalar(line: String) {
        var physical: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                physical.append(current)
                current = " "
                octets = 1
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        physical.append(current)
        #expect(ReviewCalendar.fold(line) == physical.joined(separator: "\r\n"))
    }

    @Test("a DATE value is the day without its dashes")
    func basicDate() {
        #expect(ReviewCalendar.basic(CalendarDay(year: 2017, month: 9, day: 1)!) == "20170901")
    }

    @Test("TEXT values escape backslash, semicolon, comma and newline")
    func escapesText() {
        #expect(ReviewCalendar.escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne")
        #expect(ReviewCalendar.escape("bell\u{7}") == "bell")
    }

    @Test("every line ends in CRLF; a policy not yet overdue has a window event and a due event, an overdue one a single event due now, each with a reminder")
    func events() {
        let ics = ReviewCalendar.ics(for: GovernanceFixtures.site())
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        let lines = unfolded.components(separatedBy: "\r\n")
        // alpha current, beta due soon: two events each; gamma overdue on 2017-08-15: one.
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 5)
        #expect(lines.filter { $0 == "BEGIN:VALARM" }.count == 5)
        #expect(lines.filter { $0 == "TRIGGER;RELATED=START:PT9H" }.count == 5)
        #expect(unfolded.contains("UID:beta-window@schools.example.org\r\nSEQUENCE:1\r\nDTSTAMP:20160901T000000Z\r\nDTSTART;VALUE=DATE:20170701\r\nDTEND;VALUE=DATE:20170702\r\nSUMMARY:Review window opens: Beta policy\r\n"))
        #expect(unfolded.contains("UID:beta-review@schools.example.org\r\nSEQUENCE:1\r\nDTSTAMP:20160901T000000Z\r\nDTSTART;VALUE=DATE:20170901\r\nDTEND;VALUE=DATE:20170902\r\nSUMMARY:Review due: Beta policy\r\n"))
        #expect(unfolded.contains("UID:gamma-review@schools.example.org\r\nSEQUENCE:0\r\nDTSTAMP:20150610T000000Z\r\nDTSTART;VALUE=DATE:20170815\r\nDTEND;VALUE=DATE:20170816\r\nSUMMARY:Review overdue: Gamma policy\r\n"))
        #expect(!unfolded.contains("UID:gamma-window@"))
        #expect(lines.contains("X-WR-CALNAME:Example & Co \"School\": policy reviews"))
        #expect(lines.contains("SUMMARY:Review due: Alpha \"quoted\" policy"))
        #expect(lines.contains { $0.hasPrefix("PRODID:") } && lines.contains("VERSION:2.0"))
    }

    @Test("a review moves the policy's events: the same UIDs, a higher SEQUENCE, new dates")
    func reviewMovesEvents() {
        func ics(updated: String, next: String, history: [PolicyDocument.Review]) -> String {
            let content = SiteContent(configuration: GovernanceFixtures.configuration, policies: [
                GovernanceFixtures.document("beta", "Beta policy", updated: updated, next: next, history: history),
            ])
            return ReviewCalendar.ics(for: Site(content: content, asOf: GovernanceFixtures.day("2017-08-15")))
        }
        let before = ics(updated: "2016-09", next: "2017-09", history: [.init(reviewed: GovernanceFixtures.date("2016-09"))])
        let after = ics(updated: "2017-08", next: "2018-08", history: [.init(reviewed: GovernanceFixtures.date("2016-09")), .init(reviewed: GovernanceFixtures.date("2017-08"))])
        let uids = { (text: String) in text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(before) == uids(after))
        #expect(before.contains("SEQUENCE:1") && after.contains("SEQUENCE:2"))
        #expect(after.contains("DTSTART;VALUE=DATE:20180801") && !after.contains("DTSTART;VALUE=DATE:20170901"))
    }

    @Test("the calendar of a policy not overdue does not depend on the day it is built; an overdue one's event is on that day")
    func deterministic() {
        let content = SiteContent(configuration: GovernanceFixtures.configuration, policies: [
            GovernanceFixtures.document("alpha", "Alpha", updated: "2016-09", next: "2030-09"),
        ])
        #expect(ReviewCalendar.ics(for: Site(content: content, asOf: GovernanceFixtures.day("2017-01-01")))
                == ReviewCalendar.ics(for: Site(content: content, asOf: GovernanceFixtures.day("2026-11-24"))))
        #expect(ReviewCalendar.ics(for: GovernanceFixtures.site(asOf: "2026-11-24")).contains("DTSTART;VALUE=DATE:20261124"))
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

    @Test("Python's icalendar reads the example site's calendar: all-day events on the review date and when the window opens, with a reminder")
    func parsesWithIcalendar() throws {
        let content = try ContentLoader().load(from: GovernanceFixtures.exampleContent)
        let ics = ReviewCalendar.ics(for: Site(content: content, asOf: GovernanceFixtures.day("2017-08-15")))
        let script = """
            import sys, datetime, icalendar
            cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
            events = {str(e['UID']): e for e in cal.walk('VEVENT')}
            e = events['twitter-policy-review@policies.example.org']
            assert e.decoded('DTSTART') == datetime.date(2017, 9, 1), e.decoded('DTSTART')
            assert e.decoded('DTEND') == datetime.date(2017, 9, 2)
            assert str(e['SUMMARY']) == 'Review due: Twitter Policy'
            w = events['twitter-policy-window@policies.example.org']
            assert w.decoded('DTSTART') == datetime.date(2017, 7, 1), w.decoded('DTSTART')
            alarms = [a for a in e.walk('VALARM')]
            assert len(alarms) == 1 and str(alarms[0]['ACTION']) == 'DISPLAY', alarms
            assert alarms[0].decoded('TRIGGER') == datetime.timedelta(hours=9), alarms[0].decoded('TRIGGER')
            print('ok')
            """
        let result = try GovernanceFixtures.python(script, [], input: Data(ics.utf8))
        #expect(result.status == 0, "\(result.output)")
    }
}
