/// Checks the data rows of a log against `ModerationLogRules` and words every refusal: the
/// reader's scanner path and the anonymiser both use it, so a row gets the same verdict and the
/// same message from either. No message quotes a cell the format does not recognise
/// (`LogCellDescription`).
struct ModerationLogRowChecker {
    let file: String
    let vocabulary: ModerationLogRules.Vocabulary
    /// How the latest allowed date is named in messages: "the as-of day 2026-11-24" or "today, 2026-11-24".
    let latestName: String
    var diagnostics: CappedDiagnostics
    /// Dates written as a spreadsheet writes them: one message per form, not one per row.
    private var spreadsheetDates: [ExcelDateForm: (location: SourceLocation, rows: Int)] = [:]

    init(file: String, vocabulary: ModerationLogRules.Vocabulary, latestName: String, printLimit: Int) {
        self.file = file
        self.vocabulary = vocabulary
        self.latestName = latestName
        self.diagnostics = CappedDiagnostics(limit: printLimit)
    }

    func location(_ field: CSVScanner.Field) -> SourceLocation {
        SourceLocation(file: file, line: field.line, column: field.column)
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Reports the record's quoting problems, an overlong cell and a wrong number of cells;
    /// true when its cells can be checked. `cellsToMeasure` are the columns whose length counts
    /// (nil: all of them).
    mutating func checkShape(_ record: CSVScanner.Record, headerCount: Int?, cellsToMeasure: [Int]? = nil) -> Bool {
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
        // No cell of the format is long (a pseudonym is at most 66 bytes); refusing a huge one
        // at once keeps the personal-data patterns from scanning megabytes.
        let measured = cellsToMeasure ?? Array(record.fields.indices)
        if let long = measured.first(where: { $0 < record.fields.count && record.fields[$0].length > ModerationLogReader.longestCell }) {
            report(.error(at: location(record.fields[long]), "this cell is \(record.fields[long].length) bytes long, far longer than any value of the log",
                          expected: "a cell of at most \(ModerationLogReader.longestCell) bytes: a date, a category, actions, a pseudonym or a number of hours"))
            return false
        }
        guard let headerCount else { return true }
        guard record.problems.isEmpty else { return false }
        guard record.cellCount == headerCount else {
            let at = record.cellCount > headerCount && headerCount < record.fields.count ? record.fields[headerCount] : record.fields[record.fields.count - 1]
            report(.error(at: location(at), "this row has \(record.cellCount) \(record.cellCount == 1 ? "cell" : "cells") but the header has \(headerCount)",
                          expected: "one cell per column (put a cell that contains a comma in quotes)"))
            for index in record.fields.indices {
                reportIfPersonal(record, index, column: nil)
            }
            return false
        }
        return true
    }

    /// Reports a cell outside the log's columns that holds what looks like personal data.
    mutating func reportIfPersonal(_ record: CSVScanner.Record, _ index: Int, column: ModerationLogColumn?) {
        let finding: String? = record.withCell(index) { cell in
            guard !ModerationLogRules.trim(cell).isEmpty else { return nil }
            return AnonymityGuard.inspect(bytes: cell).map(\.rawValue)
        }
        if let finding { reportPersonalData(finding, at: record.fields[index], column: column) }
    }

    mutating func reportPersonalData(_ kind: String, at field: CSVScanner.Field, column: ModerationLogColumn?, expected: String? = nil) {
        let name = column.map { "the \($0.rawValue) cell" } ?? "this cell"
        report(.error(at: location(field), "\(name) holds what looks like personal data (\(kind)); the log must be anonymised",
                      expected: expected ?? column?.form ?? "only the columns of the log format, anonymised with 'policysite anonymise'"))
    }

    /// Checks every cell of the log's columns at `positions`; nil when a rule refused one
    /// (each refusal reported).
    mutating func check(_ record: CSVScanner.Record, positions: [ModerationLogColumn: Int]) -> ModerationIncident? {
        var date: CalendarDay?, category: Int?, actions: UInt64?
        var account: AccountKey?, hours: Double?
        var ok = true
        for (column, index) in positions.sorted(by: { $0.value < $1.value }) {
            let field = record.fields[index]
            let refusal: ModerationLogRules.Refusal? = record.withCell(index) { cell in
                switch column {
                case .date: ModerationLogRules.date(cell, latest: vocabulary.latestDate).map { date = $0 }.failureValue
                case .category: ModerationLogRules.category(cell, keys: vocabulary.categories).map { category = $0 }.failureValue
                case .actions: ModerationLogRules.actions(cell, keys: vocabulary.actions).map { actions = $0 }.failureValue
                case .account: ModerationLogRules.account(cell).map { account = $0 }.failureValue
                case .hoursToAction: ModerationLogRules.hours(cell).map { hours = $0 }.failureValue
                }
            }
            if let refusal {
                ok = false
                record.withCell(index) { cell in refuse(cell, at: field, column: column, refusal) }
            }
        }
        guard ok, let date, let category, let actions else { return nil }
        return ModerationIncident(date: date, category: category, actions: ActionSet(bits: actions), account: account, hoursToAction: hours)
    }

    /// The one message for a refused cell.
    private mutating func refuse(_ raw: UnsafeBufferPointer<UInt8>, at field: CSVScanner.Field, column: ModerationLogColumn,
                                 _ refusal: ModerationLogRules.Refusal) {
        let cell = ModerationLogRules.trim(raw)
        let at = location(field)
        let keys = column == .category ? vocabulary.categories : vocabulary.actions
        let expected = switch column {
        case .category: "one of \(vocabulary.categories.list)"
        case .actions: "one or more of \(vocabulary.actions.list), separated by ';'"
        default: column.form
        }
        switch refusal {
        case .empty:
            report(.error(at: at, "the \(column.rawValue) is empty", expected: expected))
        case .noActions:
            report(.error(at: at, "no actions are recorded", expected: expected))
        case .impossibleDate:
            // The first ten bytes passed the YYYY-MM-DD shape: digits and hyphens only.
            report(.error(at: at, "the date '\(String(decoding: UnsafeBufferPointer(rebasing: cell[0..<10]), as: UTF8.self))' does not exist",
                          expected: "a real date YYYY-MM-DD"))
        case .afterLatest(let day):
            report(.error(at: at, "the date \(day) is after \(latestName)", expected: "a date on or before \(vocabulary.latestDate)"))
        case .phoneLike where column == .hoursToAction:
            if case .personal(let kind) = LogCellDescription(cell) {
                reportPersonalData(kind, at: field, column: column)
            } else {
                report(.error(at: at, "the hours-to-action cell is shaped like a phone number (a leading zero, or ten characters or more)", expected: expected))
            }
        case .unknownKey(let range):
            let piece = UnsafeBufferPointer(rebasing: cell[range])
            let what = column == .category ? "unknown category" : "unknown action"
            if let finding = AnonymityGuard.inspect(bytes: cell) {
                reportPersonalData(finding.rawValue, at: field, column: column, expected: expected)
            } else if let key = Self.nearestKey(to: piece, in: keys) {
                report(.error(at: at, "\(what) (did you mean '\(key)'?)", expected: expected))
            } else {
                switch LogCellDescription(piece) {
                case .personal(let kind): reportPersonalData(kind, at: field, column: column, expected: expected)
                case .plain(let description): report(.error(at: at, "\(what) (the cell holds \(description))", expected: expected))
                }
            }
        case .malformed, .phoneLike:
            switch LogCellDescription(cell) {
            case .personal(let kind):
                reportPersonalData(kind, at: field, column: column)
            case .plain(let description):
                if column == .date, let form = ExcelDateForm(String(decoding: cell, as: UTF8.self)) {
                    spreadsheetDates[form, default: (at, 0)].rows += 1
                    return
                }
                let what = switch column {
                case .date: "the date cell is not a date"
                case .account: "the account is not a pseudonym"
                default: "the hours-to-action is not a number of hours"
                }
                report(.error(at: at, "\(what) (the cell holds \(description))", expected: expected))
            }
        }
    }

    /// The vocabulary key the cell was most likely meant to be: the same but for case, blanks
    /// or underscores, or at most two letters off. Quoting the key is safe; the cell is not quoted.
    static func nearestKey(to cell: UnsafeBufferPointer<UInt8>, in keys: KeyTable) -> String? {
        guard cell.count <= 64, let text = String(validating: cell, as: UTF8.self) else { return nil }
        let normalised = String(text.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
        let names = keys.names
        if let same = names.first(where: { $0 == normalised }) { return same }
        let scored = names.map { ($0, editDistance(Array($0.unicodeScalars), Array(normalised.unicodeScalars))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 < best.0.count / 2 else { return nil }
        return best.0
    }

    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    /// Ends the log: one message per spreadsheet date form, at its first row, with the fix.
    mutating func finish() {
        for (form, seen) in spreadsheetDates.sorted(by: { $0.value.location < $1.value.location }) {
            let more = seen.rows > 1 ? " (this row and \(seen.rows - 1) more)" : ""
            diagnostics.append(.error(at: seen.location, "the date is written \(form.name), as a spreadsheet saves dates\(more)",
                                      expected: "YYYY-MM-DD such as 2016-09-03: in Excel select the date column, choose Format Cells, Custom, "
                                          + "type yyyy-mm-dd, then save as CSV again"), force: true)
        }
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

/// The problems of one input, the first `limit` kept and the rest only counted, so a log of
/// a million bad rows neither floods the terminal nor fills memory.
struct CappedDiagnostics {
    let limit: Int
    private(set) var kept: [Diagnostic] = []
    private(set) var unprinted = 0

    init(limit: Int) { self.limit = limit }

    var isEmpty: Bool { kept.isEmpty }

    mutating func append(_ diagnostic: Diagnostic, force: Bool = false) {
        if kept.count < limit || force { kept.append(diagnostic) } else { unprinted += 1 }
    }

    /// Every problem kept, and one line counting the rest (after `lastLine`).
    func all(file: String, lastLine: Int) -> [Diagnostic] {
        guard unprinted > 0 else { return kept }
        return kept + [.error(at: SourceLocation(file: file, line: lastLine + 1, column: 1),
                              "\(unprinted) more \(unprinted == 1 ? "problem" : "problems") in the log \(unprinted == 1 ? "is" : "are") not shown",
                              expected: "the problems above fixed first")]
    }
}
