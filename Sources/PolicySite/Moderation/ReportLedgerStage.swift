import Foundation

/// The ledger's part of a build: reads `content/report-ledger.txt`, takes frozen months from it,
/// says in warnings what it changed or cannot promise, and, for a build that publishes (one for
/// today), works out the ledger to write back.
struct ReportLedgerStage {
    var io: FileIO

    struct Outcome {
        var report: TransparencyReport
        var warnings: [Diagnostic]
        /// The ledger to write before publishing; nil when nothing is new or the build does not publish.
        var write: LedgerWrite?
    }

    func path(_ contentDirectory: String) -> String {
        (contentDirectory as NSString).appendingPathComponent(ReportLedger.fileName)
    }

    /// The ledger of the content directory, or nil when there is none.
    func load(contentDirectory: String) throws -> ReportLedger? {
        let file = path(contentDirectory)
        guard io.exists(file) else { return nil }
        let data = try io.read(file)
        return try ReportLedger(text: String(decoding: data, as: UTF8.self), file: file)
    }

    func run(statistics: ReportStatistics, ledger: ReportLedger?, configuration: SiteConfiguration, options: BuildOptions) throws -> Outcome {
        let file = path(options.contentDirectory)
        let log = (options.contentDirectory as NSString).appendingPathComponent(configuration.moderationLogPath)
        let closing = ReportLedger.closingMonth(asOf: options.asOf, today: options.today)
        let categories = configuration.categories.map(\.key), actions = configuration.actions.map(\.key)
        var figures = ClosedFigures(statistics: statistics, closedThrough: closing)
        var warnings: [Diagnostic] = []
        var threshold = configuration.suppressionThreshold
        if let ledger {
            let unknown = ledger.categories.filter { !categories.contains($0) } + ledger.actions.filter { !actions.contains($0) }
            guard unknown.isEmpty else {
                throw PolicySiteError([.error(at: SourceLocation(file: file), "the ledger counts \(unknown.map { "'\($0)'" }.joined(separator: ", ")), which site.yml no longer defines; published months would no longer add up",
                                              expected: "the category and action keys the reports were published with, kept in site.yml")])
            }
            if ledger.threshold != threshold {
                warnings.append(.warning(at: SourceLocation(file: file), "the reports were published with the small-count threshold \(ledger.threshold), and site.yml now says \(threshold); the report keeps \(ledger.threshold), since a new threshold would let readers compare the reports (to change it, start a new ledger: see the README)"))
                threshold = ledger.threshold
            }
            let (reconciled, changed, runningChanged) = ledger.reconcile(figures, categories: categories, actions: actions)
            if !changed.isEmpty {
                let names = changed.prefix(6).map(\.spelledOut).joined(separator: ", ") + (changed.count > 6 ? " and \(changed.count - 6) more" : "")
                warnings.append(.warning(at: SourceLocation(file: log), "the log was changed after the report published \(changed.count == 1 ? "this month" : "these \(changed.count) months"): \(names); the report keeps the figures as published, so that comparing reports gives nothing away (the ledger \(ReportLedger.fileName) holds them)"))
            }
            if runningChanged {
                warnings.append(.warning(at: SourceLocation(file: log), "the accounts and times to action up to \(closing.spelledOut) differ from those already published; the report keeps the published ones"))
            }
            figures = reconciled
        } else {
            warnings.append(.warning(at: SourceLocation(file: file), "no report ledger: this build cannot tell whether the log was changed after an earlier report was published, so it cannot promise that comparing this report with earlier ones gives no hidden number away; \(options.writesLedger ? "it starts the ledger now: commit it with the content" : "a build for today starts one")"))
        }
        let report = TransparencyReport(figures: figures, configuration: configuration, asOf: options.asOf, threshold: threshold, hasLedger: ledger != nil)
        var write: LedgerWrite?
        if options.writesLedger {
            let updated = ledger?.recording(figures, categories: categories, actions: actions)
                ?? ReportLedger.starting(with: figures, threshold: threshold, categories: categories, actions: actions)
            if updated != ledger { write = LedgerWrite(path: file, text: updated.text) }
        }
        return Outcome(report: report, warnings: warnings, write: write)
    }
}

/// A ledger to write into the content directory before the site is published.
public struct LedgerWrite: Sendable, Hashable {
    public var path: String
    public var text: String

    /// Writes to a temporary file beside it and renames it into place.
    func write() throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
