#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a moderation log (DESIGN.md) in one streaming pass, checks every cell and folds each
/// row into `ReportStatistics`; every problem comes back at once, with its line and column.
public struct ModerationLogReader: Sendable {
    public var categories: [SiteConfiguration.Term]
    public var actions: [SiteConfiguration.Term]
    /// The report's day: entries after it are checked but not counted.
    public var asOf: CalendarDay
    /// The real today: an entry after it cannot have happened, so it is refused.
    public var latestDate: CalendarDay
    /// The longest cell read as a value; anything longer is refused without further reading.
    static let longestCell = 512
    /// How many problems are printed before the rest are only counted.
    public var printLimit: Int

    /// `latestDate` defaults to `asOf`: then every entry after the as-of day is refused.
    public init(categories: [SiteConfiguration.Term], actions: [SiteConfiguration.Term], asOf: CalendarDay,
                latestDate: CalendarDay? = nil, printLimit: Int = 100) {
        self.categories = categories
        self.actions = actions
        self.asOf = asOf
        self.latestDate = max(latestDate ?? asOf, asOf)
        self.printLimit = printLimit
    }

    public init(configuration: SiteConfiguration, asOf: CalendarDay, latestDate: CalendarDay? = nil) {
        self.init(categories: configuration.categories, actions: configuration.actions, asOf: asOf, latestDate: latestDate)
    }

    /// Reads the log at `path`; `file` is the name used in messages (defaults to `path`).
    public func read(path: String, file: String? = nil, chunkSize: Int = 1 << 20) throws -> ReportStatistics {
        var session = Session(reader: self, file: file ?? path)
        do {
            try ChunkedFile.forEachChunk(of: path, size: chunkSize) { session.consume($0) }
        } catch let error as ChunkedFile.OpenError {
            throw PolicySiteError(.error(at: SourceLocation(file: file ?? path), error.description, expected: "a readable CSV file"))
        }
        return try session.finish()
    }

    /// Reads a log already in memory, fed in chunks of `chunkSize` bytes.
    public func read(bytes: [UInt8], file: String, chunkSize: Int = 1 << 20) throws -> ReportStatistics {
        var session = Session(reader: self, file: file)
        ChunkedFile.forEachChunk(of: bytes, size: chunkSize) { session.consume($0) }
        return try session.finish()
    }
}

extension ModerationLogReader {
    /// The state of one read: the scanner, the header's column positions, the fold and the problems.
    struct Session {
        let file: String
        let asOf: CalendarDay
        let latestDate: CalendarDay
        let categoryKeys: KeyTable
        let actionKeys: KeyTable
        let printLimit: Int
        var scanner = CSVScanner()
        var statistics: ReportStatistics
        var positions: [ModerationLogColumn: Int] = [:]
        var unknownColumns: [Int] = []
        var headerCount = 0
        var sawHeader = false
        var diagnostics: [Diagnostic] = []
        var unprinted = 0
        var lastLine = 1
        /// Set up once the header is read; nil when the header rules it out.
        var fastPath: ModerationLogFastPath?
        var fastPathDecided = false

        init(reader: ModerationLogReader, file: String) {
            self.file = file
            self.asOf = reader.asOf
            self.latestDate = reader.latestDate
            self.categoryKeys = KeyTable(reader.categories.map(\.key))
            self.actionKeys = KeyTable(reader.actions.map(\.key))
            self.printLimit = reader.printLimit
            self.statistics = ReportStatistics(categoryCount: reader.categories.count, actionCount: reader.actions.count)
        }

        mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>) {
            var scanner = self.scanner
            defer { self.scanner = scanner }
            guard let base = chunk.baseAddress else { return }
            // Line by line: a whole line that starts a record may take the fast path; the rest,
            // and any line it declines, go to the scanner in order, so positions stay exact.
            var start = 0
            while start < chunk.count {
                guard let found = memchr(base + start, 0x0A, chunk.count - start) else {
                    scanner.consume(UnsafeBufferPointer(rebasing: chunk[start...])) { handle($0) }
                    return
                }
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if !fastPathDecided, sawHeader {
                    fastPathDecided = true
                    fastPath = ModerationLogFastPath(positions: positions, headerCount: headerCount, unknownColumns: unknownColumns, asOf: asOf,
                                                     categoryKeys: categoryKeys, actionKeys: actionKeys)
                }
                if fastPath != nil, scanner.isAtRecordStart, fastPath!.take(UnsafeBufferPointer(rebasing: chunk[start..<end])) {
                    lastLine = scanner.currentLine
                    scanner.skipRecord(length: end + 1 - start)
                } else {
                    scanner.consume(UnsafeBufferPointer(rebasing: chunk[start...end])) { handle($0) }
                }
                start = end + 1
            }
        }

