/// The view model of `transparency/index.html`: every figure already worded, hidden counts as
/// words, charts as SVG the tool drew.
struct TransparencyPageView: Sendable {
    struct Figure: Sendable {
        var label: String
        var value: String
    }

    struct Headline: Sendable {
        var heading: String
        var figures: [Figure]
    }

    struct TableRow: Sendable {
        var header: String
        var cells: [String]
        var isTotal: Bool
    }

    struct Table: Sendable {
        var caption: String
        var columns: [String]
        var rows: [TableRow]
    }

    struct Definition: Sendable {
        var label: String
        var description: String?
    }

    /// The policy whose promises the report counts (site.yml `report.policy`).
    struct PolicyLink: Sendable {
        var title: String
        var url: String
    }

    var page: PageContext
    var policyLink: PolicyLink?
    var isExampleData: Bool
    var hasIncidents: Bool
    var hasCompleteYears: Bool
    var periodSentence: String
    var suppressionSentence: String?
    var historySentence: String
    var headlines: [Headline]
    var yearChartHTML: String
    var yearTable: Table
    var categoryTable: Table
    var actionTable: Table
    var monthChartHTML: String
    var monthTable: Table
    var accountsTable: Table
    var timeTable: Table
    var categories: [Definition]
    var actions: [Definition]

    /// "114 of 116", "fewer than 5 of 7": a part with the whole it is part of, when the whole
    /// is published (a part "not shown" reads alone).
    static func outOf(_ part: TransparencyReport.Count, _ whole: TransparencyReport.Count, _ words: CountWords) -> String {
        guard case .shown = whole, part != .secondary else { return words.text(part) }
        return "\(words.text(part)) of \(words.text(whole))"
    }

    init(report: TransparencyReport, page: PageContext, policy: PolicyLink? = nil) {
        self.page = page
        isExampleData = report.isExampleData
        hasIncidents = report.period != nil
        hasCompleteYears = !report.schoolYears.isEmpty
        let words = CountWords(threshold: report.threshold)
        let closed = report.closedThrough.spelledOut
        if let period = report.period {
            periodSentence = "This report counts complete months, from \(period.lowerBound.spelledOut) to \(closed). "
                + "A month is added once it is over, and a school year’s figures once the school year is over."
        } else {
            periodSentence = "No incidents were logged up to the end of \(closed), the last complete month."
        }
        suppressionSentence = report.threshold > 1
            ? "To protect the families involved, a number from 1 to \(report.threshold - 1) is shown as “fewer than \(report.threshold)”, and a few other numbers are “not shown”, so that no hidden number can be worked out from the others."
            : nil
        historySentence = report.history == .ledger
            ? "Figures of earlier reports are kept as they were, so small numbers stay hidden across reports: comparing this report with earlier ones never reveals a hidden number."
            : "Small numbers stay hidden across reports as long as the log of a month is not changed after that month is published."

        headlines = report.schoolYears.last.map { row in
            [Headline(heading: "\(row.year) (the last complete school year)",
                      figures: [Figure(label: "Incidents", value: words.text(row.incidents))]
                          + zip(report.actions, row.actions).map { Figure(label: $0.label, value: words.text($1)) })]
        } ?? []

        let yearLabels = report.schoolYears.map { $0.year.description }
        yearChartHTML = TransparencyChart(id: "chart-years", title: "Incidents per school year, \(yearLabels.first ?? "") to \(yearLabels.last ?? "")",
                                         bars: report.schoolYears.map { .init(label: $0.year.description, value: $0.incidents.value, text: words.text($0.incidents)) }).html
        yearTable = Table(caption: "Incidents per complete school year (1 September to 31 August)", columns: ["School year", "Incidents"],
                          rows: report.schoolYears.map { TableRow(header: $0.year.description, cells: [words.text($0.incidents)], isTotal: false) })
        func table(_ caption: String, _ terms: [SiteConfiguration.Term], _ cells: (TransparencyReport.Year) -> [TransparencyReport.Count]) -> Table {
            Table(caption: caption, columns: ["School year"] + terms.map(\.label) + ["Incidents"],
                  rows: report.schoolYears.map { row in
                      TableRow(header: row.year.description, cells: cells(row).map(words.text) + [words.text(row.incidents)], isTotal: false)
                  })
        }
        categoryTable = table("Incidents by kind of content and school year", report.categories, \.categories)
        actionTable = table("What the school did, by school year (one incident can lead to several actions)", report.actions, \.actions)

        let monthRows = report.months.reversed()
        monthChartHTML = TransparencyChart(id: "chart-months", title: "Incidents per month, \(report.months.first.map { $0.month.spelledOut } ?? "") to \(report.months.last.map { $0.month.spelledOut } ?? "")",
                                          bars: report.months.map { .init(label: $0.month.spelledOut, value: $0.incidents.value, text: words.text($0.incidents)) }).html
        monthTable = Table(caption: "Incidents per month, most recent first", columns: ["Month", "Incidents"],
                           rows: monthRows.map { TableRow(header: $0.month.spelledOut, cells: [words.text($0.incidents)], isTotal: false) })

        accountsTable = Table(caption: "Accounts actioned, by school year", columns: ["School year", "Accounts actioned", "Accounts involved in more than one incident"],
                              rows: report.schoolYears.map { row in
                                  TableRow(header: row.year.description, cells: [words.text(row.distinctAccounts), words.text(row.repeatAccounts)], isTotal: false)
                              })
        timeTable = Table(caption: "Time from the content appearing to the action, by school year",
                          columns: ["School year", "Incidents with a recorded time", "Within 24 hours", "Over 24 hours", "Median time"],
                          rows: report.schoolYears.map { row in
                              let median = row.medianHours.map { "\(formatHours($0)) \($0 == 1 ? "hour" : "hours")" }
                                  ?? "not given for fewer than \(TransparencyReport.medianMinimum) times"
                              return TableRow(header: row.year.description,
                                              cells: [words.text(row.recordedTimes), Self.outOf(row.within24Hours, row.recordedTimes, words),
                                                      Self.outOf(row.over24Hours, row.recordedTimes, words), median], isTotal: false)
                          })
        policyLink = policy
        categories = report.categories.map { Definition(label: $0.label, description: $0.description) }
        actions = report.actions.map { Definition(label: $0.label, description: $0.description) }
    }
}

/// Counts as parents read them.
struct CountWords: Sendable {
    var threshold: Int

    func text(_ count: TransparencyReport.Count) -> String {
        switch count {
        case .shown(let value): grouped(value)
        case .small: "fewer than \(threshold)"
        case .secondary: "not shown"
        }
    }
}

/// 12345 as "12,345".
func grouped(_ value: Int) -> String {
    let digits = String(value)
    var out = ""
    for (index, character) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { out += "," }
        out.append(character)
    }
    return out
}

/// Hours to one decimal place, without a trailing ".0".
func formatHours(_ hours: Double) -> String {
    let tenths = Int((hours * 10).rounded())
    return tenths % 10 == 0 ? grouped(tenths / 10) : "\(grouped(tenths / 10)).\(tenths % 10)"
}

