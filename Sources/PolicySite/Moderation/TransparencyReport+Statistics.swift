extension TransparencyReport {
    /// The report of a log's complete months before `asOf`, without a ledger.
    public init(statistics: ReportStatistics, configuration: SiteConfiguration, asOf: CalendarDay) {
        self.init(figures: ClosedFigures(statistics: statistics, closedThrough: ClosedFigures.closedThrough(asOf: asOf),
                                         threshold: configuration.suppressionThreshold),
                  configuration: configuration, asOf: asOf)
    }

    /// Protects each period's figures in time order: a month's count when the month is over, then
    /// each complete school year with its months already settled. A period's cells are settled
    /// once and never change, and no figure spans more than one school year, so every report
    /// shows part of one and the same protected table, whenever it is built.
    public init(figures: ClosedFigures, configuration: SiteConfiguration, asOf: CalendarDay) {
        let threshold = figures.threshold
        self.asOf = asOf
        self.closedThrough = figures.closedThrough
        self.threshold = threshold
        self.categories = configuration.categories
        self.actions = configuration.actions
        self.isExampleData = configuration.isExampleData
        self.history = figures.hasLedger ? .ledger : .none
        let firstMonth = figures.months.keys.min().map(CalendarMonth.init(index:))
        self.period = firstMonth.map { $0...figures.closedThrough }

        /// How a figure tied to no other is published: alone, it can only be hidden for being small.
        func standalone(_ value: Int) -> CountState {
            var alone = SharedTotalProtection(threshold: threshold, total: .init(value: value, state: .shown), splits: [])
            alone.protect()
            return alone.total.state
        }
        func monthCell(_ month: CalendarMonth) -> SharedTotalProtection.Cell {
            let value = figures.tally(for: month).incidents
            return SharedTotalProtection.Cell(value: value, state: standalone(value), isFixed: true)
        }
        months = (0..<Self.monthCount).map { offset in
            let month = figures.closedThrough.adding(months: offset - Self.monthCount + 1)
            let cell = monthCell(month)
            return Month(month: month, incidents: Count(cell.value, cell.state))
        }

        schoolYears = figures.completeYears.map { year in
            let tally = figures.tally(for: year)
            let yearMonths = (year.firstMonth.index...year.lastMonth.index).map { monthCell(CalendarMonth(index: $0)) }
            var incidents = SharedTotalProtection(threshold: threshold, total: .init(value: tally.incidents, state: .shown),
                                                  splits: [yearMonths, tally.categories.map { .init(value: $0, state: .shown) }])
            incidents.protect()
            let facts = figures.years[year] ?? .init(distinctAccounts: 0, repeatAccounts: 0, recordedTimes: 0, within24Hours: 0, medianHours: nil)
            var times = SharedTotalProtection(threshold: threshold, total: .init(value: facts.recordedTimes, state: .shown),
                                              splits: [[.init(value: facts.within24Hours, state: .shown),
                                                        .init(value: facts.recordedTimes - facts.within24Hours, state: .shown)]])
            times.protect()
            func alone(_ value: Int) -> Count { Count(value, standalone(value)) }
            func count(_ cell: SharedTotalProtection.Cell) -> Count { Count(cell.value, cell.state) }
            let recorded = count(times.total)
            return Year(year: year, incidents: count(incidents.total), categories: incidents.splits[1].map(count),
                        actions: tally.actions.map(alone), distinctAccounts: alone(facts.distinctAccounts),
                        repeatAccounts: alone(facts.repeatAccounts), recordedTimes: recorded,
                        within24Hours: count(times.splits[0][0]), over24Hours: count(times.splits[0][1]),
                        medianHours: facts.recordedTimes >= Self.medianMinimum && recorded.value != nil ? facts.medianHours : nil)
        }
    }
}
