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
            guard let xml = try archive.text(name) else { continue }
            for element in ["w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink"] {
                used.formUnion(values(of: element, in: xml))
            }
        }
        guard let kept = keep(used, of: styles), kept.utf8.count < styles.utf8.count else { return nil }
        return try rewrite(archive, replacing: stylesPart, with: Array(kept.utf8))
    }

    /// styles.xml with only the styles in `used`, the defaults, and what they are based on.
    static func keep(_ used: Set<String>, of styles: String) -> String? {
        guard let first = styles.range(of: "<w:style "), let last = styles.range(of: "</w:style>", options: .backwards) else { return nil }
        var definitions: [(id: String, text: Substring)] = []
        var rest = styles[first.lowerBound..<last.upperBound]
        while let start = rest.range(of: "<w:style "), let end = rest[start.upperBound...].range(of: "</w:style>") {
            let text = rest[start.lowerBound..<end.upperBound]
            let tag = text.prefix { $0 != ">" }
            if let id = values(of: "w:style", attribute: "w:styleId", in: String(tag)).first { definitions.append((id, text)) }
            rest = rest[end.upperBound...]
        }
        let byID = Dictionary(definitions.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        var keep = used.intersection(byID.keys)
        keep.formUnion(definitions.filter { $0.text.prefix { $0 != ">" }.contains("w:default=\"1\"") }.map(\.id))
        var pending = Array(keep)
        while let id = pending.popLast() {
            for element in ["w:basedOn", "w:link", "w:next"] {
                for other in values(of: element, in: String(byID[id] ?? "")) where byID[other] != nil && !keep.contains(other) {
                    keep.insert(other)
                    pending.append(other)
                }
            }
        }
        var head = String(styles[..<first.lowerBound])
        if let open = head.range(of: "<w:latentStyles"), let close = head.range(of: "</w:latentStyles>") {
            head.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return head + definitions.filter { keep.contains($0.id) }.map(\.text).joined() + styles[last.upperBound...]
    }

    /// The `w:val` (or `attribute`) of every `<element …>` in `xml`.
    static func values(of element: String, attribute: String = "w:val", in xml: String) -> [String] {
        var found: [String] = []
        var rest = xml[...]
        while let open = rest.range(of: "<\(element) ") {
            let tag = rest[open.upperBound...].prefix { $0 != ">" }
            if let start = tag.range(of: "\(attribute)=\"") {
                found.append(String(tag[start.upperBound...].prefix { $0 != "\"" }))
            }
            rest = rest[open.upperBound...]
        }
        return found
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
