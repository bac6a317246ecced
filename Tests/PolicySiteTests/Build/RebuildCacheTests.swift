import Foundation
import Testing
@testable import PolicySite

/// The preview builder keeps parsed policies and rendered Markdown between rebuilds; what it
/// builds after a change must be exactly what a fresh build of the same files gives.
@Suite struct RebuildCacheTests {
    @Test func aRebuildAfterAChangeEqualsAFreshBuild() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: content)
        let options = BuildOptions(contentDirectory: content.path, templatesDirectory: folder.appendingPathComponent("none").path,
                                   outputDirectory: folder.appendingPathComponent("site").path, asOf: CalendarDay(iso: "2026-11-24")!)
        var preview = PreviewBuilder(options: options)
        let fingerprint = SourceFingerprint.of(options.templatesDirectory)
        let first = try preview.rebuild(templatesFingerprint: fingerprint).1
        #expect(try first == SiteBuilder().renderSite(options).1)

        let policy = content.appendingPathComponent("policies/online-safety.md")
        let original = try String(contentsOf: policy, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "## Aims", with: "## Our aims\n\nA new paragraph.\n\n## Aims")
            .replacingOccurrences(of: "title: Online Safety Policy", with: "title: Online Safety")
        #expect(edited != original)
        try edited.write(to: policy, atomically: true, encoding: .utf8)
        let (_, rebuilt) = try preview.rebuild(templatesFingerprint: fingerprint)
        #expect(try rebuilt == SiteBuilder().renderSite(options).1)
        #expect(rebuilt.contains { String(decoding: $0.contents, as: UTF8.self).contains("our-aims") })

        try original.write(to: policy, atomically: true, encoding: .utf8)
        let restored = try preview.rebuild(templatesFingerprint: fingerprint).1
        #expect(try restored == SiteBuilder().renderSite(options).1)
        #expect(restored == first)
    }
}
