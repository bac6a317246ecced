import Foundation

/// The publish stage: writes every file into a staging folder beside the output, then swaps
/// it into place in one step. A build that fails or is killed leaves the previous site
/// exactly as it was. Beside an output `site` it keeps (all removed by the next build, under
/// the lock, so never another running build's):
///   `.site.policysite-lock`           the lock (`OutputLock`)
///   `.site.policysite-staging-UUID`   a site being written, or the old one being removed
///   `.site.policysite-incoming`       with `.renames`: the whole new site, ready to move in
///   `.site.policysite-outgoing`       with `.renames`: the old site, moved aside
public struct SiteWriter: Sendable {
    static let marker = ".policysite-"
    var swapMethod: SwapMethod

    public init(swapMethod: SwapMethod = .fromEnvironment()) {
        self.swapMethod = swapMethod
    }

    /// Checks `output`, takes its lock, finishes what a killed build left, and publishes: for a
    /// caller with no build around it (the benchmark). Returns warnings.
    @discardableResult
    public func publish(_ files: [OutputFile], to output: String, content: String = "content", templates: String = "templates",
                        waiting: OutputLock.Waiting = .wait(announce: { _ in })) throws -> [Diagnostic] {
        let target = try OutputTarget(output, content: content, templates: templates)
        let lock = try OutputLock.acquire(for: target, waiting: waiting)
        defer { lock.release() }
        return try recover(target) + publish(files, to: target)
    }

    /// Writes the site and swaps it in. The caller holds the lock and has run `recover`.
    public func publish(_ files: [OutputFile], to target: OutputTarget) throws -> [Diagnostic] {
        try refuseUnsafePaths(files, output: target.given)
        try target.verify()
        let staging = sibling(of: target, "staging-\(UUID().uuidString)")
        do {
            try write(files, into: staging)
        } catch {
            try? FolderRemoval.remove(staging)
            throw error
        }
        let old = try swap(staging, into: target)
        return removeOld(old, of: target)
    }

