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

    /// A scratch folder with a working log, a key and a content folder (the example's site.yml).
    func scratch() throws -> (folder: URL, raw: URL, key: URL, content: URL) {
        let folder = try temporaryDirectory()
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content/site.yml"), to: content.appendingPathComponent("site.yml"))
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content/policies"), to: content.appendingPathComponent("policies"))
        let raw = folder.appendingPathComponent("raw.csv")
        try "date,handle,category,actions,notes\n2017-01-05,@Dave_Smith,undermining,removed,\"mum of Y3\"\n".write(to: raw, atomically: true, encoding: .utf8)
        return (folder, raw, folder.appendingPathComponent("key"), content)
    }

    @Test func refusesAnOutputThatIsASymlinkToTheWorkingLog() throws {
        let (folder, raw, key, content) = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: raw)
        let link = folder.appendingPathComponent("log.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: raw)
        let result = try runPolicySite(["anonymise", raw.path, "--key-file", key.path, "--new-key", "--output", link.path, "--content", content.path, "--as-of", "2026-11-24"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(link.path):1:1: error: the output is a symbolic link"), "\(result.standardError)")
        #expect(try Data(contentsOf: raw) == before)
    }

    @Test func refusesAnOutputThatReachesTheWorkingLogThroughASymlinkedFolder() throws {
        let (folder, raw, key, content) = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: raw)
        let linkedFolder = folder.appendingPathComponent("same")
        try FileManager.default.createSymbolicLink(at: linkedFolder, withDestinationURL: folder)
        let output = linkedFolder.appendingPathComponent("raw.csv")
        let result = try runPolicySite(["anonymise", raw.path, "--key-file", key.path, "--new-key", "--output", output.path, "--content", content.path, "--as-of", "2026-11-24"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("error: the output is the working log itself"), "\(result.standardError)")
        #expect(try Data(contentsOf: raw) == before)
    }

    @Test func refusesANewKeyInsideTheContentFolderReachedThroughASymlink() throws {
        let (folder, raw, _, content) = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let alias = folder.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(at: alias, withDestinationURL: content)
        for key in [alias.appendingPathComponent("secret.key"), alias.appendingPathComponent("private/new.key")] {
            let result = try runPolicySite(["anonymise", raw.path, "--key-file", key.path, "--new-key", "--content", content.path, "--as-of", "2026-11-24"])
            #expect(result.status == 1)
            #expect(result.standardError.contains("error: the key file is inside the content directory"), "\(result.standardError)")
        }
        // And the other way round: the content folder named through the link, the key by its real path.
        let key = content.appendingPathComponent("secret.key")
        let result = try runPolicySite(["anonymise", raw.path, "--key-file", key.path, "--new-key", "--content", alias.path, "--as-of", "2026-11-24"])
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: key.path))
        #expect(!FileManager.default.fileExists(atPath: content.appendingPathComponent("secret.key").path))
    }

    @Test func refusesHandlesInAColumnItDoesNotKnowInsteadOfDroppingThem() throws {
        let (folder, raw, key, content) = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "date,Twitter,category,actions\n2017-01-05,,undermining,removed\n2017-01-06,@Dave_Smith,undermining,removed\n".write(to: raw, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("log.csv")
        let result = try runPolicySite(["anonymise", raw.path, "--key-file", key.path, "--new-key", "--output", output.path, "--content", content.path, "--as-of", "2026-11-24"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(raw.path):3:12: error: the column 'twitter' holds @handles, but only a column named handle, account, user, username becomes pseudonyms, so these would be dropped"),
                "\(result.standardError)")
        #expect(!result.standardError.contains("Dave"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func refusesAFIFOAsTheWorkingLogAtOnce() throws {
        let (folder, _, key, content) = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("raw.fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let result = try runPolicySite(["anonymise", fifo.path, "--key-file", key.path, "--new-key", "--content", content.path, "--as-of", "2026-11-24"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("is a pipe (FIFO), not a file"), "\(result.standardError)")
    }

    @Test func anonymisesAWorkingLogWithAHugeNotesCell() throws {
        let (folder, raw, key, content) = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = Data("date,handle,category,actions,notes\n2017-01-05,@a,undermining,removed,\"".utf8)
        text.append(Data(repeating: UInt8(ascii: "x"), count: 16 << 20))
        text.append(Data("\"\n".utf8))
        try text.write(to: raw)
        let output = folder.appendingPathComponent("log.csv")
        let result = try runPolicySite(["anonymise", raw.path, "--key-file", key.path, "--new-key", "--output", output.path, "--content", content.path, "--as-of", "2026-11-24"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOf: output, encoding: .utf8).hasPrefix("date,category,actions,account,hours-to-action\n2017-01-05,undermining,removed,p-"))
    }
}
