#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a moderation log (its columns: `ModerationLogColumn`; its cells: `ModerationLogRules`) in one streaming pass, checks every cell and folds each
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

    /// Reads the log at `path`; `file` is the name used in messages (defaults to `path`). A log
    /// of `halvesFrom` bytes or more is read in two halves at once (`ModerationLogReader+Halves`).
    public func read(path: String, file: String? = nil, chunkSize: Int = 128 << 10, halvesFrom: Int = halvesFrom) throws -> ReportStatistics {
        var session = Session(reader: self, file: file ?? path)
        do {
            try session.read(ChunkedFile.Opened(path: path), chunkSize: chunkSize, halvesFrom: halvesFrom)
        } catch let error as ChunkedFile.OpenError {
            throw PolicySiteError(.error(at: SourceLocation(file: file ?? path), error.description, expected: error.expected))
        }
        return try session.finish()
    }

    /// Reads a log already in memory, fed in chunks of `chunkSize` bytes. `fastLane: false`
    /// sends every row through the scanner, for tests and fuzzing that compare the two lanes.
    public func read(bytes: [UInt8], file: String, chunkSize: Int = 128 << 10, fastLane: Bool = true) throws -> ReportStatistics {
        var session = Session(reader: self, file: file, useFastPath: fastLane)
        ChunkedFile.forEachChunk(of: bytes, size: chunkSize) { session.consume($0) }
        return try session.finish()
    }
}

extension ModerationLogReader {
    /// The state of one read: the scanner, the header's column positions, the fold and the problems.
    struct Session: ModerationLogPass {
        let file: String
        let asOf: CalendarDay
        var scanner = CSVScanner()
        var checker: ModerationLogRowChecker
        var statistics: ReportStatistics
        var positions: [ModerationLogColumn: Int] = [:]
        var unknownColumns: [Int] = []
        var headerCount = 0
        var sawHeader = false
        var lastLine = 1
        /// Set up once the header is read; nil when the header rules it out.
        var fastPath: ModerationLogFastPath?
        var fastPathDecided = false
        /// Off only in the differential test and fuzz target, which compare the two lanes.
        let useFastPath: Bool

        init(reader: ModerationLogReader, file: String, useFastPath: Bool = true) {
            self.file = file
            self.asOf = reader.asOf
            let vocabulary = ModerationLogRules.Vocabulary(categories: reader.categories, actions: reader.actions, latestDate: reader.latestDate)
            let latestName = reader.latestDate == reader.asOf ? "the as-of day \(reader.asOf)" : "today, \(reader.latestDate)"
            self.checker = ModerationLogRowChecker(file: file, vocabulary: vocabulary, latestName: latestName, printLimit: reader.printLimit)
            self.statistics = ReportStatistics(categoryCount: reader.categories.count, actionCount: reader.actions.count)
            self.useFastPath = useFastPath
        }

        mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>) {
            guard let base = chunk.baseAddress else { return }
            // Line by line: a whole line that starts a record may take the fast path; the rest,
            // and any line it declines, go to the scanner in order, so positions stay exact.
            var start = 0
            while start < chunk.count {
                guard let found = memchr(base + start, 0x0A, chunk.count - start) else {
                    scan(UnsafeBufferPointer(rebasing: chunk[start...]))
                    return
                }
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if !fastPathDecided, sawHeader {
                    fastPathDecided = true
                    if useFastPath {
                        fastPath = ModerationLogFastPath(positions: positions, headerCount: headerCount, unknownColumns: unknownColumns, asOf: asOf,
                                                         vocabulary: checker.vocabulary)
                    }
                }
                if scanner.isAtRecordStart, fastPath?.take(UnsafeBufferPointer(rebasing: chunk[start..<end])) == true {
                    lastLine = scanner.currentLine
                    scanner.skipRecord(length: end + 1 - start)
                } else {
                    scan(UnsafeBufferPointer(rebasing: chunk[start...end]))
                }
                start = end + 1
            }
        }

        mutating func finish() throws -> ReportStatistics {
            finishScanning()
            if !sawHeader {
                checker.report(.error(at: SourceLocation(file: file), "the moderation log is empty", expected: ModerationLogColumn.headerForm))
            }
            if !checker.diagnostics.isEmpty { throw PolicySiteError(checker.diagnostics.all(file: file, lastLine: lastLine)) }
            fastPath?.tally.fold(into: &statistics)
            return statistics
        }

        mutating func readRow(_ record: CSVScanner.Record) {
            guard checker.checkShape(record, headerCount: headerCount) else { return }
            for index in unknownColumns { checker.reportIfPersonal(record, index, column: nil) }
            guard let incident = checker.check(record, positions: positions) else { return }
            if incident.date > asOf { statistics.leaveOut(incident) } else { statistics.add(incident) }
        }

        mutating func readHeader(_ record: CSVScanner.Record) {
            var record = record
            // A byte-order mark is tolerated; it belongs to no cell and takes no column.
            if record.bytes.starts(with: [0xEF, 0xBB, 0xBF]), !record.fields.isEmpty {
                record.fields[0].range = 3..<record.fields[0].range.upperBound
                for index in record.fields.indices.dropFirst() where record.fields[index].line == 1 { record.fields[index].column -= 3 }
            }
            headerCount = record.cellCount
            for index in record.fields.indices {
                let field = record.fields[index]
                let name = record.withCell(index) { String(decoding: ModerationLogRules.trim($0), as: UTF8.self) }
                guard let column = ModerationLogColumn(rawValue: name) else {
                    unknownColumns.append(index)
                    checker.report(.error(at: checker.location(field), "the column \(ModerationLogColumn.quotedName(name)) is not part of the moderation log format and could carry personal data",
                                          expected: "only the columns \(ModerationLogColumn.allCases.map(\.rawValue).joined(separator: ", "))"))
                    continue
                }
                if positions[column] != nil {
                    checker.report(.error(at: checker.location(field), "the column '\(name)' appears twice", expected: "each column once"))
                    continue
                }
                positions[column] = index
            }
            if record.cellCount > record.fields.count {
                checker.report(.error(at: SourceLocation(file: file, line: record.line, column: 1), "the header has \(record.cellCount) columns",
                                      expected: ModerationLogColumn.headerForm))
            }
            let missing = ModerationLogColumn.allCases.filter { $0.isRequired && positions[$0] == nil }
            if !missing.isEmpty {
                let names = missing.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                checker.report(.error(at: SourceLocation(file: file, line: record.line, column: 1),
                                      "the header has no \(names) \(missing.count == 1 ? "column" : "columns")", expected: ModerationLogColumn.headerForm))
            }
        }
    }
}
