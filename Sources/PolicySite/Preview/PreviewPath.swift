import Foundation

/// What a request target asks the preview server for, decided from the raw target alone,
/// before anything is looked up: a path inside the site, or a request to refuse.
public enum PreviewPath: Sendable, Equatable {
    /// Components below the site root, percent-decoded, joined by "/" ("" is the root).
    case inside(String)
    /// Anything that could climb out of the site or hide in an encoding: `..`, `.`, an
    /// encoded '/' or '\', a backslash, NUL, malformed percent-encoding, a relative target.
    case refused

    /// Resolves `target`, the path of a request line as sent (`/policies/x/?q=1` works too).
    public static func resolve(_ target: String) -> PreviewPath {
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard path.hasPrefix("/") else { return .refused }
        let lowered = path.lowercased()
        // An encoded separator or NUL has no business in a page address; decoding it would
        // turn one component into two, or end a C string early.
        for encoded in ["%2f", "%5c", "%00"] where lowered.contains(encoded) { return .refused }
        guard let decoded = path.removingPercentEncoding,
              !decoded.contains("\\"), !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            return .refused
        }
        let components = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard components.allSatisfy({ $0 != "." && $0 != ".." }) else { return .refused }
        return .inside(components.joined(separator: "/") + (decoded.hasSuffix("/") && !components.isEmpty ? "/" : ""))
    }
}
