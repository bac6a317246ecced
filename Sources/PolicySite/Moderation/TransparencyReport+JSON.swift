extension TransparencyReport {
    public static let jsonSchema = "policysite/stats/v1"

    /// `transparency/stats.json` as DESIGN.md pins it: hidden counts are `null`, keys in a fixed order.
    public func statsJSON() -> String {
        func count(_ count: Count) -> String { count.value.map(String.init) ?? "null" }
        func object(_ keys: [SiteConfiguration.Term], _ counts: [Count]) -> String {
            "{" + zip(keys, counts).map { "\(JSONText.string($0.key)): \(count($1))" }.joined(separator: ", ") + "}"
        }
        func row(_ row: Row) -> String {
            var fields: [String] = []
            if let year = row.year { fields.append("\"year\": \(JSONText.string(year.description))") }
            fields.append("\"incidents\": \(count(row.incidents))")
            fields.append("\"categories\": \(object(categories, row.categories))")
            fields.append("\"actions\": \(object(actions, row.actions))")
            return "{" + fields.joined(separator: ", ") + "}"
        }
        let periodJSON = period.map { "{\"from\": \(JSONText.string($0.lowerBound.description)), \"to\": \(JSONText.string($0.upperBound.description))}" } ?? "null"
        let lines = [
            "\"schema\": \(JSONText.string(Self.jsonSchema))",
            "\"asOf\": \(JSONText.string(asOf.description))",
            "\"exampleData\": \(isExampleData)",
            "\"period\": \(periodJSON)",
            "\"lastEntry\": \(lastEntry.map { JSONText.string($0.description) } ?? "null")",
            "\"suppressionThreshold\": \(threshold)",
            "\"schoolYears\": [" + schoolYears.map { "\n    " + row($0) }.joined(separator: ",") + (schoolYears.isEmpty ? "]" : "\n  ]"),
            "\"totals\": \(row(totals))",
            "\"months\": [" + months.map { "\n    {\"month\": \(JSONText.string($0.month.description)), \"incidents\": \(count($0.incidents))}" }.joined(separator: ",") + "\n  ]",
            "\"accounts\": {\"distinct\": \(count(distinctAccounts)), \"repeat\": \(count(repeatAccounts))}",
            "\"timeToAction\": {\"recorded\": \(count(recordedTimes)), \"medianHours\": \(medianHours.map(jsonNumber) ?? "null"), \"within24Hours\": \(count(within24Hours))}",
        ]
        return "{\n  " + lines.joined(separator: ",\n  ") + "\n}\n"
    }
}


/// A finite number as JSON writes it: `3` rather than `3.0`.
func jsonNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
