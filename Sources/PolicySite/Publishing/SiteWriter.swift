import CAtomicSwap
import Foundation

/// The publish stage: writes every file into a staging directory beside the output, then
/// swaps it into place in one step. A build that fails or is killed leaves the previous
/// site exactly as it was.
public struct SiteWriter: Sendable {
    /// Staging and retired directories are named `.NAME.policysite-…` beside the output.
    static let marker = ".policysite-"

    public init() {}

    public func publish(_ files: [OutputFile], to output: String) throws {
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent()
        let name = outputURL.lastPathComponent
        let fileManager = FileManager.default
        try refuseUnsafePaths(files, output: output)
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(of: name, in: parent)

        let staging = parent.appendingPathComponent(".\(name)\(Self.marker)staging-\(UUID().uuidString)")
        do {
            try write(files, into: staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        try swap(staging, into: outputURL)
    }

    private func refuseUnsafePaths(_ files: [OutputFile], output: String) throws {
        let unsafe = files.filter { !$0.isSafePath }
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

    private func write(_ files: [OutputFile], into staging: URL) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        // mkdir(2) and write(2) rather than FileManager and Data.write: a 1,000-policy site is
        // a thousand folders and files, and Foundation's per-file work was most of this stage.
        var made: Set<Substring> = [""]
        for file in files.sorted(by: { $0.path < $1.path }) {
            var folders: [Substring] = []
            var folder = file.path[..<(file.path.lastIndex(of: "/") ?? file.path.startIndex)]
            while made.insert(folder).inserted {
                folders.append(folder)
                folder = folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)]
            }
            for folder in folders.reversed() {
                let path = staging.path + "/" + folder
                guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw writeError(path) }
            }
            let path = staging.path + "/" + file.path
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw writeError(path) }
            defer { close(descriptor) }
            try file.contents.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw writeError(path)
                    }
                    offset += written
                }
            }
        }
    }

    private func writeError(_ path: String) -> PolicySiteError {
        PolicySiteError(.error(at: SourceLocation(file: path), "could not write the file: \(String(cString: strerror(errno)))",
                               expected: "an output directory the build may write, on a disk with room"))
    }

    /// Exchanges the staging directory with the output in one step; the old site then sits
    /// at the staging path and is removed. The first build simply renames.
    private func swap(_ staging: URL, into output: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        guard policysite_exchange_paths(staging.path, output.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? fileManager.removeItem(at: staging)
            throw PolicySiteError(.error(at: SourceLocation(file: output.path), "could not swap the new site into place: \(reason)",
                                         expected: "an output directory on a Linux file system that the build may write"))
        }
        try fileManager.removeItem(at: staging)
    }

    /// Removes staging directories left by a build that was killed, so none accumulate.
    private func removeLeftovers(of name: String, in parent: URL) {
        let prefix = ".\(name)\(Self.marker)"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}
