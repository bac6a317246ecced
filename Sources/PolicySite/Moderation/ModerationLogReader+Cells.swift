extension ModerationLogReader.Session {
    /// Checks one data row; nil when it was refused (its problems already reported).
    mutating func checkRow(_ record: CSVScanner.Record) -> ModerationIncident? {
        var ok = true
        let date = positions[.date].flatMap { checkDate(record, $0) }
        let category = positions[.category].flatMap { checkCategory(record, $0) }
        let actions = positions[.actions].flatMap { checkActions(record, $0) }
        var account: AccountKey?
        if let index = positions[.account] {
            let cell = trimmed(record.cell(index))
            if !cell.isEmpty {
                account = AccountKey(pseudonym: cell)
                if account == nil {
                    ok = false
                    refuse(record.fields[index], cell, column: .account, "the account is not a pseudonym")
                }
            }
        }
        var hours: Double?
        if let index = positions[.hoursToAction] {
            let cell = trimmed(record.cell(index))
            if !cell.isEmpty {
                hours = parseHours(cell)
                // Leading zeros and ten digits or more look like a phone number, which no hours figure needs.
                let phoneLike = cell.count >= 10 || (cell.count > 1 && cell.first == UInt8(ascii: "0") && cell.dropFirst().first != UInt8(ascii: "."))
                if hours == nil || phoneLike {
                    ok = false
                    hours = nil
                    refuse(record.fields[index], cell, column: .hoursToAction, "'\(String(decoding: cell, as: UTF8.self))' is not a number of hours")
                }
            }
        }
        guard ok, let date, let category, let actions else { return nil }
        return ModerationIncident(date: date, category: category, actions: actions, account: account, hoursToAction: hours)
    }

    /// Reports a cell that is not its column's form, naming personal data where it looks like some.
    private mutating func refuse(_ field: CSVScanner.Field, _ cell: ArraySlice<UInt8>, column: ModerationLogColumn, _ message: String, expected: String? = nil) {
        if let finding = AnonymityGuard.inspect(bytes: cell) {
            reportPersonalData(finding, at: field, column: column, expected: expected)
        } else {
            report(.error(at: location(field), message, expected: expected ?? column.form))
        }
    }

    private mutating func checkDate(_ record: CSVScanner.Record, _ index: Int) -> CalendarDay? {
        let cell = trimmed(record.cell(index))
        let field = record.fields[index]
        let text = String(decoding: cell, as: UTF8.self)
        switch parseDate(cell) {
        case .day(let day):
            if day > latestDate {
                let what = latestDate == asOf ? "the as-of day \(asOf)" : "today, \(latestDate)"
                report(.error(at: location(field), "the date \(day) is after \(what)", expected: "a date on or before \(latestDate)"))
                return nil
            }
            return day
        case .impossible:
            report(.error(at: location(field), "the date '\(text)' does not exist", expected: "a real date YYYY-MM-DD"))
        case .malformed:
            if cell.isEmpty {
                report(.error(at: location(field), "the date is empty", expected: ModerationLogColumn.date.form))
            } else {
                refuse(field, cell, column: .date, "'\(text)' is not a date")
            }
        }
        return nil
    }

    private mutating func checkCategory(_ record: CSVScanner.Record, _ index: Int) -> Int? {
        let cell = trimmed(record.cell(index))
        if let category = categoryKeys.index(of: cell) { return category }
        let field = record.fields[index]
        let known = "one of \(categoryKeys.list)"
        if cell.isEmpty {
            report(.error(at: location(field), "the category is empty", expected: known))
        } else {
            refuse(field, cell, column: .category, "unknown category '\(String(decoding: cell, as: UTF8.self))'", expected: known)
        }
        return nil
    }

    private mutating func checkActions(_ record: CSVScanner.Record, _ index: Int) -> ActionSet? {
        let cell = record.cell(index)
        let field = record.fields[index]
        let known = "one or more of \(actionKeys.list), separated by ';'"
        var set = ActionSet()
        var failed = false
        for piece in cell.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false) {
            let key = trimmed(piece)
            if key.isEmpty { continue }
            if let action = actionKeys.index(of: key) {
                set.insert(action)
            } else {
                failed = true
                refuse(field, key, column: .actions, "unknown action '\(String(decoding: key, as: UTF8.self))'", expected: known)
            }
        }
        if failed { return nil }
        if set.isEmpty {
            report(.error(at: location(field), "no actions are recorded", expected: known))
            return nil
        }
        return set
    }
}

