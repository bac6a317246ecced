import Foundation

/// What a refused log cell looks like, in words that never repeat it. Messages end up in
/// terminals, CI logs and the preview banner, and a cell the format does not recognise may be
/// exactly the personal data the log must not hold ("Mrs Jane Doe of 14 Acacia Ave"), so a
/// message names the cell by file, line and column and describes it instead of quoting it.
enum LogCellDescription: Equatable {
    /// Looks like personal data: an @handle, an address, a name; the log must be anonymised.
    case personal(String)
    /// Anything else, as a noun phrase: "a single word", "4 words", "a negative number".
    case plain(String)

    init(_ cell: UnsafeBufferPointer<UInt8>) {
        guard let text = String(validating: cell, as: UTF8.self) else {
            self = .plain("bytes that are not UTF-8 text")
            return
        }
        if let finding = AnonymityGuard.inspect(text) {
            self = .personal(finding.rawValue)
        } else if Self.looksLikeNameOrAddress(text) {
            self = .personal("a name or an address")
        } else if let form = ExcelDateForm(text) {
            self = .plain("a date written \(form.name)")
        } else {
            self = .plain(Self.shape(of: text))
        }
    }

    /// The shape of a cell that holds nothing recognisable: a number, a word, words.
    static func shape(of text: String) -> String {
        let scalars = text.unicodeScalars
        if scalars.isEmpty { return "nothing" }
        if scalars.contains(where: { $0.properties.generalCategory == .control }) { return "control characters" }
        let numberBody = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        if !numberBody.isEmpty, numberBody.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," }), numberBody.contains(where: \.isASCIIDigit) {
            return text.hasPrefix("-") ? "a negative number" : "a number"
        }
        let words = text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
        switch words.count {
        case 0: return "punctuation only"
        case 1: return words[0].contains(where: \.isLetter) ? "a single word" : "a code of digits and signs"
        default: return "\(words.count) words"
        }
    }

    /// Two or more capitalised words in a row ("Jane Doe"), a title ("Mrs", "Dr"), a house
    /// number before a street ("14 Acacia Ave") or a UK postcode: names and addresses have no
    /// fixed form, so this errs towards calling a cell one, which costs only a wording.
    static func looksLikeNameOrAddress(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }).map(String.init)
        var capitalisedRun = 0
        for (index, word) in words.enumerated() {
            let lower = word.lowercased()
            if titles.contains(lower), index + 1 < words.count { return true }
            if let first = word.first, first.isUppercase, word.dropFirst().allSatisfy({ $0.isLowercase || $0 == "'" }), word.count > 1 {
                capitalisedRun += 1
                if capitalisedRun >= 2 { return true }
            } else {
                capitalisedRun = 0
            }
            if streets.contains(lower), index >= 1, words[..<index].contains(where: { $0.allSatisfy(\.isASCIIDigit) }) { return true }
        }
        return text.uppercased().contains(postcode)
    }

    private static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "rev", "prof", "lady", "lord"]
    private static let streets: Set<String> = [
        "road", "rd", "street", "st", "avenue", "ave", "lane", "ln", "close", "drive", "way", "crescent", "place", "court",
        "gardens", "grove", "terrace", "hill", "park", "square", "mews", "row", "walk", "view", "flat",
    ]
    nonisolated(unsafe) private static let postcode = /(^|[^A-Z0-9])[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}([^A-Z0-9]|$)/
}

/// A date as a spreadsheet writes it (`03/09/2016`, `3-Sep-16`, `2016/09/03`, `03/09/2016 14:30`)
/// instead of the log's `YYYY-MM-DD`: recognised so the message can name the form and say how
/// to save the column again, without quoting the cell.
struct ExcelDateForm: Hashable {
    /// The form in the letters people know: `DD/MM/YYYY`, `DD-Mon-YY`, `YYYY/MM/DD`.
    let name: String

    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
        var parts = trimmed.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map(String.init)
        var time = ""
        if parts.count == 2, parts[1].wholeMatch(of: /[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?/) != nil {
            time = parts[1].contains(where: { $0 == "M" || $0 == "m" }) ? " HH:MM AM" : (parts[1].filter { $0 == ":" }.count == 2 ? " HH:MM:SS" : " HH:MM")
            parts.removeLast()
        }
        let date = parts.joined(separator: " ")
        if let serial = Int(date), (20000...80000).contains(serial), time.isEmpty {
            // 42616 is 3 September 2016 in Excel's day count: a date column formatted as "General".
            name = "as a spreadsheet day number"
            return
        }
        guard let match = date.wholeMatch(of: /([0-9]{1,4}|[A-Za-z]{3,9})([\/\-. ])([0-9]{1,2}|[A-Za-z]{3,9})\2([0-9]{2}|[0-9]{4})/) else { return nil }
        let (first, separator, second, year) = (String(match.output.1), String(match.output.2), String(match.output.3), String(match.output.4))
        func monthName(_ word: String) -> String? {
            guard word.first?.isLetter == true, Self.months.contains(where: { $0.hasPrefix(word.lowercased()) && word.count >= 3 }) else { return nil }
            return word.count == 3 ? "Mon" : "Month"
        }
        let yearForm = year.count == 2 ? "YY" : "YYYY"
        if first.count == 4, separator != "-", let month = Int(second), let day = Int(year), (1...12).contains(month), (1...31).contains(day), year.count == 2 {
            name = "YYYY\(separator)MM\(separator)DD" + time
        } else if let month = monthName(second), let day = Int(first), (1...31).contains(day) {
            name = "DD\(separator)\(month)\(separator)\(yearForm)" + time
        } else if let month = monthName(first), let day = Int(second), (1...31).contains(day) {
            name = "\(month)\(separator)DD\(separator)\(yearForm)" + time
        } else if first.count == 4 {
            return nil
        } else if let a = Int(first), let b = Int(second), first.count <= 2 {
            // Day first unless only month-first makes sense; a UK school's Excel writes day first.
            if (1...12).contains(b), (1...31).contains(a) {
                name = "DD\(separator)MM\(separator)\(yearForm)" + time
            } else if (1...12).contains(a), (1...31).contains(b) {
                name = "MM\(separator)DD\(separator)\(yearForm)" + time
            } else {
                return nil
            }
        } else {
            return nil
        }
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                 "october", "november", "december", "sept"]
}
