import FuzzSupport
import Foundation
import PolicySite

/// libFuzzer target: any bytes as a date, wherever a date goes — parsed on its own, as a
/// policy's `last-updated` and `next-review` (through the status report, the calendar and the
/// feed), and as `review --reviewed`. A refusal is fine; a crash (as `December 9999` once
/// was, in the sums after parsing) is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReviewDate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let text = String(validating: bytes, as: UTF8.self), !text.contains("\n"), !text.contains("\r") else { return 0 }
    // The window and cycle come from the input too, within what site.yml accepts (1–24, 1–120).
    let window = 1 + Int(bytes.first ?? 0) % 24, cycle = 1 + Int(bytes.last ?? 0) % 120
    if let date = ReviewDate(parsing: text) {
        let schedule = ReviewSchedule(nextReview: date, dueSoonMonths: window)
        for asOf in ["1900-01-01", "2026-11-24", "2999-12-31"].compactMap({ CalendarDay(iso: $0) }) {
            _ = schedule.sentence(on: asOf)
        }
        _ = date.adding(months: cycle)
        _ = date.spelledOut
    } else {
        _ = ReviewDate.problem(with: text)
    }
    let quoted = "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    let policy = """
        ---
        title: Fuzz
        owner: Headteacher
        last-updated: \(quoted)
        next-review: \(quoted)
        ---

        Body.

        """
    if let (document, _) = try? PolicyParser.parse(policy, slug: "fuzz", file: "fuzz.md") {
        let siteYML = """
            organisation: Fuzz School
            base-url: https://policies.example.org/
            contact: the school office
            review:
              due-soon-months: \(window)
              cycle-months: \(cycle)
            """
        guard let (configuration, _) = try? SiteConfigurationParser.parse(siteYML, file: "site.yml") else { fatalError("the fuzz target's own site.yml was refused") }
        let content = SiteContent(configuration: configuration, policies: [document])
        let site = Site(content: content, asOf: CalendarDay(year: 2026, month: 11, day: 24)!)
        _ = StatusReport(site: site).json()
        _ = ReviewCalendar.ics(for: site)
        _ = AtomFeed.xml(for: site)
    }
    let reviewable = """
        ---
        title: Fuzz
        last-updated: 2016-09
        next-review: 2017-09
        ---

        Body.

        """
    if let reviewed = ReviewDate(parsing: text) {
        let request = PolicyReviewEditor.Request(slug: "fuzz", reviewed: reviewed, note: text, today: CalendarDay(year: 2026, month: 11, day: 24)!)
        _ = try? PolicyReviewEditor.edit(Data(reviewable.utf8), file: "fuzz.md", request: request, cycleMonths: cycle)
    }
    return 0
}

@main enum FuzzReviewDateMain {
    static func main() { FuzzEntry.run(fuzzReviewDate) }
}
