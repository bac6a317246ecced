import Foundation
import Testing
@testable import PolicySite

/// The publish stage on its own: staging, the swap (atomic exchange and the two-rename
/// fallback), recovery after a killed build, the lock.
@Suite struct SiteWriterTests {
    let old = [OutputFile(path: "index.html", text: "old"), OutputFile(path: "policies/a/index.html", text: "old a")]
    let new = [OutputFile(path: "index.html", text: "new"), OutputFile(path: "policies/b/index.html", text: "new b")]

    func site(_ files: [OutputFile]) -> [String: Data] {
        var expected = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
        expected[OutputTarget.markerName] = Data(OutputTarget.markerText.utf8)
        return expected
    }

    /// What is beside the output, other than the output itself.
    func leftovers(_ output: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0 != output.lastPathComponent }.sorted()
    }

    @Test(arguments: [SwapMethod.exchange, .renames(pause: 0)])
    func aPublishReplacesTheWholeSiteAndLeavesNothingBeside(method: SwapMethod) throws {
        let folder = try temporaryDirectory(), output = folder.appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = SiteWriter(swapMethod: method)
        try writer.publish(old, to: output.path)
        #expect(try snapshot(of: output) == site(old))
        try writer.publish(new, to: output.path)
        #expect(try snapshot(of: output) == site(new))
        #expect(try leftovers(output) == [])
    }

    @Test func theEnvironmentCanForceTheTwoRenames() {
        #expect(SwapMethod.fromEnvironment([:]) == .exchange)
        #expect(SwapMethod.fromEnvironment(["POLICYSITE_SWAP": "renames"]) == .renames(pause: 0))
        #expect(SwapMethod.fromEnvironment(["POLICYSITE_SWAP": "renames-pause=2.5"]) == .renames(pause: 2.5))
    }

    /// The states a build killed during the two renames can leave, and what the next build makes of each.
    @Test func aBuildKilledBetweenTheTwoRenamesIsFinishedByTheNextBuild() throws {
        let folder = try temporaryDirectory(), output = folder.appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = SiteWriter(swapMethod: .renames(pause: 0))
        // Killed after the old site was moved aside and before the new one moved in.
        try writer.publish(new, to: folder.appendingPathComponent(".site.policysite-incoming").path)
        try writer.publish(old, to: folder.appendingPathComponent(".site.policysite-outgoing").path)
        let target = try OutputTarget(output.path, content: "/nonexistent", templates: "/nonexistent")
        #expect(writer.recover(target).isEmpty)
        #expect(try snapshot(of: output) == site(new))
        #expect(try leftovers(output) == [])
    }

    @Test func aBuildKilledBeforeTheNewSiteWasWholePutsTheOldOneBack() throws {
        let folder = try temporaryDirectory(), output = folder.appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = SiteWriter(swapMethod: .renames(pause: 0))
        try writer.publish(old, to: folder.appendingPathComponent(".site.policysite-outgoing").path)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".site.policysite-staging-1234/policies"), withIntermediateDirectories: true)
        let target = try OutputTarget(output.path, content: "/nonexistent", templates: "/nonexistent")
        #expect(writer.recover(target).isEmpty)
        #expect(try snapshot(of: output) == site(old))
        #expect(try leftovers(output) == [])
    }

    @Test func aStagingFolderLeftByAKilledBuildIsRemovedByTheNextOne() throws {
        let folder = try temporaryDirectory(), output = folder.appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SiteWriter().publish(old, to: output.path)
        let staging = folder.appendingPathComponent(".site.policysite-staging-killed")
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try "half".write(to: staging.appendingPathComponent("assets/site.css"), atomically: true, encoding: .utf8)
        // Made read-only as well: removed all the same.
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: staging.appendingPathComponent("assets").path)
        try SiteWriter().publish(new, to: output.path)
        #expect(try leftovers(output) == [])
        // Another output's folders in the same place are not touched.
        let other = folder.appendingPathComponent(".other.policysite-staging-running")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: false)
        try SiteWriter().publish(old, to: output.path)
        #expect(try leftovers(output) == [".other.policysite-staging-running"])
    }

    @Test func aSecondBuildWithNoWaitIsRefusedWhileTheFirstHoldsTheLock() throws {
        let folder = try temporaryDirectory(), output = folder.appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = try OutputTarget(output.path, content: "/nonexistent", templates: "/nonexistent")
        let held = try OutputLock.acquire(for: target, waiting: .fail)
        // A running build's staging folder: the refused build must not remove it.
        let staging = folder.appendingPathComponent(".site.policysite-staging-running")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        #expect {
            try SiteWriter().publish(new, to: output.path, content: "/nonexistent", templates: "/nonexistent", waiting: .fail)
        } throws: { error in
            (error as? PolicySiteError)?.errorDescription == "\(output.path):1:1: error: another build (process \(getpid())) is publishing into this folder now, expected one build at a time (without --no-wait a build waits for the other to finish)"
        }
        #expect(FileManager.default.fileExists(atPath: staging.path))
        held.release()
        try SiteWriter().publish(new, to: output.path, waiting: .fail)
        #expect(try leftovers(output) == [])
    }

    @Test func aWaitingBuildSaysSoAndPublishesWhenTheFirstIsDone() async throws {
        let folder = try temporaryDirectory(), output = folder.appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = try OutputTarget(output.path, content: "/nonexistent", templates: "/nonexistent")
        let held = try OutputLock.acquire(for: target, waiting: .fail)
        let said = Said()
        let second = Task.detached { [new] in
            try SiteWriter().publish(new, to: output.path, waiting: .wait(announce: { said.append($0) }))
        }
        for _ in 0..<200 where said.lines.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        #expect(said.lines == ["Waiting for another build (process \(getpid())) into \(output.path)/ to finish…"])
        #expect(!FileManager.default.fileExists(atPath: output.path))
        held.release()
        _ = try await second.value
        #expect(try snapshot(of: output) == site(new))
    }

    @Test func thePreviewRendersWithoutWritingTheOutput() throws {
        let folder = try temporaryDirectory(), output = folder.appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = BuildOptions(contentDirectory: repositoryRoot.appendingPathComponent("content").path,
                                   templatesDirectory: repositoryRoot.appendingPathComponent("templates").path,
                                   outputDirectory: output.path, asOf: CalendarDay(iso: "2026-11-24")!)
        var preview = PreviewBuilder(options: options)
        let (_, files) = try preview.rebuild(templatesFingerprint: SourceFingerprint.of(options.templatesDirectory))
        #expect(!files.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }
}

private final class Said: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}
