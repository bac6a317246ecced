import Foundation

/// `reviews.ics`: an RFC 5545 calendar governors subscribe to. Each policy has an all-day event
/// on its next review date (the first day of a review month), or on the as-of day when it is
/// overdue ("due now"), and, while it is not overdue, one on the day its due-soon window
/// opens. Each event has a reminder (VALARM) at 9:00 on its day.
///
/// Every byte is derived from the input and the as-of day, never the clock. `UID`s are one
/// per policy and kind (`SLUG-review@HOST`, `SLUG-window@HOST`), so after a review a calendar
/// moves the event instead of adding a second one; `SEQUENCE` counts the policy's reviews;
/// `DTSTAMP` is the policy's last update at midnight UTC.
public enum ReviewCalendar {
    public static func ics(for site: Site) -> String {
        let configuration = site.configuration
        let host = Self.host(of: configuration.baseURL)
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//policysite//Policy reviews//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape("\(configuration.organisation): policy reviews"),
            "X-WR-CALDESC:" + escape("When each policy of \(configuration.organisation) is next due for review."),
        ]
        for policy in site.policies.sorted(by: { ($0.document.nextReview, $0.slug) < ($1.document.nextReview, $1.slug) }) {
            let document = policy.document
            let url = "\(configuration.baseURL)policies/\(document.slug)/"
            let owner = document.owner.map { " Owner: \($0)." } ?? ""
            func event(kind: String, on day: CalendarDay, summary: String, description: String) -> [String] {
                [
                    "BEGIN:VEVENT",
                    "UID:\(document.slug)-\(kind)@\(host)",
                    "SEQUENCE:\(document.history.count)",
                    "DTSTAMP:\(basic(document.lastUpdated.firstDay))T000000Z",
                    "DTSTART;VALUE=DATE:\(basic(day))",
                    "DTEND;VALUE=DATE:\(basic(day.next))",
                    "SUMMARY:" + escape(summary),
                    "DESCRIPTION:" + escape("\(description)\(owner) Last updated \(document.lastUpdated.spelledOut).\n\(url)"),
                    "URL:\(url)",
                    "TRANSP:TRANSPARENT",
                    "BEGIN:VALARM",
                    "ACTION:DISPLAY",
                    "DESCRIPTION:" + escape(summary),
                    "TRIGGER;RELATED=START:PT9H",
                    "END:VALARM",
                    "END:VEVENT",
                ]
            }
            if policy.status == .overdue {
                lines += event(kind: "review", on: site.asOf, summary: "Review overdue: \(document.title)",
                               description: "\(document.title) was due for review \(document.nextReview.withPreposition) and is overdue: it is due now.")
            } else {
                lines += event(kind: "window", on: policy.schedule.dueSoonFrom, summary: "Review window opens: \(document.title)",
                               description: "\(document.title) is due for review \(document.nextReview.withPreposition); from today it is due soon.")
                lines += event(kind: "review", on: document.nextReview.firstDay, summary: "Review due: \(document.title)",
                               description: "\(document.title) is due for review \(document.nextReview.withPreposition), and overdue from \(policy.schedule.overdueFrom.day) \(policy.schedule.overdueFrom.calendarMonth.spelledOut).")
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20170901`: the DATE value form.
    static func basic(_ day: CalendarDay) -> String {
        // The dashes dropped on bytes: Foundation's replacingOccurrences was 1% of a
        // 1,000-policy build (callgrind).
        String(decoding: day.description.utf8.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self)
    }

    /// The host of the base URL, for UIDs; `policysite` when the URL has none.
    static func host(of baseURL: String) -> String {
        URL(string: baseURL)?.host ?? "policysite"
    }

    /// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline; a
    /// carriage return and the control characters TEXT does not allow (all but tab) are dropped.
    static let textRules = TextEscaping(replacing: ["\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""],
                                        numbering: [0x0...0x8, 0xA...0x1F, 0x7F...0x7F], as: nil)

    static func escape(_ text: String) -> String { textRules.escape(text) }

    /// Folds a content line (RFC 5545 §3.1) so that no physical line exceeds 75 octets,
    /// never splitting a UTF-8 sequence; continuation lines begin with one space.
    public static func fold(_ line: String) -> String {
        // Most lines need no fold; the scalar walk below cost 3% of a 1,000-policy build (callgrind).
        if line.utf8.count <= 75 { return line }
        // On bytes: a scalar is its lead byte and the continuation bytes (10xxxxxx) after it,
        // so a break is only ever put before a lead byte. (Appending scalar by scalar to
        // Strings, as before, was 1.9% of that build's instructions.)
        let bytes = Array(line.utf8)
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count + bytes.count / 37 + 3)
        var octets = 0
        var start = 0
        while start < bytes.count {
            var end = start + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            // The first line holds 75 octets; each continuation 74 after its leading space.
            if octets + (end - start) > 75 {
                folded += [0x0D, 0x0A, 0x20]
                octets = 1
            }
            folded += bytes[start..<end]
            octets += end - start
            start = end
        }
        return String(decoding: folded, as: UTF8.self)
    }
}
