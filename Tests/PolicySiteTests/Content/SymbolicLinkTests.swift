import Foundation
import Testing
@testable import PolicySite

/// Nothing outside the content and templates folders is read into the site, and odd files
/// in them are named in a FILE error rather than crashing, hanging or being published.
@Suite struct SymbolicLinkTests {
    /// Builds the project into `site/` and returns every error line (warnings left out), or nil when it built.
    func buildErrors(_ project: ScratchProject) -> [String]? {
        do {
            try SiteBuilder().build(project.options(output: project.root.appendingPathComponent("site").path))
            return nil
        } catch {
            return ((error as? PolicySiteError)?.errorDescription ?? "\(error)").split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        }
    }

    func link(_ path: String, to target: String, in project: ScratchProject) throws {
        let url = project.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    @Test(arguments: ["/proc/self/environ", "/etc/shadow", "/etc/passwd"])
    func aTemplateAssetLinkedOutsideTheTemplatesIsAnErrorNamingIt(target: String) throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try link("templates/assets/leak.txt", to: target, in: project)
        let errors = try #require(buildErrors(project))
        #expect(errors == ["\(project.templates)/assets/leak.txt:1:1: error: this is a symbolic link to '\(target)', outside the templates folder '\(project.templates)'; nothing outside it is published, expected a file inside the templates folder (copy the file in rather than linking to it)"])
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("site").path))
    }

    @Test func aTemplatesFolderLinkedOutsideLeadsNowhereOutside() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try link("templates/assets/etc", to: "/etc", in: project)
        let errors = try #require(buildErrors(project))
        #expect(errors.count == 1)
        #expect(errors[0].hasPrefix("\(project.templates)/assets/etc:1:1: error: this is a symbolic link to '/etc', outside the templates folder"))
    }

    @Test func aPolicyLinkedToMarkdownOutsideTheContentIsAnErrorNamingIt() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let outside = project.root.appendingPathComponent("private-draft.md")
        try "---\ntitle: Private\nsummary: s\nowner: Head\nlast-updated: 2026-01\nnext-review: 2027-01\n---\nSecret staff notes.\n"
            .write(to: outside, atomically: true, encoding: .utf8)
        try link("content/policies/draft.md", to: outside.path, in: project)
        let errors = try #require(buildErrors(project))
        #expect(errors == ["\(project.content)/policies/draft.md:1:1: error: this is a symbolic link to '\(outside.path)', outside the content folder '\(project.content)'; nothing outside it is published, expected a file inside the content folder (copy the file in rather than linking to it)"])
    }

    @Test func aPoliciesFolderLinkedOutsideTheContentIsOneErrorNamingIt() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let elsewhere = project.root.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(atPath: project.content + "/policies", toPath: elsewhere.path)
        try link("content/policies", to: elsewhere.path, in: project)
        let errors = try #require(buildErrors(project))
        #expect(errors == ["\(project.content)/policies:1:1: error: this is a symbolic link to '\(elsewhere.path)', outside the content folder '\(project.content)'; nothing outside it is published, expected a file inside the content folder (copy the file in rather than linking to it)"])
    }

    @Test func linksThatStayInsideTheirFolderAreFollowed() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try FileManager.default.createDirectory(atPath: project.content + "/drafts", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: project.content + "/policies/online-safety.md", toPath: project.content + "/drafts/online-safety.md")
        try link("content/policies/online-safety.md", to: "../drafts/online-safety.md", in: project)
        try FileManager.default.createDirectory(atPath: project.templates + "/shared", withIntermediateDirectories: true)
        try "h1 { color: navy; }".write(toFile: project.templates + "/shared/extra.css", atomically: true, encoding: .utf8)
        try link("templates/assets/extra.css", to: "../shared/extra.css", in: project)
        #expect(buildErrors(project) == nil)
        let site = project.root.appendingPathComponent("site")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("policies/online-safety/index.html").path))
        #expect(try String(contentsOf: site.appendingPathComponent("assets/extra.css"), encoding: .utf8) == "h1 { color: navy; }")
    }

    @Test func anEditorsLockFileInThePoliciesIsNotAPolicy() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        // Emacs' lock file: a dangling link named like a hidden policy.
        try link("content/policies/.#online-safety.md", to: "head@school-laptop.4242:1700000000", in: project)
        try "swap".write(toFile: project.content + "/policies/._online-safety.md", atomically: true, encoding: .utf8)
        #expect(buildErrors(project) == nil)
    }

    @Test func aFolderNamedLikeAPolicyIsAClearFileError() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try FileManager.default.createDirectory(atPath: project.content + "/policies/archive.md", withIntermediateDirectories: true)
        #expect(buildErrors(project) == ["\(project.content)/policies/archive.md:1:1: error: this is a folder, not a file, expected a file here (rename the folder if it is not meant to be one)"])
    }

    @Test func aSymbolicLinkLoopIsAClearFileError() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try link("content/policies/loop.md", to: "loop.md", in: project)
        try link("templates/assets/a.css", to: "b.css", in: project)
        try link("templates/assets/b.css", to: "a.css", in: project)
        let errors = try #require(buildErrors(project))
        #expect(errors.contains("\(project.content)/policies/loop.md:1:1: error: the symbolic link '\(project.content)/policies/loop.md' leads round in a loop, expected a link to a file, or the file itself"))
        #expect(errors.contains { $0.hasPrefix("\(project.templates)/assets/a.css:1:1: error: the symbolic link") && $0.contains("leads round in a loop") })
        #expect(!errors.joined().contains("NSCocoaErrorDomain"))
    }

    @Test func aFolderLinkBackIntoItselfIsAnError() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try link("templates/assets/again", to: "..", in: project)
        let errors = try #require(buildErrors(project))
        #expect(errors == ["\(project.templates)/assets/again:1:1: error: this symbolic link leads back to a folder it is in, expected a folder inside the templates folder"])
    }

    @Test func aPipeInThePoliciesIsAnErrorNotAHang() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        #expect(mkfifo(project.content + "/policies/pipe.md", 0o644) == 0)
        #expect(buildErrors(project) == ["\(project.content)/policies/pipe.md:1:1: error: this is not a regular file (a pipe, device or socket), expected a regular file"])
    }

    @Test func aModerationLogLinkedOutsideTheContentIsRefused() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let log = project.content + "/moderation-log.csv"
        try FileManager.default.moveItem(atPath: log, toPath: project.root.appendingPathComponent("raw-log.csv").path)
        try link("content/moderation-log.csv", to: "../raw-log.csv", in: project)
        let errors = try #require(buildErrors(project))
        #expect(errors == ["\(log):1:1: error: this is a symbolic link to '\(project.root.path)/raw-log.csv', outside the content folder '\(project.content)'; nothing outside it is published, expected a file inside the content folder (copy the file in rather than linking to it)"])
    }
}