        mutating func finish() throws -> ReportStatistics {
            var scanner = self.scanner
            scanner.finish { handle($0) }
            self.scanner = scanner
            if !sawHeader {
                report(.error(at: SourceLocation(file: file), "the moderation log is empty", expected: ModerationLogColumn.headerForm))
            }
            if unprinted > 0 {
                report(.error(at: SourceLocation(file: file, line: lastLine + 1, column: 1),
                              "\(unprinted) more \(unprinted == 1 ? "problem" : "problems") in the log \(unprinted == 1 ? "is" : "are") not shown",
                              expected: "the problems above fixed first"), force: true)
            }
            if !diagnostics.isEmpty { throw PolicySiteError(diagnostics) }
            fastPath?.tally.fold(into: &statistics)
            return statistics
        }

        mutating func report(_ diagnostic: Diagnostic, force: Bool = false) {
            if diagnostics.count < printLimit || force { diagnostics.append(diagnostic) } else { unprinted += 1 }
        }

        func location(_ field: CSVScanner.Field) -> SourceLocation {
            SourceLocation(file: file, line: field.line, column: field.column)
        }

        mutating func handle(_ record: CSVScanner.Record) {
            lastLine = record.line
            for problem in record.problems {
                switch problem {
                case .strayQuote(let line, let column):
                    report(.error(at: SourceLocation(file: file, line: line, column: column), "a quote mark in the middle of a cell",
                                  expected: "the whole cell in quotes, with each quote mark inside it doubled (\"\")"))
                case .unterminatedQuote(let line, let column):
                    report(.error(at: SourceLocation(file: file, line: line, column: column), "a quoted cell is never closed",
                                  expected: "a closing quote mark at the end of the cell"))
                }
            }
            // No cell of the format is long (a pseudonym is at most 66 bytes); refusing a huge
            // one at once keeps the personal-data patterns from scanning megabytes.
            if let long = record.fields.indices.first(where: { record.cell($0).count > ModerationLogReader.longestCell }) {
                report(.error(at: location(record.fields[long]), "this cell is \(record.cell(long).count) bytes long, far longer than any value of the log",
                              expected: "a cell of at most \(ModerationLogReader.longestCell) bytes: a date, a category, actions, a pseudonym or a number of hours"))
                sawHeader = true
                return
            }
            if !sawHeader {
                sawHeader = true
                readHeader(record)
                return
            }
            guard record.problems.isEmpty else { return }
            guard record.fields.count == headerCount else {
                let at = record.fields.count > headerCount ? record.fields[headerCount] : record.fields[record.fields.count - 1]
                report(.error(at: location(at), "this row has \(record.fields.count) \(record.fields.count == 1 ? "cell" : "cells") but the header has \(headerCount)",
                              expected: "one cell per column (put a cell that contains a comma in quotes)"))
                for index in record.fields.indices where !record.cell(index).isEmpty {
                    if let finding = AnonymityGuard.inspect(bytes: record.cell(index)) { reportPersonalData(finding, at: record.fields[index], column: nil) }
                }
                return
            }
            for index in unknownColumns where !record.cell(index).isEmpty {
                if let finding = AnonymityGuard.inspect(bytes: record.cell(index)) { reportPersonalData(finding, at: record.fields[index], column: nil) }
            }
            guard let incident = checkRow(record) else { return }
            if incident.date > asOf { statistics.leaveOut(incident) } else { statistics.add(incident) }
        }

        mutating func readHeader(_ record: CSVScanner.Record) {
            var record = record
            // A byte-order mark is tolerated; it belongs to no cell and takes no column.
            if record.bytes.starts(with: [0xEF, 0xBB, 0xBF]), !record.fields.isEmpty {
                record.fields[0].range = 3..<record.fields[0].range.upperBound
                for index in record.fields.indices.dropFirst() where record.fields[index].line == 1 { record.fields[index].column -= 3 }
            }
            headerCount = record.fields.count
            for index in record.fields.indices {
                let name = String(decoding: trimmed(record.cell(index)), as: UTF8.self)
                let field = record.fields[index]
                guard let column = ModerationLogColumn(rawValue: name) else {
                    unknownColumns.append(index)
                    report(.error(at: location(field), "the column '\(name)' is not part of the moderation log format and could carry personal data",
                                  expected: "only the columns \(ModerationLogColumn.allCases.map(\.rawValue).joined(separator: ", "))"))
                    continue
                }
                if positions[column] != nil {
                    report(.error(at: location(field), "the column '\(name)' appears twice", expected: "each column once"))
                    continue
                }
                positions[column] = index
            }
            let missing = ModerationLogColumn.allCases.filter { $0.isRequired && positions[$0] == nil }
            if !missing.isEmpty {
                let names = missing.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                report(.error(at: SourceLocation(file: file, line: record.line, column: 1),
                              "the header has no \(names) \(missing.count == 1 ? "column" : "columns")", expected: ModerationLogColumn.headerForm))
            }
        }

        mutating func reportPersonalData(_ finding: AnonymityGuard.Finding, at field: CSVScanner.Field, column: ModerationLogColumn?, expected: String? = nil) {
            let name = column.map { "the \($0.rawValue) cell" } ?? "this cell"
            report(.error(at: location(field), "\(name) holds what looks like personal data (\(finding.rawValue)); the log must be anonymised",
                          expected: expected ?? column?.form ?? "only the columns of the log format, anonymised with 'policysite anonymise'"))
        }
    }
}
