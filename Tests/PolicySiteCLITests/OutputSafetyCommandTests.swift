import Foundation
import Testing
@testable import PolicySiteCLI

/// `build --output` and `init` as a careless user runs them, in a project with a git
/// repository, their own files and the content: refused with a clear message, touching nothing.
@Suite struct OutputSafetyCommandTests {
    /// A scratch project: `.git`, `notes.txt`, `docs/` with the user's files, `content/`.
    func project() throws -> TemporaryDirectory {
        let project = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent("content").path, toPath: project.file("content"))
        try project.write(".git/HEAD", "ref: refs/heads/main\n")
        try project.write("notes.txt", "my notes\n")
        try project.write("docs/budget.xlsx", "PK")
        try project.write("docs/photo.jpg", "JPEG")
        return project
    }

    /// Every file below `path` with its bytes.
    func files(_ path: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: path)!
        while let relative = enumerator.nextObject() as? String {
            let full = (path as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    func build(_ output: String, in project: TemporaryDirectory, _ more: [String] = []) throws -> ProcessResult {
        try runPolicySite(["build", "--output", output, "--as-of", "2026-11-24"] + more, in: URL(fileURLWithPath: project.path))
    }

    @Test("build --output refuses what it must not replace", arguments: [
        (".", "error: refusing to publish into '.' (which leads to 'ROOT'), the current folder: a build replaces everything in its output folder, expected a folder of the site's own, such as 'site'"),
        ("content", "error: refusing to publish into the content folder 'content' (which leads to 'ROOT/content')"),
        ("docs", "error: refusing to publish into 'docs' (which leads to 'ROOT/docs'), which holds files policysite did not publish ('budget.xlsx', 'photo.jpg')"),
        ("notes.txt", "error: refusing to publish into 'notes.txt' (which leads to 'ROOT/notes.txt'), which is a file, not a folder"),
        ("/", "/:1:1: error: refusing to publish into the root folder '/'"),
    ])
    func refusesAndTouchesNothing(output: String, message: String) throws {
        let project = try project()
        defer { project.remove() }
        let before = try files(project.path)
        let result = try build(output, in: project)
        let root = try FileManager.default.destinationOfSymbolicLinkIfAny(project.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains(message.replacingOccurrences(of: "ROOT", with: root)), "\(result.standardError)")
        #expect(result.standardError.hasSuffix("build refused: 1 error\n"))
        #expect(try files(project.path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path).sorted() == [".git", "content", "docs", "notes.txt"])
    }

    @Test func anEmptyOutputPathIsAUsageError() throws {
        let project = try project()
        defer { project.remove() }
        let before = try files(project.path)
        let result = try build("", in: project)
        #expect(result.status == 64)
        #expect(result.standardError.contains("'--output' is an empty path, expected a folder for the site, such as 'site'"))
        #expect(try files(project.path) == before)
    }

    @Test func initWithAnEmptyPathIsAUsageErrorAndWritesNothing() throws {
        let project = try TemporaryDirectory()
        defer { project.remove() }
        let result = try runPolicySite(["init", ""], in: URL(fileURLWithPath: project.path))
        #expect(result.status == 64)
        #expect(result.standardError.contains("the folder for the new site is an empty path"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path).isEmpty)
    }

    @Test func anOutputThatIsASymbolicLinkIsUpdatedThroughTheLink() throws {
        let project = try project()
        defer { project.remove() }
        try FileManager.default.createDirectory(atPath: project.file("www"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: project.file("site"), withDestinationPath: "www/policies")
        for _ in 0..<2 {
            let result = try build("site", in: project)
            #expect(result.status == 0, "\(result.standardError)")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: project.file("site")) == "www/policies")
        #expect(project.exists("www/policies/index.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.file("www")) == ["policies"])
    }

    /// The old site made read-only (`chmod -R a-w site`), by a user the file modes bind (not root).
    @Test func aReadOnlyOldSiteIsReplacedAndNothingIsLeftBeside() throws {
        let project = try project()
        defer { project.remove() }
        let asUser = getuid() == 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] : []
        _ = chmod(project.path, 0o777)
        let run = { (arguments: [String]) throws -> ProcessResult in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = asUser + [PolicySiteProcess.executable.path] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: project.path)
            let error = Pipe()
            process.standardError = error
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let data = error.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return ProcessResult(status: process.terminationStatus, standardOutput: "", standardError: String(decoding: data, as: UTF8.self))
        }
        let arguments = ["build", "--content", "content", "--output", "out/site", "--as-of", "2026-11-24"]
        try FileManager.default.createDirectory(atPath: project.file("out"), withIntermediateDirectories: false)
        _ = chmod(project.file("out"), 0o777)
        #expect(try run(arguments).status == 0)
        let enumerator = FileManager.default.enumerator(atPath: project.file("out/site"))!
        var all = [project.file("out/site")]
        while let relative = enumerator.nextObject() as? String { all.append(project.file("out/site/" + relative)) }
        if getuid() == 0 {  // the build ran as nobody: the site is nobody's, as it would be for a user
            for path in all { _ = chown(path, 65534, 65534) }
        }
        for path in all { _ = chmod(path, 0o555) }
        let second = try run(arguments)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(!second.standardError.contains("could not remove") && !second.standardError.contains(": error: "), "\(second.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.file("out")) == ["site"])
    }

    @Test func aSecondBuildWaitsForTheFirstOrWithNoWaitStopsWithAMessage() throws {
        let project = try project()
        defer { project.remove() }
        #expect(try build("site", in: project).status == 0)
        // Hold the lock as a running build would.
        let lockPath = project.file(".site.policysite-lock")
        let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(flock(descriptor, LOCK_EX) == 0)
        _ = "4242\n".withCString { write(descriptor, $0, 5) }
        let refused = try build("site", in: project, ["--no-wait"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("site:1:1: error: another build (process 4242) is publishing into this folder now, expected one build at a time (without --no-wait a build waits for the other to finish)"))
        // Without --no-wait: it says it waits, and builds once the lock is let go.
        let process = Process()
        process.executableURL = PolicySiteProcess.executable
        process.arguments = ["build", "--output", "site", "--as-of", "2017-08-15"]
        process.currentDirectoryURL = URL(fileURLWithPath: project.path)
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        #expect(process.isRunning)
        unlink(lockPath)
        close(descriptor)
        process.waitUntilExit()
        let said = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(said)")
        #expect(said.hasPrefix("Waiting for another build (process 4242) into site/ to finish…\n"))
        #expect(try project.read("site/policies/twitter-policy/index.html").contains("Review due soon:"))
    }
}

extension FileManager {
    /// The real path of a folder (the temporary folder may be reached through a link).
    func destinationOfSymbolicLinkIfAny(_ path: String) throws -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}
