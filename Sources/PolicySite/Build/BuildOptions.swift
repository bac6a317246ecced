/// What one build reads, where it writes, and the day it is built for.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    /// The site's own templates, overriding the default theme file by file; may not exist.
    public var templatesDirectory: String
    public var outputDirectory: String
    /// The reference day for review statuses and the report (`--as-of`, or today).
    public var asOf: CalendarDay

    public init(contentDirectory: String = "content", templatesDirectory: String = "templates",
                outputDirectory: String = "site", asOf: CalendarDay) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.asOf = asOf
    }
}
