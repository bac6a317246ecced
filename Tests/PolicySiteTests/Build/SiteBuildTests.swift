import Foundation
import Testing
@testable import PolicySite

@Suite struct SiteBuildTests {
    let content = repositoryRoot.appendingPathComponent("content").path
    let templates = repositoryRoot.appendingPathComponent("templates").path
    let fixtures = repositoryRoot.appendingPathComponent("Tests/PolicySiteTests/Fixtures")

    @discardableResult
    func build(content: String? = nil, asOf: String, today: String? = nil, into output: URL) throws -> SiteBuilder.Outcome {
        let options = BuildOptions(contentDirectory: content ?? self.content, templatesDirectory: templates,
                                   outputDirectory: output.path, asOf: CalendarDay(iso: asOf)!, today: today.flatMap { CalendarDay(iso: $0) })
        return try SiteBuilder().build(options)
    }

    @Test func aViewOfThePastLeavesLaterLogEntriesOutOfTheReport() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let outcome = try build(asOf: "2017-08-15", today: "2026-11-25", into: output)
        #expect(outcome.warnings.map(\.message).contains { $0.hasSuffix("dated after 2017-07-31 are left out of the report, which counts the complete months before the as-of day 2017-08-15") })
        let stats = try page("transparency/stats.json", in: output)
        #expect(stats.contains("\"asOf\": \"2017-08-15\""))
        #expect(!stats.contains("\"2017/18\""))
        #expect(stats.contains("\"closedThrough\": \"2017-07\""))
    }

    @Test func aLogEntryAfterTheRealTodayIsRefusedEvenInAViewOfThePast() throws {
        let root = try temporaryDirectory(), output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: output) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(atPath: self.content, toPath: content.path)
        let log = content.appendingPathComponent("moderation-log.csv")
        let lines = try String(contentsOf: log, encoding: .utf8)
        try (lines + "2026-12-01,copyright,removed,,\n").write(to: log, atomically: true, encoding: .utf8)
        #expect {
            try build(content: content.path, asOf: "2017-08-15", today: "2026-11-25", into: output)
        } throws: { error in
            (error as? PolicySiteError)?.errorDescription?.contains("error: the date 2026-12-01 is after today, 2026-11-25, expected a date on or before 2026-11-25") == true
        }
    }

    func page(_ path: String, in output: URL) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// The words a reader sees: tags dropped, entities decoded, spaces collapsed.
    func visibleText(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    @Test func theExampleSiteHasEveryPage() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        try build(asOf: "2026-11-24", into: output)
        for path in ["index.html", "404.html", "sitemap.xml", "assets/site.css", "policies/twitter-policy/index.html",
                     "policies/online-safety/index.html", "policies/photographs-and-images/index.html", "policies/complaints-procedure/index.html"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)")
        }
        let index = try page("index.html", in: output)
        #expect(index.contains("href=\"policies/twitter-policy/\""))
        #expect(visibleText(index).contains("Review overdue: This policy was due for review in September 2017, 9 years and 2 months ago."))
        #expect(visibleText(index).contains("Review due soon: This policy is due for review in January 2027, in 2 months."))
        #expect(visibleText(index).contains("Up to date: This policy is next due for review in September 2027."))
        let sitemap = try page("sitemap.xml", in: output)
        #expect(sitemap.contains("<loc>https://policies.example.org/policies/twitter-policy/</loc><lastmod>2016-09-01</lastmod>"))
    }

    @Test func theTwitterPolicyPageKeepsEverySentenceOfTheSeed() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        try build(asOf: "2026-11-24", into: output)
        let text = visibleText(try page("policies/twitter-policy/index.html", in: output))
        let seed = try String(contentsOf: fixtures.appendingPathComponent("sites/seed-layout/policies/twitter-policy.md"), encoding: .utf8)
        let lines = seed.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines.count > 50)
        for line in lines {
            let words = line.hasPrefix("- ") ? String(line.dropFirst(2)) : line
            let expected = words.replacingOccurrences(of: "Last Updated: ", with: "").replacingOccurrences(of: "Next Review Due: ", with: "")
            #expect(text.contains(expected), "missing: \(expected)")
        }
        #expect(text.contains("Review overdue: This policy was due for review in September 2017, 9 years and 2 months ago."))
    }

    @Test("The banner follows --as-of", arguments: [
        ("2026-11-24", "Review overdue:", "banner--overdue"),
        ("2017-08-15", "Review due soon:", "banner--due-soon"),
        ("2017-01-10", "Up to date:", "banner--current"),
    ])
    func bannerFollowsAsOf(asOf: String, label: String, className: String) throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        // The real day is today: the example log's later entries are left out of a view of the past.
        try build(asOf: asOf, today: "2026-11-25", into: output)
        let html = try page("policies/twitter-policy/index.html", in: output)
        #expect(html.contains(className))
        #expect(visibleText(html).contains(label))
        #expect(visibleText(html).contains("September 2017"))
    }

    @Test func theSeedsOwnLayoutBuilds() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        try build(content: fixtures.appendingPathComponent("sites/seed-layout").path, asOf: "2026-11-24", into: output)
        let html = try page("policies/twitter-policy/index.html", in: output)
        #expect(html.contains("<h1>Twitter Policy</h1>"))
        #expect(visibleText(html).contains("This policy was due for review in September 2017"))
        #expect(!html.contains("Last Updated:"))
        #expect(!html.contains("Next Review Due:"))
    }

    @Test func aRefusedBuildLeavesThePreviousSiteExactlyAsItWas() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        try build(asOf: "2026-11-24", into: output)
        let before = try snapshot(of: output)
        let broken = fixtures.appendingPathComponent("invalid/misspelled-month")
        #expect {
            try build(content: broken.appendingPathComponent("content").path, asOf: "2026-11-24", into: output)
        } throws: { error in
            let expected = try! String(contentsOf: broken.appendingPathComponent("expected.txt"), encoding: .utf8)
            let message = (error as? PolicySiteError)?.errorDescription ?? ""
            return message == broken.path + "/" + expected.trimmingCharacters(in: .newlines)
        }
        #expect(try snapshot(of: output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(output.lastPathComponent).policysite-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aSuccessfulRebuildReplacesTheWholeSite() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        try "stale".write(to: output.appendingPathComponent("stale.html"), atomically: true, encoding: .utf8)
        try build(asOf: "2026-11-24", into: output)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stale.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test func aSiteTemplateOverridesTheDefaultFileByFile() throws {
        let output = try temporaryDirectory(), overrides = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output); try? FileManager.default.removeItem(at: overrides) }
        try FileManager.default.createDirectory(at: overrides.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try "body { color: black; }".write(to: overrides.appendingPathComponent("assets/site.css"), atomically: true, encoding: .utf8)
        try "{{<layout}}{{$main}}<h1>Our own 404</h1>{{/main}}{{/layout}}".write(to: overrides.appendingPathComponent("404.mustache"), atomically: true, encoding: .utf8)
        let options = BuildOptions(contentDirectory: content, templatesDirectory: overrides.path, outputDirectory: output.path, asOf: CalendarDay(iso: "2026-11-24")!)
        try SiteBuilder().build(options)
        #expect(try page("assets/site.css", in: output) == "body { color: black; }")
        #expect(try page("404.html", in: output).contains("<h1>Our own 404</h1>"))
        #expect(try page("index.html", in: output).contains("policy-list"))
    }

    @Test func aTemplateErrorNamesItsLineAndAMissingPartialFails() throws {
        let overrides = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: overrides) }
        try "{{<layout}}{{$main}}\n{{#page}}\n{{/main}}{{/layout}}".write(to: overrides.appendingPathComponent("404.mustache"), atomically: true, encoding: .utf8)
        try "{{<layout}}{{$main}}{{>partials/nope}}{{/main}}{{/layout}}".write(to: overrides.appendingPathComponent("index.mustache"), atomically: true, encoding: .utf8)
        let options = BuildOptions(contentDirectory: content, templatesDirectory: overrides.path, outputDirectory: "/nonexistent/never-written", asOf: CalendarDay(iso: "2026-11-24")!)
        do {
            _ = try SiteBuilder().renderSite(options)
            Issue.record("expected a refusal")
        } catch let error as PolicySiteError {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.count == 2)
            #expect(lines.contains { $0.hasPrefix(overrides.path + "/404.mustache:3:") && $0.contains("template syntax error") })
            #expect(lines.contains { $0.hasPrefix(overrides.path + "/index.mustache:1:21: error: the template 'partials/nope' does not exist") })
        }
    }
}
