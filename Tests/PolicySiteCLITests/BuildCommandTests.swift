import ArgumentParser
import Foundation
import Testing
@testable import PolicySiteCLI

@Suite struct BuildCommandTests {
    @Test func buildRunsInProcess() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        var command = try PolicySiteCommand.parseAsRoot([
            "build", "--content", repositoryRoot.appendingPathComponent("content").path,
            "--templates", repositoryRoot.appendingPathComponent("templates").path,
            "--output", output.path, "--as-of", "2017-08-15",
        ])
        try command.run()
        let page = try String(contentsOf: output.appendingPathComponent("policies/twitter-policy/index.html"), encoding: .utf8)
        #expect(page.contains("Review due soon:"))
    }

    @Test func aBadAsOfIsAUsageError() {
        #expect(throws: (any Error).self) { try PolicySiteCommand.parseAsRoot(["build", "--as-of", "2017-13-01"]) }
    }

    @Test func theBuildAsAProcessSucceedsAndSaysWhatItWrote() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try runPolicySite(["build", "--output", output.path, "--as-of", "2026-11-24"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("as of 2026-11-24"))
    }

    @Test func aRefusedBuildExitsOneWithEveryErrorOnStandardError() throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let broken = repositoryRoot.appendingPathComponent("Tests/PolicySiteTests/Fixtures/invalid/misspelled-month/content").path
        let result = try runPolicySite(["build", "--content", broken, "--output", output.path, "--as-of", "2026-11-24"])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("\(broken)/policies/twitter-policy.md:4:14: error: 'next-review' is 'Septembr 2017'"))
        #expect(result.standardError.hasSuffix("build refused: 1 error\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }

    @Test func usageErrorsExitSixtyFour() throws {
        #expect(try runPolicySite(["build", "--as-of", "yesterday"]).status == 64)
        #expect(try runPolicySite(["build", "--no-such-option"]).status == 64)
    }

    @Test func helpDescribesEveryOption() throws {
        let help = try runPolicySite(["build", "--help"]).standardOutput
        for option in ["--content", "--templates", "--output", "--as-of"] {
            #expect(help.contains(option))
        }
    }
}
