import Foundation
import PolicySite

extension Terminal {
    /// Colour only on a terminal, and never when `NO_COLOR` is set to anything (no-color.org).
    static let usesColour: Bool = {
        if let noColour = ProcessInfo.processInfo.environment["NO_COLOR"], !noColour.isEmpty { return false }
        return isatty(STDERR_FILENO) != 0
    }()

    /// `diagnostic` as DESIGN.md prints it, with "error"/"warning" coloured when `colour` is on.
    static func describe(_ diagnostic: Diagnostic, colour: Bool = usesColour) -> String {
        guard colour else { return diagnostic.description }
        let plain = diagnostic.description
        let word = "\(diagnostic.severity.rawValue):"
        let code = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        guard let range = plain.range(of: " \(word) ") else { return plain }
        return plain.replacingCharacters(in: range, with: " \(code)\(word)\u{1B}[0m ")
    }

    /// Writes a line to standard output at once (print() buffers when stdout is a pipe).
    static func standardOutput(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
