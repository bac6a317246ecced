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
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let pairs = stride(from: 0, to: text.count, by: 2).map { offset -> UInt8? in
            let start = text.index(text.startIndex, offsetBy: offset)
            return UInt8(text[start..<text.index(start, offsetBy: min(2, text.count - offset))], radix: 16)
        }
        guard text.count == 64, pairs.allSatisfy({ $0 != nil }) else {
            throw PolicySiteError(.error(at: location, "the key file does not hold a key", expected: "64 hex digits, as written by --new-key"))
        }
        return PseudonymKey(bytes: pairs.map { $0! })
    }

    static func isInside(_ path: String, directory: String) -> Bool {
        let file = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let folder = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        return file.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}

private func pad(_ value: Int, radix: Int) -> String {
    let digits = String(value, radix: radix)
    return digits.count == 1 ? "0" + digits : digits
}
