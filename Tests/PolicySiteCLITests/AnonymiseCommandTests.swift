import Foundation
import Testing
@testable import PolicySiteCLI

@Suite struct AnonymiseCommandTests {
    @Test func anonymisesAWorkingLogWithANewPrivateKey() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let raw = folder.appendingPathComponent("raw.csv"), key = folder.appendingPathComponent("key"), output = folder.appendingPathComponent("log.csv")
        try "date,handle,category,actions,notes\n2017-01-05,@Dave_Smith,undermining,removed,\"mum of Y3\"\n".write(to: raw, atomically: true, encoding: .utf8)
        let result = try runPolicySite(["anonymise", raw.path, "--key-file", key.path, "--new-key", "--output", output.path,
                                        "--content", repositoryRoot.appendingPathComponent("content").path, "--as-of", "2026-11-24"])
        #expect(result.status == 0, "\(result.standardError)")
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.wholeMatch(of: /date,category,actions,account,hours-to-action\n2017-01-05,undermining,removed,p-[0-9a-f]{16},\n/) != nil)
        #expect(!text.contains("Dave") && !text.contains("Y3"))
    }

    @Test func refusesAKeyFileInsideTheContentDirectory() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = repositoryRoot.appendingPathComponent("content")
        let result = try runPolicySite(["anonymise", folder.appendingPathComponent("raw.csv").path, "--key-file", content.appendingPathComponent("secret.key").path,
                                        "--new-key", "--content", content.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("error: the key file is inside the content directory"))
        #expect(!FileManager.default.fileExists(atPath: content.appendingPathComponent("secret.key").path))
    }

    @Test func requiresAKeyFile() {
        #expect(throws: (any Error).self) { try PolicySiteCommand.parseAsRoot(["anonymise", "raw.csv"]) }
    }
}
