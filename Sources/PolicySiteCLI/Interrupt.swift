import Dispatch
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM for `serve`: caught from the moment `listen` is called (so a
/// signal that comes early is not lost), and answered within a second whatever the program is
/// doing. A signal wakes `wait()` for a clean stop; if the program has not finished stopping
/// within `deadline` (a long first build, say), it says `farewell` and exits at once. Only
/// for commands that hold nothing on disk.
final class Interrupt: @unchecked Sendable {
    private let received = DispatchSemaphore(value: 0)
    private let sources: [DispatchSourceSignal]
    private let lock = NSLock()
    private var saidFarewell = false
    private let farewell: String

    static func listen(deadline: Duration = .milliseconds(800), farewell: String) -> Interrupt {
        Interrupt(deadline: deadline, farewell: farewell)
    }

    private init(deadline: Duration, farewell: String) {
        self.farewell = farewell
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        let nanoseconds = Int(deadline / .nanoseconds(1))
        for source in sources {
            source.setEventHandler { [self] in
                received.signal()
                DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [self] in
                    sayFarewell()
                    _exit(0)
                }
            }
            source.resume()
        }
    }

    /// Returns once Ctrl-C or SIGTERM has arrived (at once if one already has).
    func wait() {
        received.wait()
    }

    /// Writes the farewell line, once, whoever gets there first.
    func sayFarewell() {
        let first = lock.withLock {
            defer { saidFarewell = true }
            return !saidFarewell
        }
        if first { Terminal.standardOutput(farewell) }
    }
}
