import Foundation
import PolicySite
@testable import PolicySiteCLI
import Testing

@Suite struct SlugTests {
    @Test(arguments: [
        ("Parent Code of Conduct", "parent-code-of-conduct"),
        ("Children's Online Safety", "childrens-online-safety"),
        ("Uniform: what to wear (2026/27)", "uniform-what-to-wear-2026-27"),
        ("Café Ærø & Straße", "cafe-aero-and-strasse"),
        ("  --Déjà   vu--  ", "deja-vu"),
        ("Политика Safety", "safety"),
    ])
    func slugIsMadeFromTheTitle(title: String, slug: String) {
        #expect(Slug.make(from: title) == slug)
    }

    @Test func aTitleWithNothingUsableHasNoSlug() {
        #expect(Slug.make(from: "!!!") == nil)
        #expect(Slug.make(from: "политика") == nil)
    }
}

@Suite struct ProgressTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test func aSlowStepIsAnnouncedAndTimed() async throws {
        let lines = Lines()
        let progress = Progress("Building the site", threshold: .milliseconds(20), write: { lines.append($0) })
        try await Task.sleep(for: .milliseconds(200))
        progress.finish()
        #expect(lines.all.count == 2)
        #expect(lines.all.first == "Building the site…")
        #expect(lines.all.last?.hasPrefix("Building the site: done in ") == true)
    }

    @Test func aQuickStepSaysNothing() async throws {
        let lines = Lines()
        let progress = Progress("Building the site", threshold: .milliseconds(300), write: { lines.append($0) })
        progress.finish()
        try await Task.sleep(for: .milliseconds(400))
        #expect(lines.all.isEmpty)
    }
}

@Suite struct TerminalColourTests {
    let diagnostic = Diagnostic.error(at: SourceLocation(file: "content/site.yml", line: 3, column: 1), "'organisation' is missing", expected: "the organisation's name")

    @Test func withoutColourTheDiagnosticIsExactlyTheDesignForm() {
        #expect(Terminal.describe(diagnostic, colour: false) == "content/site.yml:3:1: error: 'organisation' is missing, expected the organisation's name")
    }

    @Test func withColourOnlyTheSeverityIsColoured() {
        let coloured = Terminal.describe(diagnostic, colour: true)
        #expect(coloured == "content/site.yml:3:1: \u{1B}[1;31merror:\u{1B}[0m 'organisation' is missing, expected the organisation's name")
    }
}
