/// The ledger as a text file: one line per fact, so `git diff` shows what a release added.
///
///     ledger policysite/report-ledger/v1
///     threshold 5
///     categories undermining offensive-language …
///     actions removed blocked …
///     closed-through 2026-10
///     month 2016-09 incidents 7 categories 2 3 0 2 0 0 actions 7 5 1 0 0
///     release 2026-10 distinct 68 repeat 43 recorded 116 within-24-hours 114 median-hours 3.95
extension ReportLedger {
    public var text: String {
        var lines = [
            "# The transparency report's release ledger: the complete months its reports have published, as",
            "# they were published, and each report's figures for the whole log. Builds keep these figures, so",
            "# no report contradicts an earlier one and comparing reports never gives a hidden number away.",
            "# 'policysite build' adds to it when it builds for today. Commit it with the content; do not edit it.",
            "ledger \(Self.format)",
            "threshold \(threshold)",
            "categories \(categories.joined(separator: " "))",
            "actions \(actions.joined(separator: " "))",
            "closed-through \(closedThrough)",
        ]
        for (index, tally) in months.sorted(by: { $0.key < $1.key }) where tally.incidents > 0 {
            lines.append("month \(CalendarMonth(index: index)) incidents \(tally.incidents) categories \(tally.categories.map(String.init).joined(separator: " ")) actions \(tally.actions.map(String.init).joined(separator: " "))")
        }
        for (index, running) in releases.sorted(by: { $0.key < $1.key }) {
            lines.append("release \(CalendarMonth(index: index)) distinct \(running.distinctAccounts) repeat \(running.repeatAccounts) recorded \(running.recordedTimes) within-24-hours \(running.within24Hours) median-hours \(running.medianHours.map(jsonNumber) ?? "none")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a ledger, refusing anything it did not write itself with `FILE:LINE:COLUMN` errors.
    public init(text: String, file: String) throws {
        var threshold: Int?, categories: [String]?, actions: [String]?, closedThrough: CalendarMonth?, format: String?
        var months: [Int: Tally] = [:], releases: [Int: Running] = [:]
        var errors: [Diagnostic] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(separator: " ").map(String.init)
            guard let keyword = words.first, !keyword.hasPrefix("#") else { continue }
            let location = SourceLocation(file: file, line: number + 1, column: 1)
            func refuse(_ message: String, _ expected: String) { errors.append(.error(at: location, message, expected: expected)) }
            func month(_ word: String) -> CalendarMonth? {
                let parts = word.split(separator: "-")
                guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
                return CalendarMonth(year: y, month: m)
            }
            func counts(_ words: ArraySlice<String>) -> [Int]? {
                let numbers = words.compactMap { Int($0) }
                return numbers.count == words.count && numbers.allSatisfy { $0 >= 0 } ? numbers : nil
            }
            switch keyword {
            case "ledger":
                format = words.dropFirst().first
                if format != Self.format { refuse("unknown ledger format '\(format ?? "")'", Self.format) }
            case "threshold":
                threshold = words.count == 2 ? Int(words[1]) : nil
                if threshold.map({ $0 < 1 }) ?? true { refuse("the threshold is not a positive whole number", "threshold 5") }
            case "categories": categories = Array(words.dropFirst())
            case "actions": actions = Array(words.dropFirst())
            case "closed-through":
                closedThrough = words.count == 2 ? month(words[1]) : nil
                if closedThrough == nil { refuse("the last frozen month is not a month", "closed-through YYYY-MM") }
            case "month":
                let categoryCount = categories?.count ?? 0, actionCount = actions?.count ?? 0
                guard words.count == 6 + categoryCount + actionCount, let m = month(words[1]), words[2] == "incidents",
                      let incidents = Int(words[3]), words[4] == "categories", words[5 + categoryCount] == "actions",
                      let c = counts(words[5..<(5 + categoryCount)]), let a = counts(words[(6 + categoryCount)...]), c.reduce(0, +) == incidents
                else {
                    refuse("this month line does not match the ledger's vocabularies", "month YYYY-MM incidents N categories (one count per category, adding up to N) actions (one count per action)")
                    continue
                }
                months[m.index] = Tally(incidents: incidents, categories: c, actions: a)
            case "release":
                let pairs = stride(from: 2, to: words.count - 1, by: 2).map { (words[$0], words[$0 + 1]) }
                let values = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
                guard words.count == 12, let m = month(words[1]), let distinct = values["distinct"].flatMap({ Int($0) }),
                      let repeats = values["repeat"].flatMap({ Int($0) }), let recorded = values["recorded"].flatMap({ Int($0) }),
                      let within = values["within-24-hours"].flatMap({ Int($0) }), let median = values["median-hours"],
                      median == "none" || Double(median) != nil
                else {
                    refuse("this release line is not complete", "release YYYY-MM distinct N repeat N recorded N within-24-hours N median-hours H (or none)")
                    continue
                }
                releases[m.index] = Running(distinctAccounts: distinct, repeatAccounts: repeats, recordedTimes: recorded, within24Hours: within,
                                            medianHours: median == "none" ? nil : Double(median))
            default:
                refuse("unknown line '\(keyword)'", "one of ledger, threshold, categories, actions, closed-through, month, release (the file is written by 'policysite build')")
            }
        }
        let top = SourceLocation(file: file)
        if format == nil { errors.append(.error(at: top, "this is not a report ledger", expected: "a first line 'ledger \(Self.format)'")) }
        guard errors.isEmpty, let threshold, let categories, let actions, let closedThrough else {
            if errors.isEmpty { errors.append(.error(at: top, "the ledger lacks its threshold, vocabularies or last frozen month", expected: "the lines 'policysite build' writes")) }
            throw PolicySiteError(errors)
        }
        self.init(threshold: threshold, categories: categories, actions: actions, closedThrough: closedThrough, months: months, releases: releases)
    }
}
