import Foundation

/// The statuses the preview server answers with.
struct HTTPStatus: Sendable, Equatable {
    var code: Int
    var reason: String

    static let ok = HTTPStatus(code: 200, reason: "OK")
    static let movedPermanently = HTTPStatus(code: 301, reason: "Moved Permanently")
    static let badRequest = HTTPStatus(code: 400, reason: "Bad Request")
    static let forbidden = HTTPStatus(code: 403, reason: "Forbidden")
    static let notFound = HTTPStatus(code: 404, reason: "Not Found")
    static let methodNotAllowed = HTTPStatus(code: 405, reason: "Method Not Allowed")
    static let requestTimeout = HTTPStatus(code: 408, reason: "Request Timeout")
    static let uriTooLong = HTTPStatus(code: 414, reason: "URI Too Long")
    static let misdirectedRequest = HTTPStatus(code: 421, reason: "Misdirected Request")
    static let headerFieldsTooLarge = HTTPStatus(code: 431, reason: "Request Header Fields Too Large")
    static let serviceUnavailable = HTTPStatus(code: 503, reason: "Service Unavailable")
    static let versionNotSupported = HTTPStatus(code: 505, reason: "HTTP Version Not Supported")
}

/// One response; every connection carries exactly one, then closes.
struct HTTPResponse: Sendable {
    var status: HTTPStatus
    /// In the order sent; `Content-Length` and `Connection` are added when serialised.
    var headers: [(name: String, value: String)]
    var body: Data

    /// A response with the headers every preview answer carries: never cached, never
    /// sniffed, never readable by another site's page.
    init(_ status: HTTPStatus, type: String, body: Data, extra: [(name: String, value: String)] = []) {
        self.status = status
        self.headers = [("Content-Type", type), ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"),
                        ("Cross-Origin-Resource-Policy", "same-origin")] + extra
        self.body = body
    }

    /// A plain-text answer, for refusals.
    static func text(_ status: HTTPStatus, _ message: String, extra: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status, type: "text/plain; charset=utf-8", body: Data((message + "\n").utf8), extra: extra)
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The bytes on the wire; a HEAD request gets the same head without the body.
    func serialised(includingBody: Bool = true) -> Data {
        var head = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        var bytes = Data(head.utf8)
        if includingBody { bytes.append(body) }
        return bytes
    }
}
