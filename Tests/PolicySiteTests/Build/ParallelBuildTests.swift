import Foundation
import Testing
@testable import PolicySite

/// Builds of a site of 200 rich policies, on every core, two at a time, and through the
/// preview server's rebuild with its caches, all equal the build on one thread.
/// scripts/tsan runs these under ThreadSanitizer.
@Suite struct ParallelBuildTests {
    @Test func twoBuildsAtOnceAndAPreviewRebuildEqualTheOneThreadBuild() throws {
        let folder = try temporaryDirectory("rich-200")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try RichSite(policies: 200).write(to: content)
        var options = BuildOptions(contentDirectory: content.path, templatesDirectory: folder.appendingPathComponent("none").path,
                                   outputDirectory: folder.appendingPathComponent("site").path, asOf: CalendarDay(iso: "2026-11-24")!)
        options.parallelism = .oneThread
        let reference = try SiteBuilder().renderSite(options).1
        options.parallelism = .allCores

        let builds = [options, options].parallelMap { options in Result { try SiteBuilder().renderSite(options).1 } }
        for build in builds {
            let files = try build.get()
            #expect(files.count == reference.count)
            #expect(zip(files, reference).filter { $0 != $1 }.map(\.0.path) == [])
        }

        // The preview server's path: a first rebuild, then one after an edit, with its caches.
        var preview = PreviewBuilder(options: options)
        let fingerprint = SourceFingerprint.of(options.templatesDirectory)
        #expect(try preview.rebuild(templatesFingerprint: fingerprint).1 == reference)
        let policy = content.appendingPathComponent("policies/policy-0007.md")
        try (try String(contentsOf: policy, encoding: .utf8) + "\nOne more line with www.example.org and ~~old~~ text.\n")
            .write(to: policy, atomically: true, encoding: .utf8)
        var edited = options
        edited.parallelism = .oneThread
        #expect(try preview.rebuild(templatesFingerprint: fingerprint).1 == SiteBuilder().renderSite(edited).1)
    }

    @Test func theSiteWrittenToDiskTwiceIsByteIdentical() throws {
        let folder = try temporaryDirectory("rich-200-disk")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try RichSite(policies: 200, seed: 5).write(to: content)
        var snapshots: [[String: Data]] = []
        for output in ["one", "two"] {
            let options = BuildOptions(contentDirectory: content.path, templatesDirectory: folder.appendingPathComponent("none").path,
                                       outputDirectory: folder.appendingPathComponent(output).path, asOf: CalendarDay(iso: "2026-11-24")!)
            try SiteBuilder().build(options)
            snapshots.append(try snapshot(of: folder.appendingPathComponent(output)))
        }
        #expect(snapshots[0].count > 200)
        #expect(snapshots[0] == snapshots[1])
    }

    /// The hostile inputs of `Fixtures/hostile-inputs.json`, one in each of 200 rich policies
    /// (body, title and summary), built on every core: no page carries anything a browser
    /// would run or fetch, and every file equals the one-thread build.
    @Test func hostileInputsInTwoHundredRichPoliciesStayHarmlessAndDeterministic() throws {
        let folder = try temporaryDirectory("rich-hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        // Images with a refused address are checked input by input in HostileInputTests.
        let insertions = HostileInputTests.corpus.filter { !$0.contains("![") }
        #expect(insertions.count > 50)
        try RichSite(policies: 200, seed: 3, insertions: insertions).write(to: content)
        var options = BuildOptions(contentDirectory: content.path, templatesDirectory: folder.appendingPathComponent("none").path,
                                   outputDirectory: folder.appendingPathComponent("site").path, asOf: CalendarDay(iso: "2026-11-24")!)
        options.parallelism = .oneThread
        let reference = try SiteBuilder().renderSite(options).1
        options.parallelism = .allCores
        let files = try SiteBuilder().renderSite(options).1
        #expect(files == reference)
        let checker = HostileInputTests()
        for file in files where file.path.hasSuffix(".html") {
            for problem in checker.problems(inHTML: String(decoding: file.contents, as: UTF8.self)) {
                Issue.record("\(file.path): \(problem)")
            }
        }
    }
}
