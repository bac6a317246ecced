import Foundation
import Testing
@testable import PolicySite

@Suite struct DeterminismTests {
    @Test func theSameInputsGiveByteIdenticalSites() throws {
        let first = try temporaryDirectory(), second = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        for output in [first, second] {
            let options = BuildOptions(contentDirectory: repositoryRoot.appendingPathComponent("content").path,
                                       templatesDirectory: repositoryRoot.appendingPathComponent("templates").path,
                                       outputDirectory: output.path, asOf: CalendarDay(iso: "2026-11-24")!)
            try SiteBuilder().build(options)
        }
        let a = try snapshot(of: first), b = try snapshot(of: second)
        #expect(a.count > 5)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a {
            #expect(b[path] == bytes, "\(path) differs between two builds")
        }
    }

    /// Issue 11: cmark-gfm's process-wide table of inline characters made parallel builds of
    /// 150 policies differ from each other (links without their autolink, `~~Hi~~` without
    /// its strikethrough). 700 rich policies, ten builds on every core, two of them at once:
    /// every one equals the build on one thread.
    @Test func aSiteOf700RichPoliciesBuiltTenTimesInParallelEqualsTheOneThreadBuild() throws {
        let folder = try temporaryDirectory("rich-700")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try RichSite(policies: 700).write(to: content)
        var options = BuildOptions(contentDirectory: content.path, templatesDirectory: folder.appendingPathComponent("none").path,
                                   outputDirectory: folder.appendingPathComponent("site").path, asOf: CalendarDay(iso: "2026-11-24")!)
        options.parallelism = .oneThread
        let reference = try SiteBuilder().renderSite(options).1
        #expect(reference.count > 700)
        let page = try #require(reference.first { $0.path == "policies/policy-0001/index.html" })
        let html = String(decoding: page.contents, as: UTF8.self)
        #expect(html.contains("<del>"))
        #expect(html.contains("<a href=\"http://www."))
        #expect(html.contains("<table>"))
        #expect(html.contains("type=\"checkbox\""))

        options.parallelism = .allCores
        // Builds in pairs, so that two builds' parsers also run at the same time.
        for round in 0..<5 {
            let builds = [options, options].parallelMap { options in Result { try SiteBuilder().renderSite(options).1 } }
            for (index, build) in builds.enumerated() {
                let files = try build.get()
                #expect(files.map(\.path) == reference.map(\.path))
                let differing = zip(files, reference).filter { $0 != $1 }.map(\.0.path)
                #expect(differing.isEmpty, "build \(round * 2 + index + 1) of 10: \(differing.count) files differ from the one-thread build, first \(differing.prefix(3))")
            }
        }
    }

    @Test func parallelRenderingKeepsTheOrderOfItsInput() {
        let numbers = Array(0..<500)
        #expect(numbers.parallelMap { $0 * 2 } == numbers.map { $0 * 2 })
        #expect(numbers.parallelMap(.oneThread) { $0 * 2 } == numbers.map { $0 * 2 })
    }
}
