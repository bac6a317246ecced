import ArgumentParser
import Foundation
import Testing
@testable import PolicySite
@testable import PolicySiteCLI

/// A policy walked through two reviews with edits between them, as a school does it.
@Suite("Two reviews of one policy: what changed, and whether the text is the approved one")
struct ReviewWalkThroughTests {
    static let policy = """
        ---
        title: Photographs Policy
        owner: Headteacher
        last-updated: September 2024
        next-review: September 2025
        ---

        ## What we share

        Photographs are shared only with consent.

        - First names of pupils
        - Class photographs
        - Names of staff

        Parents may ask us to remove a photograph at any time.

        """

    func run(_ arguments: [String]) throws {
        var command = try PolicySiteCommand.parseAsRoot(arguments)
        try command.run()
    }

    func status(_ content: URL) throws -> [String: Any] {
        let command = try #require(try PolicySiteCommand.parseAsRoot(["status", "--content", content.path, "--as-of", "2026-11-24", "--format", "json"]) as? StatusCommand)
        let json = try JSONSerialization.jsonObject(with: Data(try command.outcome().output.utf8)) as! [String: Any]
        return (json["policies"] as! [[String: Any]]).first { $0["slug"] as? String == "photographs" }!
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test("edit, review, edit, review: the page marks exactly what changed, the earlier page keeps the earlier text, the feed names it, status follows")
    func twoReviews() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("policysite-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(atPath: CommandFixtures.exampleContent, toPath: content.path)
        let file = content.appendingPathComponent("policies/photographs.md")
        try Self.policy.write(to: file, atomically: true, encoding: .utf8)

        // No approved version yet: the first review records the current text.
        try run(["review", "photographs.md", "--reviewed", "September 2025", "--note", "Annual review", "--content", content.path])
        let first = content.appendingPathComponent("approved/photographs/2025-09.md")
        #expect(FileManager.default.fileExists(atPath: first.path))
        #expect(try read(file).contains("  - reviewed: September 2024\n    note: Last updated.\n  - reviewed: September 2025\n    note: Annual review\n"))
        #expect(try status(content)["editedSinceReview"] as? Bool == false)

        // Edits between the reviews: a bullet removed, a word added, a paragraph added.
        let edited = try read(file)
            .replacingOccurrences(of: "- Class photographs\n", with: "")
            .replacingOccurrences(of: "only with consent.", with: "only with written consent.")
            + "\nPhotographs are kept for one school year, then deleted.\n"
        try edited.write(to: file, atomically: true, encoding: .utf8)
        #expect(try status(content)["editedSinceReview"] as? Bool == true)
        let check = try #require(try PolicySiteCommand.parseAsRoot(["status", "--content", content.path, "--as-of", "2026-11-24"]) as? StatusCommand)
        let outcome = try check.outcome()
        #expect(outcome.output.contains("Edited since its last review (the published text is not the one approved): Photographs Policy (approved September 2025)."))
        #expect(outcome.warnings.map(\.description).contains {
            $0.hasPrefix("\(content.path)/policies/photographs.md:12:1: warning: the text was changed after its last approval (September 2025")
        })

        try run(["review", file.path, "--reviewed", "2026-11", "--note", "Annual review", "--content", content.path])
        #expect(try status(content)["editedSinceReview"] as? Bool == false)
        #expect(FileManager.default.fileExists(atPath: content.appendingPathComponent("approved/photographs/2026-11.md").path))

        let site = root.appendingPathComponent("site")
        try run(["build", "--content", content.path, "--output", site.path, "--as-of", "2026-11-24"])
        let page = try read(site.appendingPathComponent("policies/photographs/index.html"))
        let start = try #require(page.range(of: "<section class=\"changes\""))
        let rest = page[start.lowerBound...]
        let changes = String(rest[..<rest.range(of: "</section>")!.upperBound])
        #expect(changes.contains("<h2 id=\"what-changed\">What changed in the November 2026 review</h2>"))
        #expect(changes.contains("<a href=\"versions/2025-09/\">read the full earlier text</a>"))
        #expect(changes.contains("<del><span class=\"change__marker\">[removed: </span>Class photographs<span class=\"change__marker\">]</span></del>"))
        #expect(changes.contains("<ins><span class=\"change__marker\">[added: </span>Photographs are kept for one school year, then deleted.<span class=\"change__marker\">]</span></ins>"))
        #expect(changes.contains("<ins><span class=\"change__marker\">[added: </span>written"))
        #expect(changes.contains("<strong class=\"change__kind\">Changed paragraph:</strong> Photographs are shared only with"))
        #expect(changes.contains("<strong class=\"change__kind\">Removed list item:</strong>"))
        #expect(changes.contains("<strong class=\"change__kind\">Added paragraph:</strong>"))
        // Nothing else is marked: one deletion, two insertions.
        #expect(changes.components(separatedBy: "<del>").count - 1 == 1)
        #expect(changes.components(separatedBy: "<ins>").count - 1 == 2)
        #expect(!changes.contains("Names of staff") && !changes.contains("remove a photograph"))
        #expect(!page.contains("id=\"edited-since-review\""))
        #expect(page.contains("<a href=\"versions/2026-11/\">Approved in <time datetime=\"2026-11\">November 2026</time></a> (the latest)"))

        let earlierPage = try read(site.appendingPathComponent("policies/photographs/versions/2025-09/index.html"))
        #expect(earlierPage.contains("<li>Class photographs</li>"))
        #expect(earlierPage.contains("Photographs are shared only with consent."))
        #expect(!earlierPage.contains("kept for one school year"))

        let feed = try read(site.appendingPathComponent("feed.xml"))
        #expect(feed.contains("Photographs Policy was reviewed in November 2026. Annual review. Added the words “written”. Removed: “Class photographs”. Added: “Photographs are kept for one school year, then deleted.”."))
        #expect(feed.contains("<updated>2026-11-24T12:00:00Z</updated>") || feed.contains("T12:00:00Z</updated>"))

        // An edit after the second review: the policy page tells parents, the governors' page says so.
        try (try read(file)).replacingOccurrences(of: "then deleted.", with: "then deleted securely.").write(to: file, atomically: true, encoding: .utf8)
        try run(["build", "--content", content.path, "--output", site.path, "--as-of", "2026-11-24"])
        let editedPage = try read(site.appendingPathComponent("policies/photographs/index.html"))
        #expect(editedPage.contains("id=\"edited-since-review\""))
        #expect(editedPage.contains("this text was changed after the governors last approved it, in November 2026."))
        let governors = try read(site.appendingPathComponent("governors/index.html"))
        #expect(governors.contains("Edited since its last review (approved November 2026)"))
    }
}
