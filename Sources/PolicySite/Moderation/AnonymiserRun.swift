import Foundation

/// One pass of `Anonymiser` over a working log: its cells are checked by the same rules and
/// messages as the reader's (`ModerationLogRowChecker`), and the log it writes is read back by
/// the reader before it is handed out, so `anonymise` never writes a log `build` would refuse.
struct AnonymiserRun: ModerationLogPass {
    let anonymiser: Anonymiser
    let file: String
    var scanner = CSVScanner()
    var checker: ModerationLogRowChecker
    /// The log's own columns found in the working log (no account: that comes from the handle).
    var positions: [ModerationLogColumn: Int] = [:]
    var handleColumn: Int?
    /// Columns dropped from the output, by name, and where a handle was first seen in each.
    var droppedColumns: [(index: Int, name: String)] = []
    var handlesInDroppedColumns: [Int: SourceLocation] = [:]
    var headerCount = 0
    var sawHeader = false
    var lastLine = 1
    var output = "date,category,actions,account,hours-to-action\n"

    init(anonymiser: Anonymiser, file: String) {
        self.anonymiser = anonymiser
        self.file = file
        let vocabulary = ModerationLogRules.Vocabulary(categories: anonymiser.categories, actions: anonymiser.actions, latestDate: anonymiser.asOf)
        self.checker = ModerationLogRowChecker(file: file, vocabulary: vocabulary, latestName: "today, \(anonymiser.asOf)", printLimit: 100)
    }

    mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>) { scan(chunk) }

    mutating func finish() throws -> String {
        finishScanning()
        if !sawHeader {
            checker.report(.error(at: SourceLocation(file: file), "the working log is empty", expected: "a header row naming date, category, actions and handle"))
        }
        if handleColumn == nil {
            for (index, name) in droppedColumns {
                guard let at = handlesInDroppedColumns[index] else { continue }
                checker.report(.error(at: at, "the column \(ModerationLogColumn.quotedName(name)) holds @handles, but only a column named \(Anonymiser.handleColumns.joined(separator: ", ")) becomes pseudonyms, so these would be dropped",
                                      expected: "the column of handles named handle"))
            }
        }
        if !checker.diagnostics.isEmpty { throw PolicySiteError(checker.diagnostics.all(file: file, lastLine: lastLine)) }
        try verify()
        return output
    }

    /// Reads the output as `build` will; a refusal here is a bug in this file, reported rather
    /// than written.
    private func verify() throws {
        let reader = ModerationLogReader(categories: anonymiser.categories, actions: anonymiser.actions, asOf: anonymiser.asOf)
        do {
            _ = try reader.read(bytes: Array(output.utf8), file: "the anonymised log")
        } catch let error as PolicySiteError {
            throw PolicySiteError(error.diagnostics.map {
                .error(at: SourceLocation(file: file), "the anonymised log would be refused by build (\($0.description)); nothing was written",
                       expected: "a working log that anonymises cleanly: please report this as a bug")
            })
        }
    }

    mutating func readRow(_ record: CSVScanner.Record) {
        var measured = Array(positions.values)
        if let handleColumn { measured.append(handleColumn) }
        guard checker.checkShape(record, headerCount: headerCount, cellsToMeasure: measured) else { return }
        if handleColumn == nil {
            for (index, _) in droppedColumns where handlesInDroppedColumns[index] == nil {
                if record.withCell(index, { AnonymityGuard.containsHandle(String(decoding: $0, as: UTF8.self)) }) {
                    handlesInDroppedColumns[index] = checker.location(record.fields[index])
                }
            }
        }
        guard let row = checker.check(record, positions: positions) else { return }
        var account = ""
        if let handleColumn {
            let handle = record.withCell(handleColumn) { String(decoding: ModerationLogRules.trim($0), as: UTF8.self) }
            if !handle.isEmpty { account = anonymiser.pseudonym(for: handle) }
        }
        let hours = positions[.hoursToAction].map { index in record.withCell(index) { String(decoding: ModerationLogRules.trim($0), as: UTF8.self) } } ?? ""
        let actions = anonymiser.actions.indices.filter { row.actions.contains($0) }.map { anonymiser.actions[$0].key }.joined(separator: ";")
        output += "\(row.date),\(anonymiser.categories[row.category].key),\(actions),\(account),\(hours)\n"
    }

    mutating func readHeader(_ record: CSVScanner.Record) {
        headerCount = record.cellCount
        var seen: Set<String> = []
        for index in record.fields.indices {
            var name = record.withCell(index) { String(decoding: ModerationLogRules.trim($0), as: UTF8.self) }.lowercased()
            if name.hasPrefix("\u{FEFF}") { name.removeFirst() }
            defer { seen.insert(name) }
            if let column = ModerationLogColumn(rawValue: name), column != .account, !seen.contains(name) {
                positions[column] = index
            } else if Anonymiser.handleColumns.contains(name), handleColumn == nil {
                handleColumn = index
            } else {
                droppedColumns.append((index, name))
            }
        }
        for required in ModerationLogColumn.allCases where required.isRequired && positions[required] == nil {
            checker.report(.error(at: SourceLocation(file: file, line: record.line, column: 1), "the header has no '\(required.rawValue)' column",
                                  expected: "a header row naming date, category, actions and handle (other columns are dropped)"))
        }
    }
}
