import Foundation
import Testing
@testable import PolicySite

@Suite struct ReportLedgerTests {
    let header = "date,category,actions,account,hours-to-action\n"
    let log = """
        2016-09-05,offensive-language,removed;blocked,p-00000000000000a1,2
        2016-09-20,offensive-language,removed,p-00000000000000a2,30
        2016-10-12,undermining,removed,,
        2017-01-10,copyright,removed,,1
        2017-09-15,undermining,removed,,

        """

    /// A content folder holding a copy of the minimal site with `log`, and an output beside it.
    func scratchSite(log: String) throws -> (content: String, output: String, root: URL) {
        let root = try temporaryDirectory()
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Tests/PolicySiteTests/Fixtures/sites/minimal"), to: content)
        try """
            organisation: Example Primary School
            base-url: https://policies.example.org/
            contact: the school office
            categories:
              - {key: offensive-language, label: Offensive language}
              - {key: undermining, label: Undermining}
              - {key: copyright, label: Copyright}
            actions:
              - {key: removed, label: Content deleted}
              - {key: blocked, label: Account blocked}
            report:
              log: moderation-log.csv

            """.write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try (header + log).write(to: content.appendingPathComponent("moderation-log.csv"), atomically: true, encoding: .utf8)
        return (content.path, root.appendingPathComponent("site").path, root)
    }

    func build(_ site: (content: String, output: String, root: URL), asOf: String, today: String? = nil, writes: Bool) throws -> (SiteBuilder.Outcome, String) {
        var options = BuildOptions(contentDirectory: site.content, templatesDirectory: site.root.appendingPathComponent("templates").path,
                                   outputDirectory: site.output, asOf: CalendarDay(iso: asOf)!, today: today.flatMap { CalendarDay(iso: $0) })
        options.writesLedger = writes
        let outcome = try SiteBuilder().build(options)
        return (outcome, try String(contentsOfFile: site.output + "/transparency/stats.json", encoding: .utf8))
    }

    var ledgerPath: (String) -> String { { $0 + "/" + ReportLedger.fileName } }

    @Test func readsBackWhatItWrites() throws {
        var ledger = ReportLedger(threshold: 5, categories: ["a", "b"], actions: ["x"], closedThrough: CalendarMonth(year: 2017, month: 3)!)
        ledger.months[CalendarMonth(year: 2016, month: 9)!.index] = .init(incidents: 3, categories: [1, 2], actions: [3])
        ledger.years[SchoolYear(startYear: 2016)] = .init(distinctAccounts: 2, repeatAccounts: 1, recordedTimes: 3, within24Hours: 2, medianHours: 2.5)
        #expect(try ReportLedger.parse(ledger.text, file: "l.txt") == ledger)
        #expect(ledger.text.contains("\nmonth 2016-09 incidents 3 categories 1 2 actions 3\n"))
    }

    @Test func refusesALedgerItCannotReadWithTheLine() {
        let text = "ledger policysite/report-ledger/v1\nthreshold 5\ncategories a\nactions x\nclosed-through 2017-03\nmonth 2016-09 incidents 2 categories 1 actions 3\n"
        #expect {
            try ReportLedger.parse(text, file: "l.txt")
        } throws: { error in
            (error as? PolicySiteError)?.errors.map(\.description) == [
                "l.txt:6:1: error: this ledger line cannot be read, expected month YYYY-MM incidents N categories N… actions N…, after the categories and actions lines",
            ]
        }
    }

    @Test func onlyABuildForTodayWritesTheLedgerAndAViewOfThePastReadsIt() throws {
        let site = try scratchSite(log: log)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let (first, _) = try build(site, asOf: "2017-02-10", today: "2018-01-01", writes: false)
        #expect(!FileManager.default.fileExists(atPath: ledgerPath(site.content)))
        #expect(first.warnings.contains { $0.message.hasPrefix("there is no report ledger, so this build cannot tell") })
        let (_, today) = try build(site, asOf: "2018-01-01", writes: true)
        let ledger = try ReportLedger.parse(String(contentsOfFile: ledgerPath(site.content), encoding: .utf8), file: "ledger")
        #expect(ledger.closedThrough.description == "2017-12")
        #expect(ledger.years.keys.map(\.description) == ["2016/17"])
        // The build that starts the ledger knows of no earlier report; the next one does.
        #expect(today.contains("\"history\": \"none\""))
        let (past, pastStats) = try build(site, asOf: "2017-02-10", today: "2018-01-01", writes: false)
        #expect(!past.warnings.contains { $0.message.contains("report ledger") })
        #expect(pastStats.contains("\"history\": \"ledger\""))
    }

    @Test func aLateEntryInAPublishedMonthChangesNoFigureAndIsNamed() throws {
        let site = try scratchSite(log: log)
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try build(site, asOf: "2018-01-01", writes: true)
        let (_, before) = try build(site, asOf: "2018-01-01", writes: true)
        // A late entry for September 2016, recorded after the report of January 2018.
        try (header + log + "2016-09-28,copyright,removed,,\n").write(toFile: site.content + "/moderation-log.csv", atomically: true, encoding: .utf8)
        let (outcome, after) = try build(site, asOf: "2018-01-01", writes: true)
        #expect(after == before)
        let warning = try #require(outcome.warnings.first { $0.message.hasPrefix("the log was changed after the report published") })
        #expect(warning.message.contains("September 2016"))
        #expect(!warning.message.contains("copyright"), "the warning names months, never what the entry was")
    }

    @Test func keepsThePublishedThresholdAndSaysSo() throws {
        let site = try scratchSite(log: log)
        defer { try? FileManager.default.removeItem(at: site.root) }
        _ = try build(site, asOf: "2018-01-01", writes: true)
        let siteYML = site.content + "/site.yml"
        try (try String(contentsOfFile: siteYML, encoding: .utf8) + "  small-count-threshold: 3\n").write(toFile: siteYML, atomically: true, encoding: .utf8)
        let (outcome, stats) = try build(site, asOf: "2018-01-01", writes: true)
        #expect(stats.contains("\"suppressionThreshold\": 5"))
        #expect(outcome.warnings.contains { $0.message.hasPrefix("the reports were published with a small-count threshold of 5") })
    }
}
