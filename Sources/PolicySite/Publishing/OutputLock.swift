import Foundation

/// One build at a time per output folder: an exclusive flock(2) on `.NAME.policysite-lock`
/// beside the output, held for the whole build (load, render, publish). The kernel drops it
/// when the process ends, however it ends, so a killed build never leaves a stale lock.
public final class OutputLock: @unchecked Sendable {
    /// What a build does when another holds the lock.
    public enum Waiting: Sendable {
        /// Wait for it; `announce` is called once with a sentence to show before waiting.
        case wait(announce: @Sendable (String) -> Void)
        /// Refuse at once (`--no-wait`).
        case fail
    }

    private var descriptor: Int32
    private let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { release() }

    static func path(for target: OutputTarget) -> String {
        (target.parent as NSString).appendingPathComponent(".\(target.name)\(SiteWriter.marker)lock")
    }

    /// Takes the lock for `target`, creating the folder that holds the output if need be.
    static func acquire(for target: OutputTarget, waiting: Waiting) throws -> OutputLock {
        let path = path(for: target)
        do {
            try FileManager.default.createDirectory(atPath: target.parent, withIntermediateDirectories: true)
        } catch {
            throw failure(target, path, "the folder that holds it could not be made: \(error.localizedDescription)")
        }
        var announced = false
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else { throw failure(target, path, String(cString: strerror(errno))) }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK else {
                    close(descriptor)
                    throw failure(target, path, String(cString: strerror(errno)))
                }
                let holder = Self.holder(descriptor).map { " (process \($0))" } ?? ""
                guard case .wait(let announce) = waiting else {
                    close(descriptor)
                    throw PolicySiteError(.error(at: SourceLocation(file: target.given), "another build\(holder) is publishing into this folder now",
                                                 expected: "one build at a time (without --no-wait a build waits for the other to finish)"))
                }
                if !announced {
                    announce("Waiting for another build\(holder) into \(target.given)/ to finish…")
                    announced = true
                }
                while flock(descriptor, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        close(descriptor)
                        throw failure(target, path, String(cString: strerror(errno)))
                    }
                }
            }
            // The build that held it may have removed the file on release: then this lock is on a
            // file no one else will open, so start again with the file at the path now.
            var held = stat(), current = stat()
            guard fstat(descriptor, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev else {
                close(descriptor)
                continue
            }
            let pid = Array("\(getpid())\n".utf8)
            _ = ftruncate(descriptor, 0)
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            return OutputLock(descriptor: descriptor, path: path)
        }
    }

    /// Removes the lock file and lets the next build in. Removing it while still holding the
    /// lock is safe: a build waiting on the old file notices and opens the new one.
    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    /// The process id the holder wrote into the lock file, if it did.
    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func failure(_ target: OutputTarget, _ path: String, _ reason: String) -> PolicySiteError {
        PolicySiteError(.error(at: SourceLocation(file: path), "could not take the lock that keeps two builds into '\(target.given)' apart: \(reason)",
                               expected: "a folder beside the output that the build may write"))
    }
}
