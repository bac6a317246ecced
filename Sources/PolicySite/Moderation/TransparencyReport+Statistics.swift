extension TransparencyReport {
    /// The report of statistics read up to the last day of the month before `asOf`, with no ledger.
    public init(statistics: ReportStatistics, configuration: SiteConfiguration, asOf: CalendarDay) {
        self.init(figures: ClosedFigures(statistics: statistics, closedThrough: ReportLedger.closingMonth(asOf: asOf, today: asOf)),
                  configuration: configuration, asOf: asOf, hasLedger: false)
    }

    /// Lays the closed figures out as one table over the whole history — every complete month,
    /// every complete school year, and the totals as they stood at the end of each school year —
    /// and suppresses it period by period, in time order: the months as each one closes, then each
    /// school year's row, then its totals, each time keeping what was settled before. So the state
    /// of every count depends only on the months up to its own period, never on the day of the
    /// build, and every report, whenever it is built, shows a part of the same protected table.
    public init(figures: ClosedFigures, configuration: SiteConfiguration, asOf: CalendarDay, threshold given: Int? = nil, hasLedger: Bool) {
        let threshold = given ?? configuration.suppressionThreshold
        var table = SettledTable(threshold: threshold)
        let closed = figures.closedThrough
        let categoryCount = figures.categoryCount, actionCount = figures.actionCount

        let first = figures.firstMonth
        let windowStart = closed.adding(months: 1 - Self.monthCount)
        let historyStart = first.map { min(windowStart, SchoolYear(containing: $0).firstMonth) } ?? windowStart
        // A month's count is settled when the month closes: nothing adds up to it.
        var monthCell: [Int: Int] = [:]
        for index in historyStart.index...max(historyStart.index, closed.index) where index <= closed.index {
            monthCell[index] = table.cell(figures.tally(for: CalendarMonth(index: index)).incidents)
        }
        table.settle()

        var years: [SchoolYear] = []
        if let first {
            var year = SchoolYear(containing: first)
            while year.lastMonth <= closed {
                years.append(year)
                year = year.next
            }
        }
        struct Cells { var incidents: Int; var categories: [Int]; var actions: [Int] }
        var rows: [Cells] = []
        var totals: Cells?
        for year in years {
            let tally = figures.tally(for: year)
            let row = Cells(incidents: table.cell(tally.incidents), categories: tally.categories.map { table.cell($0) }, actions: tally.actions.map { table.cell($0) })
            // Every incident has one category; the months of a school year add up to its incidents.
            table.sums.append(.init(total: row.incidents, parts: row.categories))
            table.sums.append(.init(total: row.incidents, parts: (year.firstMonth.index...year.lastMonth.index).compactMap { monthCell[$0] }))
            rows.append(row)
            table.settle()

            // The totals as they stand while this is the last complete year.
            let values = { (part: (Cells) -> Int) in rows.reduce(0) { $0 + table.values[part($1)] } }
            let total = Cells(incidents: table.cell(values(\.incidents)),
                              categories: (0..<categoryCount).map { k in table.cell(values { $0.categories[k] }) },
                              actions: (0..<actionCount).map { j in table.cell(values { $0.actions[j] }) })
            table.sums.append(.init(total: total.incidents, parts: rows.map(\.incidents)))
            table.sums.append(.init(total: total.incidents, parts: total.categories))
            for k in 0..<categoryCount { table.sums.append(.init(total: total.categories[k], parts: rows.map { $0.categories[k] })) }
            for j in 0..<actionCount { table.sums.append(.init(total: total.actions[j], parts: rows.map { $0.actions[j] })) }
            // Implied by the sums above, but spelled out so the bounds see what a reader
            // comparing this year's totals with last year's sees: the new totals are the old
            // ones plus this year's row.
            if let previous = totals {
                table.sums.append(.init(total: total.incidents, parts: [previous.incidents, row.incidents]))
                for k in 0..<categoryCount { table.sums.append(.init(total: total.categories[k], parts: [previous.categories[k], row.categories[k]])) }
                for j in 0..<actionCount { table.sums.append(.init(total: total.actions[j], parts: [previous.actions[j], row.actions[j]])) }
            }
            totals = total
            table.settle()
        }

        let running = figures.running
        let distinct = table.cell(running.distinctAccounts), repeats = table.cell(running.repeatAccounts)
        let recorded = table.cell(running.recordedTimes), within = table.cell(running.within24Hours)
        table.settle()
        func count(_ index: Int) -> Count { Count(table.values[index], table.states[index]) }
        func row(_ cells: Cells, _ year: SchoolYear?) -> Row {
            Row(year: year, incidents: count(cells.incidents), categories: cells.categories.map(count), actions: cells.actions.map(count))
        }

        self.asOf = asOf
        self.threshold = threshold
        self.categories = configuration.categories
        self.actions = configuration.actions
        self.isExampleData = configuration.isExampleData
        self.closedThrough = closed
        self.period = first.map { $0...closed }
        self.schoolYears = zip(rows, years).map { row($0, $1) }
        self.totals = totals.map { row($0, nil) }
        self.months = (0..<Self.monthCount).map { offset in
            let month = windowStart.adding(months: offset)
            return Month(month: month, incidents: count(monthCell[month.index]!))
        }
        self.hasLedger = hasLedger
        self.distinctAccounts = count(distinct)
        self.repeatAccounts = count(repeats)
        self.recordedTimes = count(recorded)
        self.within24Hours = count(within)
        let enoughTimes = running.recordedTimes >= Self.medianMinimum && self.recordedTimes.value != nil
        self.medianHours = enoughTimes ? running.medianHours : nil
    }
}

/// Cells added period by period; `settle` suppresses the cells added since the last call,
/// keeping the states of every earlier cell.
struct SettledTable {
    let threshold: Int
    var values: [Int] = []
    var sums: [Suppression.Sum] = []
    var states: [Suppression.State] = []

    init(threshold: Int) { self.threshold = threshold }

    mutating func cell(_ value: Int) -> Int {
        values.append(value)
        return values.count - 1
    }

    mutating func settle() {
        let fixed = Dictionary(uniqueKeysWithValues: states.indices.map { ($0, states[$0]) })
        states = Suppression(values: values, sums: sums, fixed: fixed).apply(threshold: threshold)
    }
}
