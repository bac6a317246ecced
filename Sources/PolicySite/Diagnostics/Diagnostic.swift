/// One problem found in the input, printed as `FILE:LINE:COLUMN: error: WHAT, expected FORM`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var location: SourceLocation
    public var severity: Severity
    /// What is wrong, in plain words.
    public var message: String
    /// What to write instead; nil where there is nothing sensible to suggest.
    public var expected: String?

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, expected: String? = nil) {
        self.location = location
        self.severity = severity
        self.message = message
        self.expected = expected
    }

    public static func error(at location: SourceLocation, _ message: String, expected: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, expected: expected)
    }

    public static func warning(at location: SourceLocation, _ message: String, expected: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, expected: expected)
    }

    public var description: String {
        let head = "\(location.file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
        guard let expected else { return head }
        return "\(head), expected \(expected)"
    }
}