enum ParsedDate {
    case day(CalendarDay)
    case malformed
    case impossible
}

/// `YYYY-MM-DD`, or an ISO 8601 date-time such as `2017-03-04T09:30:00Z` whose date counts.
func parseDate(_ cell: ArraySlice<UInt8>) -> ParsedDate {
    guard cell.count >= 10 else { return .malformed }
    let s = cell.startIndex
    func digit(_ i: Int) -> Int? {
        let b = cell[s + i]
        return b >= 0x30 && b <= 0x39 ? Int(b - 0x30) : nil
    }
    guard let y1 = digit(0), let y2 = digit(1), let y3 = digit(2), let y4 = digit(3), cell[s + 4] == UInt8(ascii: "-"),
          let m1 = digit(5), let m2 = digit(6), cell[s + 7] == UInt8(ascii: "-"), let d1 = digit(8), let d2 = digit(9) else { return .malformed }
    if cell.count > 10 {
        guard isISOTime(cell[(s + 10)...]) else { return .malformed }
    }
    guard let day = CalendarDay(year: y1 * 1000 + y2 * 100 + y3 * 10 + y4, month: m1 * 10 + m2, day: d1 * 10 + d2) else { return .impossible }
    return .day(day)
}

/// `THH:MM`, optional `:SS` and fraction, optional `Z` or `±HH:MM` (a space may stand for the `T`).
private func isISOTime(_ rest: ArraySlice<UInt8>) -> Bool {
    let text = String(decoding: rest, as: UTF8.self)
    return text.wholeMatch(of: /[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?(Z|[+\-]([01][0-9]|2[0-3])(:?[0-5][0-9])?)?/) != nil
}

/// A non-negative decimal number without exponent, such as `3` or `0.25`.
func parseHours(_ cell: some Collection<UInt8>) -> Double? {
    var whole = 0, fraction = 0, fractionDigits = 0, digits = 0
    var sawPoint = false
    for byte in cell {
        if byte == UInt8(ascii: ".") {
            if sawPoint { return nil }
            sawPoint = true
            continue
        }
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        digits += 1
        guard digits <= 15 else { return nil }
        if sawPoint {
            fraction = fraction * 10 + Int(byte - 0x30)
            fractionDigits += 1
        } else {
            whole = whole * 10 + Int(byte - 0x30)
        }
    }
    guard digits > 0, !(sawPoint && fractionDigits == 0) else { return nil }
    var scale = 1
    for _ in 0..<fractionDigits { scale *= 10 }
    // Both parts are exact in a Double, so the one division rounds as a decimal parser would.
    return Double(whole * scale + fraction) / Double(scale)
}

func trimmed(_ cell: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var cell = cell
    while let first = cell.first, first == 0x20 || first == 0x09 { cell.removeFirst() }
    while let last = cell.last, last == 0x20 || last == 0x09 { cell.removeLast() }
    return cell
}

/// A vocabulary's keys as bytes, for lookups without making Strings.
struct KeyTable: Sendable {
    let keys: [[UInt8]]
    let list: String

    init(_ keys: [String]) {
        self.keys = keys.map { Array($0.utf8) }
        self.list = keys.joined(separator: ", ")
    }

    func index(of cell: some Collection<UInt8>) -> Int? {
        for (index, key) in keys.enumerated() where key.count == cell.count && key.elementsEqual(cell) { return index }
        return nil
    }
}
