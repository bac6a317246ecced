import Foundation

/// The import's one write step: every file of a run, or none. Each file is written in full
/// beside its place first; only when all are written are they renamed into place, and a
/// failure part-way puts back what was there before.
public enum ImportWriter {
    public struct File: Sendable, Equatable {
        public var path: String
        public var data: Data

        public init(path: String, data: Data) {
            self.path = path
            self.data = data
        }
    }

    public struct Failure: Error, LocalizedError {
        public var path: String
        public var reason: String
        public var errorDescription: String? { "\(path): \(reason)" }
    }

    public static func write(_ files: [File]) throws {
        let marker = "policysite-import-\(ProcessInfo.processInfo.processIdentifier)"
        var staged: [(file: File, temporary: String)] = []
        defer { for (_, temporary) in staged { try? FileManager.default.removeItem(atPath: temporary) } }
        for file in files {
            let directory = (file.path as NSString).deletingLastPathComponent
            let temporary = (directory as NSString).appendingPathComponent(".\((file.path as NSString).lastPathComponent).\(marker)")
            do {
                try FileManager.default.createDirectory(atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
                try file.data.write(to: URL(fileURLWithPath: temporary))
            } catch {
                throw Failure(path: file.path, reason: "could not be written (\(PolicyImport.reason(error))); nothing was imported")
            }
            staged.append((file, temporary))
        }
        // Into place, keeping what was replaced until every rename has worked.
        var moved: [(path: String, previous: String?)] = []
        do {
            for (file, temporary) in staged {
                var previous: String?
                if FileManager.default.fileExists(atPath: file.path) {
                    let kept = temporary + ".previous"
                    try rename(file.path, kept)
                    previous = kept
                }
                moved.append((file.path, previous))
                try rename(temporary, file.path)
            }
        } catch {
            for (path, previous) in moved.reversed() {
                if let previous { _ = Foundation.rename(previous, path) } else { unlink(path) }
            }
            throw error
        }
        for case let (_, previous?) in moved { unlink(previous) }
    }

    private static func rename(_ from: String, _ to: String) throws {
        guard Foundation.rename(from, to) == 0 else {
            throw Failure(path: to, reason: "could not be put in place (\(String(cString: strerror(errno)))); nothing was imported")
        }
    }
}
