import Foundation
import Testing
@testable import PolicySite

/// Input that would hang the reader or fill memory is refused, or read in bounded memory.
@Suite struct ModerationLogInputSafetyTests {
    static func errors(reading path: String) -> [String] {
        do {
            _ = try ModerationFixtures.reader().read(path: path, file: "log.csv")
            return []
        } catch let error as PolicySiteError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    @Test func refusesAFIFOAtOnceInsteadOfWaitingForAWriter() throws {
        let folder = try temporaryDirectory("fifo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("log.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(Self.errors(reading: fifo) == ["log.csv:1:1: error: '\(fifo)' is a pipe (FIFO), not a file, expected a regular CSV file"])
    }

    @Test func refusesADeviceThatNeverEnds() {
        #expect(Self.errors(reading: "/dev/zero") == ["log.csv:1:1: error: '/dev/zero' is a device, not a file, expected a regular CSV file"])
    }

    @Test func refusesAFolder() throws {
        let folder = try temporaryDirectory("folder-log")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Self.errors(reading: folder.path) == ["log.csv:1:1: error: '\(folder.path)' is a folder, not a file, expected a regular CSV file"])
    }

    @Test func keepsABoundedPartOfAHugeCellAndCountsItsLength() {
        var scanner = CSVScanner()
        var seen: [(length: Int, kept: Int)] = []
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 5_000_000)
        ChunkedFile.forEachChunk(of: Array("x,".utf8) + huge + Array(",\"".utf8) + huge + Array("\"\n".utf8), size: 1 << 16) { chunk in
            scanner.consume(chunk) { record in seen = record.fields.map { ($0.length, $0.range.count) } }
        }
        #expect(seen.map(\.length) == [1, 5_000_000, 5_000_000])
        #expect(seen.map(\.kept) == [1, CSVScanner.keptCellBytes, CSVScanner.keptCellBytes])
    }

    @Test func keepsABoundedNumberOfCellsAndCountsTheRest() {
        var scanner = CSVScanner()
        var counts: (kept: Int, all: Int) = (0, 0)
        let line = Array(String(repeating: ",", count: 100_000).utf8) + [0x0A]
        line.withUnsafeBufferPointer { bytes in scanner.consume(bytes) { counts = ($0.fields.count, $0.cellCount) } }
        #expect(counts.kept == CSVScanner.keptCells)
        #expect(counts.all == 100_001)
        #expect(ModerationFixtures.errors("date,category,actions\n" + String(repeating: ",", count: 100_000) + "\n") == [
            "log.csv:2:4: error: this row has 100001 cells but the header has 3, expected one cell per column (put a cell that contains a comma in quotes)",
        ])
    }
}
