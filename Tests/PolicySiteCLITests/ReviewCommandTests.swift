import ArgumentParser
import Foundation
import Testing
@testable import PolicySiteCLI

@Suite("policysite review")
struct ReviewCommandTests {
    @Test("review twitter-policy --reviewed 2026-11 then status --as-of 2026-11-24 shows it current until November 2027")
    func doneWhen() throws {
        let content = try CommandFixtures.copyOfExampleContent()
        defer { try? FileManager.default.removeItem(at: content) }
        var review = try PolicySiteCommand.parseAsRoot(["review", "twitter-policy", "--reviewed", "2026-11", "--note", "Annual review", "--content", content.path])
        try review.run()
        let status = try #require(try PolicySiteCommand.parseAsRoot(["status", "--as-of", "2026-11-24", "--format", "json", "--content", content.path]) as? StatusCommand)
        let json = try status.outcome().output
        #expect(json.contains("""
                  "slug": "twitter-policy",
                  "title": "Twitter Policy",
                  "lastUpdated": "2026-11",
                  "nextReview": "2027-11",
                  "status": "current",
                  "dueSoonFrom": "2027-09-01",
                  "overdueFrom": "2027-12-01"
            """))
    }

    @Test("a refused review ends with exit status 1 and leaves the file alone")
    func refused() throws {
        let content = try CommandFixtures.copyOfExampleContent()
        defer { try? FileManager.default.removeItem(at: content) }
        let path = content.appendingPathComponent("policies/twitter-policy.md")
        let before = try Data(contentsOf: path)
        var review = try PolicySiteCommand.parseAsRoot(["review", "twitter-policy", "--reviewed", "2015-11", "--content", content.path])
        #expect(throws: ExitCode(1)) { try review.run() }
        #expect(try Data(contentsOf: path) == before)
    }

    @Test("dates that are not YYYY-MM, and an empty note, are usage errors", arguments: [
        ["review", "twitter-policy", "--reviewed", "November 2026"],
        ["review", "twitter-policy", "--reviewed", "2026-13"],
        ["review", "twitter-policy", "--reviewed", "2026-11", "--next", "2027"],
        ["review", "twitter-policy", "--reviewed", "2026-11", "--note", " "],
        ["review", "--reviewed", "2026-11"],
    ])
    func usageErrors(arguments: [String]) {
        do {
            _ = try PolicySiteCommand.parseAsRoot(arguments)
            Issue.record("accepted \(arguments)")
        } catch {
            #expect(PolicySiteCommand.exitCode(for: error) == ExitCode(64))
        }
    }

    @Test("as a process: a refusal prints FILE:LINE:COLUMN on stderr and exits 1; a review exits 0")
    func process() throws {
        let content = try CommandFixtures.copyOfExampleContent()
        defer { try? FileManager.default.removeItem(at: content) }
        let refused = try CommandFixtures.run(["review", "twitter-policy", "--reviewed", "2016-08", "--content", content.path])
        #expect(refused.status == 1)
        #expect(refused.error.contains("policies/twitter-policy.md:5:15: error: --reviewed 2016-08 is before 'last-updated' (September 2016)"))
        let done = try CommandFixtures.run(["review", "twitter-policy", "--reviewed", "2026-11", "--content", content.path])
        #expect(done.status == 0 && done.output.contains("next review due November 2027"))
    }
}
