import Foundation

/// Which link and image addresses may never reach a page.
enum URLSafety {
    static let dangerousSchemes = ["javascript:", "vbscript:", "data:", "file:"]

    /// True for `javascript:`, `vbscript:`, `data:` and `file:` addresses, however they are
    /// disguised with letter case, leading spaces, or tabs and newlines inside the scheme
    /// (browsers ignore those, so attackers use them).
    static func isDangerous(_ url: String) -> Bool {
        // An ASCII address (nearly every one) is read on bytes: the same scheme, without
        // building a String scalar by scalar and counting its Characters at each one.
        guard url.utf8.allSatisfy({ $0 < 0x80 }) else { return isDangerousByScalars(url) }
        var scheme: [UInt8] = []
        for byte in url.utf8 {
            if byte <= 0x20 || byte == 0x7F { continue }
            scheme.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            if byte == UInt8(ascii: ":") || scheme.count > 12 { break }
        }
        return dangerousSchemeBytes.contains { scheme.starts(with: $0) }
    }

    private static let dangerousSchemeBytes = dangerousSchemes.map { Array($0.utf8) }

    /// `isDangerous` scalar by scalar: the rule for any text.
    static func isDangerousByScalars(_ url: String) -> Bool {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar.value <= 0x20 || scalar == "\u{7F}" { continue }
            scheme.unicodeScalars.append(scalar)
            if scalar == ":" || scheme.count > 12 { break }
        }
        let lower = scheme.lowercased()
        return dangerousSchemes.contains { lower.hasPrefix($0) }
    }

    /// True for an address on another site (`https://…`, `//host/…`): loading it from a
    /// page would tell that site who reads the policy.
    static func isRemote(_ url: String) -> Bool {
        let trimmed = url.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.hasPrefix("//") || trimmed.range(of: "^[a-z][a-z0-9+.-]*:", options: .regularExpression) != nil
    }
}
