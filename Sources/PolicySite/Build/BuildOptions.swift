/// What one build reads, where it writes, and the day it is built for.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    /// The site's own templates, overriding the default theme file by file; may not exist.
    public var templatesDirectory: String
    public var outputDirectory: String
    /// The reference day for review statuses and the report (`--as-of`, or today).
    public var asOf: CalendarDay
    /// The real day the build runs (read once from the clock by the CLI). A log entry after it
    /// is refused; entries after an earlier `asOf` are only left out of the report, so that
    /// `--as-of 2017-08-15` shows the site as it was then. Defaults to `asOf`.
    public var today: CalendarDay
    /// Every core by default; one thread gives the same bytes, more slowly.
    var parallelism: Parallelism
    /// Whether `build` adds this report to the content's release ledger: only a build for
    /// today publishes a report (a view of the past, `check`, `serve` and tests never write it).
    public var writesLedger = false

    public init(contentDirectory: String = "content", templatesDirectory: String = "templates",
                outputDirectory: String = "site", asOf: CalendarDay, today: CalendarDay? = nil,
                parallelism: Parallelism = .allCores) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.asOf = asOf
        self.today = today ?? asOf
        self.parallelism = parallelism
    }
}
