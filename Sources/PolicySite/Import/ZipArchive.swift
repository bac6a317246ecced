import CZlib
import Foundation

/// The entries of a zip archive (a Word document is one), read from its central directory.
/// Only what the import needs: names, and the bytes of stored or deflated entries.
struct ZipArchive {
    enum Failure: Error, Equatable {
        /// No end-of-central-directory record: the file was cut off, or is not a zip archive.
        case truncated
        /// The directory or an entry points outside the file, or inflating failed.
        case damaged(String)
        /// An entry is encrypted or compressed in a way other than stored or deflate.
        case unsupported(String)
    }

    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localHeaderOffset: Int
    }

    let bytes: [UInt8]
    /// Entries by name, in the archive's order.
    private(set) var entries: [String: Entry] = [:]
    private(set) var names: [String] = []

    init(_ data: Data) throws(Failure) {
        bytes = [UInt8](data)
        guard let end = Self.endOfCentralDirectory(in: bytes) else { throw .truncated }
        let count = Int(u16(end + 10))
        var at = Int(u32(end + 16))
        let directoryEnd = at + Int(u32(end + 12))
        guard directoryEnd <= end else { throw .truncated }
        for _ in 0..<count {
            guard at + 46 <= directoryEnd, u32(at) == 0x0201_4B50 else { throw .damaged("its table of contents is damaged") }
            let nameLength = Int(u16(at + 28)), extraLength = Int(u16(at + 30)), commentLength = Int(u16(at + 32))
            guard at + 46 + nameLength <= directoryEnd else { throw .damaged("its table of contents is damaged") }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            let entry = Entry(name: name, method: u16(at + 10), flags: u16(at + 8), crc: u32(at + 16), compressedSize: Int(u32(at + 20)),
                              size: Int(u32(at + 24)), localHeaderOffset: Int(u32(at + 42)))
            if entries[name] == nil { names.append(name) }
            entries[name] = entry
            at += 46 + nameLength + extraLength + commentLength
        }
    }

    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The bytes of entry `name`; nil when there is no such entry.
    func data(_ name: String) throws(Failure) -> [UInt8]? {
        guard let (entry, stored) = try self.stored(name) else { return nil }
        guard entry.flags & 1 == 0 else { throw .unsupported("its part '\(name)' is encrypted") }
        switch entry.method {
        case 0: return Array(stored)
        case 8: return try Self.inflate(stored, size: entry.size, name: name)
        default: throw .unsupported("its part '\(name)' is compressed with method \(entry.method)")
        }
    }

    /// The bytes of entry `name` as they are stored (compressed or not), with its entry.
    func stored(_ name: String) throws(Failure) -> (Entry, ArraySlice<UInt8>)? {
        guard let entry = entries[name] else { return nil }
        let local = entry.localHeaderOffset
        guard local + 30 <= bytes.count, u32(local) == 0x0403_4B50 else { throw .damaged("its part '\(name)' is missing") }
        let start = local + 30 + Int(u16(local + 26)) + Int(u16(local + 28))
        guard start + entry.compressedSize <= bytes.count else { throw .truncated }
        return (entry, bytes[start..<(start + entry.compressedSize)])
    }

    /// The text of a UTF-8 XML part, or nil when there is no such part.
    func text(_ name: String) throws(Failure) -> String? {
        try data(name).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func inflate(_ input: ArraySlice<UInt8>, size: Int, name: String) throws(Failure) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: max(size, 1))
        var stream = z_stream()
        let status: Int32 = input.withContiguousStorageIfAvailable { source -> Int32 in
            output.withUnsafeMutableBufferPointer { target -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return Z_MEM_ERROR }
                defer { inflateEnd(&stream) }
                return CZlib.inflate(&stream, Z_FINISH)
            }
        } ?? Z_DATA_ERROR
        guard status == Z_STREAM_END, Int(stream.total_out) == size else {
            throw .damaged("its part '\(name)' cannot be unpacked")
        }
        return output.count == size ? output : []
    }

    /// The offset of the end-of-central-directory record, searched from the end (it is
    /// followed by a comment of up to 65,535 bytes).
    private static func endOfCentralDirectory(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var at = bytes.count - 22
        let lowest = max(0, at - 65_535)
        while at >= lowest {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 5, bytes[at + 3] == 6 { return at }
            at -= 1
        }
        return nil
    }

    private func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    private func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
}
