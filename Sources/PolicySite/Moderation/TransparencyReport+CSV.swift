extension TransparencyReport {
    /// `transparency/stats.csv`: the same figures, one a row, header `period,table,key,value`;
    /// a hidden count is `c` (the Government Statistical Service symbol).
    public func statsCSV() -> String {
        var lines = ["period,table,key,value"]
        func add(_ period: String, _ table: String, _ key: String, _ count: Count) {
            lines.append("\(period),\(table),\(key),\(count.value.map(String.init) ?? "c")")
        }
        func addRow(_ row: Row) {
            let period = row.year?.description ?? "all"
            add(period, "incidents", "all", row.incidents)
            for (term, count) in zip(categories, row.categories) { add(period, "category", term.key, count) }
            for (term, count) in zip(actions, row.actions) { add(period, "action", term.key, count) }
        }
        schoolYears.forEach(addRow)
        addRow(totals)
        for month in months { add(month.month.description, "incidents", "all", month.incidents) }
        add("all", "accounts", "distinct", distinctAccounts)
        add("all", "accounts", "repeat", repeatAccounts)
        add("all", "time-to-action", "recorded", recordedTimes)
        lines.append("all,time-to-action,median-hours,\(medianHours.map(jsonNumber) ?? "c")")
        add("all", "time-to-action", "within-24-hours", within24Hours)
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
