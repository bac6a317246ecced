import Foundation
import Testing
@testable import PolicySite

@Suite struct ReportLedgerTests {
    let example = repositoryRoot.appendingPathComponent("content").path

    /// A copy of the example content without its ledger, with the log cut after `until`.
    func content(until: String? = nil, extra: String = "") throws -> URL {
        let root = try temporaryDirectory()
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(atPath: example, toPath: content.path)
        try? FileManager.default.removeItem(at: content.appendingPathComponent(ReportLedger.fileName))
        let log = content.appendingPathComponent("moderation-log.csv")
        var lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        if let until { lines = [lines[0]] + lines.dropFirst().filter { $0.prefix(10) <= until } }
        try (lines.joined(separator: "\n") + "\n" + extra).write(to: log, atomically: true, encoding: .utf8)
        return content
    }

    @discardableResult
    func build(_ content: URL, asOf: String, today: String? = nil, release: Bool = false) throws -> (SiteBuilder.Outcome, String) {
        let output = content.deletingLastPathComponent().appendingPathComponent("site-\(asOf)")
        var options = BuildOptions(contentDirectory: content.path, templatesDirectory: repositoryRoot.appendingPathComponent("templates").path,
                                   outputDirectory: output.path, asOf: CalendarDay(iso: asOf)!, today: CalendarDay(iso: today ?? asOf)!)
        options.writesLedger = release
        let outcome = try SiteBuilder().build(options)
        return (outcome, try String(contentsOf: output.appendingPathComponent("transparency/stats.json"), encoding: .utf8))
    }

    func ledger(_ content: URL) throws -> ReportLedger {
        let path = content.appendingPathComponent(ReportLedger.fileName).path
        return try ReportLedger(text: String(contentsOfFile: path, encoding: .utf8), file: path)
    }

    @Test func onlyABuildThatPublishesWritesTheLedger() throws {
        let content = try content()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let ledgerPath = content.appendingPathComponent(ReportLedger.fileName).path
        let (view, _) = try build(content, asOf: "2026-11-24", today: "2026-11-25")
        #expect(!FileManager.default.fileExists(atPath: ledgerPath))
        #expect(view.warnings.contains { $0.message.hasPrefix("no report ledger: this build cannot tell whether the log was changed after an earlier report was published") })
        _ = try SiteChecker().check(BuildOptions(contentDirectory: content.path, asOf: CalendarDay(iso: "2026-11-24")!))
        #expect(!FileManager.default.fileExists(atPath: ledgerPath))

        let (release, _) = try build(content, asOf: "2026-11-24", release: true)
        #expect(release.wroteLedger)
        let written = try ledger(content)
        #expect(written.closedThrough.description == "2026-10")
        #expect(written.releases.keys.map { CalendarMonth(index: $0).description } == ["2026-10"])
        // The same release again adds nothing, so the file is not rewritten.
        #expect(try build(content, asOf: "2026-11-24", release: true).0.wroteLedger == false)
    }

    @Test func theLedgerReadsBackWhatItWrote() throws {
        let content = try content()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        try build(content, asOf: "2026-11-24", release: true)
        let written = try ledger(content)
        #expect(try ReportLedger(text: written.text, file: "x") == written)
        #expect(written.months.values.reduce(0) { $0 + $1.incidents } == 170)
    }

    @Test func aCorrectionAfterPublicationIsWarnedAndThePublishedFiguresAreKept() throws {
        // Published on 2 May 2018 (April complete); then an April entry is added late.
        let content = try content(until: "2018-05-01")
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let (_, first) = try build(content, asOf: "2018-05-02", release: true)
        let log = content.appendingPathComponent("moderation-log.csv")
        let late = "2018-04-10,offensive-language,removed,,\n"
        try (try String(contentsOf: log, encoding: .utf8) + late).write(to: log, atomically: true, encoding: .utf8)
        let (outcome, later) = try build(content, asOf: "2018-05-20", release: true)
        #expect(outcome.warnings.map(\.message).contains {
            $0.hasPrefix("the log was changed after the report published this month: April 2018; the report keeps the figures as published")
        })
        func month(_ stats: String, _ name: String) -> Substring? {
            stats.split(separator: "\n").first { $0.contains("\"month\": \"\(name)\"") }
        }
        #expect(month(first, "2018-04") != nil)
        #expect(month(first, "2018-04") == month(later, "2018-04"))
        // When 2017/18 is complete its row is worked out from the months as published, so it
        // agrees with them: the late entry shows in no report, not even as a difference.
        let (_, yearEnd) = try build(content, asOf: "2018-09-03", today: "2018-09-03")
        let uncorrected = try self.content(until: "2018-05-01")
        defer { try? FileManager.default.removeItem(at: uncorrected.deletingLastPathComponent()) }
        let (_, reference) = try build(uncorrected, asOf: "2018-09-03")
        let rows = { (stats: String) in stats.split(separator: "\n").filter { $0.contains("\"year\": \"2017/18\"") || $0.contains("\"month\": \"2018-") } }
        #expect(!rows(yearEnd).isEmpty)
        #expect(rows(yearEnd) == rows(reference))
    }

    @Test func aNewThresholdIsWarnedAndThePublishedOneKept() throws {
        let content = try content()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        try build(content, asOf: "2026-11-24", release: true)
        let site = content.appendingPathComponent("site.yml")
        let yaml = try String(contentsOf: site, encoding: .utf8).replacingOccurrences(of: "small-count-threshold: 5", with: "small-count-threshold: 10")
        try yaml.write(to: site, atomically: true, encoding: .utf8)
        let (outcome, stats) = try build(content, asOf: "2026-11-24", today: "2026-11-30")
        #expect(outcome.warnings.contains { $0.message.hasPrefix("the reports were published with the small-count threshold 5, and site.yml now says 10") })
        #expect(stats.contains("\"suppressionThreshold\": 5"))
    }

    @Test func aLedgerLineItDidNotWriteIsRefusedWithItsPlace() throws {
        let text = "ledger policysite/report-ledger/v1\nthreshold 5\ncategories a b\nactions x\nclosed-through 2026-10\nmonth 2026-01 incidents 3 categories 1 1 actions 3\nsomething else\n"
        #expect {
            try ReportLedger(text: text, file: "content/report-ledger.txt")
        } throws: { error in
            (error as? PolicySiteError)?.diagnostics.map(\.description) == [
                "content/report-ledger.txt:6:1: error: this month line does not match the ledger's vocabularies, expected month YYYY-MM incidents N categories (one count per category, adding up to N) actions (one count per action)",
                "content/report-ledger.txt:7:1: error: unknown line 'something', expected one of ledger, threshold, categories, actions, closed-through, month, release (the file is written by 'policysite build')",
            ]
        }
    }
}
