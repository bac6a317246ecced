import Foundation
import Testing
@testable import PolicySite

@Suite struct TransparencyBuildTests {
    let fixtures = repositoryRoot.appendingPathComponent("Tests/PolicySiteTests/Fixtures/sites")

    func options(content: String, output: URL) -> BuildOptions {
        BuildOptions(contentDirectory: content, templatesDirectory: repositoryRoot.appendingPathComponent("templates").path,
                     outputDirectory: output.path, asOf: CalendarDay(year: 2026, month: 11, day: 24)!)
    }

    @Test func theExampleSitePublishesTheReportAndLinksToItFromEveryPage() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let (_, files) = try SiteBuilder().renderSite(options(content: repositoryRoot.appendingPathComponent("content").path, output: output))
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
        let page = try #require(byPath["transparency/index.html"])
        #expect(page.contains("<strong>Example data.</strong>"))
        #expect(page.contains("role=\"img\""))
        // As of 24 November 2026 the last complete school year is 2025/26.
        #expect(page.contains("<div class=\"bar-chart\" id=\"chart-years\" role=\"img\" aria-label=\"Incidents per school year, 2016/17 to 2025/26\">"))
        #expect(page.contains("counts complete months, from September 2016 to October 2026"))
        #expect(page.contains("Figures of earlier reports are kept as they were"), "the example content carries its ledger")
        #expect(page.contains("as its <a href=\"../policies/twitter-policy/\">Twitter Policy</a> promises"), "the report links to the policy whose promises it counts")
        #expect(page.contains("fewer than 5"))
        #expect(!page.contains("<script"))
        #expect(try #require(byPath["transparency/stats.json"]).hasPrefix("{\n  \"schema\": \"policysite/stats/v2\""))
        #expect(try #require(byPath["transparency/stats.csv"]).hasPrefix("period,table,key,value\r\n"))
        for path in ["index.html", "policies/twitter-policy/index.html"] {
            #expect(try #require(byPath[path]).contains("transparency/\">Transparency report</a>"), "\(path)")
        }
    }

    @Test func aSiteWithoutALogHasNoReportAndNoLink() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let (_, files) = try SiteBuilder().renderSite(options(content: fixtures.appendingPathComponent("minimal").path, output: output))
        #expect(!files.contains { $0.path.hasPrefix("transparency/") })
        #expect(!String(decoding: try #require(files.first { $0.path == "index.html" }).contents, as: UTF8.self).contains("Transparency report"))
    }

    @Test func aHandleInTheLogRefusesTheBuildAndWritesNothing() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let site = output.appendingPathComponent("site")
        let content = fixtures.appendingPathComponent("report-with-handle").path
        #expect {
            try SiteBuilder().build(options(content: content, output: site))
        } throws: { error in
            (error as? PolicySiteError)?.errors.map(\.description) == [
                "\(content)/moderation-log.csv:4:39: error: the account cell holds what looks like personal data (an @handle); the log must be anonymised, expected empty, or a pseudonym: p- followed by 8 to 64 lowercase hex digits (as made by 'policysite anonymise')",
            ]
        }
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }
}
