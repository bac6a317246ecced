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

    struct OpenError: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { "cannot read '\(path)': \(String(cString: strerror(code)))" }
    }

    static func forEachChunk(of path: String, size: Int = defaultChunkSize, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw OpenError(path: path, code: errno) }
        defer { close(descriptor) }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, size)
            if count < 0 {
                if errno == EINTR { continue }
                throw OpenError(path: path, code: errno)
            }
            if count == 0 { return }
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
