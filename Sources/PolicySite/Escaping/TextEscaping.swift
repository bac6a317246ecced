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
