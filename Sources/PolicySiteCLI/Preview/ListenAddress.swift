#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The address `serve` listens on (`--host`), and the only names a request may give it in
/// its Host header: a page on another site that makes its own name point at 127.0.0.1
/// (DNS rebinding) sends that name, and is refused.
struct ListenAddress: Sendable, Equatable {
    enum IP: Sendable, Equatable {
        case v4([UInt8])
        case v6([UInt8])
    }

    /// As given on the command line.
    let text: String
    let ip: IP

    /// `host` as an IPv4 or IPv6 address, or "localhost" (127.0.0.1); nil for anything else.
    init?(_ host: String) {
        text = host
        if host == "localhost" {
            ip = .v4([127, 0, 0, 1])
        } else if let ip = Self.parse(host) {
            self.ip = ip
        } else {
            return nil
        }
    }

    var isLoopback: Bool {
        switch ip {
        case .v4(let bytes): bytes[0] == 127
        case .v6(let bytes): bytes == [UInt8](repeating: 0, count: 15) + [1]
        }
    }

    /// 0.0.0.0 or `::`: every address of this computer.
    var isUnspecified: Bool {
        switch ip {
        case .v4(let bytes), .v6(let bytes): bytes.allSatisfy { $0 == 0 }
        }
    }

    /// How a browser writes this address in a URL: `127.0.0.1`, `[::1]`.
    var urlHost: String {
        switch ip {
        case .v4: text == "localhost" ? "127.0.0.1" : text
        case .v6: "[\(text)]"
        }
    }

    /// True when `host` (a Host header, or the authority of an Origin) names this server on
    /// `port`: its own address, `localhost` when it is a loopback address, any address of
    /// this computer when it listens on all of them; never a DNS name, whatever it resolves to.
    func accepts(host: String, port: UInt16) -> Bool {
        let name: Substring, portText: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            name = host[host.index(after: host.startIndex)..<close]
            let rest = host[host.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return false }
            portText = rest.isEmpty ? nil : rest.dropFirst()
            guard name.contains(":") else { return false }
        } else if let colon = host.lastIndex(of: ":") {
            name = host[..<colon]
            portText = host[host.index(after: colon)...]
            guard !name.contains(":") else { return false }  // an IPv6 address must be in brackets
        } else {
            name = host[...]
            portText = nil
        }
        if let portText {
            guard !portText.isEmpty, portText.allSatisfy(\.isASCII), portText.allSatisfy(\.isNumber),
                  UInt16(portText) == port else { return false }
        } else {
            guard port == 80 else { return false }
        }
        var lowered = name.lowercased()
        if lowered.hasSuffix(".") { lowered.removeLast() }
        if lowered == "localhost" { return isLoopback || isUnspecified }
        guard let named = Self.parse(lowered) else { return false }
        if isUnspecified { return true }
        return named == ip
    }

    static func parse(_ text: String) -> IP? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return .v4(withUnsafeBytes(of: &v4) { Array($0) })
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return .v6(withUnsafeBytes(of: &v6) { Array($0) })
        }
        return nil
    }
}
