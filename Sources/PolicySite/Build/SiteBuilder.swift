import Foundation

/// The whole build, one line per stage: load, model, render, publish.
public struct SiteBuilder: Sendable {
    var io: FileIO

    public init(io: FileIO = .disk) {
        self.io = io
    }

    /// The result of a build: warnings to show and the number of files written.
    public struct Outcome: Sendable {
        public var warnings: [Diagnostic]
        public var fileCount: Int
    }

    /// Builds and publishes the site; on any problem nothing is written and every problem is thrown.
    /// The output is checked first (`OutputTarget`), and locked for the whole build, so two
    /// builds into one folder run one after the other (`waiting` says whether to wait).
    @discardableResult
    public func build(_ options: BuildOptions, waiting: OutputLock.Waiting = .wait(announce: { _ in })) throws -> Outcome {
        let output = try OutputTarget(options.outputDirectory, content: options.contentDirectory, templates: options.templatesDirectory)
        let lock = try OutputLock.acquire(for: output, waiting: waiting)
        defer { lock.release() }
        let writer = SiteWriter()
        let recovered = writer.recover(output)
        let (content, files) = try renderSite(options)
        if options.writesLedger, let ledger = content.reportLedger {
            // Before the site: a month frozen but not yet published is harmless; the reverse is not.
            try ReportLedgerStage(io: io, contentDirectory: options.contentDirectory).write(ledger)
        }
        let published = try writer.publish(files, to: output)
        return Outcome(warnings: content.warnings + recovered + published, fileCount: files.count)
    }

    /// Everything but publishing: what `check` runs, and what `build` writes.
    /// `templates`, when given, are used instead of loading them, and `markdownCache` keeps
    /// rendered policies (the preview server keeps both between rebuilds).
    func renderSite(_ options: BuildOptions, templates given: TemplateSet? = nil, markdownCache: MarkdownCache? = nil,
                           parseCache: PolicyParseCache? = nil) throws -> (SiteContent, [OutputFile]) {
        var (content, templates, moderation) = try load(options, templates: given, parseCache: parseCache)
        let site = Site(content: content, asOf: options.asOf, figures: moderation)
        do {
            let (files, advice) = try PageRenderer(templates: templates, markdownCache: markdownCache, parallelism: options.parallelism).renderWithAdvice(site)
            content.warnings = (content.warnings + advice).sorted { $0.location < $1.location }
            return (content, files)
        } catch let error as PolicySiteError {
            throw error.adding(content.warnings)
        }
    }

    /// The load stage: content, templates and the moderation log, checked together so that
    /// one run shows every problem.
    func load(_ options: BuildOptions, templates given: TemplateSet?, parseCache: PolicyParseCache? = nil) throws -> (SiteContent, TemplateSet, ClosedFigures?) {
        var bag = DiagnosticBag()
        // The templates are parsed on a second thread while the content loads: for a small site
        // the two are about the same work, swift-mustache's parsing cannot be made cheaper from
        // outside, and with a core free the example site builds 4-7 ms sooner (BENCHMARKS.md,
        // "Policies and start-up on a quiet machine"). A one-thread build parses them in turn.
        let parsing = given == nil && options.parallelism == .allCores
            ? HeadStart { [self] in Result { try TemplateSet.load(from: themeDirectories(options), io: io) } } : nil
        let content = bag.collect(at: SourceLocation(file: options.contentDirectory)) { try ContentLoader(io: io, parseCache: parseCache, parallelism: options.parallelism).load(from: options.contentDirectory) }
        let templates = given ?? bag.collect(at: SourceLocation(file: options.templatesDirectory)) {
            try parsing?.value.get() ?? TemplateSet.load(from: themeDirectories(options), io: io)
        }
        let moderation = content.flatMap { content in
            bag.collect(at: SourceLocation(file: options.contentDirectory)) {
                try ModerationLogLoader(io: io).load(configuration: content.configuration, contentDirectory: options.contentDirectory,
                                                     asOf: options.asOf, today: options.today)
            } ?? nil
        }
        if let content, bag.hasErrors { bag.append(contentsOf: content.warnings) }
        try bag.throwIfErrors()
        // `collect` records an error whenever it gives nil, so this holds after the line above.
        guard var content, let templates else { throw PolicySiteError(bag.diagnostics) }
        let log = (options.contentDirectory as NSString).appendingPathComponent(content.configuration.moderationLogPath)
        if let leftOut = moderation?.leftOutAfterAsOf, leftOut > 0 {
            content.warnings.append(.warning(at: SourceLocation(file: log), "\(leftOut) \(leftOut == 1 ? "entry" : "entries") dated after the as-of day \(options.asOf) \(leftOut == 1 ? "is" : "are") left out of the report"))
        }
        guard let moderation else { return (content, templates, nil) }
        let (figures, warnings, ledger) = try ReportLedgerStage(io: io, contentDirectory: options.contentDirectory)
            .figures(statistics: moderation, configuration: content.configuration, asOf: options.asOf, logFile: log)
        content.warnings += warnings
        content.reportLedger = ledger
        return (content, templates, figures)
    }

    /// The site's own templates (when the directory exists), laid over the built-in theme.
    func themeDirectories(_ options: BuildOptions) -> [String] {
        io.isDirectory(options.templatesDirectory) ? [options.templatesDirectory] : []
    }
}
