import Foundation
import Testing

/// `init` and `new policy` record a new policy's first text as its first approved version.
@Suite struct FirstApprovedVersionTests {
    @Test func initAndNewPolicyRecordTheFirstApprovedVersionAndTheSiteShowsIt() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        #expect(try PolicySiteProcess.run(["init", "x"], in: folder.path).status == 0)
        let site = folder.file("x")
        let versions = try FileManager.default.contentsOfDirectory(atPath: folder.file("x/content/approved/about-these-policies"))
        #expect(versions.count == 1 && versions[0].hasSuffix(".md"))
        let approved = try folder.read("x/content/approved/about-these-policies/\(versions[0])")
        #expect(approved.hasPrefix("---\n# The text of this policy as approved at its review in "))
        #expect(approved.contains("\npolicy: about-these-policies\ntitle: \"About these policies\"\napproved: "))
        #expect(approved.contains("\nrecorded: "))

        #expect(try PolicySiteProcess.run(["new", "policy", "Parent Code of Conduct"], in: site).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("x/content/approved/parent-code-of-conduct")).count == 1)

        // Unchanged, the text is the approved one; edited, check says so and names the file.
        let clean = try PolicySiteProcess.run(["check"], in: site)
        #expect(!clean.standardError.contains("changed after its last approval"), "\(clean.standardError)")
        let path = folder.file("x/content/policies/parent-code-of-conduct.md")
        try (try folder.read("x/content/policies/parent-code-of-conduct.md") + "\nOne more paragraph.\n").write(toFile: path, atomically: true, encoding: .utf8)
        let edited = try PolicySiteProcess.run(["check"], in: site)
        #expect(edited.standardError.contains("content/policies/parent-code-of-conduct.md:9:1: warning: the text was changed after its last approval"), "\(edited.standardError)")

        let built = try PolicySiteProcess.run(["build"], in: site)
        #expect(built.status == 0, "\(built.standardError)")
        let page = try folder.read("x/site/policies/parent-code-of-conduct/index.html")
        #expect(page.contains("id=\"edited-since-review\""))
        #expect(folder.exists("x/site/policies/parent-code-of-conduct/versions/\(versions[0].dropLast(3))/index.html"))
    }
}
