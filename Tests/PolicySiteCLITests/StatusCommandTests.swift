import ArgumentParser
import Foundation
import Testing
@testable import PolicySiteCLI

@Suite("policysite status")
struct StatusCommandTests {
    func status(_ arguments: [String]) throws -> StatusCommand.Outcome {
        let command = try #require(try PolicySiteCommand.parseAsRoot(["status", "--content", CommandFixtures.exampleContent] + arguments) as? StatusCommand)
        return try command.outcome()
    }

    func twitterLine(_ outcome: StatusCommand.Outcome) -> String? {
        outcome.output.split(separator: "\n").first { $0.hasPrefix("Twitter Policy ") }.map(String.init)
    }

    @Test("the example Twitter policy is current, due soon, then overdue; --fail-on overdue exits 3 only when overdue", arguments: [
        ("2017-01-10", "current", Int32(0)),
        ("2017-08-15", "due-soon", Int32(0)),
        ("2017-10-01", "overdue", Int32(3)),
    ])
    func doneWhen(asOf: String, expected: String, exitCode: Int32) throws {
        let outcome = try status(["--as-of", asOf, "--fail-on", "overdue"])
        let line = try #require(twitterLine(outcome))
        #expect(line.contains("  \(expected)  "), "\(line)")
        #expect(outcome.exitCode == exitCode)
    }

    @Test("--fail-on due-soon also exits 3 for a policy that is only due soon")
    func failOnDueSoon() throws {
        #expect(try status(["--as-of", "2017-08-15", "--fail-on", "due-soon"]).exitCode == 3)
        #expect(try status(["--as-of", "2017-01-10", "--fail-on", "due-soon"]).exitCode == 0)
        #expect(try status(["--as-of", "2017-08-15"]).exitCode == 0)
    }

    @Test("run() ends with exit status 3 when --fail-on finds a policy")
    func runThrowsExitCode() throws {
        var command = try PolicySiteCommand.parseAsRoot(["status", "--content", CommandFixtures.exampleContent, "--as-of", "2017-10-01", "--fail-on", "overdue", "--format", "json"])
        #expect(throws: ExitCode(3)) { try command.run() }
    }

    @Test("--format json prints the policysite/status/v1 document")
    func json() throws {
        let outcome = try status(["--as-of", "2017-10-01", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "policysite/status/v1")
        #expect(object["asOf"] as? String == "2017-10-01")
        let first = try #require((object["policies"] as? [[String: Any]])?.first)
        #expect(first["slug"] as? String == "twitter-policy" && first["status"] as? String == "overdue")
    }

    @Test("bad arguments are usage errors, exit status 64", arguments: [
        ["status", "--format", "xml"], ["status", "--fail-on", "late"], ["status", "--as-of", "2017-13-01"],
    ])
    func usageErrors(arguments: [String]) {
        do {
            _ = try PolicySiteCommand.parseAsRoot(arguments)
            Issue.record("accepted \(arguments)")
        } catch {
            #expect(PolicySiteCommand.exitCode(for: error) == ExitCode(64))
        }
    }

    @Test("as a process: the table on stdout, exit status 3 with --fail-on overdue when overdue, 0 before")
    func process() throws {
        let overdue = try CommandFixtures.run(["status", "--content", CommandFixtures.exampleContent, "--as-of", "2017-10-01", "--fail-on", "overdue"])
        #expect(overdue.status == 3)
        #expect(overdue.output.contains("Twitter Policy") && overdue.output.contains("overdue"))
        #expect(!overdue.error.contains("error:"))
        let soon = try CommandFixtures.run(["status", "--content", CommandFixtures.exampleContent, "--as-of", "2017-08-15", "--fail-on", "overdue"])
        #expect(soon.status == 0)
        let usage = try CommandFixtures.run(["status", "--format", "yaml"])
        #expect(usage.status == 64 && usage.output.isEmpty)
        let refused = try CommandFixtures.run(["status", "--content", "/nonexistent-policysite-content"])
        #expect(refused.status == 1 && refused.error.contains("error: there is no site.yml"))
    }
}
