import Foundation
import Testing

/// `init`, `new policy` and `build`, run as real processes the way a member of staff would.
@Suite struct AuthoringCommandTests {
    @Test func initThenNewPolicyThenBuildWorksWithNoTemplatesDirectory() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let made = try PolicySiteProcess.run(["init", "x"], in: folder.path)
        #expect(made.status == 0, "\(made.standardError)")
        #expect(made.standardOutput.contains("Next steps"))
        let site = folder.file("x")
        #expect(!FileManager.default.fileExists(atPath: (site as NSString).appendingPathComponent("templates")))
        #expect(try folder.read("x/content/moderation-log.csv") == "date,category,actions,account,hours-to-action\n")

        let added = try PolicySiteProcess.run(["new", "policy", "Parent Code of Conduct"], in: site)
        #expect(added.status == 0, "\(added.standardError)")
        #expect(folder.exists("x/content/policies/parent-code-of-conduct.md"))

        let built = try PolicySiteProcess.run(["build"], in: site)
        #expect(built.status == 0, "\(built.standardError)")
        let page = try folder.read("x/site/policies/parent-code-of-conduct/index.html")
        #expect(page.contains("Parent Code of Conduct"))
        #expect(folder.exists("x/site/assets/site.css"), "the built-in theme's stylesheet is published")
        #expect(folder.exists("x/site/policies/about-these-policies/index.html"))
        #expect(!page.contains("__policysite"), "nothing of the preview server reaches the built site")
    }

    @Test func initRefusesAFolderThatIsNotEmpty() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("x/notes.txt", "keep me")
        let result = try PolicySiteProcess.run(["init", "x"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("x:1:1: error: the folder 'x' is not empty"))
        #expect(try folder.read("x/notes.txt") == "keep me")
        #expect(!folder.exists("x/content"))
    }

    @Test func newPolicyRefusesToOverwriteAnExistingPolicy() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try PolicySiteProcess.run(["init", "."], in: folder.path)
        try folder.write("content/policies/parent-code-of-conduct.md", "mine")
        let result = try PolicySiteProcess.run(["new", "policy", "Parent Code of Conduct"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("content/policies/parent-code-of-conduct.md:1:1: error: a policy called 'parent-code-of-conduct' already exists"))
        #expect(try folder.read("content/policies/parent-code-of-conduct.md") == "mine")
    }

    @Test func newPolicyIsNextReviewedOneCycleFromThisMonth() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try PolicySiteProcess.run(["init", "."], in: folder.path)
        let configuration = try folder.read("content/site.yml").replacingOccurrences(of: "cycle-months: 12", with: "cycle-months: 6")
        try folder.write("content/site.yml", configuration)
        let result = try PolicySiteProcess.run(["new", "policy", "Uniform: what to wear", "--content", "content"], in: folder.path)
        #expect(result.status == 0, "\(result.standardError)")
        let text = try folder.read("content/policies/uniform-what-to-wear.md")
        let calendar = { var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "UTC")!; return c }()
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_GB")
        formatter.dateFormat = "MMMM yyyy"
        let now = Date()
        #expect(text.contains("title: \"Uniform: what to wear\"\n"))
        #expect(text.contains("last-updated: \(formatter.string(from: now))\n"))
        #expect(text.contains("next-review: \(formatter.string(from: calendar.date(byAdding: .month, value: 6, to: now)!))\n"))
        let checked = try PolicySiteProcess.run(["check"], in: folder.path)
        #expect(checked.status == 0, "\(checked.standardError)")
    }

    @Test func newPolicyWithoutLettersIsAUsageError() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let result = try PolicySiteProcess.run(["new", "policy", "!!!"], in: folder.path)
        #expect(result.status == 64)
        #expect(result.standardError.contains("no letters or digits"))
    }

    @Test func initExplainsEveryKeyOfSiteYml() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try PolicySiteProcess.run(["init", "."], in: folder.path)
        let lines = try folder.read("content/site.yml").components(separatedBy: "\n")
        let keys = ["organisation", "title", "base-url", "contact", "language", "review", "due-soon-months", "cycle-months",
                    "report", "log", "small-count-threshold", "example-data", "categories", "actions"]
        for key in keys {
            let index = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(key):") }, "site.yml has no '\(key):'")
            #expect(index > 0 && lines[index - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#"), "'\(key):' has no comment above it")
        }
        for category in ["undermining", "offensive-language", "unsuitable-images", "unsuitable-shared-content", "copyright", "child-follow-request"] {
            #expect(lines.contains("  - key: \(category)"))
        }
        for action in ["removed", "blocked", "reported-platform", "reported-authority", "esafety-notified"] {
            #expect(lines.contains("  - key: \(action)"))
        }
    }
}
