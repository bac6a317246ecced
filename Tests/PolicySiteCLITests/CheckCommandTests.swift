import Foundation
import Testing

/// `check` as a process: every problem at once, a count, exit status 1, nothing written.
@Suite struct CheckCommandTests {
    @Test func checkListsEveryProblemWithACountAndWritesNothing() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try PolicySiteProcess.run(["init", "."], in: folder.path)
        try folder.write("content/policies/one.md", """
            ---
            title: One
            last-updated: September 2026
            next-review: Smarch 2027
            colour: blue
            ---
            Body.
            """)
        try folder.write("content/policies/two.md", """
            ---
            last-updated: September 2026
            next-review: September 2027
            ---
            Body.
            """)
        try folder.write("templates/policy.mustache", "{{<layout}}{{$main}}{{> partials/missing}}{{/main}}{{/layout}}\n")
        let result = try PolicySiteProcess.run(["check"], in: folder.path, environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("content/policies/one.md:4:14: error: 'next-review' is 'Smarch 2027'") && $0.contains(", expected ") })
        #expect(lines.contains { $0.hasPrefix("content/policies/two.md:") && $0.contains("error: ") && $0.contains("title") })
        #expect(lines.contains { $0.hasPrefix("templates/policy.mustache:1:") && $0.contains("'partials/missing' does not exist") },
                "template problems are reported in the same run as content problems")
        #expect(lines.last == "3 errors, 0 warnings")
        #expect(!result.standardError.contains("\u{1B}["), "no colour with NO_COLOR set, nor into a pipe")
        #expect(!folder.exists("site"))
    }

    @Test func checkCountsWarningsAndSucceedsWithoutErrors() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try PolicySiteProcess.run(["init", "."], in: folder.path)
        let configuration = try folder.read("content/site.yml")
        try folder.write("content/site.yml", configuration + "colour: blue\n")
        let result = try PolicySiteProcess.run(["check"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("content/site.yml:"))
        #expect(result.standardError.contains("warning: "))
        #expect(result.standardOutput.contains("0 errors, 1 warning"))
        #expect(!folder.exists("site"))
    }
}