    /// Run under the lock before anything else: a build killed between the two renames left
    /// the output missing and both sites beside it; the whole new one is moved in (or, if it
    /// never got that far, the old one back). Then every staging folder left by a killed build
    /// is removed: no build is running, so none is another's.
    func recover(_ target: OutputTarget) -> [Diagnostic] {
        let incoming = sibling(of: target, "incoming"), outgoing = sibling(of: target, "outgoing")
        if !target.exists {
            for folder in [incoming, outgoing] where rename(folder, target.path) == 0 { break }
        }
        let lock = (OutputLock.path(for: target) as NSString).lastPathComponent
        let prefix = ".\(target.name)\(Self.marker)"
        var warnings: [Diagnostic] = []
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: target.parent)) ?? [] where entry.hasPrefix(prefix) && entry != lock {
            do throws(FolderRemoval.Failure) {
                try FolderRemoval.remove((target.parent as NSString).appendingPathComponent(entry))
            } catch {
                warnings.append(.warning(at: SourceLocation(file: error.path), "could not remove what an earlier build left here: \(error.reason); delete it by hand"))
            }
        }
        return warnings
    }

    private func sibling(of target: OutputTarget, _ suffix: String) -> String {
        (target.parent as NSString).appendingPathComponent(".\(target.name)\(Self.marker)\(suffix)")
    }

    private func refuseUnsafePaths(_ files: [OutputFile], output: String) throws {
        let unsafe = files.filter { !$0.isSafePath || $0.path == OutputTarget.markerName }
        guard unsafe.isEmpty else {
            throw PolicySiteError(unsafe.map {
                .error(at: SourceLocation(file: output), "refusing to write '\($0.path)', which is outside the output directory",
                       expected: "a file name of letters, digits and '-'")
            })
        }
        var seen = Set<String>()
        for file in files where !seen.insert(file.path).inserted {
            throw PolicySiteError(.error(at: SourceLocation(file: output), "two pages would be written to '\(file.path)'", expected: "a different slug for one of them"))
        }
    }

    /// Every file with mode 0644 and every folder 0755, whatever the umask and wherever the
    /// bytes came from: modes are never copied from a source file.
    private func write(_ files: [OutputFile], into staging: String) throws {
        try makeFolder(staging)
        // mkdir(2) and write(2) rather than FileManager and Data.write: a 1,000-policy site is
        // a thousand folders and files, and Foundation's per-file work was most of this stage.
        var made: Set<Substring> = [""]
        let marker = OutputFile(path: OutputTarget.markerName, text: OutputTarget.markerText)
        for file in files.sorted(by: { $0.path < $1.path }) + [marker] {
            var folders: [Substring] = []
            var folder = file.path[..<(file.path.lastIndex(of: "/") ?? file.path.startIndex)]
            while made.insert(folder).inserted {
                folders.append(folder)
                folder = folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)]
            }
            for folder in folders.reversed() {
                try makeFolder(staging + "/" + folder)
            }
            let path = staging + "/" + file.path
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else { throw writeError(path) }
            defer { close(descriptor) }
            guard fchmod(descriptor, 0o644) == 0 else { throw writeError(path) }
            try file.contents.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                guard let base = buffer.baseAddress else { return }  // empty: nothing to write
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw writeError(path)
                    }
                    offset += written
                }
            }
        }
    }

    private func makeFolder(_ path: String) throws {
        guard mkdir(path, 0o755) == 0, chmod(path, 0o755) == 0 else { throw writeError(path) }
    }

    private func writeError(_ path: String) -> PolicySiteError {
        PolicySiteError(.error(at: SourceLocation(file: path), "could not write the file: \(String(cString: strerror(errno)))",
                               expected: "an output directory the build may write, on a disk with room"))
    }

    /// Puts the staging folder at the output path; returns where the old site now is (to be
    /// removed), or nil on a first build.
    private func swap(_ staging: String, into target: OutputTarget) throws -> String? {
        func failed(_ code: Int32) -> PolicySiteError {
            try? FolderRemoval.remove(staging)
            return PolicySiteError(.error(at: SourceLocation(file: target.given), "could not swap the new site into place: \(String(cString: strerror(code)))",
                                          expected: "an output folder the build may write"))
        }
        guard target.exists else {
            guard rename(staging, target.path) == 0 else { throw failed(errno) }
            return nil
        }
        if swapMethod == .exchange {
            let code = SwapMethod.exchange(staging, target.path)
            if code == 0 { return staging }
            guard SwapMethod.isUnsupported(code) else { throw failed(code) }
        }
        // Two renames. The new site is first renamed to `incoming`, whole: from then on a build
        // killed at any moment leaves either the output in place or `incoming` for `recover`.
        let incoming = sibling(of: target, "incoming"), outgoing = sibling(of: target, "outgoing")
        guard rename(staging, incoming) == 0 else { throw failed(errno) }
        guard rename(target.path, outgoing) == 0 else {
            let code = errno
            try? FolderRemoval.remove(incoming)
            throw failed(code)
        }
        if case .renames(let pause) = swapMethod, pause > 0 {
            FileHandle.standardError.write(Data("policysite: between the two renames (POLICYSITE_SWAP)\n".utf8))
            Thread.sleep(forTimeInterval: pause)
        }
        guard rename(incoming, target.path) == 0 else {
            let code = errno
            _ = rename(outgoing, target.path)
            throw failed(code)
        }
        return outgoing
    }

    /// The new site is published whatever happens here: a failure is a warning, and the next
    /// build's `recover` tries again.
    private func removeOld(_ old: String?, of target: OutputTarget) -> [Diagnostic] {
        guard let old else { return [] }
        do throws(FolderRemoval.Failure) {
            try FolderRemoval.remove(old)
            return []
        } catch {
            return [.warning(at: SourceLocation(file: error.path), "the new site is published, but the old one could not be removed: \(error.reason); the next build tries again")]
        }
    }
}
