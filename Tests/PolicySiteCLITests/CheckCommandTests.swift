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
        #expect(lines.last?.hasPrefix("3 errors, ") == true)
        #expect(!result.standardError.contains("\u{1B}["), "no colour with NO_COLOR set, nor into a pipe")
        #expect(!folder.exists("site"))
    }

    @Test func checkOnAFreshInitSiteNamesEveryPlaceholder() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try PolicySiteProcess.run(["init", "."], in: folder.path)
        _ = try PolicySiteProcess.run(["new", "policy", "Behaviour Policy"], in: folder.path)
        let result = try PolicySiteProcess.run(["check"], in: folder.path, environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        // Only the diagnostics: on a slow machine a step over a second also prints its progress.
        let lines = result.standardError.split(separator: "\n").map(String.init).filter { $0.contains(": warning:") || $0.contains(": error:") }
        #expect(lines == [
            "content/policies/about-these-policies.md:12:1: warning: this is still the example policy from 'policysite init', expected your own policies: replace this text, or delete the file once you have added others",
            "content/policies/behaviour-policy.md:3:10: warning: the summary is still the placeholder from 'policysite new', expected one sentence of your own that tells a parent what this policy is for",
            "content/policies/behaviour-policy.md:10:1: warning: the placeholder 'Write the policy here in Markdown. This …' from 'policysite new' is still here, and 4 more placeholder lines after it (line 15, line 19, line 23, line 27), expected the policy's own words in their place",
            "content/site.yml:5:15: warning: 'organisation' is still the example name from 'policysite init', expected your organisation's name, as parents know it",
            "content/site.yml:10:11: warning: 'base-url' is still an example address (policies.example.org), so the sitemap, feed and calendar would point at no real page, expected the address where the site will be published, such as https://policies.your-school.sch.uk/",
        ])
        #expect(result.standardOutput.contains("0 errors, 5 warnings"))
    }

    @Test func buildShowsWarningsTogetherWithErrors() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try PolicySiteProcess.run(["init", "."], in: folder.path)
        let policy = try folder.read("content/policies/about-these-policies.md")
        try folder.write("content/policies/about-these-policies.md", policy.replacingOccurrences(of: "next-review:", with: "next_review:"))
        let result = try PolicySiteProcess.run(["build"], in: folder.path, environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("content/policies/about-these-policies.md:9:1: error: unknown key 'next_review': did you mean 'next-review'?"))
        #expect(result.standardError.contains("content/site.yml:10:11: warning: 'base-url' is still an example address"))
        #expect(!result.standardError.contains("missing required key"))
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
        #expect(result.standardError.contains("unknown key 'colour'"))
        // The colour, and the example name, address and policy that 'init' wrote.
        #expect(result.standardOutput.contains("0 errors, 4 warnings"))
        #expect(!folder.exists("site"))
    }
}
