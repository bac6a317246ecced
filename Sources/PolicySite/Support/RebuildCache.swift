import Foundation

/// Values kept between the preview server's rebuilds, so that after a one-file change only
/// that file's work is done again. A rebuild forgets what the one before it did not use, so
/// the cache holds one site's worth at most. `policysite build` runs without one.
public final class RebuildCache<Key: Hashable, Value>: @unchecked Sendable {
    private var current: [Key: Value] = [:]
    private var previous: [Key: Value] = [:]
    private let lock = NSLock()

    public init() {}

    /// Starts a rebuild: entries the last rebuild did not use are dropped after this one.
    func beginBuild() {
        lock.withLock {
            previous = current
            current = [:]
        }
    }

    /// The kept value for `key` if `isValid` accepts it, otherwise a fresh one from `make`.
    func value(for key: Key, keptIf isValid: (Value) -> Bool = { _ in true }, make: () throws -> Value) rethrows -> Value {
        if let kept = lock.withLock({ current[key] ?? previous[key] }), isValid(kept) {
            lock.withLock { current[key] = kept }
            return kept
        }
        let fresh = try make()
        lock.withLock { current[key] = fresh }
        return fresh
    }
}
