import Foundation
import Testing
@testable import PolicySite

/// Every broken input under `Fixtures/invalid/CASE/` must give exactly the errors in its
/// `expected.txt` (paths relative to the case's temporary site), and leave the previous
/// site untouched. A case overlays `content/` and `templates/` files on `sites/minimal`,
/// and may list base files to delete in `remove.txt`.
/// `POLICYSITE_RECORD_SNAPSHOTS=1` writes `expected.txt` files and fails, for review.
@Suite struct InvalidInputTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/PolicySiteTests/Fixtures")
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("invalid").path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test func thereAreAtLeastFiftyBrokenInputs() {
        #expect(Self.cases.count >= 50)
    }

    @Test(arguments: cases)
    func brokenInputIsRefusedWithItsExactErrors(name: String) throws {
        let caseDirectory = Self.fixtures.appendingPathComponent("invalid/\(name)")
        let root = try temporaryDirectory("invalid-\(name)")
        defer { try? FileManager.default.removeItem(at: root) }
        let fileManager = FileManager.default
        let content = root.appendingPathComponent("content"), templates = root.appendingPathComponent("templates")
        let output = root.appendingPathComponent("site")
        try fileManager.copyItem(at: Self.fixtures.appendingPathComponent("sites/minimal"), to: content)

        // A good build first: the refused one must leave it exactly as it was.
        func options() -> BuildOptions {
            BuildOptions(contentDirectory: content.path, templatesDirectory: templates.path, outputDirectory: output.path,
                         asOf: CalendarDay(iso: "2026-11-24")!)
        }
        try SiteBuilder().build(options())
        let before = try snapshot(of: output)

        try overlay(caseDirectory.appendingPathComponent("content"), onto: content)
        try overlay(caseDirectory.appendingPathComponent("templates"), onto: templates)
        if let removed = try? String(contentsOf: caseDirectory.appendingPathComponent("remove.txt"), encoding: .utf8) {
            for path in removed.split(separator: "\n") { try fileManager.removeItem(at: content.appendingPathComponent(String(path))) }
        }

        var found: [String] = []
        do {
            try SiteBuilder().build(options())
        } catch let error as PolicySiteError {
            found = error.diagnostics.filter { $0.severity == .error }.map {
                $0.description.replacingOccurrences(of: root.path + "/", with: "")
            }
        }
        let expectedFile = caseDirectory.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["POLICYSITE_RECORD_SNAPSHOTS"] == "1" {
            try (found.joined(separator: "\n") + "\n").write(to: expectedFile, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name)/\(expectedFile.lastPathComponent)")
            return
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(!found.isEmpty, "\(name) was not refused")
        #expect(found == expected)
        #expect(try snapshot(of: output) == before, "\(name) changed the previous site")
    }

    func overlay(_ source: URL, onto destination: URL) throws {
        let fileManager = FileManager.default
        guard let enumerator = fileManager.enumerator(atPath: source.path) else { return }
        while let relative = enumerator.nextObject() as? String {
            let from = source.appendingPathComponent(relative), to = destination.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            fileManager.fileExists(atPath: from.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                try fileManager.createDirectory(at: to, withIntermediateDirectories: true)
            } else {
                try fileManager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                if fileManager.fileExists(atPath: to.path) { try fileManager.removeItem(at: to) }
                try fileManager.copyItem(at: from, to: to)
            }
        }
    }
}

/// Every file below `directory` with its bytes.
func snapshot(of directory: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory.path)!
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let url = directory.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[relative] = try Data(contentsOf: url)
        }
    }
    return files
}
