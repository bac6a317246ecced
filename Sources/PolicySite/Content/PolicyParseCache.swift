import Foundation

/// Parsed policies kept between the preview server's rebuilds: a policy whose file holds the
/// same bytes as last time is not decoded and parsed again. Keyed by path, checked by content
/// (never by modification time); a rebuild forgets the files the one before it did not read.
public final class PolicyParseCache: @unchecked Sendable {
    typealias Parsed = (PolicyDocument, [Diagnostic])
    private var current: [String: (Data, Parsed)] = [:]
    private var previous: [String: (Data, Parsed)] = [:]
    private let lock = NSLock()

    public init() {}

    /// Starts a rebuild: entries the last rebuild did not use are dropped after this one.
    func beginBuild() {
        lock.withLock {
            previous = current
            current = [:]
        }
    }

    func parsed(_ path: String, _ data: Data, by parse: () throws -> Parsed) rethrows -> Parsed {
        if let (kept, parsed) = lock.withLock({ current[path] ?? previous[path] }), kept == data {
            lock.withLock { current[path] = (data, parsed) }
            return parsed
        }
        let fresh = try parse()
        lock.withLock { current[path] = (data, fresh) }
        return fresh
    }
}
