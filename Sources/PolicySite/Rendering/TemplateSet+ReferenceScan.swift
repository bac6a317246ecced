import Foundation

/// `missingReferences` with the lines that cannot name a missing template passed over on bytes.
///
/// `missingReferences` reads every line with Foundation's `range(of:)` and trimming, which
/// was 5% of the CPU of a whole build of the example site (`perf`, BENCHMARKS.md "Policies and
/// start-up on a quiet machine"), though the built-in theme never names a missing template.
/// Here a line without `{{` is passed over, and an ASCII line is read on bytes exactly as
/// `missingReferences` reads it: the first `{{`, then the first `}}` after it on the same line,
/// the tag trimmed of spaces and tabs (the only ASCII characters in `.whitespaces`). A line
/// that names a missing template, or holds a byte outside ASCII, goes to `missingReferences`
/// itself, so every message is the same. A text with a carriage return goes to it whole: its
/// lines split as Characters are not its lines of bytes ("\r\n" is one Character).
extension TemplateSet {
    static func missingReferencesScanningBytes(in text: String, file: String, known: Set<String>) -> [Diagnostic] {
        var text = text
        let lines: [(number: Int, range: Range<Int>)]? = text.withUTF8 { bytes in
            guard !bytes.contains(0x0D) else { return nil }
            var suspects: [(number: Int, range: Range<Int>)] = []
            var lineStart = 0
            var number = 1
            while lineStart <= bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                if mayNameMissingTemplate(line, known: known) { suspects.append((number, lineStart..<lineEnd)) }
                lineStart = lineEnd + 1
                number += 1
            }
            return suspects
        }
        guard let lines else { return missingReferences(in: text, file: file, known: known) }
        let utf8 = text.utf8
        return lines.flatMap { number, range in
            let line = text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
            return missingReferences(inLine: line, number: number, file: file, known: known)
        }
    }

    /// False only when `line` holds no `{{`, or is ASCII and names no missing template.
    static func mayNameMissingTemplate(_ line: UnsafeBufferPointer<UInt8>, known: Set<String>) -> Bool {
        guard var open = find(0x7B, in: line, from: 0) else { return false }
        guard line.allSatisfy({ $0 < 0x80 }) else { return true }
        while true {
            guard let close = find(0x7D, in: line, from: open + 2) else { return false }
            let tag = trimmedOfSpacesAndTabs(line[(open + 2)..<close])
            if let sigil = tag.first, sigil == UInt8(ascii: ">") || sigil == UInt8(ascii: "<"),
               !known.contains(String(decoding: trimmedOfSpacesAndTabs(tag.dropFirst()), as: UTF8.self)) {
                return true
            }
            guard let next = find(0x7B, in: line, from: close + 2) else { return false }
            open = next
        }
    }

    /// Where the first pair of `brace` bytes in `line` starts, at or after `start`.
    private static func find(_ brace: UInt8, in line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 1 < line.count {
            if line[index] == brace, line[index + 1] == brace { return index }
            index += 1
        }
        return nil
    }

    private static func trimmedOfSpacesAndTabs(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else {
            return bytes[bytes.startIndex..<bytes.startIndex]
        }
        return bytes[first...last]
    }
}
