import Dispatch
import Foundation

/// Says what is happening when a step takes longer than a second, so a slow step never
/// looks stuck: "Building the site…", then "Building the site: done in 1.4 s".
final class Progress: @unchecked Sendable {
    private let what: String
    private let threshold: Duration
    private let write: @Sendable (String) -> Void
    private let started = ContinuousClock.now
    private let lock = NSLock()
    private var announced = false
    private var finished = false

    /// Starts timing `what`; nothing is written unless it is still running after `threshold`.
    init(_ what: String, threshold: Duration = .seconds(1), write: @escaping @Sendable (String) -> Void = { Terminal.standardError($0) }) {
        self.what = what
        self.threshold = threshold
        self.write = write
        let nanoseconds = Int(threshold / .nanoseconds(1))
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [self] in
            let announce = lock.withLock { () -> Bool in
                guard !finished else { return false }
                announced = true
                return true
            }
            if announce { write("\(what)…") }
        }
    }

    /// Ends the step; says how long it took when it was announced.
    func finish() {
        let wasAnnounced = lock.withLock { () -> Bool in
            finished = true
            return announced
        }
        guard wasAnnounced else { return }
        let seconds = Double((ContinuousClock.now - started) / .milliseconds(1)) / 1000
        write("\(what): done in \(String(format: "%.1f", seconds)) s")
    }

    /// Runs `body` as one step.
    static func step<T>(_ what: String, _ body: () throws -> T) rethrows -> T {
        let progress = Progress(what)
        defer { progress.finish() }
        return try body()
    }
}
