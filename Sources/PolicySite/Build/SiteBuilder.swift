import Foundation

/// The whole build, one line per stage: load, model, render, publish.
public struct SiteBuilder: Sendable {
    public var io: FileIO

    public init(io: FileIO = .disk) {
        self.io = io
    }

    /// The result of a build: warnings to show and the number of files written.
    public struct Outcome: Sendable {
        public var warnings: [Diagnostic]
        public var fileCount: Int
        /// Whether the build added to the report ledger.
        public var wroteLedger = false
    }

    /// Builds and publishes the site; on any problem nothing is written and every problem is thrown.
    @discardableResult
    public func build(_ options: BuildOptions) throws -> Outcome {
        let (content, files) = try renderSite(options)
        // The ledger first: a month frozen but not yet published is harmless; the reverse is not.
        try content.ledgerWrite?.write()
        try SiteWriter().publish(files, to: options.outputDirectory)
        return Outcome(warnings: content.warnings, fileCount: files.count, wroteLedger: content.ledgerWrite != nil)
    }

    /// Everything but publishing: what `check` runs, and what `build` writes.
    /// `templates`, when given, are used instead of loading them, and `markdownCache` keeps
    /// rendered policies (the preview server keeps both between rebuilds).
    public func renderSite(_ options: BuildOptions, templates given: TemplateSet? = nil, markdownCache: MarkdownCache? = nil,
                           parseCache: PolicyParseCache? = nil) throws -> (SiteContent, [OutputFile]) {
        let (content, templates, report) = try load(options, templates: given, parseCache: parseCache)
        var site = Site(content: content, asOf: options.asOf)
        site.report = report
        let files = try PageRenderer(templates: templates, markdownCache: markdownCache).render(site)
        return (content, files)
    }

    /// The load stage: content, templates and the moderation log, checked together so that
    /// one run shows every problem.
    func load(_ options: BuildOptions, templates given: TemplateSet?, parseCache: PolicyParseCache? = nil) throws -> (SiteContent, TemplateSet, TransparencyReport?) {
        var bag = DiagnosticBag()
        let content = bag.collect(at: SourceLocation(file: options.contentDirectory)) { try ContentLoader(io: io, parseCache: parseCache).load(from: options.contentDirectory) }
        let templates = given ?? bag.collect(at: SourceLocation(file: options.templatesDirectory)) { try TemplateSet.load(from: themeDirectories(options), io: io) }
        // The report counts complete months only: the log is read up to the end of the last one.
        let closing = ReportLedger.closingMonth(asOf: options.asOf, today: options.today).lastDay
        let moderation = content.flatMap { content in
            bag.collect(at: SourceLocation(file: options.contentDirectory)) {
                try ModerationLogLoader(io: io).load(configuration: content.configuration, contentDirectory: options.contentDirectory,
                                                     asOf: closing, today: options.today)
            } ?? nil
        }
        let stage = ReportLedgerStage(io: io)
        let ledger = moderation == nil ? nil : bag.collect(at: SourceLocation(file: stage.path(options.contentDirectory))) { try stage.load(contentDirectory: options.contentDirectory) } ?? nil
        let outcome = content.flatMap { content in
            moderation.flatMap { moderation in
                bag.collect(at: SourceLocation(file: stage.path(options.contentDirectory))) {
                    try stage.run(statistics: moderation, ledger: ledger, configuration: content.configuration, options: options)
                }
            }
        }
        try bag.throwIfErrors()
        guard var content, let templates else { preconditionFailure("a stage failed without a diagnostic") }
        if let leftOut = moderation?.leftOutAfterAsOf, leftOut > 0, options.asOf < options.today {
            let log = (options.contentDirectory as NSString).appendingPathComponent(content.configuration.moderationLogPath)
            content.warnings.append(.warning(at: SourceLocation(file: log), "\(leftOut) \(leftOut == 1 ? "entry" : "entries") dated after \(closing) \(leftOut == 1 ? "is" : "are") left out of the report, which counts the complete months before the as-of day \(options.asOf)"))
        }
        content.warnings += outcome?.warnings ?? []
        content.ledgerWrite = outcome?.write
        return (content, templates, outcome?.report)
    }

    /// The site's own templates (when the directory exists), laid over the built-in theme.
    func themeDirectories(_ options: BuildOptions) -> [String] {
        io.isDirectory(options.templatesDirectory) ? [options.templatesDirectory] : []
    }
}
