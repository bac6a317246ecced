import Foundation

extension ContentLoader {
    /// Reads only `site.yml` of a content directory: for commands that need the settings
    /// but must not stop at a broken policy (`new policy`).
    public func loadConfiguration(from directory: String) throws -> SiteConfiguration {
        let path = (directory as NSString).appendingPathComponent("site.yml")
        guard io.exists(path) else {
            throw PolicySiteError(.error(at: SourceLocation(file: path), "there is no site.yml in the content directory '\(directory)'",
                                         expected: "a content directory made by 'policysite init', or --content pointing at one"))
        }
        let text = try TextDecoder.decode(try io.read(path), file: path)
        return try SiteConfigurationParser.parse(text, file: path).0
    }
}
