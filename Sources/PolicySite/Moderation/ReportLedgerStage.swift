import Foundation

/// The load stage's part for the release ledger: reads `content/report-ledger.txt`, freezes the
/// report's figures with it, and says what the build cannot promise without it.
struct ReportLedgerStage: Sendable {
    var io: FileIO
    var contentDirectory: String

    var path: String { (contentDirectory as NSString).appendingPathComponent(ReportLedger.fileName) }

    /// The figures this build publishes, the warnings about them, and the ledger once they are published.
    func figures(statistics: ReportStatistics, configuration: SiteConfiguration, asOf: CalendarDay,
                 logFile: String) throws -> (ClosedFigures, [Diagnostic], ReportLedger) {
        var figures = ClosedFigures(statistics: statistics, closedThrough: ClosedFigures.closedThrough(asOf: asOf),
                                    threshold: configuration.suppressionThreshold)
        let categories = configuration.categories.map(\.key), actions = configuration.actions.map(\.key)
        var warnings: [Diagnostic] = []
        let ledgerAt = SourceLocation(file: path)
        let ledger: ReportLedger
        if io.exists(path) {
            try io.checkInside(path, folder: contentDirectory, folderName: "content")
            let data = try io.read(path)
            ledger = try ReportLedger.parse(String(decoding: data, as: UTF8.self), file: path)
            try figures.freeze(with: ledger, categories: categories, actions: actions)
            if ledger.threshold != configuration.suppressionThreshold {
                warnings.append(.warning(at: ledgerAt, "the reports were published with a small-count threshold of \(ledger.threshold), so this report keeps it; site.yml now says \(configuration.suppressionThreshold)",
                                         expected: "the published threshold, or a new ledger (delete this file knowingly: earlier reports may then be compared with new ones)"))
            }
            if !figures.corrected.isEmpty {
                warnings.append(.warning(at: SourceLocation(file: logFile),
                                         "the log was changed after the report published \(figures.corrected.joined(separator: ", ")); the report keeps the figures as published, so that comparing reports gives no hidden number away",
                                         expected: "late or corrected entries in months already published are not counted"))
            }
        } else {
            ledger = ReportLedger(threshold: figures.threshold, categories: categories, actions: actions,
                                  closedThrough: CalendarMonth(index: (figures.months.keys.min() ?? figures.closedThrough.index) - 1))
            // Without an entry in a complete month no report can have shown anything: nothing to say.
            if !figures.months.isEmpty { warnings.append(.warning(at: ledgerAt, "there is no report ledger, so this build cannot tell whether the log was changed after an earlier report was published, and cannot promise that comparing this report with earlier ones gives no hidden number away",
                                     expected: "the ledger that `policysite build` writes for today, committed with the content")) }
        }
        return (figures, warnings, ledger.adding(figures))
    }

    /// Writes `ledger` when it says more than the file does: beside it, then renamed over it.
    func write(_ ledger: ReportLedger) throws {
        let text = ledger.text
        if let existing = try? io.read(path), String(decoding: existing, as: UTF8.self) == text { return }
        let temporary = (contentDirectory as NSString).appendingPathComponent(".\(ReportLedger.fileName).policysite-\(UUID().uuidString)")
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary)
            throw PolicySiteError(.error(at: SourceLocation(file: path), "could not write the report ledger: \(error.localizedDescription)",
                                         expected: "a content folder the build may write to"))
        }
    }
}
