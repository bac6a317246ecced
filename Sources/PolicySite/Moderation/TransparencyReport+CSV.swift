extension TransparencyReport {
    /// `transparency/stats.csv`: the same figures, one a row, header `period,table,key,value`;
    /// a hidden count is `c` (the Government Statistical Service symbol). The totals' period is
    /// `2016/17 to 2025/26` (the complete school years); the whole-log figures' is
    /// `2016-09 to 2026-10` (the complete months).
    public func statsCSV() -> String {
        var lines = ["period,table,key,value"]
        func add(_ period: String, _ table: String, _ key: String, _ count: Count) {
            lines.append("\(period),\(table),\(key),\(count.value.map(String.init) ?? "c")")
        }
        let allYears = "\(schoolYears.first?.year?.description ?? "") to \(schoolYears.last?.year?.description ?? "")"
        let allMonths = period.map { "\($0.lowerBound) to \($0.upperBound)" } ?? "to \(closedThrough)"
        func addRow(_ row: Row) {
            let period = row.year?.description ?? allYears
            add(period, "incidents", "all", row.incidents)
            for (term, count) in zip(categories, row.categories) { add(period, "category", term.key, count) }
            for (term, count) in zip(actions, row.actions) { add(period, "action", term.key, count) }
        }
        schoolYears.forEach(addRow)
        if let totals { addRow(totals) }
        for month in months { add(month.month.description, "incidents", "all", month.incidents) }
        add(allMonths, "accounts", "distinct", distinctAccounts)
        add(allMonths, "accounts", "repeat", repeatAccounts)
        add(allMonths, "time-to-action", "recorded", recordedTimes)
        lines.append("\(allMonths),time-to-action,median-hours,\(medianHours.map(jsonNumber) ?? "c")")
        add(allMonths, "time-to-action", "within-24-hours", within24Hours)
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
