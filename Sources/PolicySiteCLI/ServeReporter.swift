import PolicySite

/// Tells the terminal what the preview server did: each rebuild, its time, and its problems.
enum ServeReporter {
    @Sendable static func report(_ event: PreviewServer.Event) {
        switch event {
        case .built(let fileCount, let milliseconds, let changed, let warnings):
            for warning in warnings { Terminal.standardError(Terminal.describe(warning)) }
            if changed.isEmpty {
                Terminal.standardOutput("Built \(fileCount) files in \(milliseconds) ms.")
            } else {
                Terminal.standardOutput("Rebuilt in \(milliseconds) ms after a change to \(changed.prefix(3).joined(separator: ", "))\(changed.count > 3 ? " and \(changed.count - 3) more" : "").")
            }
        case .refused(let error, let kept):
            for diagnostic in error.diagnostics { Terminal.standardError(Terminal.describe(diagnostic)) }
            let count = error.diagnostics.filter { $0.severity == .error }.count
            let still = kept == nil ? "There is no site to show until this is fixed." : "Still serving the last good site."
            Terminal.standardError("Rebuild refused: \(CheckCommand.count(count, "error")). \(still)")
        case .failed(let reason):
            Terminal.standardError("Rebuild failed: \(reason). Still serving the last good site, if there is one.")
        }
    }
}
