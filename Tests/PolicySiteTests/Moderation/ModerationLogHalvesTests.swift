import Foundation
import Testing
@testable import PolicySite

/// A log read in two halves at once gives exactly what one reader gives: the same figures, or
/// the same messages with the same lines, wherever the cut falls: between clean rows, before a
/// row with a problem, inside a quoted cell that spans lines, or before a last line without LF.
@Suite struct ModerationLogHalvesTests {
    typealias Outcome = ModerationLogLanesTests.Outcome

    /// Reads `log` from a file: in halves (from any size) with small chunks, or as one reader.
    static func outcome(_ log: String, halves: Bool, chunkSize: Int) throws -> Outcome {
        let folder = try temporaryDirectory("halves")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("log.csv").path
        try Data(log.utf8).write(to: URL(fileURLWithPath: path))
        let reader = ModerationLogReader(categories: ModerationFixtures.categories, actions: ModerationFixtures.actions,
                                         asOf: ModerationFixtures.asOf, latestDate: CalendarDay(year: 2026, month: 12, day: 31))
        do {
            return .success(try reader.read(path: path, file: "log.csv", chunkSize: chunkSize, halvesFrom: halves ? 0 : .max))
        } catch let error as PolicySiteError {
            return .failure(error.diagnostics.map(\.description))
        }
    }

    static func expectSameOutcome(_ log: String, chunkSize: Int, _ note: String) throws {
        let halves = try outcome(log, halves: true, chunkSize: chunkSize)
        let one = try outcome(log, halves: false, chunkSize: chunkSize)
        #expect(halves == one, "\(note), chunks of \(chunkSize)")
        #expect(one == ModerationLogLanesTests.outcome(log, fastLane: false), "\(note): the scanner lane alone")
    }

    static let header = ModerationLogLanesTests.header.joined(separator: ",")

    /// Valid rows the fast lane takes (its pseudonyms are at most 16 digits), with accounts
    /// that recur within and across school years.
    static func validRows(_ count: Int, _ random: inout SplitMix) -> [String] {
        (0..<count).map { _ in
            ModerationLogLanesTests.header.map { column in
                column == "account" ? ["", "p-0000abcd", "p-0123456789abcdef", String(format: "p-%08x", random.next() % 50)][Int(random.next() % 4)]
                    : ModerationLogLanesTests.validValue(column, &random)
            }.joined(separator: ",")
        }
    }

    @Test func cleanLogsGiveTheSameFiguresWhereverTheCutFalls() throws {
        var random = SplitMix(seed: 41)
        var merged = 0
        for round in 0..<40 {
            var rows = Self.validRows(20 + round * 37, &random)
            if round % 2 == 0 { rows.sort() } // date order, as most logs are
            let log = Self.header + "\n" + rows.joined(separator: "\n") + "\n"
            let chunkSize = [64, 333, 4096, 1 << 20][round % 4]
            try Self.expectSameOutcome(log, chunkSize: chunkSize, "round \(round)")
            if case .success = try Self.outcome(log, halves: true, chunkSize: chunkSize) { merged += 1 }
        }
        #expect(merged == 40)
    }

    @Test func logsWithProblemsGiveTheSameMessagesAndLines() throws {
        var random = SplitMix(seed: 42)
        for round in 0..<30 {
            var rows = Self.validRows(100 + round * 11, &random)
            // One to three rows with a problem, anywhere (often in the second half).
            for _ in 0..<(1 + round % 3) {
                rows[Int(random.next() % UInt64(rows.count))] = ModerationLogLanesTests.mutatedRow(columns: ModerationLogLanesTests.header, &random)
            }
            let log = Self.header + "\n" + rows.joined(separator: "\n") + "\n"
            try Self.expectSameOutcome(log, chunkSize: [97, 1024][round % 2], "round \(round)")
        }
    }

    @Test func aQuotedCellAcrossTheCutIsReadAsOneReaderReadsIt() throws {
        var random = SplitMix(seed: 43)
        for round in 0..<12 {
            var rows = Self.validRows(200, &random)
            // A quoted cell holding line feeds around the middle: the cut may fall inside it.
            let middle = 95 + round
            rows[middle] = "2017-03-0\(1 + round % 9),\"undermining\",removed,,\"3\n\n\n\n5\""
            let log = Self.header + "\n" + rows.joined(separator: "\n") + "\n"
            try Self.expectSameOutcome(log, chunkSize: 128, "quoted cell at row \(middle)")
            // Quoted but valid: the fast lane declines it, the scanner counts it.
            rows[middle] = "\"2017-03-01\",undermining,removed,,3"
            try Self.expectSameOutcome(Self.header + "\n" + rows.joined(separator: "\n") + "\n", chunkSize: 128, "quoted date at row \(middle)")
        }
    }

    @Test func aLastLineWithoutLineFeedOrWithCRLFIsReadAsOneReaderReadsIt() throws {
        var random = SplitMix(seed: 44)
        let rows = Self.validRows(300, &random)
        try Self.expectSameOutcome(Self.header + "\n" + rows.joined(separator: "\n"), chunkSize: 256, "no final LF")
        try Self.expectSameOutcome(Self.header + "\r\n" + rows.joined(separator: "\r\n") + "\r\n", chunkSize: 256, "CRLF")
        try Self.expectSameOutcome(Self.header + "\n", chunkSize: 256, "header only")
        try Self.expectSameOutcome(Self.header + "\n" + rows[0] + "\n", chunkSize: 16, "one row")
    }
}
