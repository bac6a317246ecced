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
    static let defaultChunkSize = 1 << 20
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
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw OpenError(path: path, code: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw OpenError(path: path, code: errno) }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else {
            let what = kind == S_IFDIR ? "a folder" : kind == S_IFIFO ? "a pipe (FIFO)" : kind == S_IFSOCK ? "a socket" : "a device"
            throw OpenError(path: path, description: "'\(path)' is \(what), not a file", expected: "a regular CSV file")
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let count = read(descriptor, buffer.baseAddress, size)
            if count < 0 {
                if errno == EINTR { continue }
                throw OpenError(path: path, code: errno)
            }
            if count == 0 { return }
            total += count
            guard total <= limit else {
                throw OpenError(path: path, description: "'\(path)' is more than \(limit >> 20) MB, far larger than any moderation log",
                                expected: "a log of at most \(limit >> 20) MB")
            }
            try body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
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
