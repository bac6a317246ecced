/// Everything the load stage read from a content directory, checked and parsed.
public struct SiteContent: Sendable {
    public var configuration: SiteConfiguration
    /// Sorted by slug.
    public var policies: [PolicyDocument]
    /// Problems that do not stop a build (an unknown key, say), to be printed.
    public var warnings: [Diagnostic]
    /// The approved versions of each policy that has any (`approved/SLUG/*.md`), oldest first.
    var approvedVersions: [String: [ApprovedVersion]]
    /// The report's release ledger as it will be once this build's report is published; nil
    /// for a site without a moderation log. Only `build` for today writes it.
    public var reportLedger: ReportLedger?

    public init(configuration: SiteConfiguration, policies: [PolicyDocument], warnings: [Diagnostic] = [],
                approvedVersions: [String: [ApprovedVersion]] = [:]) {
        self.configuration = configuration
        self.policies = policies
        self.warnings = warnings
        self.approvedVersions = approvedVersions
    }
}
