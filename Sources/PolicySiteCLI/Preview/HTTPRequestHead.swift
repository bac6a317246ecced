/// The request line and headers of one HTTP/1.x request, as the preview server reads them.
/// Bodies are never read: the preview answers only GET and HEAD.
struct HTTPRequestHead: Sendable, Equatable {
    struct Field: Sendable, Equatable {
        /// In lower case.
        var name: String
        var value: String
    }

    var method: String
    /// As sent: `/policies/x/?n=1`, never decoded.
    var target: String
    var version: String
    var fields: [Field]

    /// The first value of the header `name` (given in lower case).
    func header(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The target without its query.
    var path: Substring {
        target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    }
}

/// Reads a request head from bytes as they arrive, in time linear in their number: each
/// byte is looked at once, and no more than the limits are ever kept.
struct HTTPRequestReader {
    /// Longer request lines get 414; browsers send at most a few KB.
    static let requestLineLimit = 8 * 1024
    /// All header lines together, and how many there may be; more gets 431.
    static let headerBytesLimit = 16 * 1024
    static let headerCountLimit = 100

    enum Outcome: Equatable {
        case needMore
        case complete(HTTPRequestHead)
        case refused(HTTPStatus, reason: String)
    }

    private var line: [UInt8] = []
    private var requestLine: (method: String, target: String, version: String)?
    private var fields: [HTTPRequestHead.Field] = []
    private var headerBytes = 0
    private var finished: Outcome?

    /// Feeds the next bytes from the connection; once the outcome is not `.needMore`
    /// it stays the same, whatever follows.
    mutating func append<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Outcome {
        if let finished { return finished }
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                if let outcome = endOfLine() {
                    finished = outcome
                    return outcome
                }
                line.removeAll(keepingCapacity: true)
                continue
            }
            line.append(byte)
            if requestLine == nil, line.count > Self.requestLineLimit {
                return finish(.refused(.uriTooLong, reason: "The request line is longer than \(Self.requestLineLimit) bytes."))
            }
            if requestLine != nil, headerBytes + line.count > Self.headerBytesLimit {
                return finish(.refused(.headerFieldsTooLarge, reason: "The headers are longer than \(Self.headerBytesLimit) bytes."))
            }
        }
        return .needMore
    }

    private mutating func finish(_ outcome: Outcome) -> Outcome {
        finished = outcome
        line = []
        return outcome
    }

    /// Handles the line just read; a non-nil result ends the head.
    private mutating func endOfLine() -> Outcome? {
        guard let requestLine else {
            if line.isEmpty { return nil }  // an empty line before the request line may be ignored (RFC 9112 2.2)
            guard let parsed = Self.parseRequestLine(line) else {
                return .refused(.badRequest, reason: "The request line is not METHOD TARGET HTTP/1.1.")
            }
            guard parsed.version == "HTTP/1.1" || parsed.version == "HTTP/1.0" else {
                return .refused(.versionNotSupported, reason: "Only HTTP/1.0 and HTTP/1.1 are served.")
            }
            self.requestLine = parsed
            return nil
        }
        if line.isEmpty {
            return .complete(HTTPRequestHead(method: requestLine.method, target: requestLine.target, version: requestLine.version, fields: fields))
        }
        headerBytes += line.count + 2
        guard fields.count < Self.headerCountLimit else {
            return .refused(.headerFieldsTooLarge, reason: "There are more than \(Self.headerCountLimit) headers.")
        }
        guard let field = Self.parseField(line) else {
            return .refused(.badRequest, reason: "A header is not NAME: VALUE.")
        }
        fields.append(field)
        return nil
    }

    static func parseRequestLine(_ bytes: [UInt8]) -> (method: String, target: String, version: String)? {
        let parts = bytes.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
              !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return (String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self), String(decoding: parts[2], as: UTF8.self))
    }

    static func parseField(_ bytes: [UInt8]) -> HTTPRequestHead.Field? {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0,
              bytes[..<colon].allSatisfy(isTokenByte) else { return nil }  // also refuses obsolete line folding
        let value = bytes[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
        guard !value.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) else { return nil }
        var end = value.endIndex
        while end > value.startIndex, value[end - 1] == 0x20 || value[end - 1] == 0x09 { end -= 1 }
        return HTTPRequestHead.Field(name: String(decoding: bytes[..<colon], as: UTF8.self).lowercased(),
                                     value: String(decoding: value[value.startIndex..<end], as: UTF8.self))
    }

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
