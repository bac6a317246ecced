import Foundation
import Testing
@testable import PolicySite

@Suite("Approved versions kept in content/approved/SLUG/DATE.md")
struct ApprovedVersionStoreTests {
    func temporaryContent() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("policysite-approved-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("a version written reads back the same, body byte for byte")
    func roundTrip() throws {
        let content = try temporaryContent()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let store = ApprovedVersionStore(contentDirectory: content)
        let version = ApprovedVersion(slug: "twitter-policy", title: "Twitter: \"the\" policy", approved: ReviewDate(parsing: "2026-11")!,
                                      recorded: CalendarDay(iso: "2026-11-24"), markdown: "\n## Aims\n\nText with  two spaces  \n", sourcePath: "")
        try store.write(version)
        let read = try store.versions(of: "twitter-policy")
        #expect(read.count == 1)
        #expect(read[0].markdown == version.markdown)
        #expect(read[0].title == version.title)
        #expect(read[0].recorded == version.recorded)
        #expect(read[0].sourcePath == "\(content)/approved/twitter-policy/2026-11.md")
        #expect(throws: PolicySiteError.self) { try store.write(version) }
        // Only the one file: no temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(content)/approved/twitter-policy") == ["2026-11.md"])
    }

    @Test("recordFirstApprovedVersion writes the policy's text at its last-updated date, once")
    func firstVersion() throws {
        let content = try temporaryContent()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let store = ApprovedVersionStore(contentDirectory: content)
        let text = "---\ntitle: Imported\nlast-updated: March 2025\nnext-review: March 2026\n---\n\nThe text.\n"
        let path = try store.recordFirstApprovedVersion(policyText: text, slug: "imported", policyFile: "policies/imported.md", today: CalendarDay(iso: "2026-11-24"))
        #expect(path == "\(content)/approved/imported/2025-03.md")
        #expect(try store.versions(of: "imported").map(\.markdown) == ["\nThe text.\n"])
        #expect(try store.recordFirstApprovedVersion(policyText: text, slug: "imported", policyFile: "policies/imported.md", today: nil) == nil)
    }

    @Test("a version file that does not match its folder or its name is an error at its line", arguments: [
        ("---\npolicy: other\ntitle: T\napproved: 2026-11\n---\nBody.\n",
         "approved/p/2026-11.md:2:9: error: this version is of 'other' but is kept in the folder of 'p', expected 'policy: p', or the file moved to approved/other/"),
        ("---\npolicy: p\ntitle: T\napproved: 2026-10\n---\nBody.\n",
         "approved/p/2026-11.md:4:11: error: 'approved' is 2026-10 but the file is named 2026-11.md, expected the file named after its review, 2026-10.md"),
        ("---\npolicy: p\ntitle: T\napproved: December 9999\n---\nBody.\n",
         "approved/p/2026-11.md:4:11: error: 'approved' is 'December 9999', whose year 9999 is outside the years this tool supports (1900–2999), expected a date in a year from 1900 to 2999, such as 'September 2027'"),
        ("Body without front matter.\n",
         "approved/p/2026-11.md:1:1: error: this approved version has no front matter, expected front matter with 'policy: p', 'title:' and 'approved: 2026-11', as 'policysite review' writes it"),
    ])
    func refusals(text: String, expected: String) {
        do {
            _ = try ApprovedVersionStore.parse(text, slug: "p", file: "approved/p/2026-11.md")
            Issue.record("accepted \(text)")
        } catch let error as PolicySiteError {
            #expect(error.diagnostics.map(\.description) == [expected])
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("the example content's approved versions match its policies: nothing is edited since review")
    func exampleContent() throws {
        let content = try ContentLoader().load(from: GovernanceFixtures.exampleContent)
        #expect(content.approvedVersions.count == content.policies.count)
        #expect(!content.warnings.contains { $0.message.contains("changed after its last approval") })
        let site = Site(content: content, asOf: GovernanceFixtures.day("2026-11-24"))
        #expect(site.policies.allSatisfy { !$0.editedSinceReview && $0.versions.count == 1 })
    }
}
