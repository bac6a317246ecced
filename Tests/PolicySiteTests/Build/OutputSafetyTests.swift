import Foundation
import Testing
@testable import PolicySite

/// A project as a user has it: a git repository, their own files, a `docs` folder of theirs,
/// and the example content. Removed by the caller.
struct ScratchProject {
    let root: URL
    var content: String { root.appendingPathComponent("content").path }
    var templates: String { root.appendingPathComponent("templates").path }

    init() throws {
        root = try temporaryDirectory("policysite-project").resolvingSymlinksInPath()
        let files = FileManager.default
        try files.copyItem(atPath: repositoryRoot.appendingPathComponent("content").path, toPath: content)
        try files.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "ref: refs/heads/main\n".write(to: root.appendingPathComponent(".git/HEAD"), atomically: true, encoding: .utf8)
        try "my notes\n".write(to: root.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try files.createDirectory(at: root.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try Data([0x50, 0x4b, 3, 4]).write(to: root.appendingPathComponent("docs/budget.xlsx"))
        try Data([0xff, 0xd8, 0xff]).write(to: root.appendingPathComponent("docs/photo.jpg"))
    }

    func options(output: String) -> BuildOptions {
        BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output, asOf: CalendarDay(iso: "2026-11-24")!)
    }

    /// Every file in the project with its bytes.
    func snapshot() throws -> [String: Data] { try PolicySiteTests.snapshot(of: root) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite struct OutputSafetyTests {
    /// The refusal message for `output`, checked as a build run in the project's folder would.
    func refusal(_ output: String, in project: ScratchProject) -> String? {
        do {
            _ = try OutputTarget(output, content: "content", templates: "templates", currentDirectory: project.root.path)
            return nil
        } catch {
            return (error as? PolicySiteError)?.errorDescription ?? "\(error)"
        }
    }

    @Test("A build refuses an output it must not replace, touching nothing", arguments: [
        (".", "--/.: error: refusing to publish into '.' (which leads to 'ROOT'), the current folder: a build replaces everything in its output folder, expected a folder of the site's own, such as 'site'"),
        ("/", "/:1:1: error: refusing to publish into the root folder '/'"),
        ("..", "which holds the current folder"),
        ("content", "error: refusing to publish into the content folder 'content' (which leads to 'ROOT/content')"),
        ("content/", "refusing to publish into the content folder"),
        ("./content/../content", "refusing to publish into the content folder"),
        ("content/site", "which is inside the content folder 'content'"),
        ("templates", "refusing to publish into the templates folder"),
        ("notes.txt", "error: refusing to publish into 'notes.txt' (which leads to 'ROOT/notes.txt'), which is a file, not a folder, expected a folder for the site, such as 'site'"),
        ("docs", "error: refusing to publish into 'docs' (which leads to 'ROOT/docs'), which holds files policysite did not publish ('budget.xlsx', 'photo.jpg'): a build replaces everything in its output folder, expected a new or empty folder, or one an earlier build published"),
        ("", "--output:1:1: error: the output folder is an empty path, expected a folder for the site, such as 'site'"),
    ])
    func refusesAnOutputItMustNotReplace(output: String, message: String) throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let refused = refusal(output, in: project) ?? "accepted"
        #expect(refused.contains(message.replacingOccurrences(of: "ROOT", with: project.root.path).replacingOccurrences(of: "--/.", with: ".:1:1")), "\(refused)")
    }

    @Test func aFolderHoldingTheContentOrTemplatesIsRefused() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try FileManager.default.createDirectory(atPath: project.templates, withIntermediateDirectories: true)
        for (content, templates, role) in [(project.content, "/nonexistent", "content"), ("/nonexistent", project.templates, "templates")] {
            #expect {
                try OutputTarget(project.root.path, content: content, templates: templates, currentDirectory: "/")
            } throws: { error in
                (error as? PolicySiteError)?.errorDescription?.contains("which holds the \(role) folder") == true
            }
        }
    }

    @Test func aRefusedBuildTouchesNothingInTheProject() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let before = try project.snapshot()
        for output in [project.root.path, project.content, project.root.appendingPathComponent("docs").path,
                       project.root.appendingPathComponent("notes.txt").path, project.root.appendingPathComponent("content/policies").path] {
            #expect(throws: PolicySiteError.self, "\(output)") { try SiteBuilder().build(project.options(output: output)) }
        }
        #expect(try project.snapshot() == before)
        let entries = try FileManager.default.contentsOfDirectory(atPath: project.root.path).sorted()
        #expect(entries == [".git", "content", "docs", "notes.txt"])
    }

    @Test func aNewFolderAnEmptyFolderAndAPublishedSiteAreAccepted() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let fresh = project.root.appendingPathComponent("out/new-site").path
        try SiteBuilder().build(project.options(output: fresh))
        #expect(OutputTarget.isPublishedSite(fresh))
        try SiteBuilder().build(project.options(output: fresh))  // its own site: replaced
        let empty = project.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        try SiteBuilder().build(project.options(output: empty.path))
        #expect(FileManager.default.fileExists(atPath: empty.appendingPathComponent("index.html").path))
    }

    @Test func aSiteBuiltWithoutTheMarkerIsRefusedWithAHint() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let output = project.root.appendingPathComponent("site")
        try SiteBuilder().build(project.options(output: output.path))
        try FileManager.default.removeItem(at: output.appendingPathComponent(OutputTarget.markerName))
        let refused = refusal("site", in: project) ?? "accepted"
        #expect(refused.hasSuffix("expected a site this version published; this looks like one an older version built, without the '.policysite' marker: delete it once, and builds replace it from then on"), "\(refused)")
    }

    @Test func anOutputThatIsASymbolicLinkUpdatesTheSiteItPointsTo() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let real = project.root.appendingPathComponent("www/policies"), link = project.root.appendingPathComponent("site")
        try SiteBuilder().build(project.options(output: real.path))
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "www/policies")
        try SiteBuilder().build(project.options(output: link.path))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "www/policies")
        #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("index.html").path))
        let beside = try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("www").path)
        #expect(beside == ["policies"])
        // A link to a folder of the user's own is refused like the folder itself.
        let docsLink = project.root.appendingPathComponent("published")
        try FileManager.default.createSymbolicLink(atPath: docsLink.path, withDestinationPath: "docs")
        #expect(throws: PolicySiteError.self) { try SiteBuilder().build(project.options(output: docsLink.path)) }
    }

    @Test func publishedFilesHaveTheToolsModesWhateverTheSource() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let assets = project.root.appendingPathComponent("templates/assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        for (name, mode) in [("secret.css", 0o600), ("script.css", 0o755), ("odd.css", 0o4777)] {
            let file = assets.appendingPathComponent(name)
            try "body {}".write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        }
        let output = project.root.appendingPathComponent("site")
        try SiteBuilder().build(project.options(output: output.path))
        var modes: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: output.path)!
        while let relative = enumerator.nextObject() as? String {
            var info = stat()
            lstat(output.appendingPathComponent(relative).path, &info)
            modes.insert(String(info.st_mode & 0o7777, radix: 8) + (info.st_mode & S_IFMT == S_IFDIR ? " folder" : " file"))
        }
        #expect(modes == ["644 file", "755 folder"])
    }
}

