extension TransparencyReport {
    /// `transparency/stats.csv`: the same figures, one a row, header `period,table,key,value`;
    /// a hidden count is `c` (the Government Statistical Service symbol).
    public func statsCSV() -> String {
        var lines = ["period,table,key,value"]
        func add(_ period: String, _ table: String, _ key: String, _ count: Count) {
            lines.append("\(period),\(table),\(key),\(count.value.map(String.init) ?? "c")")
        }
        for row in schoolYears {
            let period = row.year.description
            add(period, "incidents", "all", row.incidents)
            for (term, count) in zip(categories, row.categories) { add(period, "category", term.key, count) }
            for (term, count) in zip(actions, row.actions) { add(period, "action", term.key, count) }
            add(period, "accounts", "distinct", row.distinctAccounts)
            add(period, "accounts", "repeat", row.repeatAccounts)
            add(period, "time-to-action", "recorded", row.recordedTimes)
            add(period, "time-to-action", "within-24-hours", row.within24Hours)
            add(period, "time-to-action", "over-24-hours", row.over24Hours)
            lines.append("\(period),time-to-action,median-hours,\(row.medianHours.map(jsonNumber) ?? "c")")
        }
        for month in months { add(month.month.description, "incidents", "all", month.incidents) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
