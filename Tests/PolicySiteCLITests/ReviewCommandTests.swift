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

    @Test("dates the front matter would not accept, years outside 1900–2999, and an empty note, are usage errors", arguments: [
        ["review", "twitter-policy", "--reviewed", "Novembr 2026"],
        ["review", "twitter-policy", "--reviewed", "2026-13"],
        ["review", "twitter-policy", "--reviewed", "9999-12"],
        ["review", "twitter-policy", "--reviewed", "December 9999"],
        ["review", "twitter-policy", "--reviewed", "1899-12-31"],
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

    @Test("--reviewed takes every form the front matter accepts", arguments: [
        ("November 2026", "2026-11"), ("Nov 2026", "2026-11"), ("nov 2026", "2026-11"), ("2026-11", "2026-11"), ("2026-11-20", "2026-11-20"),
    ])
    func dateForms(typed: String, expected: String) throws {
        let review = try #require(try PolicySiteCommand.parseAsRoot(["review", "twitter-policy", "--reviewed", typed]) as? ReviewCommand)
        #expect(review.reviewed.description == expected)
    }

    @Test("the policy may be named by its slug, its file name or its path")
    func policyByFileName() throws {
        for typed in ["twitter-policy", "twitter-policy.md", "content/policies/twitter-policy.md", "./twitter-policy.md"] {
            let review = try #require(try PolicySiteCommand.parseAsRoot(["review", typed, "--reviewed", "2026-11"]) as? ReviewCommand)
            #expect(review.request.slug == "twitter-policy", "\(typed)")
        }
    }

    @Test("a review dated after today is refused with exit 1 and the file untouched, unless --allow-future")
    func futureReview() throws {
        let content = try CommandFixtures.copyOfExampleContent()
        defer { try? FileManager.default.removeItem(at: content) }
        let path = content.appendingPathComponent("policies/twitter-policy.md")
        let before = try Data(contentsOf: path)
        let next = Clock.today().calendarMonth.adding(months: 1).spelledOut
        let refused = try CommandFixtures.run(["review", "twitter-policy", "--reviewed", next, "--content", content.path])
        #expect(refused.status == 1)
        #expect(refused.error.contains("policies/twitter-policy.md:5:15: error: --reviewed \(next) is after today"), "\(refused.error)")
        #expect(try Data(contentsOf: path) == before)
        let allowed = try CommandFixtures.run(["review", "twitter-policy", "--reviewed", next, "--allow-future", "--content", content.path])
        #expect(allowed.status == 0, "\(allowed.error)")
    }

    @Test("a symlinked policy: the file it points to is edited; the link stays a link and the file keeps its mode")
    func symlinkedPolicy() throws {
        let content = try CommandFixtures.copyOfExampleContent()
        defer { try? FileManager.default.removeItem(at: content) }
        let manager = FileManager.default
        let real = content.appendingPathComponent("shared/twitter-policy.md")
        try manager.createDirectory(at: real.deletingLastPathComponent(), withIntermediateDirectories: true)
        let link = content.appendingPathComponent("policies/twitter-policy.md")
        try manager.moveItem(at: link, to: real)
        try manager.createSymbolicLink(atPath: link.path, withDestinationPath: "../shared/twitter-policy.md")
        try manager.setAttributes([.posixPermissions: 0o640], ofItemAtPath: real.path)
        var review = try PolicySiteCommand.parseAsRoot(["review", "twitter-policy", "--reviewed", "2026-11", "--content", content.path])
        try review.run()
        #expect(try manager.destinationOfSymbolicLink(atPath: link.path) == "../shared/twitter-policy.md")
        #expect(try String(contentsOf: real, encoding: .utf8).contains("last-updated: November 2026"))
        #expect((try manager.attributesOfItem(atPath: real.path)[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect(try manager.contentsOfDirectory(atPath: real.deletingLastPathComponent().path) == ["twitter-policy.md"])
    }

    @Test("a review records the approved text once; a review that changes nothing records none")
    func approvedVersions() throws {
        let content = try CommandFixtures.copyOfExampleContent()
        defer { try? FileManager.default.removeItem(at: content) }
        let versions = content.appendingPathComponent("approved/twitter-policy")
        var review = try PolicySiteCommand.parseAsRoot(["review", "twitter-policy", "--reviewed", "2026-11", "--content", content.path])
        try review.run()
        // The example content records the text approved in September 2016; the review kept it unchanged.
        #expect(try FileManager.default.contentsOfDirectory(atPath: versions.path) == ["2016-09.md"])
        let path = content.appendingPathComponent("policies/twitter-policy.md")
        try (try String(contentsOf: path, encoding: .utf8) + "\nA new paragraph.\n").write(to: path, atomically: true, encoding: .utf8)
        let done = try CommandFixtures.run(["review", "twitter-policy", "--reviewed", "2026-12", "--allow-future", "--content", content.path])
        #expect(done.status == 0, "\(done.error)")
        #expect(done.output.contains("Kept the approved text in \(versions.path)/2026-12.md"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: versions.path).sorted() == ["2016-09.md", "2026-12.md"])
    }

    @Test("--as-of outside the supported years is a usage error, not a crash", arguments: ["status", "build", "check"])
    func asOfOutsideSupportedYears(command: String) {
        do {
            _ = try PolicySiteCommand.parseAsRoot([command, "--as-of", "9999-12-31"])
            Issue.record("accepted --as-of 9999-12-31")
        } catch {
            #expect(PolicySiteCommand.exitCode(for: error) == ExitCode(64))
        }
    }
}
