import Foundation

/// One pass of `Anonymiser` over a working log.
struct AnonymiserRun {
    let anonymiser: Anonymiser
    let file: String
    let categoryKeys: KeyTable
    let actionKeys: KeyTable
    var scanner = CSVScanner()
    var columns: [String: Int] = [:]
    var handleColumn: Int?
    var headerCount = 0
    var sawHeader = false
    var output = "date,category,actions,account,hours-to-action\n"
    var bag = DiagnosticBag()

    init(anonymiser: Anonymiser, file: String) {
        self.anonymiser = anonymiser
        self.file = file
        self.categoryKeys = KeyTable(anonymiser.categories.map(\.key))
        self.actionKeys = KeyTable(anonymiser.actions.map(\.key))
    }

    mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>) {
        var scanner = self.scanner
        scanner.consume(chunk) { handle($0) }
        self.scanner = scanner
    }

    mutating func finish() throws -> String {
        var scanner = self.scanner
        scanner.finish { handle($0) }
        self.scanner = scanner
        if !sawHeader { bag.append(.error(at: SourceLocation(file: file), "the working log is empty", expected: "a header row naming date, category, actions and handle")) }
        try bag.throwIfErrors()
        return output
    }

    func at(_ field: CSVScanner.Field) -> SourceLocation { SourceLocation(file: file, line: field.line, column: field.column) }

    mutating func handle(_ record: CSVScanner.Record) {
        for problem in record.problems {
            if case .strayQuote(let line, let column) = problem {
                bag.append(.error(at: SourceLocation(file: file, line: line, column: column), "a quote mark in the middle of a cell", expected: "the whole cell in quotes, with each quote mark inside it doubled (\"\")"))
            } else if case .unterminatedQuote(let line, let column) = problem {
                bag.append(.error(at: SourceLocation(file: file, line: line, column: column), "a quoted cell is never closed", expected: "a closing quote mark at the end of the cell"))
            }
        }
        guard sawHeader else {
            sawHeader = true
            headerCount = record.fields.count
            for index in record.fields.indices {
                var name = String(decoding: trimmed(record.cell(index)), as: UTF8.self).lowercased()
                if name.hasPrefix("\u{FEFF}") { name.removeFirst() }
                columns[name] = columns[name] ?? index
            }
            let found = columns
            handleColumn = Anonymiser.handleColumns.compactMap { found[$0] }.first
            for required in ["date", "category", "actions"] where columns[required] == nil {
                bag.append(.error(at: SourceLocation(file: file, line: record.line, column: 1), "the header has no '\(required)' column",
                                  expected: "a header row naming date, category, actions and handle (other columns are dropped)"))
            }
            return
        }
        guard record.problems.isEmpty else { return }
        guard record.fields.count == headerCount else {
            bag.append(.error(at: at(record.fields[min(headerCount, record.fields.count - 1)]), "this row has \(record.fields.count) cells but the header has \(headerCount)",
                              expected: "one cell per column (put a cell that contains a comma in quotes)"))
            return
        }
        guard let dateIndex = columns["date"], let categoryIndex = columns["category"], let actionsIndex = columns["actions"] else { return }
        var ok = true
        var date = ""
        switch parseDate(trimmed(record.cell(dateIndex))) {
        case .day(let day) where day <= anonymiser.asOf: date = day.description
        case .day(let day):
            ok = false
            bag.append(.error(at: at(record.fields[dateIndex]), "the date \(day) is after today, \(anonymiser.asOf)", expected: "a date on or before \(anonymiser.asOf)"))
        default:
            ok = false
            bag.append(.error(at: at(record.fields[dateIndex]), "the date is not a real date", expected: ModerationLogColumn.date.form))
        }
        let category = trimmed(record.cell(categoryIndex))
        if categoryKeys.index(of: category) == nil {
            ok = false
            bag.append(.error(at: at(record.fields[categoryIndex]), "unknown category '\(String(decoding: category, as: UTF8.self))'", expected: "one of \(categoryKeys.list)"))
        }
        let actionKeysFound = record.cell(actionsIndex).split(separator: UInt8(ascii: ";")).map(trimmed).filter { !$0.isEmpty }
        let unknown = actionKeysFound.filter { actionKeys.index(of: $0) == nil }
        if actionKeysFound.isEmpty || !unknown.isEmpty {
            ok = false
            let what = unknown.first.map { "unknown action '\(String(decoding: $0, as: UTF8.self))'" } ?? "no actions are recorded"
            bag.append(.error(at: at(record.fields[actionsIndex]), what, expected: "one or more of \(actionKeys.list), separated by ';'"))
        }
        var hours = ""
        if let hoursIndex = columns["hours-to-action"] {
            let cell = trimmed(record.cell(hoursIndex))
            if !cell.isEmpty {
                if parseHours(cell) == nil {
                    ok = false
                    bag.append(.error(at: at(record.fields[hoursIndex]), "'\(String(decoding: cell, as: UTF8.self))' is not a number of hours", expected: ModerationLogColumn.hoursToAction.form))
                } else {
                    hours = String(decoding: cell, as: UTF8.self)
                }
            }
        }
        var account = ""
        if let handleColumn {
            let handle = String(decoding: record.cell(handleColumn), as: UTF8.self)
            if !handle.trimmingCharacters(in: .whitespaces).isEmpty { account = anonymiser.pseudonym(for: handle) }
        }
        guard ok else { return }
        let actions = actionKeysFound.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ";")
        output += "\(date),\(String(decoding: category, as: UTF8.self)),\(actions),\(account),\(hours)\n"
    }
}
