import Foundation

/// The lines of a policy's body that could hold a placeholder, found on UTF-8 bytes.
///
/// Splitting the body into Characters and counting each line's Characters was a quarter of
/// the CPU of a 1,000-policy build (`perf`, BENCHMARKS.md "Policies and start-up on a quiet
/// machine"). A line is passed over here only when it provably cannot start with a
/// placeholder after its leading whitespace: its first byte after spaces and tabs is ASCII and
/// the bytes there are not a placeholder's. Every other line goes through the Character
/// comparison as before, so the warnings are the same. That is exact because the placeholders
/// are ASCII and contain no character that another one is canonically equivalent to (K, `;`
/// and `` ` ``, which Unicode maps the Kelvin sign and two Greek marks to): a Character equal to
/// one of theirs is that very byte.
extension PlaceholderText {
    /// Every text a line is compared with, as bytes.
    static let lineStarts: [[UInt8]] = ([examplePolicyOpening] + bodyLines).map { Array($0.utf8) }

    /// The lines of `markdown` worth the Character comparison, with their offsets from the
    /// first line (0 for the first). A body with a carriage return (or an empty one) is split
    /// as Characters are ("\r\n" is one Character, never a line end): every line, as before.
    static func candidateLines(of markdown: String) -> [(offset: Int, line: Substring)] {
        var text = markdown
        // Byte offsets of the candidate lines' ends, found with memchr (Sequence's own search
        // over the UTF-8 view was itself 4% of a 1,000-policy build).
        let ranges: [(offset: Int, range: Range<Int>)]? = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) == nil else { return nil }
            var found: [(offset: Int, range: Range<Int>)] = []
            var lineStart = 0
            var offset = 0
            while true {
                let lineEnd = bytes.firstIndex(ofByte: 0x0A, from: lineStart) ?? bytes.count
                if mayHoldPlaceholder(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])) {
                    found.append((offset, lineStart..<lineEnd))
                }
                guard lineEnd < bytes.count else { return found }
                lineStart = lineEnd + 1
                offset += 1
            }
        }
        guard let ranges else {
            return markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { ($0.offset, $0.element) }
        }
        let utf8 = markdown.utf8
        return ranges.map { offset, range in
            (offset, markdown[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }
    }

    /// False only for a line whose first byte after spaces and tabs is ASCII and not the start
    /// of a placeholder there.
    static func mayHoldPlaceholder(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        guard line[first] < 0x80 else { return true }
        let rest = line[first...]
        return lineStarts.contains { rest.starts(with: $0) }
    }
}
