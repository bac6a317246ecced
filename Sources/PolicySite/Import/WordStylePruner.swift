import CZlib

/// A copy of a Word document for pandoc with only the styles the document uses.
///
/// Word (and python-docx's template) can carry hundreds of style definitions; pandoc 2.17
/// parses every one, which was three quarters of its time on a 350 KB styles.xml (0.35 s of
/// CPU against 0.08 s, same JSON out: BENCHMARKS.md). Kept: every style a part names
/// (`pStyle`, `rStyle`, `tblStyle`, `numStyleLink`, `styleLink`), the defaults, and the styles
/// those are based on or linked to. Every other part is copied byte for byte, still compressed.
enum WordStylePruner {
    static let stylesPart = "word/styles.xml"

    /// The document with a smaller styles part, or nil when there is nothing to gain.
    static func pruned(_ archive: ZipArchive) throws(ZipArchive.Failure) -> [UInt8]? {
        guard let styles = try archive.text(stylesPart) else { return nil }
        var used = Set<String>()
        for name in archive.names where name.hasSuffix(".xml") && name != stylesPart && !name.hasSuffix("stylesWithEffects.xml") {
            guard let text = try archive.text(name) else { continue }
            let xml = Array(text.utf8)[...]
            for element in ["w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink"] {
                used.formUnion(values(of: element, in: xml))
            }
        }
        guard let kept = keep(used, of: styles), kept.utf8.count < styles.utf8.count else { return nil }
        return try rewrite(archive, replacing: stylesPart, with: Array(kept.utf8))
    }

    /// styles.xml with only the styles in `used`, the defaults, and what they are based on.
    /// Searched as UTF-8 bytes: the markers are ASCII, and Foundation's `range(of:)` on a
    /// substring copied the rest of a 350 KB styles.xml for every style (BENCHMARKS.md, Import).
    static func keep(_ used: Set<String>, of styles: String) -> String? {
        let bytes = Array(styles.utf8)
        let open = Array("<w:style ".utf8), close = Array("</w:style>".utf8)
        guard let first = find(open, in: bytes[...]), let lastClose = findLast(close, in: bytes), first < lastClose else { return nil }
        let last = lastClose + close.count
        var definitions: [(id: String, text: Range<Int>)] = []
        var rest = bytes[first..<last]
        while let start = find(open, in: rest), let end = find(close, in: rest[(start + open.count)...]).map({ $0 + close.count }) {
            let tag = tagBytes(bytes[start..<end])
            if let id = values(of: "w:style", attribute: "w:styleId", in: tag).first { definitions.append((id, start..<end)) }
            rest = rest[end...]
        }
        let byID = Dictionary(definitions.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        var keep = used.intersection(byID.keys)
        let isDefault = Array("w:default=\"1\"".utf8)
        keep.formUnion(definitions.filter { find(isDefault, in: tagBytes(bytes[$0.text])) != nil }.map(\.id))
        var pending = Array(keep)
        while let id = pending.popLast() {
            guard let text = byID[id] else { continue }
            for element in ["w:basedOn", "w:link", "w:next"] {
                for other in values(of: element, in: bytes[text]) where byID[other] != nil && !keep.contains(other) {
                    keep.insert(other)
                    pending.append(other)
                }
            }
        }
        var out = Array(bytes[..<first])
        if let latent = find(Array("<w:latentStyles".utf8), in: out[...]), let latentEnd = find(Array("</w:latentStyles>".utf8), in: out[...]) {
            out.removeSubrange(latent..<(latentEnd + "</w:latentStyles>".utf8.count))
        }
        for definition in definitions where keep.contains(definition.id) { out += bytes[definition.text] }
        out += bytes[last...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The `w:val` (or `attribute`) of every `<element …>` in `xml`.
    static func values(of element: String, attribute: String = "w:val", in xml: String) -> [String] {
        values(of: element, attribute: attribute, in: Array(xml.utf8)[...])
    }

    static func values(of element: String, attribute: String = "w:val", in xml: ArraySlice<UInt8>) -> [String] {
        let open = Array("<\(element) ".utf8), key = Array("\(attribute)=\"".utf8)
        var found: [String] = []
        var rest = xml
        while let start = find(open, in: rest) {
            let tag = tagBytes(rest[(start + open.count)...])
            if let value = find(key, in: tag).map({ $0 + key.count }) {
                found.append(String(decoding: tag[value...].prefix { $0 != UInt8(ascii: "\"") }, as: UTF8.self))
            }
            rest = rest[(start + open.count)...]
        }
        return found
    }

    /// `bytes` up to its first `>`.
    private static func tagBytes(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        bytes.prefix { $0 != UInt8(ascii: ">") }
    }

    /// The index (in `haystack`'s own indices) where `needle` first starts.
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let head = needle.first, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        let limit = haystack.endIndex - needle.count
        while index <= limit {
            guard let candidate = haystack[index...limit].firstIndex(of: head) else { return nil }
            if haystack[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    private static func findLast(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    /// A zip archive with the entries of `archive` in order, `name` replaced by `data` (stored).
    static func rewrite(_ archive: ZipArchive, replacing name: String, with data: [UInt8]) throws(ZipArchive.Failure) -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for entryName in archive.names {
            guard var (entry, stored) = try archive.stored(entryName) else { continue }
            if entryName == name {
                entry.method = 0
                entry.crc = data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
                entry.size = data.count
                entry.compressedSize = data.count
                stored = data[...]
            }
            let nameBytes = Array(entryName.utf8)
            let offset = out.count
            // No data descriptor: the sizes are known and written in the header.
            let flags = entry.flags & ~0x0008
            out += le32(0x0403_4B50) + le16(20) + le16(flags) + le16(entry.method) + le16(0) + le16(0x21)
                + le32(entry.crc) + le32(UInt32(entry.compressedSize)) + le32(UInt32(entry.size)) + le16(UInt16(nameBytes.count)) + le16(0)
            out += nameBytes
            out += stored
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(flags) + le16(entry.method) + le16(0) + le16(0x21)
                + le32(entry.crc) + le32(UInt32(entry.compressedSize)) + le32(UInt32(entry.size)) + le16(UInt16(nameBytes.count))
                + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset))
            directory += nameBytes
        }
        let directoryOffset = out.count
        let count = UInt16(archive.names.count)
        out += directory
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(count) + le16(count) + le32(UInt32(directory.count)) + le32(UInt32(directoryOffset)) + le16(0)
        return out
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }
}
