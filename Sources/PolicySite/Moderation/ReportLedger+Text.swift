/// The ledger's text form: one line per published month or school year, so that a change to it
/// reads well in a diff. Numbers only: no dates of incidents, no accounts.
///
///     ledger policysite/report-ledger/v1
///     threshold 5
///     categories offensive-language spam
///     actions removed blocked
///     closed-through 2026-10
///     month 2016-09 incidents 7 categories 4 3 actions 7 4
///     year 2016/17 accounts 5 1 times 12 10 3.5
extension ReportLedger {
    public var text: String {
        var lines = [
            "# The transparency report's release ledger: what its reports have published, as published.",
            "# Builds keep these figures, so that no report contradicts an earlier one and comparing",
            "# reports never gives a hidden number away. 'policysite build' adds to it when it builds",
            "# for today. Commit it with the content; do not edit it by hand.",
            "ledger \(Self.format)",
            "threshold \(threshold)",
            "categories " + categories.joined(separator: " "),
            "actions " + actions.joined(separator: " "),
            "closed-through \(closedThrough)",
        ]
        for index in months.keys.sorted() {
            guard let tally = months[index], tally.incidents > 0 else { continue }
            lines.append("month \(CalendarMonth(index: index)) incidents \(tally.incidents) categories "
                + tally.categories.map(String.init).joined(separator: " ") + " actions " + tally.actions.map(String.init).joined(separator: " "))
        }
        for year in years.keys.sorted() {
            guard let figures = years[year] else { continue }
            lines.append("year \(year) accounts \(figures.distinctAccounts) \(figures.repeatAccounts) times \(figures.recordedTimes) "
                + "\(figures.within24Hours) \(figures.medianHours.map(jsonNumber) ?? "-")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads the text form; every problem is an error at its line.
    public static func parse(_ text: String, file: String) throws -> ReportLedger {
        var threshold: Int?, categories: [String]?, actions: [String]?, closedThrough: CalendarMonth?, format: String?
        var months: [Int: ReportStatistics.Tally] = [:]
        var years: [SchoolYear: YearFigures] = [:]
        var bag = DiagnosticBag()
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let at = SourceLocation(file: file, line: offset + 1)
            let words = line.split(separator: " ").map(String.init)
            guard let first = words.first, !first.hasPrefix("#") else { continue }
            func fail(_ expected: String) { bag.append(.error(at: at, "this ledger line cannot be read", expected: expected)) }
            switch first {
            case "ledger": format = words.dropFirst().first
            case "threshold": threshold = words.count == 2 ? Int(words[1]) : nil; if threshold == nil { fail("threshold NUMBER") }
            case "categories": categories = Array(words.dropFirst())
            case "actions": actions = Array(words.dropFirst())
            case "closed-through":
                closedThrough = words.count == 2 ? CalendarMonth(parsing: words[1]) : nil
                if closedThrough == nil { fail("closed-through YYYY-MM") }
            case "month":
                let c = categories?.count ?? -1, a = actions?.count ?? -1
                guard words.count == 6 + c + a, let month = CalendarMonth(parsing: words[1]), words[2] == "incidents",
                      words[4] == "categories", words[5 + c] == "actions",
                      let incidents = Int(words[3]),
                      case let counts = (words[5..<(5 + c)] + words[(6 + c)...]).compactMap({ Int($0) }), counts.count == c + a,
                      counts.allSatisfy({ $0 >= 0 }), Array(counts.prefix(c)).reduce(0, +) == incidents else {
                    fail("month YYYY-MM incidents N categories N… actions N…, after the categories and actions lines")
                    continue
                }
                months[month.index] = .init(incidents: incidents, categories: Array(counts.prefix(c)), actions: Array(counts.dropFirst(c)))
            case "year":
                guard words.count == 9, let year = SchoolYear(parsing: words[1]), words[2] == "accounts", words[5] == "times",
                      let d = Int(words[3]), let r = Int(words[4]), let t = Int(words[6]), let w = Int(words[7]),
                      words[8] == "-" || Double(words[8]) != nil else {
                    fail("year YYYY/YY accounts DISTINCT REPEAT times RECORDED WITHIN-24 MEDIAN")
                    continue
                }
                years[year] = .init(distinctAccounts: d, repeatAccounts: r, recordedTimes: t, within24Hours: w, medianHours: Double(words[8]))
            default:
                fail("a line starting ledger, threshold, categories, actions, closed-through, month or year")
            }
        }
        let top = SourceLocation(file: file)
        if format != Self.format { bag.append(.error(at: top, "this is not a report ledger policysite can read", expected: "ledger \(Self.format)")) }
        guard !bag.hasErrors, let threshold, let categories, let actions, let closedThrough else {
            if !bag.hasErrors { bag.append(.error(at: top, "the report ledger is incomplete", expected: "threshold, categories, actions and closed-through lines")) }
            try bag.throwIfErrors()
            throw PolicySiteError(bag.diagnostics)
        }
        return ReportLedger(threshold: threshold, categories: categories, actions: actions, closedThrough: closedThrough, months: months, years: years)
    }
}

extension CalendarMonth {
    /// `YYYY-MM`.
    init?(parsing text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }
}

extension SchoolYear {
    /// `2016/17`.
    init?(parsing text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, parts[0].count == 4, let start = Int(parts[0]), parts[1] == pad((start + 1) % 100, 2) else { return nil }
        self.init(startYear: start)
    }
}
