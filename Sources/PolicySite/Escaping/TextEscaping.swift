/// How text is written inside another format, scalar by scalar: some scalars are replaced
/// (`&` by `&amp;`), some are escaped by their number (`\u001f`) or dropped, the rest kept.
///
/// Every escaper of the tool is one value of this type (JSON strings, XML, iCalendar TEXT,
/// YAML double-quoted scalars, Markdown link addresses), so the loop, and its fast return of
/// text with nothing to escape, exist once; each format keeps only its own table.
struct TextEscaping: Sendable {
    /// What one scalar becomes, by its value: ASCII scalars are looked up in a table.
    private let ascii: [String?]
    private let other: [Unicode.Scalar: String]
    /// Scalars not replaced above that `numbered` writes (or, when it is nil, that are dropped).
    private let numberedRanges: [ClosedRange<UInt32>]
    private let numbered: (@Sendable (UInt32) -> String)?
    /// The bytes that may start a scalar this escaping changes: text without any is returned as it is.
    private let startBytes: [Bool]

    init(replacing replacements: [Unicode.Scalar: String], numbering ranges: [ClosedRange<UInt32>] = [],
         as numbered: (@Sendable (UInt32) -> String)?) {
        ascii = (0..<128).map { replacements[Unicode.Scalar(UInt8($0))] }
        other = replacements.filter { !$0.key.isASCII }
        numberedRanges = ranges
        self.numbered = numbered
        var starts = [Bool](repeating: false, count: 256)
        let scalars = replacements.keys.map(\.value) + ranges.flatMap { Array($0) }
        for value in scalars {
            guard let scalar = Unicode.Scalar(value) else { continue }
            starts[Int(String(scalar).utf8.first!)] = true  // Safe: a scalar's UTF-8 has at least one byte.
        }
        startBytes = starts
    }

    func escape(_ text: String) -> String {
        let starts = startBytes
        guard text.utf8.contains(where: { starts[Int($0)] }) else { return text }
        // On bytes: runs of bytes that start no changed scalar are copied whole, and only a
        // scalar whose first byte may start one is decoded and looked up. Scalar by scalar
        // (`escapeScalarByScalar`, the same rule) the calendar's and the feed's escaping was
        // 2% of a 1,000-policy build (callgrind).
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                guard starts[Int(lead)] else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let scalar = Self.scalar(in: bytes, at: index, length: length)
                if let replacement = scalar.isASCII ? ascii[Int(scalar.value)] : other[scalar] {
                    out.append(contentsOf: replacement.utf8)
                } else if numberedRanges.contains(where: { $0.contains(scalar.value) }) {
                    if let numbered { out.append(contentsOf: numbered(scalar.value).utf8) }
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                }
                index += length
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The scalar whose `length` UTF-8 bytes start at `index` (the text is valid UTF-8: a String).
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Unicode.Scalar {
        var value = UInt32(bytes[index])
        switch length {
        case 2: value &= 0x1F
        case 3: value &= 0x0F
        case 4: value &= 0x07
        default: break
        }
        for offset in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"  // Never nil for a String's bytes.
    }

    /// `escape` scalar by scalar: the rule as first written, kept for the tests to compare with.
    func escapeScalarByScalar(_ text: String) -> String {
        let starts = startBytes
        guard text.utf8.contains(where: { starts[Int($0)] }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if scalar.isASCII, let replacement = ascii[Int(scalar.value)] {
                out += replacement
            } else if !scalar.isASCII, let replacement = other[scalar] {
                out += replacement
            } else if numberedRanges.contains(where: { $0.contains(scalar.value) }) {
                if let numbered { out += numbered(scalar.value) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `value` in lower-case hexadecimal, at least `digits` long.
    static func hex(_ value: UInt32, digits: Int) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }
}
