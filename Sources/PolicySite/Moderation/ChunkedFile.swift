#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file in fixed-size chunks with `read(2)` into one reused buffer, so reading a log
/// of any length needs the same memory.
enum ChunkedFile {
    /// 128 KiB (also `ModerationLogReader.read`'s default): a large log is read by two threads,
    /// each with its own buffer; 1 MiB buffers saved no measurable time and cost 1.5 MB of peak
    /// memory (a chunk boundary only sends one row to the scanner path).
    static let defaultChunkSize = 128 << 10
    /// The most a log may hold: a school's log is a few megabytes, a million rows 70 MB.
    static let largestFile = 1 << 31

    struct OpenError: Error, CustomStringConvertible {
        var path: String
        var description: String
        var expected = "a readable CSV file"

        init(path: String, code: Int32) {
            self.path = path
            self.description = "cannot read '\(path)': \(String(cString: strerror(code)))"
        }

        init(path: String, description: String, expected: String) {
            self.path = path
            self.description = description
            self.expected = expected
        }
    }

    /// Only a regular file is read: a FIFO would wait for a writer forever and a device such
    /// as `/dev/zero` never ends. It is opened without blocking, so a FIFO is refused at once.
    static func forEachChunk(of path: String, size: Int = defaultChunkSize, limit: Int = largestFile,
                             _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try Opened(path: path).forEachChunk(size: size, limit: limit, body)
    }

    /// A regular file, open for reading; closed when the last reference goes. Ranges of it can
    /// be read from several threads at once (`pread` keeps no shared position).
    final class Opened: @unchecked Sendable {
        let path: String
        let descriptor: Int32
        /// The size when opened; a file that grows meanwhile is read to its end all the same.
        let size: Int

        init(path: String) throws {
            self.path = path
            descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { throw OpenError(path: path, code: errno) }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else {
                let code = errno
                close(descriptor)
                throw OpenError(path: path, code: code)
            }
            let kind = status.st_mode & S_IFMT
            guard kind == S_IFREG else {
                close(descriptor)
                let what = kind == S_IFDIR ? "a folder" : kind == S_IFIFO ? "a pipe (FIFO)" : kind == S_IFSOCK ? "a socket" : "a device"
                throw OpenError(path: path, description: "'\(path)' is \(what), not a file", expected: "a regular CSV file")
            }
            let flags = fcntl(descriptor, F_GETFL)
            if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
            size = Int(status.st_size)
        }

        deinit { close(descriptor) }

        /// Reads from byte `start` to `end` (nil: to the end of the file) in chunks of `size`
        /// bytes into one reused buffer; more than `limit` bytes read in all is refused.
        func forEachChunk(from start: Int = 0, to end: Int? = nil, size: Int = defaultChunkSize, limit: Int = largestFile,
                          _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
            defer { buffer.deallocate() }
            var position = start
            while end.map({ position < $0 }) ?? true {
                let count = try read(into: UnsafeMutableBufferPointer(rebasing: buffer[0..<(end.map { min(size, $0 - position) } ?? size)]), at: position)
                if count == 0 { return }
                position += count
                guard position <= limit else {
                    throw OpenError(path: path, description: "'\(path)' is more than \(limit >> 20) MB, far larger than any moderation log",
                                    expected: "a log of at most \(limit >> 20) MB")
                }
                try body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
            }
        }

        /// The offset just after the first line feed at or after `offset`, or nil if there is none.
        func lineStart(after offset: Int) throws -> Int? {
            var buffer = [UInt8](repeating: 0, count: 64 << 10)
            var position = offset
            while true {
                let count = try buffer.withUnsafeMutableBufferPointer { try read(into: $0, at: position) }
                if count == 0 { return nil }
                if let index = buffer[0..<count].firstIndex(of: 0x0A) { return position + index + 1 }
                position += count
            }
        }

        /// `pread` into `buffer` from `position`, again when a signal interrupts it; 0 at the end.
        private func read(into buffer: UnsafeMutableBufferPointer<UInt8>, at position: Int) throws -> Int {
            while true {
                let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(position))
                if count >= 0 { return count }
                if errno != EINTR { throw OpenError(path: path, code: errno) }
            }
        }
    }

    /// The same walk over bytes already in memory, for tests (and small chunks to test boundaries).
    static func forEachChunk(of bytes: [UInt8], size: Int = defaultChunkSize, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                let end = min(all.count, start + max(1, size))
                try body(UnsafeBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
    }
}
