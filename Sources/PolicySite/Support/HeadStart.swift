import Foundation

/// A piece of work started on a thread of its own while the caller goes on with other work.
///
/// `value` gives its result. If that thread has not begun the work by then, the caller does it
/// itself, so a busy machine, where a new thread may wait to be scheduled, never makes the
/// caller wait for more than the part already under way.
final class HeadStart<Value: Sendable>: @unchecked Sendable {
    private enum State {
        case waiting(@Sendable () -> Value)
        case running
        case done(Value)
    }

    private let condition = NSCondition()
    private var state: State

    init(_ work: @escaping @Sendable () -> Value) {
        state = .waiting(work)
        Thread.detachNewThread { [self] in _ = take().map(finish) }
    }

    /// The result, waiting for the other thread only while it is doing the work.
    var value: Value {
        if let work = take() { return finish(work) }
        condition.lock()
        defer { condition.unlock() }
        while true {
            if case .done(let value) = state { return value }
            condition.wait()
        }
    }

    /// The work, for whichever thread asks first.
    private func take() -> (@Sendable () -> Value)? {
        condition.lock()
        defer { condition.unlock() }
        guard case .waiting(let work) = state else { return nil }
        state = .running
        return work
    }

    @discardableResult
    private func finish(_ work: @Sendable () -> Value) -> Value {
        let value = work()
        condition.lock()
        state = .done(value)
        condition.broadcast()
        condition.unlock()
        return value
    }
}
