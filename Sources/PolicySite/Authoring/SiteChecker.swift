/// `check`: every problem a build would refuse, found without writing anything.
public struct SiteChecker: Sendable {
    public var builder: SiteBuilder

    public init(builder: SiteBuilder = SiteBuilder()) {
        self.builder = builder
    }

    /// Every error and warning, in file order; no errors means `build` would succeed.
    /// It runs the build's own render stage, so it checks whatever the build checks.
    /// Non-input failures (a file that cannot be read at all) are thrown.
    public func check(_ options: BuildOptions) throws -> [Diagnostic] {
        do {
            let (content, _) = try builder.renderSite(options)
            return content.warnings.sorted { $0.location < $1.location }
        } catch let error as PolicySiteError {
            return error.diagnostics.sorted { $0.location < $1.location }
        }
    }
}
