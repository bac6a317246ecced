import Foundation

/// The path, size, modification time and file number of every file below a directory
/// (a folder's own time changes with every editor's temporary file, so folders are left out):
/// when two fingerprints differ, something was added, removed or saved.
public struct SourceFingerprint: Sendable, Hashable {
    struct Stamp: Sendable, Hashable {
        var size: UInt64
        var modified: Double
        var fileNumber: UInt64
    }

    let directoryExists: Bool
    let stamps: [String: Stamp]

    /// Reads the fingerprint of `directory`; a missing directory has an empty one of its own.
    public static func of(_ directory: String) -> SourceFingerprint {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = fileManager.enumerator(atPath: directory) else {
            return SourceFingerprint(directoryExists: false, stamps: [:])
        }
        var stamps: [String: Stamp] = [:]
        while let relative = enumerator.nextObject() as? String {
            let path = (directory as NSString).appendingPathComponent(relative)
            // A file deleted between listing and reading simply drops out; the next poll settles it.
            guard let attributes = try? fileManager.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType != .typeDirectory else { continue }
            stamps[relative] = Stamp(size: (attributes[.size] as? NSNumber)?.uint64Value ?? 0,
                                     modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0,
                                     fileNumber: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0)
        }
        return SourceFingerprint(directoryExists: true, stamps: stamps)
    }

    /// Paths added, removed or changed since `earlier`, sorted; for the terminal message.
    public func changes(since earlier: SourceFingerprint) -> [String] {
        Set(stamps.keys).union(earlier.stamps.keys).filter { stamps[$0] != earlier.stamps[$0] }.sorted()
    }
}
