import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ModerationLogReader {
    /// Logs at least this large are read in two halves at once. Below it, the second thread
    /// costs more than it saves (a 100,000-row log, 6.6 MB, is read in about 20 ms).
    public static let halvesFrom = 4 << 20
}

extension ModerationLogReader.Session {
    /// Reads `file` whole, a large one in two halves at once: this thread reads the first half
    /// as usual while another reads the second with the fast lane alone. If the second half has
    /// any row the fast lane declines (a quoted cell, anything to report), or the cut falls inside
    /// a quoted cell, that thread's count is dropped and this thread reads the second half as
    /// usual: the messages, their order and their lines are always those of one reader, and the
    /// figures are sums of counts, the same whichever thread counted them.
    mutating func read(_ file: ChunkedFile.Opened, chunkSize: Int, halvesFrom: Int) throws {
        guard useFastPath, file.size >= halvesFrom else { return try file.forEachChunk(size: chunkSize) { consume($0) } }
        // The header first, so that the other thread knows the columns.
        let firstEnd = min(chunkSize, file.size)
        try file.forEachChunk(to: firstEnd, size: chunkSize) { consume($0) }
        guard let prototype = fastPath, let cut = try file.lineStart(after: max(firstEnd, file.size / 2)), cut < file.size else {
            return try file.forEachChunk(from: firstEnd, size: chunkSize) { consume($0) }
        }
        let result = SecondHalfResult(SecondHalf(fastPath: prototype.withEmptyTally()))
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) {
            var half = result.half
            half.read(file, from: cut, chunkSize: chunkSize)
            result.half = half
        }
        try file.forEachChunk(from: firstEnd, to: cut, size: chunkSize) { consume($0) }
        done.wait()
        let secondHalf = result.half
        if scanner.isAtRecordStart, !secondHalf.declined, secondHalf.lines > 0 {
            fastPath?.tally.merge(secondHalf.fastPath.tally)
            lastLine = scanner.currentLine + secondHalf.lines - 1
            scanner.skipRecords(secondHalf.lines, length: secondHalf.length)
        } else {
            try file.forEachChunk(from: cut, size: chunkSize) { consume($0) }
        }
    }
}

/// The second half of a log, read on another thread by the fast lane alone. It gives up at the
/// first line the fast lane declines, or if the file does not end with a line feed.
/// A struct worked on in place, handed back through `SecondHalfResult`: a class's stored
/// properties would be checked for exclusive access on every row.
private struct SecondHalf {
    var fastPath: ModerationLogFastPath
    /// Lines counted, and their bytes.
    var lines = 0
    var length = 0
    var declined = false
    /// The start of a line the last chunk cut off.
    private var carried: [UInt8] = []

    private struct Declined: Error {}

    init(fastPath: ModerationLogFastPath) { self.fastPath = fastPath }

    mutating func read(_ file: ChunkedFile.Opened, from start: Int, chunkSize: Int) {
        do {
            try file.forEachChunk(from: start, size: chunkSize) { try take($0) }
            if !carried.isEmpty { declined = true }
        } catch {
            declined = true
        }
    }

    private mutating func take(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        guard let base = chunk.baseAddress else { return }
        var start = 0
        while start < chunk.count {
            guard let found = memchr(base + start, 0x0A, chunk.count - start) else {
                carried += UnsafeBufferPointer(rebasing: chunk[start...])
                return
            }
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let taken: Bool
            if carried.isEmpty {
                taken = fastPath.take(UnsafeBufferPointer(rebasing: chunk[start..<end]))
                length += end + 1 - start
            } else {
                carried += UnsafeBufferPointer(rebasing: chunk[start..<end])
                taken = carried.withUnsafeBufferPointer { fastPath.take($0) }
                length += carried.count + 1
                carried.removeAll(keepingCapacity: true)
            }
            guard taken else { throw Declined() }
            lines += 1
            start = end + 1
        }
    }
}

/// Where the other thread leaves its `SecondHalf`; read only after the thread is done.
private final class SecondHalfResult: @unchecked Sendable {
    var half: SecondHalf
    init(_ half: SecondHalf) { self.half = half }
}
