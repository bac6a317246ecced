/// `check`: every problem a build would refuse, found without writing anything.
public struct SiteChecker: Sendable {
    public var builder: SiteBuilder

    public init(builder: SiteBuilder = SiteBuilder()) {
        self.builder = builder
    }

    /// Every error and warning, in file order; no errors means `build` would succeed.
    /// Non-input failures (a file that cannot be read at all) are thrown.
    public func check(_ options: BuildOptions) throws -> [Diagnostic] {
        do {
            let (content, _) = try builder.renderSite(options)
            return content.warnings.sorted { $0.location < $1.location }
        } catch let error as PolicySiteError {
            // The build stops at the first stage that fails; the templates do not depend on the
            // content, so their problems are worth showing in the same run.
            var found = error.diagnostics
            do {
                _ = try TemplateSet.load(from: builder.themeDirectories(options), io: builder.io)
            } catch let templateError as PolicySiteError {
                found += templateError.diagnostics.filter { !found.contains($0) }
            }
            return found.sorted { $0.location < $1.location }
        }
    }
}
