import Foundation
import Crypto

/// Turns a staff member's working log (real handles, free-text notes) into the published log:
/// each handle becomes a keyed pseudonym, free-text columns are dropped, and dates and
/// vocabulary are checked, every problem reported at once.
public struct Anonymiser: Sendable {
    public var key: PseudonymKey
    public var categories: [SiteConfiguration.Term]
    public var actions: [SiteConfiguration.Term]
    public var asOf: CalendarDay

    /// The columns of the working log that carry a handle; the first one present is used. A
    /// handle in any other column would be dropped, so one found there is refused.
    public static let handleColumns = ["handle", "account", "user", "username"]

    public init(key: PseudonymKey, categories: [SiteConfiguration.Term], actions: [SiteConfiguration.Term], asOf: CalendarDay) {
        self.key = key
        self.categories = categories
        self.actions = actions
        self.asOf = asOf
    }

    /// `p-` and 16 hex digits of HMAC-SHA256(key, handle), the handle trimmed, lowercased and
    /// without its `@`, so `@Dave_Smith` and `dave_smith` are one account.
    public func pseudonym(for handle: String) -> String {
        var normalised = handle.trimmingCharacters(in: .whitespaces).lowercased()
        if normalised.hasPrefix("@") { normalised.removeFirst() }
        let mac = HMAC<SHA256>.authenticationCode(for: Array(normalised.utf8), using: SymmetricKey(data: key.bytes))
        return "p-" + mac.prefix(8).map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    /// The published log for the working log at `path` (named `file` in messages).
    public func anonymise(path: String, file: String? = nil) throws -> String {
        var run = AnonymiserRun(anonymiser: self, file: file ?? path)
        do {
            try ChunkedFile.forEachChunk(of: path) { run.consume($0) }
        } catch let error as ChunkedFile.OpenError {
            throw PolicySiteError(.error(at: SourceLocation(file: file ?? path), error.description, expected: error.expected))
        }
        return try run.finish()
    }

    /// Refuses an `--output` that would overwrite the working log (the same file by another
    /// path, a symbolic or hard link to it) or that is itself a symbolic link, which the
    /// atomic write would replace rather than follow.
    public static func checkOutput(_ output: String, raw: String) throws {
        let location = SourceLocation(file: output)
        var outputStatus = stat(), rawStatus = stat()
        if lstat(output, &outputStatus) == 0, outputStatus.st_mode & S_IFMT == S_IFLNK {
            throw PolicySiteError(.error(at: location, "the output is a symbolic link, which could lead anywhere (even to the working log)",
                                         expected: "the path of the anonymised log itself, such as content/moderation-log.csv"))
        }
        let sameInode = stat(output, &outputStatus) == 0 && stat(raw, &rawStatus) == 0
            && outputStatus.st_dev == rawStatus.st_dev && outputStatus.st_ino == rawStatus.st_ino
        if sameInode || FilePaths.resolved(output) == FilePaths.resolved(raw) {
            throw PolicySiteError(.error(at: location, "the output is the working log itself, which would be overwritten",
                                         expected: "another file for the anonymised log, such as content/moderation-log.csv"))
        }
    }

    /// The same for a working log in memory.
    public func anonymise(bytes: [UInt8], file: String) throws -> String {
        var run = AnonymiserRun(anonymiser: self, file: file)
        ChunkedFile.forEachChunk(of: bytes) { run.consume($0) }
        return try run.finish()
    }
}
