/// Everything the load stage read from a content directory, checked and parsed.
public struct SiteContent: Sendable {
    public var configuration: SiteConfiguration
    /// Sorted by slug.
    public var policies: [PolicyDocument]
    /// Problems that do not stop a build (an unknown key, say), to be printed.
    public var warnings: [Diagnostic]
    /// The report ledger a build for today writes before publishing (see `ReportLedgerStage`).
    public var ledgerWrite: LedgerWrite?

    public init(configuration: SiteConfiguration, policies: [PolicyDocument], warnings: [Diagnostic] = []) {
        self.configuration = configuration
        self.policies = policies
        self.warnings = warnings
    }
}
