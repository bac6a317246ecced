import Foundation
import Testing
@testable import PolicySite

/// Everyday mistakes (`Fixtures/mistakes/CASE/`, laid over `sites/well-kept`) each give exactly
/// the diagnostics in their `expected.txt`, warnings and errors together, from `check` and from
/// `build` alike. `POLICYSITE_RECORD_SNAPSHOTS=1` writes the `expected.txt` files and fails.
@Suite struct MistakeDiagnosticsTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/PolicySiteTests/Fixtures")
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("mistakes").path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    func site(_ name: String?) throws -> (root: URL, options: BuildOptions) {
        let root = try temporaryDirectory("mistake-\(name ?? "none")")
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("sites/well-kept"), to: content)
        if let name {
            try InvalidInputTests().overlay(Self.fixtures.appendingPathComponent("mistakes/\(name)/content"), onto: content)
        }
        return (root, BuildOptions(contentDirectory: content.path, templatesDirectory: root.appendingPathComponent("templates").path,
                                   outputDirectory: root.appendingPathComponent("site").path, asOf: CalendarDay(iso: "2026-11-24")!))
    }

    @Test func theWellKeptSiteGivesNoDiagnosticAtAll() throws {
        let (root, options) = try site(nil)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try SiteChecker().check(options).map(\.description) == [])
    }

    @Test func thereIsAFixtureForEachEverydayMistake() {
        #expect(Self.cases.count >= 14)
    }

    @Test(arguments: cases)
    func mistakeGivesItsExactDiagnosticsFromCheckAndBuild(name: String) throws {
        let (root, options) = try site(name)
        defer { try? FileManager.default.removeItem(at: root) }
        func relative(_ diagnostics: [Diagnostic]) -> [String] {
            diagnostics.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") }
        }
        let checked = relative(try SiteChecker().check(options))
        let built: [String]
        do {
            built = relative(try SiteBuilder().build(options).warnings)
        } catch let error as PolicySiteError {
            built = relative(error.diagnostics)
        }
        let expectedFile = Self.fixtures.appendingPathComponent("mistakes/\(name)/expected.txt")
        if ProcessInfo.processInfo.environment["POLICYSITE_RECORD_SNAPSHOTS"] == "1" {
            try (checked.joined(separator: "\n") + "\n").write(to: expectedFile, atomically: true, encoding: .utf8)
            Issue.record("recorded mistakes/\(name)/expected.txt")
            return
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(checked == expected)
        #expect(built == expected, "build shows what check shows")
    }
}
