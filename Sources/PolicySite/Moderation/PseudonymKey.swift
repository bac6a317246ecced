import Crypto
import Foundation

/// The secret key behind pseudonyms: 32 random bytes, kept in a file outside the site's content
/// (so it is never published) and readable only by its owner.
public struct PseudonymKey: Sendable {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// A fresh random key.
    public static func random() -> PseudonymKey {
        PseudonymKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
    }

    /// Reads the key at `path`, or creates it (mode 0600) when `create` is set and it does not exist yet.
    /// Refuses a key file inside `contentDirectory`, from where it could be published or committed.
    public static func load(path: String, contentDirectory: String, create: Bool) throws -> PseudonymKey {
        let location = SourceLocation(file: path)
        if isInside(path, directory: contentDirectory) {
            throw PolicySiteError(.error(at: location, "the key file is inside the content directory '\(contentDirectory)', from where it could be published",
                                         expected: "a key file kept elsewhere, such as ~/.policysite/pseudonym.key"))
        }
        if !FileManager.default.fileExists(atPath: path) {
            guard create else {
                throw PolicySiteError(.error(at: location, "there is no key file", expected: "the key file of earlier runs, or --new-key to create one"))
            }
            let key = random()
            let text = key.bytes.map { pad(Int($0), radix: 16) }.joined() + "\n"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard descriptor >= 0 else {
                throw PolicySiteError(.error(at: location, "cannot create the key file: \(String(cString: strerror(errno)))", expected: "a writable place for it"))
            }
            defer { close(descriptor) }
            let written = text.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
            guard written == text.utf8.count else {
                throw PolicySiteError(.error(at: location, "cannot write the key file", expected: "a writable place for it"))
            }
            return key
        }
        var bytes: [UInt8] = []
        do {
            try ChunkedFile.forEachChunk(of: path, size: 4096, limit: 4096) { bytes.append(contentsOf: $0) }
        } catch let error as ChunkedFile.OpenError {
            throw PolicySiteError(.error(at: location, error.description, expected: "the key file of earlier runs, 64 hex digits"))
        }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let digits = Array(text.utf8)
        var key: [UInt8] = []
        if digits.count == 64 {
            for offset in stride(from: 0, to: 64, by: 2) {
                guard let byte = UInt8(String(decoding: digits[offset..<(offset + 2)], as: UTF8.self), radix: 16) else { break }
                key.append(byte)
            }
        }
        guard key.count == 32 else {
            throw PolicySiteError(.error(at: location, "the key file does not hold a key", expected: "64 hex digits, as written by --new-key"))
        }
        return PseudonymKey(bytes: key)
    }

    /// Whether `path` is `directory` or inside it, following symbolic links in both, also
    /// where `path` does not exist yet (its deepest existing folder is resolved).
    static func isInside(_ path: String, directory: String) -> Bool {
        let file = FilePaths.resolved(path)
        let folder = FilePaths.resolved(directory)
        return file == folder || file.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}

private func pad(_ value: Int, radix: Int) -> String {
    let digits = String(value, radix: radix)
    return digits.count == 1 ? "0" + digits : digits
}

/// Paths compared as the file system sees them.
enum FilePaths {
    /// The absolute path with every symbolic link resolved: `realpath` of the deepest part
    /// that exists, then the rest (which, not existing, holds no link).
    static func resolved(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        var rest: [String] = []
        while true {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            let parent = (existing as NSString).deletingLastPathComponent
            if parent == existing || parent.isEmpty { return URL(fileURLWithPath: path).standardizedFileURL.path }
            rest.append((existing as NSString).lastPathComponent)
            existing = parent
        }
    }
}
