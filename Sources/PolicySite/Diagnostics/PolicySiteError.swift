import Foundation

/// The input was refused: every problem found, in file order. Thrown by any stage that checks input.
public struct PolicySiteError: Error, LocalizedError, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { $0.location < $1.location }
    }

    public init(_ diagnostic: Diagnostic) {
        self.init([diagnostic])
    }

    /// The errors alone (the diagnostics may hold warnings found beside them).
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The same problems with `more` (warnings found in an earlier stage, say) among them.
    public func adding(_ more: [Diagnostic]) -> PolicySiteError {
        PolicySiteError(more + diagnostics)
    }

    public var errorDescription: String? {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects problems across a stage, so a user sees all of them at once.
struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    public mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    public mutating func append(contentsOf more: [Diagnostic]) { diagnostics.append(contentsOf: more) }

    /// Runs `body`, keeping its diagnostics instead of stopping at the first refusal.
    /// Any other error (an unreadable file, say) is reported at `location`.
    mutating func collect<T>(at location: SourceLocation, _ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let error as PolicySiteError {
            diagnostics.append(contentsOf: error.diagnostics)
        } catch {
            diagnostics.append(.error(at: location, error.localizedDescription))
        }
        return nil
    }

    /// Throws every problem collected so far, warnings with the errors, if there is an error.
    /// (Dropping the warnings hid, say, "unknown key 'next_review'" behind the error it caused.)
    func throwIfErrors() throws {
        if hasErrors { throw PolicySiteError(diagnostics) }
    }
}
