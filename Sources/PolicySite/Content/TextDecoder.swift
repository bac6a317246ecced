import Foundation

/// Turns a file's bytes into text the way every input is read: UTF-8, a byte-order mark
/// dropped, CRLF read as LF, and NUL or invalid bytes refused with their line and column.
enum TextDecoder {
    static func decode(_ data: Data, file: String) throws -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = firstIndex(of: 0, in: bytes) {
            throw PolicySiteError(.error(at: position(of: nul, in: bytes, file: file), "the file contains a NUL byte", expected: "plain UTF-8 text"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidByte(in: bytes)
            throw PolicySiteError(.error(at: position(of: bad, in: bytes, file: file), "the file is not valid UTF-8 text",
                                         expected: "UTF-8 text (save the file as UTF-8 in your editor)"))
        }
        // CRLF to LF on the bytes: Foundation's `replacingOccurrences` went through NSString and
        // was 9% of loading 1,000 policies (perf); a CR is never part of a multi-byte character.
        guard firstIndex(of: 0x0D, in: bytes) != nil else { return text }
        return String(decoding: droppingCarriageReturnsBeforeLineFeeds(bytes), as: UTF8.self)
    }

    /// `memchr`: the generic `firstIndex(of:)` and `contains` were 1.5% of a 1,000-policy build (callgrind).
    static func firstIndex(of byte: UInt8, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { $0.firstIndex(ofByte: byte) }
    }

    static func droppingCarriageReturnsBeforeLineFeeds(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for index in bytes.indices where !(bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
            out.append(bytes[index])
        }
        return out
    }

    static func position(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return SourceLocation(file: file, line: line, column: column)
    }

    /// Where decoding first fails: the start of the first sequence that is not well-formed UTF-8.
    static func firstInvalidByte(in bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let length: Int
            switch bytes[index] {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            let end = index + length
            guard end <= bytes.count, String(validating: bytes[index..<end], as: UTF8.self) != nil else { return index }
            index = end
        }
        return index
    }
}
