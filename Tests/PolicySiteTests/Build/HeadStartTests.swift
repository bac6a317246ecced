import Foundation
import Testing
@testable import PolicySite

/// The head start runs its work once, on whichever thread gets to it first, and hands the
/// result to the caller either way.
@Suite struct HeadStartTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var runs = 0
        func increment() -> Int { lock.withLock { runs += 1; return runs } }
        var count: Int { lock.withLock { runs } }
    }

    @Test func theWorkRunsOnceAndItsResultIsGiven() {
        for _ in 0..<200 {
            let counter = Counter()
            let start = HeadStart { counter.increment() }
            #expect(start.value == 1)
            #expect(start.value == 1, "asked twice, the same result")
            #expect(counter.count == 1)
        }
    }

    @Test func aCallerThatAsksBeforeTheThreadStartsDoesTheWorkItself() {
        // Asked at once, the work usually has not begun on its thread; then it runs here.
        var ranHere = 0
        for _ in 0..<200 {
            let caller = pthread_self()
            let start = HeadStart { pthread_equal(pthread_self(), caller) != 0 }
            if start.value { ranHere += 1 }
        }
        #expect(ranHere > 0)
    }

    @Test func aCallerWaitsForWorkAlreadyUnderWay() {
        let start = HeadStart { () -> Int in
            Thread.sleep(forTimeInterval: 0.05)
            return 42
        }
        Thread.sleep(forTimeInterval: 0.02)
        #expect(start.value == 42)
    }
}
