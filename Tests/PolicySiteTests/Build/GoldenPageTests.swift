import Foundation
import Testing
@testable import PolicySite

/// The example site's pages, byte for byte. To accept a deliberate change, run
/// `POLICYSITE_RECORD_SNAPSHOTS=1 swift test --filter GoldenPageTests`: it rewrites the
/// files and fails, so that re-recording is never silent; then review `git diff`.
@Suite struct GoldenPageTests {
    static let pages = ["index.html", "policies/twitter-policy/index.html", "policies/twitter-policy/versions/2016-09/index.html", "policies/online-safety/index.html", "404.html", "sitemap.xml",
                        "governors/index.html", "status.json", "reviews.ics", "feed.xml",
                        "transparency/index.html", "transparency/stats.json", "transparency/stats.csv"]

    @Test(arguments: pages)
    func pageMatchesItsGolden(path: String) throws {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let options = BuildOptions(contentDirectory: repositoryRoot.appendingPathComponent("content").path,
                                   templatesDirectory: repositoryRoot.appendingPathComponent("templates").path,
                                   outputDirectory: output.path, asOf: CalendarDay(iso: "2026-11-24")!)
        let (_, files) = try SiteBuilder().renderSite(options)
        let actual = try #require(files.first { $0.path == path }).contents
        let golden = repositoryRoot.appendingPathComponent("Tests/PolicySiteTests/Snapshots/" + path.replacingOccurrences(of: "/", with: "__"))
        if ProcessInfo.processInfo.environment["POLICYSITE_RECORD_SNAPSHOTS"] == "1" {
            try actual.write(to: golden)
            Issue.record("re-recorded \(golden.lastPathComponent); review the diff, then run again without POLICYSITE_RECORD_SNAPSHOTS")
            return
        }
        let expected = try Data(contentsOf: golden)
        if actual != expected {
            Issue.record("\(path) differs from its golden file:\n\(lineDiff(String(decoding: expected, as: UTF8.self), String(decoding: actual, as: UTF8.self)))")
        }
    }

    /// The lines that differ, marked `-` (golden) and `+` (now), with their line numbers.
    func lineDiff(_ expected: String, _ actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? String(old[index]) : nil
            let b = index < new.count ? String(new[index]) : nil
            guard a != b else { continue }
            if let a { report.append("\(index + 1)- \(a)") }
            if let b { report.append("\(index + 1)+ \(b)") }
            if report.count > 40 { report.append("…"); break }
        }
        return report.joined(separator: "\n")
    }
}
