import Foundation

/// A small HTML tag reader for tests: finds every start tag with its attributes, honouring
/// quotes, so that text inside an attribute value is never mistaken for an attribute.
struct HTMLTag {
    var name: String
    var attributes: [(name: String, value: String)]

    static func all(in html: String) -> [HTMLTag] {
        let bytes = Array(html.utf8)
        var tags: [HTMLTag] = []
        var index = 0
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                index = (find(Array("-->".utf8), in: bytes, from: index + 4) ?? bytes.count) + 3
                continue
            }
            index += 1
            guard index < bytes.count, isLetter(bytes[index]) else { continue }
            var name = ""
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
                name.unicodeScalars.append(Unicode.Scalar(bytes[index])); index += 1
            }
            var attributes: [(String, String)] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                if isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1; continue }
                var attribute = ""
                while index < bytes.count, !isSpace(bytes[index]), ![UInt8(ascii: "="), UInt8(ascii: ">")].contains(bytes[index]) {
                    attribute.unicodeScalars.append(Unicode.Scalar(bytes[index])); index += 1
                }
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                var value = ""
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        let end = bytes[(index + 1)...].firstIndex(of: quote) ?? bytes.count
                        value = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                        index = end + 1
                    } else {
                        let start = index
                        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                        value = String(decoding: bytes[start..<index], as: UTF8.self)
                    }
                }
                attributes.append((attribute.lowercased(), value))
            }
            tags.append(HTMLTag(name: name.lowercased(), attributes: attributes))
        }
        return tags
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// An attribute value as a browser reads it: character references decoded, and the
    /// spaces and control characters browsers skip inside a URL scheme removed.
    static func decodedURL(_ value: String) -> String {
        var text = value
        while let match = text.range(of: "&#(x[0-9a-fA-F]+|[0-9]+);?", options: .regularExpression) {
            let reference = text[match].dropFirst(2).trimmingCharacters(in: CharacterSet(charactersIn: ";"))
            let number = reference.hasPrefix("x") || reference.hasPrefix("X") ? UInt32(reference.dropFirst(), radix: 16) : UInt32(reference)
            text.replaceSubrange(match, with: number.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? "")
        }
        for (entity, character) in [("&colon;", ":"), ("&Tab;", "\t"), ("&NewLine;", "\n"), ("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return String(text.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }.map(Character.init)).lowercased()
    }
}
