import Dispatch
import Foundation

/// How many threads a build may use. A build on one thread is the reference: a build on every
/// core must equal it byte for byte (Tests/PolicySiteTests/Build/DeterminismTests.swift).
public enum Parallelism: Sendable {
    case allCores
    case oneThread
}

extension Array where Element: Sendable {
    /// `map` across all cores (or on this thread with `.oneThread`); the order of the results
    /// is the order of the input.
    func parallelMap<T: Sendable>(_ parallelism: Parallelism = .allCores, _ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1, parallelism == .allCores else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, transform(self[index]))
        }
        return results.values
    }
}

/// One slot per input, each written by exactly one iteration; the lock keeps it simple and safe.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }

    /// Read after `concurrentPerform` returns, which has run every index once: no slot is nil.
    var values: [T] { lock.withLock { slots.map { $0! } } }
}
