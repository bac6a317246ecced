import Foundation
import Testing
@testable import PolicySite

/// The reader counts plain rows in a fast lane and gives everything else to the full scanner.
/// Reading in 1-byte chunks never completes a line inside a chunk, so it takes only the full
/// path: both ways must give the same figures and the same messages.
@Suite struct ModerationLogFastPathTests {
    /// Rows of every shape the fast lane must count, or decline and leave to the full reader.
    static func mixedLog(rows: Int, withErrors: Bool) -> String {
        var generator = SplitMix(seed: 8)
        let categories = ModerationFixtures.categories.map(\.key)
        let actions = ["removed", "removed;blocked", "blocked;esafety-notified", "removed;;reported-platform", " removed ; blocked"]
        var lines = ["date,category,actions,account,hours-to-action"]
        for row in 0..<rows {
            let day = String(format: "%04d-%02d-%02d", 2016 + Int(generator.next() % 10), 1 + Int(generator.next() % 12), 1 + Int(generator.next() % 28))
            let account: String
            switch generator.next() % 6 {
            case 0: account = ""
            case 1: account = "p-" + String(repeating: "ab", count: 12)  // longer than 16 digits
            case 2: account = "p-\(String(generator.next() % 64, radix: 16).padding(toLength: 8, withPad: "0", startingAt: 0))"
            default: account = "p-" + String(generator.next() % 40, radix: 16).padding(toLength: 16, withPad: "7", startingAt: 0)
            }
            let hours = ["", "3.5", "0.25", "24", "12", "\"7.5\"", " 2 "][Int(generator.next() % 7)]
            var line = "\(day),\(categories[Int(generator.next() % UInt64(categories.count))]),\(actions[Int(generator.next() % UInt64(actions.count))]),\(account),\(hours)"
            switch row % 97 {
            case 5: line = "\(day)T09:30:00Z" + line.dropFirst(10)
            case 11: line += "\r"
            case 17: line = "\"\(day)\"" + line.dropFirst(10)
            case 23 where withErrors: line = line.replacingOccurrences(of: "removed", with: "deleted")
            case 29 where withErrors: line = "2027-01-01" + line.dropFirst(10)
            case 31 where withErrors: line += ",extra"
            case 37 where withErrors: line = line.replacingOccurrences(of: ",p-", with: ",@p-")
            case 41: lines.append("")
            default: break
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func plainAndUnusualRowsCountTheSameOnBothPaths() throws {
        let log = Self.mixedLog(rows: 3000, withErrors: false)
        let fast = try ModerationFixtures.read(log)
        #expect(fast.incidents == 3000)
        #expect(try ModerationFixtures.read(log, chunkSize: 1) == fast)
        #expect(try ModerationFixtures.read(log, chunkSize: 4096) == fast)
    }

    @Test func refusedRowsGiveTheSameMessagesOnBothPaths() throws {
        let log = Self.mixedLog(rows: 3000, withErrors: true)
        func messages(_ chunkSize: Int) -> [String] {
            do {
                _ = try ModerationFixtures.read(log, chunkSize: chunkSize)
                return []
            } catch let error as PolicySiteError {
                return error.diagnostics.map(\.description)
            } catch {
                return ["\(error)"]
            }
        }
        let fast = messages(1 << 20)
        #expect(fast.count > 10)
        #expect(messages(1) == fast)
    }
}

/// A small seeded generator, so the mixed log is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
