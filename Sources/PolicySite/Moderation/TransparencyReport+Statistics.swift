extension TransparencyReport {
    /// Lays the statistics out as tables tied by their sums, suppresses, and keeps what is safe.
    public init(statistics: ReportStatistics, configuration: SiteConfiguration, asOf: CalendarDay) {
        let threshold = configuration.suppressionThreshold
        var values: [Int] = []
        var sums: [Suppression.Sum] = []
        var unpublished: Set<Int> = []
        func cell(_ value: Int) -> Int {
            values.append(value)
            return values.count - 1
        }

        let period = statistics.first.flatMap { first in statistics.last.map { first...$0 } }
        var years: [SchoolYear] = []
        if let first = period?.lowerBound {
            var year = SchoolYear(containing: first)
            while year <= SchoolYear(containing: asOf) {
                years.append(year)
                year = year.next
            }
        }
        let categoryCount = statistics.categoryCount, actionCount = statistics.actionCount
        let tallies = years.map { statistics.tally(for: $0) }
        let yearIncidents = tallies.map { cell($0.incidents) }
        let yearCategories = tallies.map { tally in tally.categories.map { cell($0) } }
        let yearActions = tallies.map { tally in tally.actions.map { cell($0) } }
        let totalIncidents = cell(tallies.reduce(0) { $0 + $1.incidents })
        let totalCategories = (0..<categoryCount).map { k in cell(tallies.reduce(0) { $0 + $1.categories[k] }) }
        let totalActions = (0..<actionCount).map { j in cell(tallies.reduce(0) { $0 + $1.actions[j] }) }

        // Every incident has one category, so each year's categories add up to its incidents.
        for y in years.indices { sums.append(.init(total: yearIncidents[y], parts: yearCategories[y])) }
        for k in 0..<categoryCount { sums.append(.init(total: totalCategories[k], parts: yearCategories.map { $0[k] })) }
        for j in 0..<actionCount { sums.append(.init(total: totalActions[j], parts: yearActions.map { $0[j] })) }
        sums.append(.init(total: totalIncidents, parts: yearIncidents))
        sums.append(.init(total: totalIncidents, parts: totalCategories))

        let lastMonth = asOf.calendarMonth
        let shownMonths = (0..<Self.monthCount).map { lastMonth.adding(months: $0 - Self.monthCount + 1) }
        let monthCells = shownMonths.map { cell(statistics.incidents(in: $0)) }
        // The months of a school year add up to its incidents; months outside the table count
        // as an unpublished part unless they are known to be empty (before the first entry).
        for (y, year) in years.enumerated() {
            let inside = shownMonths.indices.filter { SchoolYear(containing: shownMonths[$0]) == year }
            guard !inside.isEmpty else { continue }
            var parts = inside.map { monthCells[$0] }
            let firstMonth = period.map { $0.lowerBound.calendarMonth } ?? lastMonth
            let outside = (year.firstMonth.index...year.lastMonth.index).map(CalendarMonth.init(index:))
                .filter { !shownMonths.contains($0) && $0 >= firstMonth && $0 <= lastMonth }
            if !outside.isEmpty {
                let rest = cell(outside.reduce(0) { $0 + statistics.incidents(in: $1) })
                unpublished.insert(rest)
                parts.append(rest)
            }
            sums.append(.init(total: yearIncidents[y], parts: parts))
        }

        let distinct = cell(statistics.distinctAccounts)
        let repeats = cell(statistics.repeatAccounts)
        let recorded = cell(statistics.recordedTimes)
        let within = cell(statistics.actionedWithin24Hours)

        let states = Suppression(values: values, sums: sums, unpublished: unpublished).apply(threshold: threshold)
        func count(_ index: Int) -> Count { Count(values[index], states[index]) }

        self.asOf = asOf
        self.threshold = threshold
        self.categories = configuration.categories
        self.actions = configuration.actions
        self.isExampleData = configuration.isExampleData
        self.period = period
        self.schoolYears = years.indices.map { y in
            Row(year: years[y], incidents: count(yearIncidents[y]), categories: yearCategories[y].map(count), actions: yearActions[y].map(count))
        }
        self.totals = Row(year: nil, incidents: count(totalIncidents), categories: totalCategories.map(count), actions: totalActions.map(count))
        self.months = shownMonths.indices.map { Month(month: shownMonths[$0], incidents: count(monthCells[$0])) }
        self.distinctAccounts = count(distinct)
        self.repeatAccounts = count(repeats)
        self.recordedTimes = count(recorded)
        self.within24Hours = count(within)
        let enoughTimes = statistics.recordedTimes >= Self.medianMinimum && self.recordedTimes.value != nil
        self.medianHours = enoughTimes ? statistics.medianHours : nil
    }
}
