import Dispatch
import Foundation

/// Waits for Ctrl-C (SIGINT) or SIGTERM, so `serve` can stop cleanly instead of being killed.
enum Interrupt {
    static func wait() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let once = Once()
        let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            for source in sources {
                source.setEventHandler { if once.first() { continuation.resume() } }
                source.resume()
            }
        }
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    private final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private var fired = false

        func first() -> Bool {
            lock.withLock {
                defer { fired = true }
                return !fired
            }
        }
    }
}
