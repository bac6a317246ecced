extension TransparencyReport {
    /// v2 counts complete months only (schemas/stats-v2.schema.json says what changed from v1).
    public static let jsonSchema = "policysite/stats/v2"

    /// `transparency/stats.json`: hidden counts are `null`, keys in a fixed order.
    public func statsJSON() -> String {
        func count(_ count: Count) -> String { count.value.map(String.init) ?? "null" }
        func object(_ keys: [SiteConfiguration.Term], _ counts: [Count]) -> String {
            "{" + zip(keys, counts).map { "\(JSONText.string($0.key)): \(count($1))" }.joined(separator: ", ") + "}"
        }
        func row(_ row: Row, _ head: [String]) -> String {
            var fields = head
            fields.append("\"incidents\": \(count(row.incidents))")
            fields.append("\"categories\": \(object(categories, row.categories))")
            fields.append("\"actions\": \(object(actions, row.actions))")
            return "{" + fields.joined(separator: ", ") + "}"
        }
        let periodJSON = period.map { "{\"from\": \(JSONText.string($0.lowerBound.description)), \"to\": \(JSONText.string($0.upperBound.description))}" } ?? "null"
        let totalsJSON = totals.map { totals in
            row(totals, ["\"from\": \(JSONText.string(schoolYears.first!.year!.description))", "\"to\": \(JSONText.string(schoolYears.last!.year!.description))"])
        } ?? "null"
        let lines = [
            "\"schema\": \(JSONText.string(Self.jsonSchema))",
            "\"asOf\": \(JSONText.string(asOf.description))",
            "\"exampleData\": \(isExampleData)",
            "\"closedThrough\": \(JSONText.string(closedThrough.description))",
            "\"period\": \(periodJSON)",
            "\"suppressionThreshold\": \(threshold)",
            "\"ledger\": \(hasLedger)",
            "\"schoolYears\": [" + schoolYears.map { "\n    " + row($0, ["\"year\": \(JSONText.string($0.year!.description))"]) }.joined(separator: ",") + (schoolYears.isEmpty ? "]" : "\n  ]"),
            "\"totals\": \(totalsJSON)",
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
