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

    var page: PageContext
    var isExampleData: Bool
    var hasIncidents: Bool
    var periodSentence: String
    var suppressionSentence: String?
    var releasesSentence: String
    var hasYears: Bool
    /// "up to 31 October 2026": the whole-log figures count complete months too.
    var runningPeriod: String
    var headlines: [Headline]
    var yearChartSVG: String
    var yearTable: Table
    var categoryTable: Table
    var actionTable: Table
    var monthChartSVG: String
    var monthTable: Table
    var accounts: [Figure]
    var timeToAction: [Figure]
    var categories: [Definition]
    var actions: [Definition]

    init(report: TransparencyReport, page: PageContext) {
        self.page = page
        isExampleData = report.isExampleData
        hasIncidents = report.period != nil
        let words = CountWords(threshold: report.threshold)
        let through = report.closedThrough.lastDay
        if let period = report.period {
            periodSentence = "This report counts complete months only: the log from \(period.lowerBound.spelledOut) to \(spelled(through)). Entries from \(report.closedThrough.adding(months: 1).spelledOut) on appear once that month is over."
        } else {
            periodSentence = "No incidents were logged in the complete months up to \(spelled(through))."
        }
        suppressionSentence = report.threshold > 1
            ? "To protect the families involved, a number from 1 to \(report.threshold - 1) is shown as “fewer than \(report.threshold)”, and a few other numbers are “not shown”, so that no hidden number can be worked out by subtracting from a total."
            : nil
        releasesSentence = "Figures of earlier reports are kept as they were, so comparing this report with earlier ones never reveals a hidden number."

        let rows = report.schoolYears
        headlines = rows.last.map { row in
            [Headline(heading: "\(row.year!) (the last complete school year)", figures: [Figure(label: "Incidents", value: words.text(row.incidents))]
                + zip(report.actions, row.actions).map { Figure(label: $0.label, value: words.text($1)) })]
        } ?? []
        hasYears = !rows.isEmpty
        let allYears = "All complete years"

        let yearLabels = report.schoolYears.map { $0.year!.description }
        yearChartSVG = TransparencyChart(id: "chart-years", title: "Incidents per school year, \(yearLabels.first ?? "") to \(yearLabels.last ?? "")",
                                         bars: report.schoolYears.map { .init(label: $0.year!.description, value: $0.incidents.value, text: words.text($0.incidents)) }).svg
        yearTable = Table(caption: "Incidents per school year (1 September to 31 August)", columns: ["School year", "Incidents"],
                          rows: report.schoolYears.map { TableRow(header: $0.year!.description, cells: [words.text($0.incidents)], isTotal: false) }
                              + (report.totals.map { [TableRow(header: allYears, cells: [words.text($0.incidents)], isTotal: true)] } ?? []))
        func table(_ caption: String, _ terms: [SiteConfiguration.Term], _ cells: (TransparencyReport.Row) -> [TransparencyReport.Count]) -> Table {
            Table(caption: caption, columns: ["School year"] + terms.map(\.label) + ["Incidents"],
                  rows: (report.schoolYears + (report.totals.map { [$0] } ?? [])).map { row in
                      TableRow(header: row.year?.description ?? allYears, cells: cells(row).map(words.text) + [words.text(row.incidents)], isTotal: row.year == nil)
                  })
        }
        categoryTable = table("Incidents by kind of content and school year", report.categories, \.categories)
        actionTable = table("What the school did, by school year (one incident can lead to several actions)", report.actions, \.actions)

        let monthRows = report.months.reversed()
        monthChartSVG = TransparencyChart(id: "chart-months", title: "Incidents per month, \(report.months.first.map { $0.month.spelledOut } ?? "") to \(report.months.last.map { $0.month.spelledOut } ?? "")",
                                          bars: report.months.map { .init(label: $0.month.spelledOut, value: $0.incidents.value, text: words.text($0.incidents)) }).svg
        monthTable = Table(caption: "Incidents per month, most recent first", columns: ["Month", "Incidents"],
                           rows: monthRows.map { TableRow(header: $0.month.spelledOut, cells: [words.text($0.incidents)], isTotal: false) })

        runningPeriod = "up to \(spelled(through))"
        accounts = [Figure(label: "Accounts actioned", value: words.text(report.distinctAccounts)),
                    Figure(label: "Accounts involved in more than one incident", value: words.text(report.repeatAccounts))]
        let median = report.medianHours.map { "\(formatHours($0)) \($0 == 1 ? "hour" : "hours")" }
            ?? "not shown until at least \(TransparencyReport.medianMinimum) actions have a recorded time"
        timeToAction = [Figure(label: "Incidents with a recorded time to action", value: words.text(report.recordedTimes)),
                        Figure(label: "Median time from the content appearing to the action", value: median),
                        Figure(label: "Actioned within 24 hours", value: words.text(report.within24Hours))]
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

/// "3 September 2016".
func spelled(_ day: CalendarDay) -> String { "\(day.day) \(day.calendarMonth.spelledOut)" }
